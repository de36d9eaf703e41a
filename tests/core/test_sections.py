"""Sections: one domain's blocks on another domain's page, on Wagtail hooks per target."""

from wagtail import hooks

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
            {"name": "first", "template": "first.html", "context": {"page": "page"}},
            {"name": "last", "template": "last.html", "context": {}},
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
