"""`{% kept "name" [vary ...] %}…{% endkept %}`: a part of a page's HTML rendered once per
publication, then read from the cache.

What a page shows that only a publication or a snippet changes (its text, classification,
pictures, links, the site's header and footer) need not be rendered again for every visitor.
The block's HTML is kept per page, name, interface language, site, path (a page's sub-pages,
such as a form under it, have their own) and `vary` values, in the
`PAGES` and `CHROME` namespaces (`core.cache.kept_for_page`): any publication, move or snippet
change renders it afresh, and a preview (a draft, which may differ) always renders it.

Rules for what goes inside:
- nothing that depends on the visitor or the request beyond the page and its language: no
  form with its CSRF token (refused when the template is read), no counter that moves with
  visitors, no `request.user`; such parts stay outside, between kept blocks;
- nothing it sets is seen after it: the block renders in a context of its own, kept or not;
- without a `page` in the context (a view that is not a page) it simply renders.
"""

import hashlib

from django import template
from django.template.defaulttags import CsrfTokenNode
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from wagtail.models import Page, Site

from core.cache import kept_for_page

register = template.Library()

# HTML is bulkier than the data it is made of, and kept per page, path and language: an hour
# serves the visits that come close together, and bounds what the shared cache holds.
HTML_TIMEOUT = 60 * 60


def kept_html(context, name, vary, render):
    """`render()`'s HTML, kept for the context's page (see the module's docstring)."""
    page = context.get("page")
    request = context.get("request")
    if not isinstance(page, Page) or request is None:
        return render()
    site = Site.find_for_request(request)
    # The path tells a page's own view from its sub-pages (a form under a page, say).
    vary = "\x1f".join([request.path, *map(str, vary)])
    parts = [
        name,
        get_language(),
        str(site.pk if site else ""),
        hashlib.blake2b(vary.encode(), digest_size=12).hexdigest(),
    ]
    html = kept_for_page(page, "html:" + ":".join(parts), render, request, timeout=HTML_TIMEOUT)
    # Our own templates' output, escaped as it was rendered.
    return mark_safe(html)  # noqa: S308  # nosec B308 B703


class KeptNode(template.Node):
    def __init__(self, nodelist, name, vary):
        self.nodelist = nodelist
        self.name = name
        self.vary = vary

    def render_afresh(self, context):
        with context.push():
            return self.nodelist.render(context)

    def render(self, context):
        return kept_html(
            context,
            str(self.name.resolve(context)),
            [value.resolve(context) for value in self.vary],
            lambda: self.render_afresh(context),
        )


@register.simple_tag(takes_context=True)
def section_html(context, section):
    """A section of `core.sections.sections_for`, its HTML kept when its context is
    (`cached_in`: no form, nothing of the visitor; its clock, if any, is in its key)."""
    section_template = context.template.engine.get_template(section["template"])

    def render():
        with context.push(section=section["context"]):
            return section_template.render(context)

    if not section.get("kept_as"):
        return render()  # a template's output: safe already
    return kept_html(context, section["kept_as"], [], render)


@register.tag("kept")
def do_kept(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(f"'{bits[0]}' needs a name: {{% kept \"name\" %}}")
    nodelist = parser.parse(("endkept",))
    parser.delete_first_token()
    if nodelist.get_nodes_by_type(CsrfTokenNode):
        raise template.TemplateSyntaxError(
            "A {% kept %} block is shared by every visitor: a form with its CSRF token goes "
            "outside it."
        )
    return KeptNode(
        nodelist, parser.compile_filter(bits[1]), [parser.compile_filter(b) for b in bits[2:]]
    )
