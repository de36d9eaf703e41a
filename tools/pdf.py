"""The printable tool sheet as a PDF (WeasyPrint), stored once per page, revision and language.

The file lives in the default storage under `tools/pdf/<page id>/`; its name carries the live
revision it was made from, so an edit can never serve a stale sheet. Publishing a sheet queues
the task `render_sheet_pdf` (`regenerate_on_publish`, connected in `apps.py`, removes the old
files at once), so the editor gets the admin back without waiting for WeasyPrint; the worker
renders the new revision's PDF. A reader who asks before the worker is done gets the PDF rendered on
demand (`get_pdf`), never an error or a missing file.
Fonts (DejaVu, through fontconfig) are embedded by WeasyPrint; core/pdf.py renders it (tagged,
with its language, links to the public site, files read locally).
"""

import hashlib
from contextlib import contextmanager
from contextvars import ContextVar

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.text import slugify
from django_tasks import task
from wagtail.models import Page

from core.pdf import html_to_pdf
from core.sections import sections_for
from core.urls import site_url

from .blocks import instruction_groups
from .sheet import classification, instruments_with_counts, related_tools

PDF_FOLDER = "tools/pdf"


def pdf_filename(page):
    """e.g. "02a-canevas-du-modele.pdf"."""
    number = slugify(page.sheet_number)
    title = slugify(page.title)[:80]
    return f"{number}-{title}.pdf" if number else f"{title}.pdf"


def _source(page):
    return page.alias_of.specific if page.alias_of_id else page


def printed_sections(page):
    """What other apps add to the printed sheet (the contributors' credit), in its language."""
    with translation.override(page.locale.language_code):
        return sections_for("tool_sheet", page, None, printed=True)


def stored_path(page, sections=None):
    """Named after the revision and what the printed sections show, so a new revision or a
    newly credited contributor never gets an old file."""
    source = _source(page)
    version = source.live_revision_id or source.latest_revision_id or 0
    language = page.locale.language_code
    sections = printed_sections(page) if sections is None else sections
    shown = repr([(section["name"], section["context"]) for section in sections])
    digest = hashlib.sha256(shown.encode()).hexdigest()[:12]
    return f"{PDF_FOLDER}/{page.pk}/r{version}-{digest}-{language}.pdf"


def render_pdf(page, sections=None):
    sections = printed_sections(page) if sections is None else sections
    with translation.override(page.locale.language_code):
        html = render_to_string(
            "tools/tool_sheet_pdf.html",
            {
                "page": page,
                "terms": classification(page),
                "instruction_groups": instruction_groups(page.instructions),
                "instruments": instruments_with_counts(page),
                "related": related_tools(page),
                "sections": sections,
                "site_url": site_url(),
            },
        )
    return html_to_pdf(html)


def get_pdf(page):
    """The PDF bytes: from storage when this revision was already rendered, else rendered now.

    The worker and a reader may render the same revision at once: each keeps the file of the
    revision it renders, and a file removed between the check and the read (a publication)
    is rendered again rather than failing.
    """
    sections = printed_sections(page)
    path = stored_path(page, sections)
    if default_storage.exists(path):
        try:
            with default_storage.open(path) as stored:
                return stored.read()
        except FileNotFoundError:
            pass
    data = render_pdf(page, sections)
    remove_stored_pdfs(page, keep=path)
    if not default_storage.exists(path):
        default_storage.save(path, ContentFile(data))
    return data


def remove_stored_pdfs(page, keep=None):
    folder = f"{PDF_FOLDER}/{page.pk}"
    try:
        _folders, files = default_storage.listdir(folder)
    except (FileNotFoundError, NotImplementedError):
        return
    for name in files:
        path = f"{folder}/{name}"
        if path != keep:
            default_storage.delete(path)


def pdf_response(page, request):
    response = HttpResponse(get_pdf(page), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{pdf_filename(page)}"'
    return response


_regeneration_paused = ContextVar("tools_pdf_regeneration_paused", default=False)


@contextmanager
def regeneration_paused():
    """Publish many sheets at once (demo content, imports) without rendering each PDF now.

    Nothing stale can be served: PDFs are keyed by revision and rendered on first request.
    """
    token = _regeneration_paused.set(True)
    try:
        yield
    finally:
        _regeneration_paused.reset(token)


def regenerate_on_publish(sender, instance, **kwargs):
    """page_published: remove the sheet's old PDFs now and queue the new revision's, so the
    first reader waits for nothing and the editor does not wait either.

    The removal is quick and keeps a file of an earlier state from ever being served under
    the new revision's name (ids start again after a restore). The language versions that are
    aliases of this sheet are published too, and queue their own; their files go now as well.
    The task is queued in the publication's transaction: the worker sees it only once the
    revision is committed. While regeneration is paused, the new PDFs are rendered when first
    asked for.
    """
    page = instance.specific
    for alias in page.aliases.all():
        remove_stored_pdfs(alias)
    remove_stored_pdfs(page)
    if not _regeneration_paused.get():
        render_sheet_pdf.enqueue(page.pk)


@task()
def render_sheet_pdf(page_id):
    """Render a published sheet's PDF (a reader may have had it rendered already).

    Returns whether the sheet is live and has its PDF.
    """
    page = Page.objects.live().filter(pk=page_id).first()
    if page is None:
        # Unpublished or deleted since: nothing to print.
        return False
    # An error (a broken image) fails this task only, logged with its traceback by the task
    # framework, never the publication; the PDF view renders on demand.
    get_pdf(page.specific)
    return True
