"""`typography`: French spacing for titles and rich text (core/typography.py).

{{ page.title|typography:page }}       the page's language (an alias: its original's)
{{ page.body|richtext|typography:page }}
{{ event.title|typography:"fr" }}       a language code
{{ text|typography }}                   the active language
{% block title %}…{% endblock %} inside {% filter tab_title:site_name %}…{% endfilter %}
"""

import re

from django import template
from django.utils import translation
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

from core import typography as rules

register = template.Library()


@register.filter(name="typography")
def typography(value, subject=None):
    language = rules.language_of(subject) or translation.get_language()
    return rules.typography(value, language)


@register.filter
def tab_title(title, site_name):
    """The tab's title: "Page · Site", or the site name alone when the page is the home page
    (no title of its own, or the site's name repeated)."""
    # Only ASCII whitespace is folded: French non-breaking spaces stay.
    title = re.sub(r"[ \t\r\n]+", " ", str(conditional_escape(title))).strip()
    site = conditional_escape(site_name)
    if not title or title == site:
        return site
    # Both parts are escaped above (a block's rendered output is safe already and kept as is).
    return mark_safe(f"{title} · {site}")  # noqa: S308  # nosec B308 B703
