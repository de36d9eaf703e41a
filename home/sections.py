"""Sections that one domain adds to another domain's pages, without either importing the other.

A page type renders the sections registered for its "target" (e.g. "home" for the home page,
"tool_sheet" for a tool sheet): `{% for section in sections %}{% include section.template with
section=section.context %}{% endfor %}`. Each app registers its sections in its
`wagtail_hooks.py`:

    register_section("tool_sheet", "providers", "providers/includes/tool_providers.html",
                     get_context=lambda page, request: {...} or None, order=40)

`get_context(page, request)` returns the section's context, or None to hide it. Sections are
shown by ascending `order`. Each section must keep its own query count bounded. A section
registered with `printed=True` is also part of the page's PDF (`sections_for(..., printed=True)`
returns only those; `request` is then None).
"""

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

_SECTIONS: dict[str, list["Section"]] = defaultdict(list)


@dataclass(frozen=True)
class Section:
    name: str
    template: str
    get_context: Callable[[Any, Any], dict | None]
    order: int = 100
    printed: bool = False


def register_section(target, name, template, get_context, order=100, printed=False):
    sections = [section for section in _SECTIONS[target] if section.name != name]
    sections.append(Section(name, template, get_context, order, printed))
    _SECTIONS[target] = sorted(sections, key=lambda section: section.order)


def sections_for(target, page, request, printed=False):
    rendered = []
    for section in _SECTIONS[target]:
        if printed and not section.printed:
            continue
        context = section.get_context(page, request)
        if context is not None:
            rendered.append(
                {"name": section.name, "template": section.template, "context": context}
            )
    return rendered


def register_home_section(name, template, get_context, order=100):
    register_section("home", name, template, get_context, order)
