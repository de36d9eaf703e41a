"""Template tags for the site's chrome: menu, footer, language switcher and hreflang links."""

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale, Page

from core.urls import page_url
from home.models import Footer, MainMenu

register = template.Library()


def _active_locale():
    try:
        return Locale.objects.get_for_language(translation.get_language())
    except Locale.DoesNotExist:
        return Locale.get_default()


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    locale = _active_locale()
    menu = MainMenu.for_locale(locale)
    items = list(menu.items.select_related("link_page")) if menu else []
    request = context.get("request")
    current = context.get("page")
    links = [
        {
            "label": item.label,
            "url": item.url_for(locale, request),
            "is_current": bool(current and item.link_page_id == current.pk),
        }
        for item in items
    ]
    return {"items": links}


@register.inclusion_tag("includes/footer.html", takes_context=True)
def site_footer(context):
    locale = _active_locale()
    footer = Footer.for_locale(locale)
    request = context.get("request")
    links = [
        {"label": link.label, "url": link.url_for(locale, request)}
        for link in (footer.links.select_related("link_page") if footer else [])
    ]
    return {"footer": footer, "links": links, "settings": context.get("settings")}


def _translations_by_language(page):
    """Live translations of a page (aliases included), keyed by language code; one query."""
    if page is None or not isinstance(page, Page):
        return {}
    translations = (
        Page.objects.filter(translation_key=page.translation_key)
        .live()
        .select_related("locale")
        .only("id", "url_path", "alias_of_id", "locale__language_code", "depth", "path")
    )
    return {p.locale.language_code: p for p in translations}


def _home_pages_by_language():
    site_root = Page.objects.filter(depth=2).live().select_related("locale")
    return {p.locale.language_code: p for p in site_root}


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """For each language: the same page in that language (its translation, or the alias that
    shows the original until it is translated), else that language's home page.

    A link to an alias says that the page is not translated yet.
    """
    page = context.get("page")
    current_language = translation.get_language()
    translations = _translations_by_language(page)
    homes = None
    entries = []
    for code, name in settings.LANGUAGES:
        target = translations.get(code)
        # An alias only repeats the source page's text: it counts as not translated.
        exists = target is not None and not target.alias_of_id
        if target is None:
            if homes is None:
                homes = _home_pages_by_language()
            target = homes.get(code)
        if target is not None:
            url = target.get_url(request=context.get("request"))
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


@register.inclusion_tag("includes/untranslated_notice.html", takes_context=True)
def untranslated_notice(context):
    """On a page not translated into the visitor's language yet (an alias of the original):
    what they read, a link to the original, and an offer to help translate a tool sheet."""
    page = context.get("page")
    if page is None or not getattr(page, "alias_of_id", None):
        return {"show": False}
    original = page.alias_of
    source_code = original.locale.language_code
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
        "source_url": original.get_url(request=context.get("request")),
        "offer_url": offer_url,
    }


@register.inclusion_tag("includes/hreflang.html", takes_context=True)
def hreflang_links(context):
    """Alternates for search engines: only real translations, never untranslated aliases."""
    page = context.get("page")
    request = context.get("request")
    links = []
    for code, translated in _translations_by_language(page).items():
        if translated.alias_of_id:
            continue
        links.append({"code": code, "url": page_url(translated, request)})
    default = next((link for link in links if link["code"] == settings.LANGUAGE_CODE), None)
    return {"links": links, "default": default}


@register.simple_tag
def content_language(page):
    """The language of a page's text, which differs from the UI language on an alias."""
    if page is None:
        return translation.get_language()
    return getattr(page, "content_language", None) or translation.get_language()
