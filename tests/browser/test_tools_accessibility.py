"""The tool library and a tool sheet pass axe in all four languages, and the filters work
without JavaScript."""

import re

import pytest

from tests.browser.conftest import assert_accessible, screenshot

LANGUAGES = ["fr", "de", "it", "en"]
SHEET = "outils/02a-canevas-du-modele-socio-economique/"

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    "path",
    [
        "outils/",
        "outils/?lever=financial-resources&phase=launch&sort=title",
        "outils/?lever=inconnu&page=999",
        "outils/?language=it&lever=human-resources",
        SHEET,
    ],
)
def test_tool_pages_have_no_axe_violations(live_site, page, language, path):
    page.goto(f"{live_site.url}/{language}/{path}")
    assert page.locator("html").get_attribute("lang") == language
    assert_accessible(page)


def test_the_filters_work_without_javascript_and_the_back_button_restores_them(live_site, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_site.url}/fr/outils/")
    total = page.locator(".tool-results__count").inner_text()
    page.get_by_label(re.compile("^Ressources financières")).check()
    page.get_by_role("button", name="Afficher les outils").click()
    page.wait_for_url(re.compile(r"lever=financial-resources"))
    filtered = page.locator(".tool-results__count").inner_text()
    assert filtered != total
    assert page.get_by_label(re.compile("^Ressources financières")).is_checked()
    screenshot(page, "tools-library-filtered")
    page.go_back()
    page.wait_for_url(f"{live_site.url}/fr/outils/")
    assert page.locator(".tool-results__count").inner_text() == total
    context.close()


def test_the_sheet_links_to_its_pdf(live_site, page):
    page.goto(f"{live_site.url}/fr/{SHEET}")
    link = page.get_by_role("link", name="Version imprimable (PDF)")
    response = page.request.get(live_site.url + link.get_attribute("href"))
    assert response.headers["content-type"] == "application/pdf"
    screenshot(page, "tools-sheet-fr")
