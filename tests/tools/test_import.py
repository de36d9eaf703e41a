"""Bulk import of tool sheets: the template twice, a dry run, every kind of bad row, the admin."""

import csv
import html
import io
import json
import re
import zipfile
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.urls import reverse
from openpyxl import Workbook
from wagtail.documents import get_document_model
from wagtail.models import Locale

from tests.factories import EditorFactory, ReviewerFactory
from tests.html import parse, text_of
from tests.sample_files import pdf
from tools.importer import (
    COLUMNS,
    ImportFile,
    ImportFileError,
    apply,
    plan,
    read_rows,
    source_index,
)
from tools.models import ToolPage

pytestmark = pytest.mark.django_db

TEMPLATE = Path(settings.BASE_DIR) / "tools/static/tools/import/modele-import-fiches.csv"


def french_tools():
    return ToolPage.objects.filter(locale=Locale.get_default())


def csv_file(rows, delimiter=","):
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, delimiter=delimiter)
    writer.writeheader()
    for row in rows:
        writer.writerow({column: row.get(column, "") for column in COLUMNS})
    return buffer.getvalue().encode()


def tool_row(**changes):
    row = {
        "sheet_number": "95",
        "title": "Journal de bord du comité",
        "summary": "Un carnet partagé pour garder la trace des décisions du comité.",
        "levers": "Ressources humaines",
        "phases": "Lancement; growth",
        "themes": "Gouvernance",
        "complexity": "1",
        "authors": "Anne Exemple; Luc Essai",
        "target_groups": "Les comités; Les équipes bénévoles",
    }
    row.update(changes)
    return row


def import_file(name, data, **options):
    import_plan = plan(read_rows(name, data), **options)
    return import_plan, (apply(import_plan) if import_plan.importable else None)


def refusals(import_plan):
    return [error for row in import_plan.rows for error in row.errors]


def test_the_template_imports_each_tool_once_however_often_it_is_imported():
    before = french_tools().count()
    data = TEMPLATE.read_bytes()
    first, written = import_file(TEMPLATE.name, data)
    assert [row.action for row in first.rows] == ["create", "create"]
    assert len(written) == 2
    assert french_tools().count() == before + 2

    imported = french_tools().get(sheet_number="90")
    assert not imported.live, "imported sheets are drafts"
    assert imported.get_parent().specific == source_index()
    assert [lever.slug for lever in imported.levers.all()] == ["strategic-alliances"]
    assert sorted(phase.slug for phase in imported.phases.all()) == ["conception", "maturation"]
    assert [step.value["title"] for step in imported.instructions] == [
        "Lister",
        "Classer",
        "Choisir",
    ]
    assert "<li>Qui peut nous aider ?</li>" in imported.reasons
    revisions = imported.revisions.count()

    second, written_again = import_file(TEMPLATE.name, data)
    assert [row.action for row in second.rows] == ["unchanged", "unchanged"]
    assert written_again == []
    assert french_tools().count() == before + 2
    assert imported.revisions.count() == revisions


def test_a_dry_run_reports_and_writes_nothing():
    before = french_tools().count()
    call_command("import_tools", str(TEMPLATE), "--dry-run", stdout=io.StringIO())
    assert french_tools().count() == before


def test_a_changed_row_becomes_a_new_draft_and_leaves_the_live_sheet_alone():
    import_file("fiches.csv", csv_file([tool_row()]))
    page = french_tools().get(sheet_number="95")
    page.save_revision().publish()

    changed, _written = import_file(
        "fiches.csv", csv_file([tool_row(summary="Un carnet pour les décisions et leurs raisons.")])
    )
    assert [(row.action, row.changes) for row in changed.rows] == [("update", ["summary"])]
    page.refresh_from_db()
    assert page.summary.startswith("Un carnet partagé"), "the live sheet is unchanged"
    assert page.has_unpublished_changes
    draft = page.get_latest_revision_as_object()
    assert draft.summary == "Un carnet pour les décisions et leurs raisons."
    assert draft.authors == "Anne Exemple, Luc Essai"


