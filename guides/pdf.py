"""PDF downloads rendered with WeasyPrint: a whole guide, and a shared model's canvas.

Images and stylesheets are read from the storage and the static files directly (never over
HTTP from the site itself), so that rendering does not depend on the server answering itself.
"""

import mimetypes
from urllib.parse import unquote, urlparse

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.storage import default_storage
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.text import slugify
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

from core.urls import absolute_url


def _local_resource(url):
    """(bytes, mime type) of a static or media URL of this site, or None."""
    path = unquote(urlparse(url).path)
    if path.startswith(settings.STATIC_URL):
        found = finders.find(path[len(settings.STATIC_URL) :])
        if found:
            with open(found, "rb") as handle:
                return handle.read(), mimetypes.guess_type(found)[0]
    media_url = settings.MEDIA_URL
    if media_url.startswith("/") and path.startswith(media_url):
        name = path[len(media_url) :]
        if default_storage.exists(name):
            with default_storage.open(name, "rb") as handle:
                return handle.read(), mimetypes.guess_type(name)[0]
    return None


class LocalURLFetcher(URLFetcher):
    """Serves the site's own static and media files from disk and storage; nothing else."""

    def fetch(self, url, headers=None):
        resource = _local_resource(url)
        if resource is not None:
            content, mime_type = resource
            return URLFetcherResponse(
                url, content, {"Content-Type": mime_type or "application/octet-stream"}
            )
        if urlparse(url).scheme == "data":
            return super().fetch(url, headers)
        raise ValueError(f"The PDF does not fetch other resources: {url}")


def render_pdf(template, context, request):
    html = render_to_string(template, context, request=request)
    return HTML(string=html, base_url=absolute_url("/"), url_fetcher=LocalURLFetcher()).write_pdf()


def pdf_response(content, title):
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{slugify(title) or "document"}.pdf"'
    return response


def guide_pdf_response(guide, request):
    from .listings import guide_context

    context = {"page": guide, **guide_context(guide)}
    return pdf_response(render_pdf("guides/pdf/guide.html", context, request), guide.title)


def business_model_pdf_response(model, request):
    from .listings import business_model_context

    context = {"page": model, **business_model_context(model, request)}
    return pdf_response(render_pdf("guides/pdf/business_model.html", context, request), model.title)
