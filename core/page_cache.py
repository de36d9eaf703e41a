"""Full-page cache for anonymous visitors, purged precisely when content changes.

Each cached entry remembers which page produced it and that page's *version* at the time. A
change bumps versions instead of hunting for URLs, so every variant of a page (filters, sort
order, pagination) goes stale at once:
- a page published, unpublished, moved or deleted bumps itself, its translations, its ancestors
  (indexes and the home page list their children) and the pages that reference it
  (Wagtail's reference index: a guide that shows a tool, a tool that lists related tools);
- a snippet saved or deleted bumps the pages it references and the pages that reference it;
- a change to a model that points at a page with a foreign key (a registration, a usage
  example) bumps that page;
- the site chrome (menu, footer), site settings and the taxonomy appear on every page: a change
  bumps the global generation, which empties the whole cache.

The cache is Django's default cache: Redis when REDIS_URL is set (shared by every app
process), local memory otherwise. Visitors with a session (editors, people who just sent a form)
and every non-GET request bypass it; responses that set a cookie are never stored, so pages
with a CSRF-protected form stay personal. `Cache-Control: public, max-age=...` lets a CDN or an
nginx cache in front keep the page too, and serve it stale while it fetches a fresh one
(`stale-while-revalidate`).

No visitor waits on a cold render after a publication: once the change is committed, the task
`refresh_pages` renders again, in the background, the live pages it purged (their address
without query string) and stores them under their new version; only then does it purge the
edge (Wagtail's frontend cache invalidation, configured by environment), whose next request is
answered from the page cache while the edge itself may serve its stale copy meanwhile. A visitor
who comes before the task has run gets the page rendered fresh for them: a publication is never
hidden behind an old entry. Variants (filters, other result pages) are rendered on their next
visit.
"""

import hashlib
import io
import logging
import sys
from urllib.parse import urlsplit

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.core.handlers.wsgi import WSGIHandler, WSGIRequest
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.utils import translation
from django.utils.cache import patch_cache_control
from django_tasks import task
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Page, ReferenceIndex
from wagtail.signals import page_published, page_unpublished, post_page_move

logger = logging.getLogger("sbm.page_cache")

GENERATION_KEY = "pagecache:generation"
# At most this many pages rendered again per change (a page, its translations, its ancestors
# and the pages that show it); the others are rendered on their next visit.
REFRESH_LIMIT = 60
EXCLUDED_PREFIXES = ("/admin/", "/django-admin/", "/documents/", "/static/", "/media/", "/healthz")
GLOBAL_MODELS = {
    "home.mainmenu",
    "home.footer",
    "home.footerlink",
    "home.sitesettings",
    "wagtailcore.site",
    "wagtailcore.locale",
}
GLOBAL_APPS = {"taxonomy"}
IGNORED_APPS = {
    "sessions",
    "admin",
    "contenttypes",
    "auth",
    "axes",
    "wagtailsearch",
    "wagtailadmin",
    "wagtailembeds",
    "wagtail_localize",
    "wagtailsearchpromotions",
    "taggit",
    # The task queue: its rows change with every task, never a page.
    "django_tasks_database",
}


def _seconds():
    return getattr(settings, "PAGE_CACHE_SECONDS", 0)


def _edge_seconds():
    return getattr(settings, "EDGE_CACHE_SECONDS", 0)


def _generation():
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        generation = 1
        cache.add(GENERATION_KEY, generation, None)
    return generation


def _version_key(page_id):
    return f"pagecache:page:{page_id}"


def _entry_key(request, generation):
    digest = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    return f"pagecache:{generation}:{request.method == 'HEAD'}:{digest}"


def purge_everything():
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 2, None)


def purge_pages(page_ids):
    page_ids = set(page_ids)
    for page_id in page_ids:
        key = _version_key(page_id)
        try:
            cache.incr(key)
        except ValueError:
            cache.set(key, 1, None)
    if page_ids and (_seconds() > 0 or getattr(settings, "WAGTAILFRONTENDCACHE", None)):
        # After the commit: the new content must be the one rendered and fetched again.
        transaction.on_commit(lambda: refresh_pages.enqueue(sorted(page_ids)))


@task()
def refresh_pages(page_ids):
    """Render the purged pages into the page cache, then purge them from the edge."""
    if _seconds() > 0:
        try:
            render_into_cache(page_ids)
        except Exception:  # noqa: BLE001 - a failed render only costs a visitor a cold one
            logger.exception("Could not render pages %s again", sorted(page_ids))
    if getattr(settings, "WAGTAILFRONTENDCACHE", None):
        purge_edge_cache(page_ids)


def render_into_cache(page_ids):
    """Serve each live page's address once, as to an anonymous visitor, through the whole
    middleware stack: the page cache stores the response. Returns the addresses rendered."""
    handler = WSGIHandler()
    rendered = []
    pages = Page.objects.live().public().filter(pk__in=page_ids).order_by("depth", "pk")
    # Each request activates its page's language: the worker's next task must not inherit it.
    with translation.override(translation.get_language()):
        for page in pages[:REFRESH_LIMIT]:
            url = page.get_full_url()
            if not url:
                continue
            request = _anonymous_request(url)
            request._page_cache_refresh = True
            if handler.get_response(request).status_code == 200:
                rendered.append(url)
    return rendered


def _anonymous_request(url):
    parts = urlsplit(url)
    secure = parts.scheme == "https"
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": parts.path or "/",
        "QUERY_STRING": "",
        "SCRIPT_NAME": "",
        "SERVER_NAME": parts.hostname or "localhost",
        "SERVER_PORT": str(parts.port or (443 if secure else 80)),
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": parts.netloc,
        "REMOTE_ADDR": "127.0.0.1",
        "wsgi.url_scheme": parts.scheme,
        "wsgi.input": io.BytesIO(),
        "wsgi.errors": sys.stderr,
    }
    proxy_header = getattr(settings, "SECURE_PROXY_SSL_HEADER", None)
    if secure and proxy_header:
        environ[proxy_header[0]] = proxy_header[1]
    return WSGIRequest(environ)


