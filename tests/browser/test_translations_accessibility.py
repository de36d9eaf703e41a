"""The translated demo pages pass axe in de/it/en; the status report opens for translators."""

import pytest

from home.roles import MODERATORS, translator_group_name
from tests.browser.conftest import assert_accessible, screenshot

pytestmark = pytest.mark.browser

TRANSLATED_PATHS = [
    "",
    "association/",
    "domaines-activite/",
    "outils/02a-canevas-du-modele-socio-economique/",
    "fils-rouges/fil-rouge-conception/",
]
TRANSLATED_TITLES = {"de": "Der Verein", "it": "L'associazione", "en": "The association"}
GERMAN_TRANSLATORS = translator_group_name("de")
REPORT_USERS = {GERMAN_TRANSLATORS: "report-translators", MODERATORS: "report-moderators"}


@pytest.mark.parametrize("language", ["de", "it", "en"])
@pytest.mark.parametrize("path", TRANSLATED_PATHS)
def test_translated_demo_page_has_no_axe_violations(live_site, page, language, path):
    page.goto(f"{live_site.url}/{language}/{path}")
    assert page.locator("html").get_attribute("lang") == language
    assert_accessible(page)


@pytest.mark.parametrize("language", ["de", "it", "en"])
def test_about_page_shows_its_translation(live_site, page, language):
    page.goto(f"{live_site.url}/{language}/association/")
    assert page.locator("h1").inner_text().strip() == TRANSLATED_TITLES[language]


@pytest.fixture(scope="module")
def report_users(live_site):
    live_site.shell(
        "from django.contrib.auth.models import Group, User\n"
        f"for name, username in {REPORT_USERS!r}.items():\n"
        "    user, _ = User.objects.get_or_create(username=username)\n"
        "    user.set_password('report-pass-123')\n"
        "    user.save()\n"
        "    user.groups.add(Group.objects.get(name=name))\n"
    )
    return REPORT_USERS


@pytest.mark.parametrize("group", [GERMAN_TRANSLATORS, MODERATORS])
def test_status_report_opens_for_translators_and_moderators(live_site, page, report_users, group):
    page.goto(f"{live_site.url}/admin/login/")
    page.fill("input[name=username]", report_users[group])
    page.fill("input[name=password]", "report-pass-123")
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_site.url}/admin/")
    response = page.goto(f"{live_site.url}/admin/translations/status/?locale=de")
    assert response.status == 200
    assert page.locator("table.listing tbody tr").count() > 0
    screenshot(page, f"translations-status-{report_users[group]}")


@pytest.mark.parametrize("width", [390, 1366])
@pytest.mark.parametrize("language", ["de", "it", "en"])
def test_an_untranslated_page_tells_the_visitor_and_passes_axe(live_site, page, language, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{live_site.url}/{language}/contact/")
    notice = page.locator("main aside.notice--untranslated")
    assert notice.is_visible()
    assert notice.get_attribute("lang") == language
    assert page.locator("main").get_attribute("lang") == "fr"
    assert notice.locator('a[hreflang="fr"]').get_attribute("href") == "/fr/contact/"
    assert_accessible(page)
    screenshot(page, f"untranslated-{language}-{width}")
