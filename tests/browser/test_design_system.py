"""The design system in Chromium: every page type at 390, 768 and 1,366 px (screenshots in
test-artifacts/design-*.png), no horizontal scroll at 320 px, a compact header with a
disclosure menu that works by keyboard and without JavaScript, facets folded on phones, the
footer at the bottom of short pages, and axe-core without violations."""

import json

import pytest

from tests.browser.conftest import assert_accessible, screenshot

pytestmark = pytest.mark.browser

WIDTHS = [390, 768, 1366]
HEIGHT = 900

# One French page of each page type, plus the search page and a missing page.
PAGE_TYPE_PATHS = (
    "import json;"
    "from wagtail.models import Page;"
    "result = {};"
    "[result.setdefault(type(page).__name__, page.url) for page in "
    "Page.objects.live().filter(locale__language_code='fr', depth__gt=1, alias_of=None)"
    ".specific().order_by('path')];"
    "print(json.dumps(result))"
)


@pytest.fixture(scope="module")
def paths(live_site):
    found = json.loads(live_site.shell(PAGE_TYPE_PATHS).strip().splitlines()[-1])
    found["Search"] = "/fr/search/?q=outil"
    found["NotFound"] = "/fr/page-qui-n-existe-pas/"
    return found


def open_at(browser, width, *, javascript=True):
    context = browser.new_context(
        viewport={"width": width, "height": HEIGHT}, java_script_enabled=javascript
    )
    return context, context.new_page()


def horizontal_overflow(page):
    return page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )


def header_height(page):
    return page.locator(".site-header").evaluate("header => header.getBoundingClientRect().height")


@pytest.mark.parametrize("width", WIDTHS)
def test_every_page_type_is_accessible_and_fits_the_screen(live_site, browser, paths, width):
    context, page = open_at(browser, width)
    try:
        for name, path in sorted(paths.items()):
            page.goto(f"{live_site.url}{path}")
            screenshot(page, f"design-{name}-{width}")
            assert horizontal_overflow(page) <= 0, f"{name} scrolls sideways at {width} px"
            assert_accessible(page, f"{name} at {width} px ({path})")
    finally:
        context.close()


def test_no_page_type_scrolls_sideways_at_320_px(live_site, browser, paths):
    context, page = open_at(browser, 320)
    try:
        overflowing = []
        for name, path in sorted(paths.items()):
            page.goto(f"{live_site.url}{path}")
            if horizontal_overflow(page) > 0:
                overflowing.append(f"{name} ({horizontal_overflow(page)} px)")
        assert overflowing == []
    finally:
        context.close()


def test_the_phone_header_is_at_most_80_px_high_with_the_menu_closed(live_site, browser, paths):
    context, page = open_at(browser, 390)
    try:
        for name in ("HomePage", "ToolIndexPage", "EventPage", "Search"):
            page.goto(f"{live_site.url}{paths[name]}")
            assert page.locator("#site-menu").is_hidden()
            assert header_height(page) <= 80, f"{name}: {header_height(page)} px"
            # The languages stay in the bar; the search is one tap away in the menu.
            assert page.locator(".language-switcher a[hreflang=de]").is_visible()
    finally:
        context.close()


def test_the_menu_opens_with_enter_and_closes_with_escape(live_site, browser, paths):
    context, page = open_at(browser, 390)
    try:
        page.goto(f"{live_site.url}{paths['HomePage']}")
        toggle = page.locator("button.site-header__toggle")
        toggle.focus()
        page.keyboard.press("Enter")
        assert toggle.get_attribute("aria-expanded") == "true"
        assert page.locator("nav.main-nav").is_visible()
        assert page.locator("#site-search-q").is_visible()
        # On a phone the menu shows every group with its links, no second disclosure.
        assert page.locator("nav.main-nav .main-nav__toggle").first.is_hidden()
        assert page.locator("nav.main-nav").get_by_role("link", name="Fils rouges").is_visible()
        page.keyboard.press("Tab")
        in_menu = "document.getElementById('site-menu').contains(document.activeElement)"
        assert page.evaluate(in_menu)
        page.keyboard.press("Escape")
        assert toggle.get_attribute("aria-expanded") == "false"
        assert page.locator("nav.main-nav").is_hidden()
        assert toggle.evaluate("button => button === document.activeElement")
    finally:
        context.close()


