"""Wagtail's page view, with its route from the cache and no transaction to read a page.

Routing a request walks the page tree one level per segment of the address (two queries per
level: the child, then its specific row) after finding the home page of the language (two
more). The route found (which page, and how many segments it took) is kept in the cache under
the `PAGES` version (core/cache.py), bumped by every publication, move or deletion, and so is
the page itself (read in one query, its images joined; its locale from the cache); a visit
lets it route what is left of the address (a routable page's sub-view) exactly as Wagtail
would.

Reading a page needs no transaction: with ATOMIC_REQUESTS, every GET paid BEGIN and COMMIT
(and, on SQLite, took the write lock). GET and HEAD are served outside a transaction; other
methods (page forms) keep one around the view, as ATOMIC_REQUESTS gave them.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.http import Http404
from django.utils import translation
from wagtail import views as wagtail_views
from wagtail.images.models import AbstractImage
from wagtail.models import Page, Site

from core.cache import CHROME, PAGES, cached
from core.site_data import locale_by_id

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
    # The published page itself is kept too, until the next publication, move or deletion
    # (`PAGES`) or image change (`CHROME`: its pictures come with it); each request unpickles
    # its own copy. A draft saved in the admin changes nothing here: visitors see the live page.
    page = (
        cached(
            (PAGES, CHROME),
            f"routed-page:{page_id}",
            lambda: _page_with_pictures(model, page_id),
            request=request,
        )
        if model
        else None
    )
    if page is None:
        return  # Gone since: Wagtail routes from the tree.
    page.locale = locale_by_id(page.locale_id)
    try:
        request._wagtail_route_for_request = page.route(request, _components(path)[consumed:])
    except Http404:
        request._wagtail_route_for_request = None


def _picture_fields(model):
    """The page model's own image fields (a hero, an illustration): what its template and its
    sharing metadata show, read in the page's query rather than one query each."""
    return [
        field.name
        for field in model._meta.concrete_fields
        if field.many_to_one and issubclass(field.related_model, AbstractImage)
    ]


def _page_with_pictures(model, page_id):
    return model.objects.filter(pk=page_id).select_related(*_picture_fields(model)).first()


@transaction.non_atomic_requests
def serve(request, path):
    if request.method in SAFE_METHODS:
        _route_from_cache(request, path)
        return wagtail_views.serve(request, path)
    with transaction.atomic():
        return wagtail_views.serve(request, path)
