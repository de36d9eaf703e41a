"""Search index updates (modelsearch), Wagtail's reference index, tool-sheet PDFs, e-mails and
edge purges share one task backend and queue: the worker that renders PDFs indexes too."""

import pytest
from django.core.management import call_command
from django.test import override_settings
from django_tasks_db.models import DBTaskResult
from modelsearch.tasks import insert_or_update_object_task
from wagtail.tasks import update_reference_index_task

from core.mail import send_email
from core.page_cache import refresh_pages
from core.pdf import render_page_pdf
from tests.factories import ToolPageFactory
from tools.models import ToolPage


def test_every_task_goes_to_the_default_backend_and_queue():
    tasks = [
        insert_or_update_object_task,
        update_reference_index_task,
        render_page_pdf,
        send_email,
        refresh_pages,
    ]
    assert {(task.backend, task.queue_name) for task in tasks} == {("default", "default")}


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}})
def test_a_new_sheet_is_indexed_by_the_worker():
    tool = ToolPageFactory(title="Boussole zygomatique")
    queued = DBTaskResult.objects.filter(task_path=insert_or_update_object_task.module_path)
    assert any(
        result.args_kwargs["args"] == ["tools", "toolpage", str(tool.pk)] for result in queued
    )
    assert tool.pk not in [page.pk for page in ToolPage.objects.live().search("zygomatique")]

    call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)

    assert tool.pk in [page.pk for page in ToolPage.objects.live().search("zygomatique")]
