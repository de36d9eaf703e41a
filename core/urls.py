"""The site's public origin and the one place that turns paths into absolute URLs.

Every address the site gives to another program (feeds, sitemap, canonical and hreflang links,
e-mails, calendars, the API, open data, PDFs) starts with `settings.SITE_URL`, never with the
host of the request that happened to build it: a sitemap built behind a proxy, an e-mail sent
by a management command and a PDF rendered in a worker name the same public address.
`setup_site` writes the same origin into Wagtail's Site record, so Wagtail's own absolute URLs
(the API's `html_url`, previews) agree.
"""

from urllib.parse import urlsplit

from django.conf import settings

DEFAULT_PORTS = {"http": 80, "https": 443}


def site_url():
    """The public origin, without a trailing slash: "https://www.socialbusinessmodels.ch"."""
    return settings.SITE_URL.rstrip("/")


def origin_parts(url=None):
    """(scheme, hostname, port) of the public origin, the port made explicit."""
    parts = urlsplit(url if url is not None else site_url())
    return parts.scheme, parts.hostname, parts.port or DEFAULT_PORTS.get(parts.scheme)


def absolute_url(path):
    """`path` ("/fr/outils/") on the public origin; an address that is already absolute (a
    file on a storage's own domain) is returned unchanged."""
    if path.startswith(("http://", "https://")):
        return path
    if path.startswith("//"):
        return f"{urlsplit(site_url()).scheme}:{path}"
    return f"{site_url()}/{path.lstrip('/')}"


def page_url(page, request=None):
    """A page's absolute address on the public origin, or None for a page that has none.

    `request` only lets Wagtail reuse the site look-up it cached on the request.
    """
    path = page.get_url(request)
    return absolute_url(path) if path else None
