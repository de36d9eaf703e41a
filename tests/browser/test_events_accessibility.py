"""The agenda, a cycle, event pages and the registration form (blank, with errors, sent) pass
axe-core in all four languages; a visitor registers through the form in Chromium."""

import json

import pytest

from tests.browser.conftest import assert_accessible, screenshot

LANGUAGES = ["fr", "de", "it", "en"]
WORKSHOP = "atelier-canevas-geneve"

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def paths(live_site):
    """Paths of the demo agenda, a cycle, a workshop and a past event, in every language."""
    output = live_site.shell(
        "import json;"
        "from django.utils import timezone;"
        "from events.models import EventIndexPage, EventPage, EventSeriesPage;"
        "result = {};"
        "past = EventPage.objects.filter(locale__language_code='fr', end__lt=timezone.now())"
        ".exclude(replay_url='').first();"
        "[result.setdefault(code, {"
        "'agenda': EventIndexPage.objects.get(locale__language_code=code).url,"
        "'cycle': EventSeriesPage.objects.filter(locale__language_code=code)"
        ".order_by('path').first().url,"
        f"'workshop': EventPage.objects.get(slug='{WORKSHOP}', locale__language_code=code).url,"
        "'past': EventPage.objects.get(translation_key=past.translation_key,"
        " locale__language_code=code).url,"
        "}) for code in ['fr', 'de', 'it', 'en']];"
        "print(json.dumps(result))"
    )
    return json.loads(output.strip().splitlines()[-1])


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    "key, query",
    [
        ("agenda", ""),
        ("agenda", "?format=workshop&language=fr"),
        ("agenda", "?when=past"),
        ("cycle", ""),
        ("workshop", ""),
        ("past", ""),
    ],
)
def test_event_pages_have_no_axe_violations(live_site, page, paths, language, key, query):
    page.goto(f"{live_site.url}{paths[language][key]}{query}")
    assert page.locator("html").get_attribute("lang") == language
    assert page.locator("h1").count() == 1
    assert_accessible(page, f"{key}{query} ({language})")


@pytest.mark.parametrize("language", LANGUAGES)
def test_registration_errors_are_accessible(live_site, page, paths, language):
    page.goto(f"{live_site.url}{paths[language]['workshop']}")
    page.fill("#id_name", "Lucie")
    page.fill("#id_email", "pas-une-adresse")
    page.click("#registration button[type=submit]")
    page.wait_for_selector("#registration .errorlist")
    assert page.locator("#id_name").input_value() == "Lucie"
    assert_accessible(page, f"registration errors ({language})")
    if language == "fr":
        screenshot(page, "events-registration-errors-fr")


def test_a_visitor_registers_through_the_form(live_site, page, paths):
    page.goto(f"{live_site.url}{paths['fr']['workshop']}")
    seats_before = page.locator(".event__facts").inner_text()
    page.fill("#id_name", "Marie Dubois")
    page.fill("#id_email", "marie.dubois@example.org")
    page.fill("#id_organisation", "Coopérative du Léman")
    page.check("#id_consent")
    page.click("#registration button[type=submit]")
    page.wait_for_selector("#registration [role=status]")
    # Double opt-in: the seat is held until the address is confirmed through the e-mail.
    assert "registration=pending" in page.url
    assert "confirm" in page.locator("#registration [role=status]").inner_text().lower()
    assert page.locator(".event__facts").inner_text() != seats_before
    assert_accessible(page, "registration confirmed (fr)")
    screenshot(page, "events-registration-confirmed-fr")
    registered = live_site.shell(
        "from events.models import Registration;"
        "print(Registration.objects.filter(email='marie.dubois@example.org',"
        f" event__slug='{WORKSHOP}').count())"
    )
    assert registered.strip().splitlines()[-1] == "1"
