"""The home page, a standard page, the 404 and the search page pass axe in all four languages."""

import pytest

from tests.browser.conftest import assert_accessible, screenshot

LANGUAGES = ["fr", "de", "it", "en"]

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    "path",
    ["", "association/", "domaines-activite/", "search/?q=outil", "page-qui-n-existe-pas/"],
)
def test_page_has_no_axe_violations(live_site, page, language, path):
    page.goto(f"{live_site.url}/{language}/{path}")
    assert page.locator("html").get_attribute("lang") == language
    assert_accessible(page)


def test_skip_link_moves_focus_to_main_content(live_site, page):
    page.goto(f"{live_site.url}/fr/")
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    assert skip.evaluate("element => element === document.activeElement")
    assert skip.is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_language_switcher_leads_to_the_translated_page(live_site, page):
    page.goto(f"{live_site.url}/fr/association/")
    page.locator(".language-switcher a[hreflang=de]").click()
    page.wait_for_url(f"{live_site.url}/de/association/")
    assert page.locator("html").get_attribute("lang") == "de"
    screenshot(page, "foundation-about-de")


def test_home_page_is_usable_on_a_phone(live_site, browser):
    context = browser.new_context(viewport={"width": 375, "height": 740})
    page = context.new_page()
    page.goto(f"{live_site.url}/fr/")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, f"the page scrolls sideways on a phone ({width}px wide)"
    screenshot(page, "foundation-home-mobile")
    context.close()
