"""What every page asks of the page tree, cached with versioned keys (core/cache.py).

The site of the request, the locales, whether any view restriction exists, a page's ancestors
(breadcrumbs) and its translations (language switcher, hreflang links, untranslated notice):
computed once per request and, while nothing is published, moved or deleted, once for all
requests.
"""

from django.conf import settings
from django.db.models import Q
from django.http.request import split_domain_port
from django.utils import translation
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.query import PageQuerySet

from core.cache import PAGES, cached


class SiteMiddleware:
    """Find the request's Wagtail Site in the cache rather than in the database.

    Wagtail looks the site up once per request (`Site.find_for_request`, kept on the request);
    this answers it from the cache, keyed by host and port, before anything asks.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not hasattr(request, "_wagtail_site"):
            try:
                hostname = split_domain_port(request._get_raw_host())[0]
                port = request.get_port()
            except Exception:  # noqa: BLE001 - Wagtail's own look-up reports bad hosts
                return self.get_response(request)
            request._wagtail_site = cached(
                (PAGES,), f"site:{hostname}:{port}", lambda: Site._find_for_request(request)
            )
        return self.get_response(request)


def locales_by_code():
    """Every Locale, keyed by language code."""
    return cached(
        (PAGES,), "locales", lambda: {loc.language_code: loc for loc in Locale.objects.all()}
    )


def locale_for(language_code):
    """The Locale of `language_code`, else the default one (as `Locale.get_active` does)."""
    locales = locales_by_code()
    return locales.get(language_code) or locales.get(settings.LANGUAGE_CODE) or Locale.get_default()


def active_locale():
    """`Locale.get_active()` from the cache."""
    return locale_for(translation.get_language())


def default_locale():
    """`Locale.get_default()` from the cache."""
    return locale_for(get_supported_content_language_variant(settings.LANGUAGE_CODE))


def locale_by_id(locale_id):
    """The Locale with this primary key (what `page.locale` reads), from the cache."""
    for locale in locales_by_code().values():
        if locale.pk == locale_id:
            return locale
    return Locale.objects.get(pk=locale_id)


def language_of_locale(locale_id):
    return locale_by_id(locale_id).language_code


def any_view_restriction():
    """Whether any page of any site is private (a password, a login, a group)."""
    return bool(private_sections())


def private_sections():
    """(path, depth) of every page with a view restriction: the top of a private section."""
    return cached(
        (PAGES,),
        "private-sections",
        lambda: [
            (restriction.page.path, restriction.page.depth)
            for restriction in PageViewRestriction.objects.select_related("page")
        ],
    )


def _private_q(queryset):
    """Wagtail's `PageQuerySet.private_q`, from the cached private sections: every listing's
    `.public()` otherwise reads the view restrictions table again."""
    q = Q()
    for path, depth in private_sections():
        q |= Q(path__startswith=path) & Q(depth__gte=depth)
    return q if q else Q(pk__in=[])


def use_cached_private_sections():
    """Called once at start-up (core.apps): `.public()` everywhere uses the cached sections."""
    PageQuerySet.private_q = _private_q


def page_ancestors(page, request=None):
    """The pages between the root and `page`, home page first (no root): the breadcrumbs."""
    if page.depth <= 2:
        return []
    return cached(
        (PAGES,),
        f"ancestors:{page.pk}",
        lambda: list(
            page.get_ancestors()
            .filter(depth__gt=1)
            .only("id", "title", "url_path", "depth", "path", "locale_id", "alias_of_id")
        ),
        request=request,
    )


def translations_by_language(page, request=None):
    """Live translations of a page (aliases included), keyed by language code; one query,
    shared by the language switcher, the hreflang links and the untranslated notice."""
    if page is None or not isinstance(page, Page):
        return {}

    def compute():
        translations = (
            Page.objects.filter(translation_key=page.translation_key)
            .live()
            .select_related("locale")
            .only(
                "id",
                "title",
                "url_path",
                "alias_of_id",
                "locale__language_code",
                "depth",
                "path",
            )
        )
        return {p.locale.language_code: p for p in translations}

    return cached((PAGES,), f"translations:{page.translation_key}", compute, request=request)


def home_pages_by_language(request=None):
    def compute():
        homes = Page.objects.filter(depth=2).live().select_related("locale")
        return {p.locale.language_code: p for p in homes}

    return cached((PAGES,), "home-pages", compute, request=request)
