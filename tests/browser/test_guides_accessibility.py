"""Guides, training modules and shared models pass axe-core in all four languages."""

import pytest

from tests.browser.conftest import assert_accessible, screenshot

LANGUAGES = ["fr", "de", "it", "en"]

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    "path",
    [
        "fils-rouges/",
        "fils-rouges/?audience=funders&phase=maturation",
        "fils-rouges/?audience=students&phase=launch",
        "fils-rouges/guide-bailleurs-de-fonds/",
        "fils-rouges/fil-rouge-conception/",
        "formations/",
        "formations/former-les-formateurs/",
        "formations/devenir-formateur-sbm/",
        "modeles-partages/",
        "modeles-partages/?sector=food&region=romandie&lever=human-resources",
        "modeles-partages/panier-solidaire-fribourg/",
        "modeles-partages/panier-solidaire-annecy/",
    ],
)
def test_guides_pages_have_no_axe_violations(live_site, page, language, path):
    page.goto(f"{live_site.url}/{language}/{path}")
    assert page.locator("html").get_attribute("lang") == language
    assert_accessible(page)


def test_the_canvas_reads_values_first_on_a_phone_and_as_a_grid_on_a_desktop(live_site, browser):
    url = f"{live_site.url}/fr/modeles-partages/panier-solidaire-fribourg/"
    desktop = browser.new_context(viewport={"width": 1280, "height": 900})
    page = desktop.new_page()
    page.goto(url)
    headings = page.locator(".sbm-canvas h3").all_inner_texts()
    assert len(headings) == 9
    assert headings[0].startswith("Valeurs")
    values = page.locator(".sbm-canvas__block--values").bounding_box()
    where = page.locator(".sbm-canvas__block--situation").bounding_box()
    assert values["y"] > where["y"] and values["x"] > where["x"], "values sit in the centre"
    screenshot(page, "guides-canvas-desktop")
    desktop.close()

    phone = browser.new_context(viewport={"width": 375, "height": 740})
    page = phone.new_page()
    page.goto(url)
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    screenshot(page, "guides-canvas-mobile")
    phone.close()


def test_the_guide_filters_work_without_javascript(live_site, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_site.url}/fr/fils-rouges/")
    page.select_option("#filter-audience", "funders")
    page.locator(".guides-filters button[type=submit]").click()
    page.wait_for_url("**audience=funders**")
    assert page.locator(".guides-list > li").count() >= 1
    assert "bailleurs" in page.locator(".guides-list").inner_text().lower()
    context.close()
