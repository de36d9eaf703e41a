"""The search page passes axe with results, without results and with suggestions open."""

import pytest

from tests.browser.conftest import assert_accessible, screenshot

LANGUAGES = ["fr", "de", "it", "en"]

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("query", ["outil", "xylophonequantique"])
def test_search_page_has_no_axe_violations(live_site, page, language, query):
    page.goto(f"{live_site.url}/{language}/search/?q={query}")
    assert page.locator("html").get_attribute("lang") == language
    assert page.locator("#search-results-heading").is_visible()
    assert_accessible(page)


def test_filters_work_without_javascript(live_site, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_site.url}/fr/search/?q=outil")
    page.locator(".search-filters input[name=type]").first.check()
    page.locator(".search-filters button[type=submit]").click()
    page.wait_for_url("**type=*")
    assert page.locator(".search-filters input[name=type]:checked").count() == 1
    assert page.locator(".search-result").count() >= 1
    context.close()


def open_suggestions(live_site, page):
    page.goto(f"{live_site.url}/fr/search/")
    field = page.locator("#search-page-q")
    field.click()
    field.press_sequentially("outi", delay=30)
    page.locator("#search-page-suggestions [role=option]").first.wait_for()
    return field


def test_suggestions_follow_the_combobox_pattern_and_pass_axe(live_site, page):
    field = open_suggestions(live_site, page)
    assert field.get_attribute("role") == "combobox"
    assert field.get_attribute("aria-expanded") == "true"
    assert field.get_attribute("aria-controls") == "search-page-suggestions"
    status = page.locator("#search-page-suggestions-status")
    assert "suggestion" in status.inner_text()
    field.press("ArrowDown")
    first = page.locator("#search-page-suggestions [role=option]").first
    assert field.get_attribute("aria-activedescendant") == first.get_attribute("id")
    assert first.get_attribute("aria-selected") == "true"
    screenshot(page, "search-suggestions-open")
    assert_accessible(page, "search page with suggestions open")
    field.press("Escape")
    assert field.get_attribute("aria-expanded") == "false"
    assert page.locator("#search-page-suggestions").is_hidden()


def test_choosing_a_suggestion_with_the_keyboard_opens_the_page(live_site, page):
    field = open_suggestions(live_site, page)
    option = page.locator("#search-page-suggestions [role=option]").first
    address = option.get_attribute("data-url")
    field.press("ArrowDown")
    field.press("Enter")
    page.wait_for_url(f"{live_site.url}{address}")
