"""A French tool sheet translated into German through wagtail-localize, end to end."""

import json
import subprocess

import polib
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import (
    OverridableSegment,
    SegmentOverride,
    StringSegment,
    StringTranslation,
)

from tests.factories import DocumentFactory, ModeratorFactory, ToolPageFactory, TranslatorFactory
from tests.html import parse, text_of
from tools.models import ToolPage
from translations.status import IN_PROGRESS, MISSING, OUTDATED, UP_TO_DATE, translation_status

from .helpers import fill_strings, start_translation

pytestmark = pytest.mark.django_db

GERMAN = {
    "Canevas du modèle socio-économique": "Canvas des sozioökonomischen Modells",
    "Un canevas en neuf blocs pour décrire le modèle de son organisation.": (
        "Ein Canvas in neun Blöcken, um das Modell der eigenen Organisation zu beschreiben."
    ),
    "2 à 3 heures": "2 bis 3 Stunden",
    "Fiche de travail": "Arbeitsblatt",
}


# A French sheet of the library, in its own tree only: the translation creates the German one.
CANVAS_SHEET = {
    "title": "Canevas du modèle socio-économique",
    "slug": "canevas-test",
    "sheet_number": "T99",
    "summary": "Un canevas en neuf blocs pour décrire le modèle de son organisation.",
    "effort": "2 à 3 heures",
    "aliases": False,
}


def german(text):
    return GERMAN.get(text, text)


def status_of(page, language_code):
    locale = Locale.objects.get(language_code=language_code)
    rows, _counts = translation_status(locales=[locale])
    (row,) = [row for row in rows if row.item.kind == "page" and row.item.pk == page.pk]
    return row


def test_changed_source_is_outdated_and_resync_keeps_unchanged_german_text(
    django_capture_on_commit_callbacks,
):
    tool = ToolPageFactory(**CANVAS_SHEET)
    assert status_of(tool, "de").status == MISSING

    source, translation = start_translation(tool, "de")
    fill_strings(source, translation.target_locale, german)
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)
    german_tool = tool.get_translation(translation.target_locale)
    assert german_tool.title == "Canvas des sozioökonomischen Modells"
    assert german_tool.live
    assert status_of(tool, "de").status == UP_TO_DATE

    tool.summary = "Un canevas en neuf blocs, à remplir à quatre ou huit personnes."
    tool.save_revision().publish()
    row = status_of(tool, "de")
    assert row.status == OUTDATED
    # Saving the German again without a sync does not bring the French change in.
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)
    assert status_of(tool, "de").status == OUTDATED

    # Synchronised: the translation has the new French text, which waits for its German (the
    # translation editor's work), and the page is not saved yet: in progress, nothing to sync.
    source.update_from_db()
    row = status_of(tool, "de")
    assert row.status == IN_PROGRESS
    assert row.translated == row.total - 1

    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)
    german_tool = ToolPage.objects.get(pk=german_tool.pk)
    assert german_tool.title == "Canvas des sozioökonomischen Modells"
    assert german_tool.effort == "2 bis 3 Stunden"
    # The changed sentence has no German yet: it shows in French and the row waits for it.
    assert german_tool.summary.startswith("Un canevas en neuf blocs, à remplir")
    row = status_of(tool, "de")
    assert row.status == IN_PROGRESS
    assert row.translated == row.total - 1


def test_unpublished_translation_is_in_progress():
    tool = ToolPageFactory(**CANVAS_SHEET)
    source, translation = start_translation(tool, "de")
    fill_strings(source, translation.target_locale, german)
    translation.save_target(publish=False)
    assert status_of(tool, "de").status == IN_PROGRESS
    assert status_of(tool, "it").status == MISSING


def test_a_german_sheet_offers_its_own_german_worksheet(django_capture_on_commit_callbacks):
    tool = ToolPageFactory(**CANVAS_SHEET, instrument_titles=["Fiche de travail"])
    french_document = tool.instruments.get().document
    source, translation = start_translation(tool, "de")
    segment = OverridableSegment.objects.select_related("context").get(
        source=source, context__path__endswith=".document"
    )
    assert json.loads(segment.data_json) == french_document.pk

    german_document = DocumentFactory(title="arbeitsblatt-de")
    SegmentOverride.objects.create(
        locale=translation.target_locale,
        context=segment.context,
        data_json=json.dumps(german_document.pk),
    )
    fill_strings(source, translation.target_locale, german)
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)

    german_tool = tool.get_translation(translation.target_locale).specific
    instrument = german_tool.instruments.get()
    assert instrument.title == "Arbeitsblatt"
    assert instrument.document == german_document
    assert tool.instruments.get().document == french_document


def test_po_export_and_import_round_trip(client, tmp_path, django_capture_on_commit_callbacks):
    tool = ToolPageFactory(**CANVAS_SHEET)
    source, translation = start_translation(tool, "de")
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)
    translator = TranslatorFactory(language_code="de")
    client.force_login(translator)

    response = client.get(reverse("wagtail_localize:download_pofile", args=[translation.id]))
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith("-de.po")
    exported = tmp_path / "export.po"
    exported.write_bytes(response.content)
    check = subprocess.run(
        ["msgfmt", "--check", "-o", "/dev/null", str(exported)],  # noqa: S607
        capture_output=True,
        text=True,
    )
    assert check.returncode == 0, check.stderr

    po = polib.pofile(str(exported))
    assert {entry.msgid for entry in po} >= set(GERMAN) - {"Fiche de travail"}
    for entry in po:
        entry.msgstr = german(entry.msgid)
    upload = SimpleUploadedFile("offline.po", str(po).encode(), "text/x-gettext-translation")
    edit_url = reverse(
        "wagtailadmin_pages:edit", args=[tool.get_translation(translation.target_locale).pk]
    )
    response = client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.id]),
        {"file": upload, "next": edit_url},
    )
    assert response.status_code == 302
    assert response["Location"] == edit_url
    assert StringTranslation.objects.filter(
        locale=translation.target_locale, data="2 bis 3 Stunden"
    ).exists()

    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)
    german_tool = tool.get_translation(translation.target_locale).specific
    assert german_tool.title == "Canvas des sozioökonomischen Modells"
    assert german_tool.summary == GERMAN[tool.summary]
    assert status_of(tool, "de").status == UP_TO_DATE


