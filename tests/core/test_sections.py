"""Sections: one domain's blocks on another domain's page, on Wagtail hooks per target."""

import pytest
from wagtail import hooks

from core.cache import PAGES, bump
from core.sections import Section, register_section, registered_sections, section_hook, sections_for


def test_sections_follow_their_hook_order_and_hide_when_their_context_is_none():
    target = "test_target"
    first = Section("first", "first.html", lambda page, request: {"page": page})
    hidden = Section("hidden", "hidden.html", lambda page, request: None)
    last = Section("last", "last.html", lambda page, request: {})
    with (
        hooks.register_temporarily(section_hook(target), lambda: last, order=90),
        hooks.register_temporarily(section_hook(target), lambda: first, order=10),
        hooks.register_temporarily(section_hook(target), lambda: hidden, order=50),
    ):
        assert [s.name for s in registered_sections(target)] == ["first", "hidden", "last"]
        assert sections_for(target, "page", None) == [
            # Not kept: these sections do not say `cached_in`.
            {
                "name": "first",
                "template": "first.html",
                "context": {"page": "page"},
                "kept_as": None,
            },
            {"name": "last", "template": "last.html", "context": {}, "kept_as": None},
        ]
    assert registered_sections(target) == []


def test_a_pdf_gets_only_the_printed_sections():
    target = "test_printed"
    on_screen = Section("screen", "screen.html", lambda page, request: {})
    printed = Section("printed", "printed.html", lambda page, request: {}, printed=True)
    with hooks.register_temporarily(
        [(section_hook(target), lambda: on_screen), (section_hook(target), lambda: printed)]
    ):
        assert [s["name"] for s in sections_for(target, "page", None, printed=True)] == ["printed"]


def test_the_shorthand_registers_on_the_targets_hook():
    register_section("test_shorthand", "shorthand", "s.html", lambda page, request: {}, order=3)
    try:
        [(make_section, order)] = hooks._hooks[section_hook("test_shorthand")]
        assert order == 3
        assert make_section().name == "shorthand"
    finally:
        del hooks._hooks[section_hook("test_shorthand")]


def test_the_tool_sheet_shows_the_other_domains_sections_in_their_order():
    names = [section.name for section in registered_sections("tool_sheet")]
    assert names.index("contributions_status") < names.index("guides") < names.index("providers")
    assert names.index("providers") < names.index("contributions_comments")


class Page:
    """A page as sections see it: an id."""

    pk = 7


class Request:
    is_preview = False


@pytest.mark.django_db
def test_a_section_of_published_content_is_computed_once_until_the_next_publication():
    target = "test_cached"
    computed = []

    def context(page, request):
        computed.append(page.pk)
        return {"count": len(computed)}

    kept = Section("kept", "kept.html", context, cached_in=(PAGES,))
    with hooks.register_temporarily(section_hook(target), lambda: kept):
        first = sections_for(target, Page(), Request())
        again = sections_for(target, Page(), Request())
        assert first == again
        assert computed == [7]

        bump(PAGES)  # a publication
        assert sections_for(target, Page(), Request())[0]["context"] == {"count": 2}

        preview = Request()
        preview.is_preview = True  # a draft may show otherwise: never from the cache
        assert sections_for(target, Page(), preview)[0]["context"] == {"count": 3}
        assert sections_for(target, Page(), preview)[0]["context"] == {"count": 4}


def test_a_section_that_does_not_say_so_is_computed_for_every_request():
    target = "test_uncached"
    computed = []
    live = Section("live", "live.html", lambda page, request: computed.append(1) or {})
    with hooks.register_temporarily(section_hook(target), lambda: live):
        sections_for(target, Page(), Request())
        sections_for(target, Page(), Request())
    assert len(computed) == 2


def test_only_sections_without_forms_are_kept_on_the_tool_sheet():
    sections = registered_sections("tool_sheet")
    kept = {section.name for section in sections if section.cached_in}
    # Upcoming events are kept five minutes at most: the clock moves them into the past.
    assert {section.name for section in sections if section.clock_minutes} == {"events"}
    assert kept == {
        "events",
        "guides",
        "providers",
        "contributions_status",
        "contributions_examples",
        "contributions_comments",
        "contributions_credits",
    }