def purge_edge_cache(page_ids):
    try:
        batch = PurgeBatch()
        batch.add_pages(Page.objects.live().filter(pk__in=page_ids).specific(defer=True))
        batch.purge()
    except Exception:  # noqa: BLE001 - an unreachable edge must never stop a publication
        logger.exception("Could not purge the edge cache for pages %s", sorted(page_ids))


def _is_cacheable_request(request):
    if request.method not in ("GET", "HEAD") or _seconds() <= 0:
        return False
    if request.path.startswith(EXCLUDED_PREFIXES):
        return False
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME not in cookies and "messages" not in cookies


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _is_cacheable_request(request):
            return self.get_response(request)
        generation = _generation()
        key = _entry_key(request, generation)
        # The background refresh renders the page anew whatever the cache holds.
        entry = None if getattr(request, "_page_cache_refresh", False) else cache.get(key)
        if entry is not None:
            page_id, version, response = entry
            if page_id is None or cache.get(_version_key(page_id), 0) == version:
                response["X-Page-Cache"] = "hit"
                return response

        response = self.get_response(request)
        if self._is_storable(request, response):
            page = getattr(request, "_page_cache_page", None)
            page_id = page.pk if page is not None else None
            version = cache.get(_version_key(page_id), 0) if page_id else 0
            patch_cache_control(
                response,
                public=True,
                max_age=0,
                s_maxage=_edge_seconds(),
                stale_while_revalidate=_edge_seconds(),
            )
            response["X-Page-Cache"] = "miss"
            cache.set(key, (page_id, version, response), _seconds())
        return response

    @staticmethod
    def _is_storable(request, response):
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            # A page that rendered a CSRF token is personal even when the visitor's cookie
            # already existed (Django then sets no cookie): never share it.
            and not request.META.get("CSRF_COOKIE_USED")
            and getattr(request, "_page_cache_page", None) is not None
            and "private" not in response.get("Cache-Control", "")
            and "no-cache" not in response.get("Cache-Control", "")
        )


def remember_served_page(page, request, serve_args, serve_kwargs):
    """`before_serve_page` hook: note which page answers, so its changes purge the entry."""
    request._page_cache_page = page


# Purging ------------------------------------------------------------------------------------


def _page_family_ids(page):
    ids = {page.pk}
    ids |= set(
        Page.objects.filter(translation_key=page.translation_key).values_list("pk", flat=True)
    )
    ids |= set(page.get_ancestors().values_list("pk", flat=True))
    # Aliases in other languages show this page's content.
    ids |= set(Page.objects.filter(alias_of_id__in=ids).values_list("pk", flat=True))
    return ids


def _referencing_page_ids(obj):
    page_type = ReferenceIndex._get_base_content_type(Page)
    ids = set()
    inbound = ReferenceIndex.get_references_to(obj).filter(base_content_type=page_type)
    ids |= {int(object_id) for object_id in inbound.values_list("object_id", flat=True)}
    outbound = ReferenceIndex.get_references_for_object(obj).filter(to_content_type=page_type)
    ids |= {int(object_id) for object_id in outbound.values_list("to_object_id", flat=True)}
    return ids


def _on_page_change(sender, instance, **kwargs):
    try:
        purge_pages(_page_family_ids(instance) | _referencing_page_ids(instance))
    except Exception:  # noqa: BLE001 - a cache failure must never stop a publication
        logger.exception("Could not purge the page cache for page %s", instance.pk)
        purge_everything()


def _on_model_change(sender, instance, **kwargs):
    label = sender._meta.label_lower
    app_label = sender._meta.app_label
    if app_label in IGNORED_APPS or label in {"wagtailcore.revision", "wagtailcore.pagelogentry"}:
        return
    if isinstance(instance, Page):
        return  # Handled by the publication signals; drafts do not change the live site.
    if sender.__module__ == "__fake__":
        # A migration's historical model: tables the purge reads may not exist yet, and a
        # failed query would abort the migration's transaction on PostgreSQL.
        return
    if kwargs.get("raw"):
        return  # Fixture loading: nothing is cached yet.
    try:
        if label in GLOBAL_MODELS or app_label in GLOBAL_APPS:
            purge_everything()
            return
        page_ids = set()
        for field in sender._meta.concrete_fields:
            related = getattr(field, "related_model", None)
            if related is not None and issubclass(related, Page):
                value = getattr(instance, field.attname, None)
                if value:
                    page_ids.add(value)
        if apps.is_installed("wagtail") and _is_indexable(sender):
            # A savepoint: should the lookup fail, PostgreSQL's transaction stays usable.
            with transaction.atomic():
                page_ids |= _referencing_page_ids(instance)
        if page_ids:
            purge_pages(page_ids)
    except Exception:  # noqa: BLE001 - a cache failure must never stop a save
        logger.exception("Could not purge the page cache after a %s change", label)


def _is_indexable(model):
    return ReferenceIndex.model_is_indexable(model)


def connect_signals():
    page_published.connect(_on_page_change, dispatch_uid="pagecache-published")
    page_unpublished.connect(_on_page_change, dispatch_uid="pagecache-unpublished")
    post_page_move.connect(_on_page_change, dispatch_uid="pagecache-moved")
    post_save.connect(_on_model_change, dispatch_uid="pagecache-saved")
    post_delete.connect(_on_model_change, dispatch_uid="pagecache-deleted")