def test_po_import_is_refused_to_a_translator_of_another_language(client):
    tool = ToolPageFactory(**CANVAS_SHEET)
    _source, translation = start_translation(tool, "de")
    translation.save_target(publish=False)
    client.force_login(TranslatorFactory(language_code="it"))
    response = client.get(reverse("wagtail_localize:download_pofile", args=[translation.id]))
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")


def sync_links(client, language_code):
    """The report's "sync" links in one language, by the French title of their row."""
    response = client.get(reverse("translations_status_report"), {"locale": language_code})
    return {
        text_of(row.select_one("td")): link["href"]
        for row in parse(response).select("table.listing > tbody > tr")
        for link in row.select("a.translation-sync")
    }


def test_an_outdated_translation_is_synced_from_the_report_by_its_translator(
    client, django_capture_on_commit_callbacks
):
    """A translator cannot open the French page (the explorer shows only their language):
    the status report offers them wagtail-localize's synchronisation of the French original,
    which keeps their texts and brings in the changed French one."""
    tool = ToolPageFactory(**CANVAS_SHEET)
    source, translation = start_translation(tool, "de")
    fill_strings(source, translation.target_locale, german)
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)
    translator = TranslatorFactory(language_code="de")
    client.force_login(translator)
    assert CANVAS_SHEET["title"] not in sync_links(client, "de"), "up to date: nothing to sync"

    tool.summary = "Un canevas en neuf blocs, à remplir à quatre ou huit personnes."
    tool.save_revision().publish()
    sync_url = sync_links(client, "de")[CANVAS_SHEET["title"]]
    assert sync_url.startswith(
        reverse("wagtail_localize:update_translations", args=[source.pk]) + "?next="
    )
    assert client.get(sync_url).status_code == 200
    response = client.post(sync_url, {})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("translations_status_report"))

    strings = dict(
        StringTranslation.objects.filter(
            locale=translation.target_locale, translation_of__segments__source=source
        ).values_list("translation_of__data", "data")
    )
    assert strings[CANVAS_SHEET["title"]] == "Canvas des sozioökonomischen Modells"
    segments = StringSegment.objects.filter(source=source).values_list("string__data", flat=True)
    assert tool.summary in segments
    assert tool.summary not in strings, "the changed sentence waits for its translation"
    german_tool = ToolPage.objects.get(pk=tool.get_translation(translation.target_locale).pk)
    assert german_tool.title == "Canvas des sozioökonomischen Modells"
    # Synchronised: the row waits for the translation of the new text, not for another sync.
    assert status_of(tool, "de").status == IN_PROGRESS
    assert CANVAS_SHEET["title"] not in sync_links(client, "de")

    # Translated and approved: up to date again.
    fill_strings(source, translation.target_locale, lambda text: f"DE {text}")
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)
    assert status_of(tool, "de").status == UP_TO_DATE


def test_the_sync_is_not_offered_to_a_translator_when_other_languages_depend_on_it(client):
    """A synchronisation updates every language of the page: with an Italian translation too,
    it belongs to the moderators (translations/middleware.py refuses it to the translator)."""
    tool = ToolPageFactory(**CANVAS_SHEET)
    for language_code in ("de", "it"):
        source, translation = start_translation(tool, language_code)
        fill_strings(source, translation.target_locale, german)
        translation.save_target(publish=True)
    tool.summary = "Un canevas en neuf blocs, à remplir à quatre ou huit personnes."
    tool.save_revision().publish()

    client.force_login(TranslatorFactory(language_code="de"))
    assert CANVAS_SHEET["title"] not in sync_links(client, "de")
    client.force_login(ModeratorFactory())
    assert CANVAS_SHEET["title"] in sync_links(client, "de")


def test_the_sync_form_offers_to_publish_only_to_who_may_publish(client):
    """A translator's synchronisation goes through review: the form does not offer "Publish
    immediately" (the middleware would refuse it); a moderator's form does."""
    tool = ToolPageFactory(**CANVAS_SHEET)
    source, translation = start_translation(tool, "de")
    fill_strings(source, translation.target_locale, german)
    translation.save_target(publish=True)
    url = reverse("wagtail_localize:update_translations", args=[source.pk])

    client.force_login(TranslatorFactory(language_code="de"))
    form = parse(client.get(url)).select_one("main form, form[method=POST]")
    assert form.select("input[name=publish_translations]") == []
    assert "passent par la relecture avant d’être publiées" in text_of(form)
    refused = client.post(url, {"publish_translations": "on"})
    assert (refused.status_code, refused["Location"]) == (302, reverse("wagtailadmin_home"))

    client.force_login(ModeratorFactory())
    form = parse(client.get(url)).select_one("main form, form[method=POST]")
    assert len(form.select("input[name=publish_translations]")) == 1
