"""Sections that one domain adds to another domain's pages, without either importing the other.

A page type renders the sections registered for its "target" (e.g. "home" for the home page,
"tool_sheet" for a tool sheet): `{% for section in sections %}{% include section.template with
section=section.context %}{% endfor %}`, with `sections_for(target, page, request)`.

Sections are Wagtail hooks, one hook name per target (`section_hook("tool_sheet")` is
"sbm_sections:tool_sheet"): a hook function returns a `Section`, and the hook's `order` places
the section on the page (ascending). Each app registers its sections in its `wagtail_hooks.py`,
with the shorthand

    register_section("tool_sheet", "providers", "providers/includes/tool_providers.html",
                     get_context=lambda page, request: {...} or None, order=40)

and tests add one for a while with `hooks.register_temporarily(section_hook(target),
lambda: Section(...), order=...)`. Wagtail discovers every app's hooks before the first page
asks, whatever the import order.

`get_context(page, request)` returns the section's context, or None to hide it. Each section
must keep its own query count bounded. A section whose context depends only on published pages
and snippets (no form, nothing of the visitor, nothing that changes with the clock) says so
with `cached_in=(PAGES,)` (core/cache.py namespaces): its context is then kept per page until
the next publication, and computed afresh for a preview; one that lists what is upcoming adds
`clock_minutes=5`: kept that long at most, as the clock moves events into the past. A
section with `printed=True` is also part of the page's PDF (`sections_for(..., printed=True)`
returns only those; `request` is then None).
"""

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from wagtail import hooks

from core.cache import kept_for_page

HOOK_PREFIX = "sbm_sections:"


@dataclass(frozen=True)
class Section:
    name: str
    template: str
    get_context: Callable[[Any, Any], dict | None]
    printed: bool = False
    cached_in: tuple = ()
    clock_minutes: int = 0


def section_hook(target):
    return f"{HOOK_PREFIX}{target}"


def register_section(
    target, name, template, get_context, order=100, printed=False, cached_in=(), clock_minutes=0
):
    section = Section(name, template, get_context, printed, tuple(cached_in), clock_minutes)
    hooks.register(section_hook(target), lambda: section, order=order)


def registered_sections(target):
    """The target's sections, in their order on the page."""
    return [make_section() for make_section in hooks.get_hooks(section_hook(target))]


def sections_for(target, page, request, printed=False):
    rendered = []
    for section in registered_sections(target):
        if printed and not section.printed:
            continue
        kept_as = _kept_key(target, section, page)
        context = _context(section, page, request, kept_as)
        if context is not None:
            rendered.append(
                {
                    "name": section.name,
                    "template": section.template,
                    "context": context,
                    # Its HTML may be kept too (core/templatetags/kept_html.py): same rules.
                    "kept_as": kept_as,
                }
            )
    return rendered


def _kept_key(target, section, page):
    if not section.cached_in or getattr(page, "pk", None) is None:
        return None
    key = f"section:{target}:{section.name}"
    if section.clock_minutes:
        key += f":{int(time.time() // (section.clock_minutes * 60))}"
    return key


def _context(section, page, request, key):
    """The section's context, kept per page under `key` when the section allows it
    (`core.cache.kept_for_page`: never for a preview, which shows a draft)."""
    if key is None:
        return section.get_context(page, request)
    return kept_for_page(
        page, key, lambda: section.get_context(page, request), request, section.cached_in
    )