def test_the_sites_own_open_data_can_be_imported_again_without_changes(client):
    catalogue = client.get("/open-data/fr/tools.json").content
    import_plan = plan(read_rows("sbm-tools-fr.json", catalogue))
    assert import_plan.rows, "the demo catalogue has tools"
    assert not import_plan.refused, refusals(import_plan)
    changed = [(row.sheet_number, row.changes) for row in import_plan.rows if row.changes]
    assert changed == []


def test_a_catalogue_in_another_language_is_refused():
    data = json.dumps({"language": "de", "tools": [tool_row()]}).encode()
    with pytest.raises(ImportFileError, match="(?i)language|langue"):
        read_rows("sbm-tools-de.json", data)


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"levers": "Ressources lunaires"}, "Ressources lunaires"),
        ({"summary": '=HYPERLINK("https://example.org")'}, "summary"),
        ({"complexity": "extrême"}, "complexity"),
        ({"effort_hours": "deux"}, "effort_hours"),
        ({"files": "https://example.org/fiche.pdf"}, "https://example.org/fiche.pdf"),
        ({"files": "absent.pdf"}, "absent.pdf"),
        ({"title": ""}, "title"),
        ({"title": "x" * 300}, "title"),
    ],
)
def test_a_bad_row_is_refused_with_its_reason_and_nothing_is_imported(changes, expected):
    before = french_tools().count()
    good, bad = tool_row(sheet_number="96"), tool_row(**changes)
    import_plan = plan(read_rows("fiches.csv", csv_file([good, bad])))
    [refused] = import_plan.refused
    assert refused.number == 3, "rows are numbered as a spreadsheet program numbers them"
    assert any(expected in error for error in refused.errors), refused.errors
    with pytest.raises(ImportFileError):
        apply(import_plan)
    assert french_tools().count() == before


def test_a_sheet_number_twice_in_one_file_is_refused():
    import_plan = plan(read_rows("fiches.csv", csv_file([tool_row(), tool_row()])))
    assert len(import_plan.refused) == 1
    assert "95" in import_plan.refused[0].errors[0]


def test_a_file_without_the_required_columns_is_refused_as_a_whole():
    with pytest.raises(ImportFileError, match="summary"):
        read_rows("fiches.csv", b"sheet_number,title\n97,Outil\n")
    with pytest.raises(ImportFileError, match="couleur"):
        read_rows("fiches.csv", b"sheet_number,title,summary,couleur\n97,Outil,Bref,bleu\n")
    with pytest.raises(ImportFileError):
        read_rows("fiches.ods", b"whatever")
    with pytest.raises(ImportFileError):
        read_rows("fiches.csv", "sheet_number,title,summary\n97,Été,Bref\n".encode("latin-1"))


