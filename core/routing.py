"""Wagtail's page view, with its route from the cache and no transaction to read a page.

Routing a request walks the page tree one level per segment of the address (two queries per
level: the child, then its specific row) after finding the home page of the language (two
more). The route found (which page, and how many segments it took) is kept in the cache under
the `PAGES` version (core/cache.py), bumped by every publication, move or deletion; a visit
then reads the page itself in one query and lets it route what is left of the address (a
routable page's sub-view) exactly as Wagtail would.

Reading a page needs no transaction: with ATOMIC_REQUESTS, every GET paid BEGIN and COMMIT
(and, on SQLite, took the write lock). GET and HEAD are served outside a transaction; other
methods (page forms) keep one around the view, as ATOMIC_REQUESTS gave them.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.http import Http404
from django.utils import translation
from wagtail import views as wagtail_views
from wagtail.models import Page, Site

from core.cache import PAGES, cached

SAFE_METHODS = ("GET", "HEAD")


def _components(path):
    return [component for component in path.split("/") if component]


def _route_found(request, path, site):
    result = Page.route_for_request(request, path)
    if result is None:
        return None
    page = result[0]
    return page.pk, page.content_type_id, page.depth - site.root_page.depth


def _route_from_cache(request, path):
    site = Site.find_for_request(request)
    if site is None:
        return
    key = f"route:{site.pk}:{translation.get_language()}:{path}"
    entry = cached((PAGES,), key, lambda: _route_found(request, path, site))
    if entry is None or hasattr(request, "_wagtail_route_for_request"):
        return  # Not a page (Wagtail answers 404), or just routed by Wagtail itself.
    page_id, content_type_id, consumed = entry
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    page = model.objects.filter(pk=page_id).first() if model else None
    if page is None:
        return  # Gone since: Wagtail routes from the tree.
    try:
        request._wagtail_route_for_request = page.route(request, _components(path)[consumed:])
    except Http404:
        request._wagtail_route_for_request = None


@transaction.non_atomic_requests
def serve(request, path):
    if request.method in SAFE_METHODS:
        _route_from_cache(request, path)
        return wagtail_views.serve(request, path)
    with transaction.atomic():
        return wagtail_views.serve(request, path)
