"""Publishing a sheet in the admin queues its PDF; the worker renders it; a reader who comes
first gets it rendered on demand (tools/pdf.py, the task framework's database queue)."""

import io

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django_tasks_db.models import DBTaskResult
from pypdf import PdfReader

from core.pdf import render_page_pdf
from tests.factories import AdministratorFactory, ToolPageFactory
from tests.home.test_section_team_permissions import edit_form_data
from tools import pdf
from tools.pdf import stored_path

# The worker takes its tasks in transactions of its own, as it does beside the site.
pytestmark = pytest.mark.django_db(transaction=True)

# The sheets are made without a queue (tasks run at once); only what the test does is queued.
database_queue = override_settings(
    TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
)


def pdf_text(content):
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def publish_in_the_admin(client, tool, title):
    """The editor changes the title and presses « Publier »."""
    editor = AdministratorFactory()
    client.force_login(editor)
    data = edit_form_data(tool, editor, title=title)
    # An empty instructions stream, as the editor's script sends it for this sheet.
    data["instructions-count"] = "0"
    with database_queue:
        response = client.post(
            reverse("wagtailadmin_pages:edit", args=[tool.pk]),
            {**data, "action-publish": "action-publish"},
        )
    assert response.status_code == 302, response.content[:2000]
    tool.refresh_from_db()
    assert tool.title == title and not tool.has_unpublished_changes
    return tool


def queued_pdf_tasks(page):
    """The page's own PDF task (the language versions of a sheet that are aliases get theirs)."""
    return [
        result
        for result in DBTaskResult.objects.filter(task_path=render_page_pdf.module_path)
        if result.args_kwargs["args"] == [page.pk]
    ]


def run_worker():
    with database_queue:
        call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)


@pytest.fixture
def sheet():
    """A published sheet with its PDF stored (a reader asked for it)."""
    sheet = ToolPageFactory()
    pdf.get_pdf(sheet)
    return sheet


@pytest.fixture
def counted_renderings(sheet, monkeypatch):
    """The ids of the pages whose PDF was rendered, once per rendering, from the sheet's
    creation on."""
    renderings = []
    render = pdf.render_pdf

    def counting(page, sections=None):
        renderings.append(page.pk)
        return render(page, sections)

    monkeypatch.setattr(pdf, "render_pdf", counting)
    return renderings


def test_publishing_in_the_admin_queues_the_pdf_and_does_not_render_it(
    client, sheet, counted_renderings
):
    tool = publish_in_the_admin(client, sheet, "Outil publié sans attendre son PDF")

    (queued,) = queued_pdf_tasks(tool)
    assert queued.status == "READY"
    assert counted_renderings == []
    assert not default_storage.exists(stored_path(tool))


def test_the_worker_renders_the_queued_pdf_of_the_new_revision(client, sheet, counted_renderings):
    old_path = stored_path(sheet)
    assert default_storage.exists(old_path)
    tool = publish_in_the_admin(client, sheet, "Outil rendu par le worker")
    assert counted_renderings == []

    run_worker()

    (done,) = queued_pdf_tasks(tool)
    assert done.status == "SUCCESSFUL"
    new_path = stored_path(tool)
    assert default_storage.exists(new_path)
    assert not default_storage.exists(old_path)
    with default_storage.open(new_path) as stored:
        assert "Outil rendu par le worker" in pdf_text(stored.read())
    assert counted_renderings.count(tool.pk) == 1


def test_a_reader_before_the_worker_gets_the_new_pdf_and_the_worker_does_not_render_it_again(
    client, sheet, counted_renderings
):
    tool = publish_in_the_admin(client, sheet, "Outil lu avant le worker")
    client.logout()

    response = client.get(tool.url + "pdf/")

    assert response.status_code == 200
    assert "Outil lu avant le worker" in pdf_text(response.content)
    run_worker()
    (done,) = queued_pdf_tasks(tool)
    assert done.status == "SUCCESSFUL"
    assert counted_renderings.count(tool.pk) == 1


def test_a_sheet_unpublished_before_the_worker_runs_has_nothing_to_render(
    sheet, counted_renderings
):
    sheet.unpublish()

    assert render_page_pdf.call(sheet.pk) is False
    assert counted_renderings == []


def test_without_a_worker_publishing_renders_the_pdf_at_once(sheet, counted_renderings):
    """The immediate backend (tests, development without a worker) keeps the old behaviour."""
    tool = sheet
    tool.title = "Outil rendu tout de suite"
    tool.save_revision().publish()
    tool.refresh_from_db()

    assert default_storage.exists(stored_path(tool))
    assert counted_renderings.count(tool.pk) == 1