def test_formulas_in_an_excel_file_are_refused():
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["sheet_number", "title", "summary"])
    sheet.append(["98", "Outil calculé", "=1+1"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    import_plan = plan(read_rows("fiches.xlsx", buffer.getvalue()))
    [refused] = import_plan.refused
    assert "summary" in refused.errors[0]


def test_files_come_from_the_archive_once_and_are_checked():
    files = {"fiche.pdf": ImportFile("fiche.pdf", pdf())}
    import_file("fiches.csv", csv_file([tool_row(files="fiche.pdf")]), files=files)
    page = french_tools().get(sheet_number="95")
    draft = page.get_latest_revision_as_object()
    [instrument] = draft.instruments.all()
    assert instrument.document.file_extension == "pdf"
    documents = get_document_model().objects.count()

    again, _written = import_file(
        "fiches.csv", csv_file([tool_row(files="fiche.pdf")]), files=files
    )
    assert [row.action for row in again.rows] == ["unchanged"]
    assert get_document_model().objects.count() == documents

    scripted = {"fiche.pdf": ImportFile("fiche.pdf", pdf(javascript="app.alert(1)"))}
    refused = plan(read_rows("fiches.csv", csv_file([tool_row(files="fiche.pdf")])), files=scripted)
    assert refused.refused


@override_settings(WAGTAILDOCS_MAX_UPLOAD_SIZE=100)
def test_an_oversize_file_is_refused():
    files = {"fiche.pdf": ImportFile("fiche.pdf", pdf())}
    import_plan = plan(
        read_rows("fiches.csv", csv_file([tool_row(files="fiche.pdf")])), files=files
    )
    [refused] = import_plan.refused
    assert "fiche.pdf" in refused.errors[0]


def test_the_command_refuses_a_bad_file_and_writes_nothing(tmp_path):
    path = tmp_path / "fiches.csv"
    path.write_bytes(csv_file([tool_row(levers="Inconnu")]))
    before = french_tools().count()
    with pytest.raises(CommandError, match="refused"):
        call_command("import_tools", str(path), stdout=io.StringIO())
    assert french_tools().count() == before


def test_an_editor_checks_then_imports_the_template_as_drafts_sent_to_review(client):
    editor = EditorFactory(username="importatrice")
    client.force_login(editor)
    url = reverse("tools_import")
    page = parse(client.get(url).content)
    assert page.select_one("a[download]")["href"].endswith("modele-import-fiches.csv")

    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("notice.pdf", pdf())
    response = client.post(
        url,
        {
            "action": "check",
            "spreadsheet": SimpleUploadedFile(
                "fiches.csv", csv_file([tool_row(files="notice.pdf")])
            ),
            "archive": SimpleUploadedFile("documents.zip", archive.getvalue()),
            "submit_for_review": "on",
        },
    )
    assert response.status_code == 200
    checked = parse(response.content)
    assert "Journal de bord du comité" in text_of(checked.select_one("table.listing"))
    assert not french_tools().filter(sheet_number="95").exists(), "the check writes nothing"
    token = checked.select_one("input[name=token]")["value"]

    response = client.post(url, {"action": "import", "token": token})
    assert response.status_code == 302
    imported = french_tools().get(sheet_number="95")
    assert not imported.live
    assert imported.workflow_in_progress
    assert imported.get_latest_revision().user == editor


def test_a_bad_file_in_the_admin_is_a_clear_error_not_a_crash(client):
    client.force_login(EditorFactory(username="importatrice"))
    response = client.post(
        reverse("tools_import"),
        {"action": "check", "spreadsheet": SimpleUploadedFile("fiches.csv", b"\xff\xfe\x00bad")},
    )
    assert response.status_code == 200
    assert parse(response.content).select_one("[role=alert]") is not None


def test_people_who_cannot_add_tools_cannot_import(client):
    client.force_login(ReviewerFactory(username="relectrice"))
    response = client.post(
        reverse("tools_import"),
        {
            "action": "check",
            "spreadsheet": SimpleUploadedFile("fiches.csv", csv_file([tool_row()])),
        },
    )
    assert response.status_code in (302, 403)
    assert not french_tools().filter(sheet_number="95").exists()


def test_the_guide_quotes_the_labels_the_import_page_shows(client):
    """Every label the editors' guide puts in bold is on the screen it describes."""
    chapter = (Path(settings.BASE_DIR) / "docs/guide/fr/importing-tools.md").read_text()
    quoted = re.findall(r"\*\*([^*]+)\*\*", chapter)
    assert quoted, "the chapter quotes the screen's labels in bold"
    client.force_login(EditorFactory(username="importatrice"))
    url = reverse("tools_import")
    screens = client.get(url).content.decode()
    screens += client.post(
        url,
        {
            "action": "check",
            "spreadsheet": SimpleUploadedFile("fiches.csv", csv_file([tool_row()])),
        },
    ).content.decode()
    shown = html.unescape(screens)
    words = " ".join(shown.split())
    assert [label for label in quoted if label not in words] == []
