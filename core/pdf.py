"""The one PDF service (WeasyPrint): tool sheets, guides and shared models alike.

- Stored once per page, revision and language (`stored_pdf`): a file's name carries what it
  was made from, so an edit can never serve a stale PDF, and a reader gets the stored file
  instead of waiting for WeasyPrint; the files of earlier revisions are removed.
- Regenerated in the background: publishing a page type that has a PDF (a tool sheet, a guide,
  a shared model) queues the task `render_page_pdf` (`queue_pdf`), which calls the function the
  page type names as its `stored_pdf` (`core.lazy.helper_at`); a reader who comes before the
  worker has it rendered on demand.

- Tagged PDF/UA-1: a structure tree screen readers follow, the document language (`/Lang`,
  from `<html lang>`) and its title.
- Links resolve against the public origin (SITE_URL), so a relative link in the page is a
  clickable link to the site in the PDF.
- Images, fonts and stylesheets are the site's own static and media files, read from disk and
  storage directly: rendering never makes a request to the server itself or to another
  address a page's content names.
"""

import hashlib
import mimetypes
from contextlib import contextmanager
from contextvars import ContextVar
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import HttpResponse
from django_tasks import task
from wagtail.models import Page
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

from core.urls import absolute_url

PDF_VARIANT = "pdf/ua-1"


def _read_static(name):
    found = finders.find(name)
    if found:
        with open(found, "rb") as static_file:
            return static_file.read()
    # Collected static files (hashed names in production).
    with staticfiles_storage.open(name) as static_file:
        return static_file.read()


class LocalFilesFetcher(URLFetcher):
    """WeasyPrint's URL fetcher: the site's media and static files, and data: URLs; nothing
    else."""

    def fetch(self, url, headers=None):
        parts = urlsplit(url)
        if parts.scheme == "data":
            return super().fetch(url, headers)
        path = unquote(parts.path)
        if path.startswith(settings.STATIC_URL):
            data = _read_static(path[len(settings.STATIC_URL) :])
        elif settings.MEDIA_URL.startswith("/") and path.startswith(settings.MEDIA_URL):
            with default_storage.open(path[len(settings.MEDIA_URL) :]) as stored:
                data = stored.read()
        else:
            raise ValueError(f"Only the site's own files are embedded in a PDF, not {url}")
        mime_type, _encoding = mimetypes.guess_type(path)
        return URLFetcherResponse(
            url, data, {"Content-Type": mime_type or "application/octet-stream"}
        )


def html_to_pdf(html):
    """PDF bytes of an HTML document (its `<html lang>` and `<title>` become the PDF's)."""
    document = HTML(string=html, base_url=absolute_url("/"), url_fetcher=LocalFilesFetcher())
    return document.write_pdf(pdf_variant=PDF_VARIANT)


def version_name(page, *made_from):
    """A stored PDF's name: the page's revision, a digest of what else it was made from (the
    rendered HTML, the sections it prints) and its language, e.g. "r42-1a2b3c4d5e6f-fr.pdf"."""
    source = page.alias_of.specific if page.alias_of_id else page
    revision = source.live_revision_id or source.latest_revision_id or 0
    digest = hashlib.sha256(repr(made_from).encode()).hexdigest()[:12]
    return f"r{revision}-{digest}-{page.locale.language_code}.pdf"


def stored_pdf(folder, name, render):
    """The PDF bytes stored at `folder/name`; when absent, `render()` makes them, they are
    stored, and the folder's other files (earlier revisions) are removed.

    The worker and a reader may render the same revision at once: each keeps the file it
    renders, and a file removed between the check and the read (a publication) is rendered
    again rather than failing.
    """
    path = f"{folder}/{name}"
    if default_storage.exists(path):
        try:
            with default_storage.open(path) as stored:
                return stored.read()
        except FileNotFoundError:
            pass
    data = render()
    remove_stored_pdfs(folder, keep=path)
    if not default_storage.exists(path):
        default_storage.save(path, ContentFile(data))
    return data


def remove_stored_pdfs(folder, keep=None):
    """Remove the PDFs stored in `folder`, but `keep` (a path)."""
    try:
        _folders, files = default_storage.listdir(folder)
    except (FileNotFoundError, NotImplementedError):
        return
    for name in files:
        path = f"{folder}/{name}"
        if path != keep:
            default_storage.delete(path)


def pdf_response(data, filename):
    """The PDF shown in the browser, saved under `filename` (ends in .pdf)."""
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


_regeneration_paused = ContextVar("pdf_regeneration_paused", default=False)


@contextmanager
def regeneration_paused():
    """Publish many pages at once (demo content, imports, test factories) without queueing
    each one's PDF. Nothing stale can be served: PDFs are stored per revision and rendered on
    first request."""
    token = _regeneration_paused.set(True)
    try:
        yield
    finally:
        _regeneration_paused.reset(token)


def regeneration_is_paused():
    return _regeneration_paused.get()


def queue_pdf(page):
    """Queue the page's PDF for the worker, unless regeneration is paused. Called on
    publication, in its transaction: the worker sees the task once the revision is committed."""
    if not regeneration_is_paused():
        render_page_pdf.enqueue(page.pk)


def queue_pdf_on_publish(sender, instance, **kwargs):
    """page_published of a page type with a PDF (connected in its app's `ready()`)."""
    queue_pdf(instance)


@task()
def render_page_pdf(page_id):
    """Render and store a published page's PDF (a reader may have had it rendered already).

    Returns whether the page is live and has its PDF.
    """
    page = Page.objects.live().filter(pk=page_id).first()
    if page is None:
        # Unpublished or deleted since: nothing to print.
        return False
    page = page.specific
    # An error (a broken image) fails this task only, logged with its traceback by the task
    # framework, never the publication; the PDF view renders on demand.
    page.stored_pdf(page)
    return True
