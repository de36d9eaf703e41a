"""The PDFs of guides and shared models go through the one PDF service (core/pdf.py): stored
once per revision, queued on publication, rendered on demand for a reader who comes first."""

import pytest
from django.core.files.storage import default_storage

from core.pdf import remove_stored_pdfs
from guides import pdf
from tests.factories import BusinessModelPageFactory, GuidePageFactory, ToolPageFactory
from tests.tools.test_pdf_tasks import database_queue, pdf_text, queued_pdf_tasks, run_worker

# The worker takes its tasks in transactions of its own, as it does beside the site.
pytestmark = pytest.mark.django_db(transaction=True)


def stored_files(page):
    try:
        return default_storage.listdir(f"{pdf.PDF_FOLDER}/{page.pk}")[1]
    except FileNotFoundError:
        return []


@pytest.fixture(autouse=True)
def no_stored_pdfs():
    """Ids start again after each test's flush: a page may have the id of an earlier test's."""
    try:
        folders, _files = default_storage.listdir(pdf.PDF_FOLDER)
    except FileNotFoundError:
        return
    for folder in folders:
        remove_stored_pdfs(f"{pdf.PDF_FOLDER}/{folder}")


@pytest.fixture
def renderings(monkeypatch):
    """How many documents WeasyPrint rendered for the guides app."""
    done = []
    render = pdf.html_to_pdf

    def counting(html):
        done.append(html)
        return render(html)

    monkeypatch.setattr(pdf, "html_to_pdf", counting)
    return done


def test_a_guide_pdf_is_rendered_once_per_revision_and_kept(client, guide_index, renderings):
    guide = GuidePageFactory(parent=guide_index, step_tools=[ToolPageFactory()])

    first = client.get(f"{guide.url}pdf/")
    again = client.get(f"{guide.url}pdf/")

    assert first.status_code == again.status_code == 200
    assert first.content == again.content
    assert len(renderings) == 1
    (name,) = stored_files(guide)
    assert name.startswith(f"r{guide.live_revision_id}-") and name.endswith("-fr.pdf")


def test_a_tool_published_since_makes_a_new_guide_pdf(client, guide_index, renderings):
    tool = ToolPageFactory(title="Outil avant")
    guide = GuidePageFactory(parent=guide_index, step_tools=[tool])
    client.get(f"{guide.url}pdf/")
    (old_name,) = stored_files(guide)

    tool.title = "Outil après"
    tool.save_revision().publish()
    response = client.get(f"{guide.url}pdf/")

    assert "Outil après" in pdf_text(response.content)
    assert len(renderings) == 2
    (new_name,) = stored_files(guide)
    assert new_name != old_name


@pytest.mark.parametrize("kind", ["guide", "shared model"])
def test_publishing_queues_the_pdf_and_the_worker_stores_it(
    kind, guide_index, model_index, renderings
):
    if kind == "guide":
        page = GuidePageFactory(parent=guide_index, step_tools=[ToolPageFactory()])
    else:
        page = BusinessModelPageFactory(parent=model_index)
    page.title = f"Nouvelle version ({kind})"

    with database_queue:
        page.save_revision().publish()
    page.refresh_from_db()

    (task,) = queued_pdf_tasks(page)
    assert task.status == "READY"
    assert renderings == []
    assert stored_files(page) == []

    run_worker()

    (task,) = queued_pdf_tasks(page)
    assert task.status == "SUCCESSFUL"
    (name,) = stored_files(page)
    assert name.startswith(f"r{page.live_revision_id}-")
    with default_storage.open(f"{pdf.PDF_FOLDER}/{page.pk}/{name}") as stored:
        assert f"Nouvelle version ({kind})" in " ".join(pdf_text(stored.read()).split())
    # Its language versions that are aliases were published with it and queued their own.
    assert len(renderings) == 1 + page.aliases.count()