def test_without_javascript_the_menu_is_shown_and_the_button_is_not(live_site, browser, paths):
    context, page = open_at(browser, 390, javascript=False)
    try:
        page.goto(f"{live_site.url}{paths['HomePage']}")
        assert page.locator("nav.main-nav").is_visible()
        assert page.locator("button.site-header__toggle").is_hidden()
    finally:
        context.close()


def test_the_desktop_menu_holds_its_five_groups_on_one_row(live_site, browser, paths):
    context, page = open_at(browser, 1366)
    try:
        page.goto(f"{live_site.url}{paths['HomePage']}")
        assert page.locator("button.site-header__toggle").is_hidden()
        tops = page.locator("nav.main-nav .main-nav__groups > li").evaluate_all(
            "groups => groups.map(group => Math.round(group.getBoundingClientRect().top))"
        )
        assert len(tops) == 5
        assert len(set(tops)) == 1
        assert page.locator("#site-search-q").is_visible()
    finally:
        context.close()


def test_a_desktop_group_opens_with_enter_and_closes_with_escape(live_site, browser, paths):
    context, page = open_at(browser, 1366)
    try:
        page.goto(f"{live_site.url}{paths['HomePage']}")
        toggle = page.locator("nav.main-nav").get_by_role("button", name="Outils")
        links = page.locator(f"#{toggle.get_attribute('aria-controls')}")
        assert links.is_hidden()
        toggle.focus()
        page.keyboard.press("Enter")
        assert toggle.get_attribute("aria-expanded") == "true"
        assert links.is_visible()
        assert_accessible(page, "home page with a menu group open at 1,366 px")
        # The group's links come next in the focus order.
        page.keyboard.press("Tab")
        assert links.evaluate("list => list.contains(document.activeElement)")
        page.keyboard.press("Escape")
        assert toggle.get_attribute("aria-expanded") == "false"
        assert links.is_hidden()
        assert toggle.evaluate("button => button === document.activeElement")
        # Opening another group closes the first.
        toggle.click()
        page.locator("nav.main-nav").get_by_role("button", name="Agenda").click()
        assert toggle.get_attribute("aria-expanded") == "false"
    finally:
        context.close()


def test_without_javascript_a_wide_screen_shows_every_group_as_plain_links(
    live_site, browser, paths
):
    context, page = open_at(browser, 1366, javascript=False)
    try:
        page.goto(f"{live_site.url}{paths['HomePage']}")
        # Four groups have several links (a button each, hidden); "Prestataires" is a link.
        assert page.locator("nav.main-nav button").count() == 4
        assert page.locator("nav.main-nav button").first.is_hidden()
        assert page.locator("nav.main-nav").get_by_role("link", name="Fils rouges").is_visible()
        assert page.locator("nav.main-nav").get_by_role("link", name="Actualités").is_visible()
    finally:
        context.close()


@pytest.mark.parametrize("name", ["ToolIndexPage", "EventIndexPage", "ProviderIndexPage"])
def test_on_a_phone_the_count_and_results_come_before_the_folded_filters(
    live_site, browser, paths, name
):
    context, page = open_at(browser, 390)
    try:
        page.goto(f"{live_site.url}{paths[name]}")
        facets = page.locator("details.facets")
        assert facets.get_attribute("open") is None
        assert page.locator(".listing__count").is_visible()
        first_result = page.locator(".listing__results li").first
        assert first_result.bounding_box()["y"] < HEIGHT, "the first result is below the fold"
        facets.locator("summary").click()
        assert facets.locator("fieldset, select").first.is_visible()
        assert_accessible(page, f"{name} with the filters open at 390 px")
    finally:
        context.close()


def test_the_footer_closes_a_short_page(live_site, browser, paths):
    context, page = open_at(browser, 1366)
    try:
        page.goto(f"{live_site.url}{paths['NotFound']}")
        bottom = page.locator(".site-footer").evaluate(
            "footer => footer.getBoundingClientRect().bottom"
        )
        assert bottom >= HEIGHT - 1
    finally:
        context.close()


def test_event_facts_stack_on_a_phone(live_site, browser, paths):
    context, page = open_at(browser, 390)
    try:
        page.goto(f"{live_site.url}{paths['EventPage']}")
        widths = page.locator(".event__facts dd").evaluate_all(
            "values => values.map(value => value.getBoundingClientRect().width)"
        )
        assert widths and min(widths) >= 300
    finally:
        context.close()
