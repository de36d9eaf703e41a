"""The printable tool sheet as a PDF (WeasyPrint), stored once per page, revision and language.

The file lives in the default storage under `tools/pdf/<page id>/`; its name carries the live
revision it was made from, so an edit can never serve a stale sheet. Publishing a sheet
regenerates its PDF (`regenerate_on_publish`, connected in `apps.py`) and removes the old ones.
Fonts (DejaVu, through fontconfig) are embedded by WeasyPrint; images are read from storage
and static files directly, never fetched over the network.
"""

import logging
import mimetypes
from contextlib import contextmanager
from contextvars import ContextVar
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.text import slugify
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

from core.urls import absolute_url, site_url

logger = logging.getLogger("sbm.tools.pdf")

PDF_FOLDER = "tools/pdf"


def pdf_filename(page):
    """e.g. "02a-canevas-du-modele.pdf"."""
    number = slugify(page.sheet_number)
    title = slugify(page.title)[:80]
    return f"{number}-{title}.pdf" if number else f"{title}.pdf"


def _source(page):
    return page.alias_of.specific if page.alias_of_id else page


def stored_path(page):
    source = _source(page)
    version = source.live_revision_id or source.latest_revision_id or 0
    language = page.locale.language_code
    return f"{PDF_FOLDER}/{page.pk}/r{version}-{language}.pdf"


class LocalFilesFetcher(URLFetcher):
    """WeasyPrint's URL fetcher: media and static files only, read without HTTP.

    Reading files directly avoids a request from the server to itself and never lets the
    content of a page make the server fetch another address.
    """

    def fetch(self, url, headers=None):
        path = urlsplit(url).path
        if path.startswith(settings.MEDIA_URL):
            with default_storage.open(path[len(settings.MEDIA_URL) :]) as stored:
                data = stored.read()
        elif path.startswith(settings.STATIC_URL):
            name = path[len(settings.STATIC_URL) :]
            found = finders.find(name)
            if found:
                with open(found, "rb") as static_file:
                    data = static_file.read()
            else:
                # Collected static files (hashed names in production).
                with staticfiles_storage.open(name) as static_file:
                    data = static_file.read()
        else:
            raise ValueError(f"Only the site's own files are embedded in a PDF, not {url}")
        mime_type, _encoding = mimetypes.guess_type(path)
        return URLFetcherResponse(
            url, data, {"Content-Type": mime_type or "application/octet-stream"}
        )


def render_pdf(page):
    from .sheet import classification, instruction_groups, instruments_with_counts, related_tools

    with translation.override(page.locale.language_code):
        html = render_to_string(
            "tools/tool_sheet_pdf.html",
            {
                "page": page,
                "terms": classification(page),
                "instruction_groups": instruction_groups(page.instructions),
                "instruments": instruments_with_counts(page),
                "related": related_tools(page),
                "site_url": site_url(),
            },
        )
    # Relative links of the sheet point at the public site; LocalFilesFetcher reads only the
    # path of the files it embeds.
    return HTML(
        string=html, base_url=absolute_url("/"), url_fetcher=LocalFilesFetcher()
    ).write_pdf()


def get_pdf(page):
    """The PDF bytes: from storage when this revision was already rendered."""
    path = stored_path(page)
    if default_storage.exists(path):
        with default_storage.open(path) as stored:
            return stored.read()
    data = render_pdf(page)
    remove_stored_pdfs(page)
    default_storage.save(path, ContentFile(data))
    return data


def remove_stored_pdfs(page):
    folder = f"{PDF_FOLDER}/{page.pk}"
    try:
        _folders, files = default_storage.listdir(folder)
    except (FileNotFoundError, NotImplementedError):
        return
    for name in files:
        default_storage.delete(f"{folder}/{name}")


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
    """page_published: render the new revision's PDF now, so the first reader waits for nothing.

    The language versions that are aliases of this sheet show the same content: their old
    PDFs are removed and their new ones are rendered when first asked for.
    """
    page = instance.specific
    for alias in page.aliases.all():
        remove_stored_pdfs(alias)
    remove_stored_pdfs(page)
    if _regeneration_paused.get():
        return
    try:
        get_pdf(page)
    except Exception:
        # A broken image must not stop an editor from publishing; the PDF view retries.
        logger.exception("Could not render the PDF of tool sheet %s", page.pk)
