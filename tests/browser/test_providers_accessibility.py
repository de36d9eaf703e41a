"""The provider directory, a profile and both forms (blank and with errors) pass axe-core
in all four languages."""

import pytest

from tests.browser.conftest import assert_accessible, screenshot

LANGUAGES = ["fr", "de", "it", "en"]
PROFILE = "prestataires/anne-rochat-conseil/"

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def update_query(live_site):
    """The secure update link of a demo profile, made on the live site's database."""
    output = live_site.shell(
        "from urllib.parse import urlencode;"
        "from providers.models import ProviderPage;"
        "from providers.tokens import make_token;"
        "page = ProviderPage.objects.get(slug='anne-rochat-conseil', locale__language_code='fr');"
        "print(urlencode({'token': make_token(page)}))"
    )
    return output.strip().splitlines()[-1]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    "path",
    [
        "prestataires/",
        "prestataires/?region=CH-VD&service=consulting",
        "prestataires/?language=it&page=2",
        PROFILE,
        "prestataires/apply/",
        "prestataires/apply/?sent=1",
    ],
)
def test_directory_pages_have_no_axe_violations(live_site, page, language, path):
    page.goto(f"{live_site.url}/{language}/{path}")
    assert page.locator("html").get_attribute("lang") == language
    assert_accessible(page)


@pytest.mark.parametrize("language", LANGUAGES)
def test_contact_form_errors_are_accessible(live_site, page, language):
    page.goto(f"{live_site.url}/{language}/{PROFILE}")
    page.fill("#id_name", "Lucie")
    page.fill("#id_email", "pas-une-adresse")
    page.click(".provider-contact button[type=submit]")
    page.wait_for_selector(".provider-contact .errorlist")
    assert_accessible(page, f"contact errors ({language})")


@pytest.mark.parametrize("language", LANGUAGES)
def test_application_form_errors_are_accessible(live_site, page, language):
    page.goto(f"{live_site.url}/{language}/prestataires/apply/")
    page.fill("#id_title", "Atelier")
    page.click(".provider-form button[type=submit]")
    page.wait_for_selector(".errorlist")
    assert_accessible(page, f"application errors ({language})")
    if language == "fr":
        screenshot(page, "providers-apply-errors-fr")


@pytest.mark.parametrize("language", LANGUAGES)
def test_update_form_and_its_errors_are_accessible(live_site, page, language, update_query):
    page.goto(f"{live_site.url}/{language}/{PROFILE}update/?{update_query}")
    assert page.locator("#id_title").input_value() == "Anne Rochat Conseil"
    assert_accessible(page, f"update form ({language})")
    page.fill("#id_title", "")
    page.click(".provider-form button[type=submit]")
    page.wait_for_selector(".errorlist")
    assert_accessible(page, f"update errors ({language})")


@pytest.mark.parametrize("language", LANGUAGES)
def test_invalid_update_link_page_is_accessible(live_site, page, language):
    page.goto(f"{live_site.url}/{language}/{PROFILE}update/?token=faux")
    assert_accessible(page, f"invalid link ({language})")


def test_filters_work_without_javascript(live_site, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_site.url}/fr/prestataires/")
    page.select_option("#filter-region", "CH-VD")
    page.click(".provider-filters button[type=submit]")
    page.wait_for_url("**/fr/prestataires/?*region=CH-VD*")
    titles = page.locator(".provider-card__title").all_inner_texts()
    assert titles and "Anne Rochat Conseil" in titles
    screenshot(page, "providers-directory-vaud")
    context.close()


def test_directory_is_usable_on_a_phone(live_site, browser):
    context = browser.new_context(viewport={"width": 375, "height": 740})
    page = context.new_page()
    page.goto(f"{live_site.url}/fr/prestataires/")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, f"the directory scrolls sideways on a phone ({width}px wide)"
    context.close()
