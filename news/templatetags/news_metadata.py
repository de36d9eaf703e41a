"""`{% page_metadata %}`: canonical link, feeds, OpenGraph, Twitter card and JSON-LD for <head>."""

import json

from django import template
from django.urls import reverse
from django.utils import translation
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy
from wagtail.models import Page

from news import metadata

register = template.Library()

# The characters that could end a <script> element or open a comment inside it.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def json_ld(value):
    """Serialise `value` for a <script type="application/ld+json"> element, safely."""
    text = json.dumps(value, ensure_ascii=False).translate(JSON_SCRIPT_ESCAPES)
    # "<", ">" and "&" are escaped as JSON unicode escapes above.
    return mark_safe(text)  # noqa: S308  # nosec B308 B703


@register.inclusion_tag("news/includes/metadata.html", takes_context=True)
def page_metadata(context):
    request = context.get("request")
    if request is None:
        return {}
    page = context.get("page")
    if not isinstance(page, Page):
        page = None
    settings_context = context.get("settings")
    site_settings = None
    if settings_context is not None:
        try:
            site_settings = settings_context["home"]["SiteSettings"]
        except (KeyError, TypeError, AttributeError):
            site_settings = None
    return {
        "meta": metadata.page_metadata(page, request, site_settings),
        "language": translation.get_language(),
    }


RSS, ATOM = "application/rss+xml", "application/atom+xml"
FEEDS = [
    (RSS, gettext_lazy("News (RSS)"), "news:news_rss", "language"),
    (ATOM, gettext_lazy("News (Atom)"), "news:news_atom", "language"),
    (RSS, gettext_lazy("New and updated tools (RSS)"), "news:tools_rss", "language"),
    (ATOM, gettext_lazy("New and updated tools (Atom)"), "news:tools_atom", "language"),
    (RSS, gettext_lazy("Upcoming events (RSS)"), "events:rss", "language_code"),
    (ATOM, gettext_lazy("Upcoming events (Atom)"), "events:atom", "language_code"),
]


@register.simple_tag
def feed_links(language):
    """<link rel="alternate"> to every feed of `language`, for feed readers to discover."""
    return format_html_join(
        "\n",
        '<link rel="alternate" type="{}" title="{}" href="{}">',
        (
            (kind, title, reverse(name, kwargs={argument: language}))
            for kind, title, name, argument in FEEDS
        ),
    )
