"""Template tags for the site's chrome: menu, footer, language switcher and hreflang links."""

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page, Site

from core.cache import CHROME, PAGES, cached
from core.site_data import (
    active_locale,
    home_pages_by_language,
    language_of_locale,
    page_ancestors,
    translations_by_language,
)
from core.urls import page_url
from home.models import Footer, MainMenu

register = template.Library()


def _chrome_key(name, request):
    """Menu and footer links depend on the language and on the site that builds their URLs."""
    site = Site.find_for_request(request) if request is not None else None
    return f"{name}:{translation.get_language()}:{site.pk if site else '-'}"


def _menu_groups(request):
    """The menu's groups in the visitor's language, each with the links that lead somewhere;
    a link also keeps its page's tree path, so that the page shown (or one below it) marks its
    group without a query."""
    locale = active_locale()
    menu = MainMenu.for_locale(locale)
    groups = []
    for group in menu.groups if menu else []:
        links = []
        for link in group.value["links"]:
            page = link["page"]
            # A page unpublished or deleted since would lead to "page not found".
            if (page is not None and not page.live) or (page is None and not link["external_url"]):
                continue
            if page is not None and page.locale_id != locale.pk:
                page = page.localized
            links.append(
                {
                    "label": link["label"],
                    "url": page.get_url(request=request) if page else link["external_url"],
                    "page_id": page.pk if page else None,
                    # The home page is above every page: it marks no group.
                    "path": page.path if page and page.depth > 2 else None,
                }
            )
        if links:
            groups.append({"label": group.value["label"], "links": links})
    return groups


def _leads_somewhere(link):
    """A link to a page that is not published (any more) would lead to "page not found"."""
    return link.link_page is None or link.link_page.live


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    request = context.get("request")
    current = context.get("page")
    current_id = getattr(current, "pk", None)
    current_path = getattr(current, "path", None) or ""
    groups = cached(
        (PAGES, CHROME),
        _chrome_key("main-menu", request),
        lambda: _menu_groups(request),
        request=request,
    )
    shown = []
    for group in groups:
        links = [
            {**link, "is_current": current_id is not None and link["page_id"] == current_id}
            for link in group["links"]
        ]
        in_group = any(link["path"] and current_path.startswith(link["path"]) for link in links)
        shown.append({"label": group["label"], "links": links, "is_current": in_group})
    return {"groups": shown}


def _footer_data(request):
    locale = active_locale()
    footer = Footer.for_locale(locale)
    links = [
        {"label": link.label, "url": link.url_for(locale, request)}
        for link in (footer.links.select_related("link_page") if footer else [])
        if _leads_somewhere(link)
    ]
    return {"footer": footer, "links": links}


@register.inclusion_tag("includes/footer.html", takes_context=True)
def site_footer(context):
    request = context.get("request")
    data = cached(
        (PAGES, CHROME),
        _chrome_key("footer", request),
        lambda: _footer_data(request),
        request=request,
    )
    return {**data, "settings": context.get("settings")}


def _translations_by_language(page, request=None):
    return translations_by_language(page, request)


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """For each language: the same page in that language (its translation, or the alias that
    shows the original until it is translated), else that language's home page.

    A link to an alias says that the page is not translated yet.
    """
    page = context.get("page")
    current_language = translation.get_language()
    request = context.get("request")
    translations = _translations_by_language(page, request)
    homes = None
    entries = []
    for code, name in settings.LANGUAGES:
        target = translations.get(code)
        # An alias only repeats the source page's text: it counts as not translated.
        exists = target is not None and not target.alias_of_id
        if target is None:
            if homes is None:
                homes = home_pages_by_language(request)
            target = homes.get(code)
        if target is not None:
            url = target.get_url(request=request)
        else:
            url = f"/{code}/"
        entries.append(
            {
                "code": code,
                "name": name,
                "url": url,
                "is_current": code == current_language,
                "exists": exists or page is None,
            }
        )
    return {"languages": entries}


def _alias_source(page, request):
    """The page an alias repeats and its language: among its translations when it is one of
    them (as wagtail-localize's aliases are), without a query."""
    for code, translated in _translations_by_language(page, request).items():
        if translated.pk == page.alias_of_id:
            return translated, code
    original = page.alias_of
    return original, language_of_locale(original.locale_id)


@register.inclusion_tag("includes/untranslated_notice.html", takes_context=True)
def untranslated_notice(context):
    """On a page not translated into the visitor's language yet (an alias of the original):
    what they read, a link to the original, and an offer to help translate a tool sheet."""
    page = context.get("page")
    if page is None or not getattr(page, "alias_of_id", None):
        return {"show": False}
    request = context.get("request")
    original, source_code = _alias_source(page, request)
    current = translation.get_language()
    if source_code == current:
        return {"show": False}
    offer_url = None
    if page.specific_class.__name__ == "ToolPage":
        offer_url = reverse("contributions:translation", kwargs={"tool_id": page.pk})
    return {
        "show": True,
        "language": translation.get_language_info(current)["name_translated"],
        "source_language": translation.get_language_info(source_code)["name_translated"],
        "source_code": source_code,
        "source_url": original.get_url(request=request),
        "offer_url": offer_url,
    }


@register.inclusion_tag("includes/hreflang.html", takes_context=True)
def hreflang_links(context):
    """Alternates for search engines: only real translations, never untranslated aliases."""
    page = context.get("page")
    request = context.get("request")
    links = []
    for code, translated in _translations_by_language(page, request).items():
        if translated.alias_of_id:
            continue
        links.append({"code": code, "url": page_url(translated, request)})
    default = next((link for link in links if link["code"] == settings.LANGUAGE_CODE), None)
    return {"links": links, "default": default}


@register.simple_tag(takes_context=True)
def breadcrumb_ancestors(context, page):
    """The pages above `page` from its home page down; the same list the JSON-LD breadcrumbs
    use, so the trail costs one query (none once cached)."""
    if page is None or not isinstance(page, Page):
        return []
    return page_ancestors(page, context.get("request"))


@register.simple_tag(takes_context=True)
def content_language(context, page):
    """The language of a page's text, which differs from the UI language on an alias."""
    if page is None or not isinstance(page, Page):
        return getattr(page, "content_language", None) or translation.get_language()
    if page.alias_of_id:
        return _alias_source(page, context.get("request"))[1]
    return language_of_locale(page.locale_id)
