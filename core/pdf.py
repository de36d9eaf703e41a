"""The one PDF pipeline (WeasyPrint): tool sheets, guides and shared models alike.

- Tagged PDF/UA-1: a structure tree screen readers follow, the document language (`/Lang`,
  from `<html lang>`) and its title.
- Links resolve against the public origin (SITE_URL), so a relative link in the page is a
  clickable link to the site in the PDF.
- Images, fonts and stylesheets are the site's own static and media files, read from disk and
  storage directly: rendering never makes a request to the server itself or to another
  address a page's content names.
"""

import mimetypes
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.files.storage import default_storage
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
