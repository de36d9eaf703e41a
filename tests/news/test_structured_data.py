"""JSON-LD that search engines read: the site's search, events with their place, registration
and cycle; every object valid JSON-LD (PyLD) and complete by Google's rules (tests/json_ld.py),
in every language."""

import importlib
import json

import pytest
from django.conf import settings
from wagtail.models import Page

from events.models import EventPage
from tests import json_ld
from tests.conftest import LANGUAGE_CODES
from tests.factories import (
    EventPageFactory,
    EventSeriesPageFactory,
    ProviderPageFactory,
    RegistrationFactory,
)
from tests.html import parse

SITE = settings.SITE_URL

pytestmark = pytest.mark.django_db

venue_migration = importlib.import_module("events.migrations.0005_structured_venue_address")


def described(client, url, kind):
    objects = json_ld.extract(client.get(url).content)
    found = [item for item in objects if item["@type"] == kind]
    assert len(found) == 1, [item["@type"] for item in objects]
    return found[0]


def on_site_event(**fields):
    return EventPageFactory(
        intro="Une matinée pour choisir ses leviers.",
        venue_name="Maison des associations",
        venue_street="Rue de la Borde 13",
        venue_postal_code="1018",
        venue_locality="Lausanne",
        venue_region="VD",
        **fields,
    )


def test_the_home_page_tells_search_engines_how_to_search_the_site(client):
    website = described(client, "/de/", "WebSite")

    template = website["potentialAction"]["target"]["urlTemplate"]
    assert template == f"{SITE}/de/search/?q={{search_term_string}}"
    assert website["url"] == f"{SITE}/de/"
    response = client.get(template.replace("{search_term_string}", "modèle").removeprefix(SITE))
    assert response.status_code == 200
    assert json_ld.google_problems(website) == []


def test_the_search_page_lists_the_results_the_visitor_sees(client):
    response = client.get("/fr/search/?q=mod%C3%A8le")
    results_page = described(client, "/fr/search/?q=mod%C3%A8le", "SearchResultsPage")

    shown = [f"{SITE}{link['href']}" for link in parse(response).select(".search-results li a")]
    listed = results_page["mainEntity"]["itemListElement"]
    assert [item["url"] for item in listed] == shown[-len(listed) :]
    assert [item["position"] for item in listed] == list(range(1, len(listed) + 1))
    assert results_page["url"] == f"{SITE}/fr/search/?q=mod%C3%A8le"
    assert results_page["name"] == "Recherche : modèle"


def test_an_empty_search_page_is_a_search_results_page_without_results(client):
    results_page = described(client, "/it/search/", "SearchResultsPage")

    assert "mainEntity" not in results_page
    assert results_page["inLanguage"] == "it"


def test_an_event_on_site_names_its_place_with_a_postal_address(client):
    event = on_site_event()

    data = described(client, event.url, "Event")

    assert data["location"] == {
        "@type": "Place",
        "name": "Maison des associations",
        "address": {
            "@type": "PostalAddress",
            "streetAddress": "Rue de la Borde 13",
            "postalCode": "1018",
            "addressLocality": "Lausanne",
            "addressRegion": "VD",
            "addressCountry": "CH",
        },
    }
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert json_ld.google_problems(data) == []


def test_the_event_page_shows_the_address_it_describes(client):
    event = on_site_event()

    text = parse(client.get(event.url)).select_one("main").get_text(" ")

    assert "Rue de la Borde 13" in text
    assert "1018 Lausanne" in text


def test_a_free_event_offers_its_registration_form_and_counts_its_seats(client):
    event = on_site_event(capacity=2)
    registration_url = f"{SITE}{event.url}register/"

    offer = described(client, event.url, "Event")["offers"]
    assert offer["price"] == "0"
    assert offer["priceCurrency"] == "CHF"
    assert offer["url"] == registration_url
    assert offer["availability"] == "https://schema.org/LimitedAvailability"

    RegistrationFactory.create_batch(2, event=event)

    offer = described(client, event.url, "Event")["offers"]
    assert offer["availability"] == "https://schema.org/SoldOut"


def test_an_event_registered_elsewhere_offers_that_address(client):
    event = on_site_event(external_registration_url="https://billetterie.example.org/ess")

    offer = described(client, event.url, "Event")["offers"]

    assert offer["url"] == "https://billetterie.example.org/ess"
    assert offer["availability"] == "https://schema.org/InStock"


def test_a_webinar_of_a_cycle_points_to_its_cycle_and_meets_online(client):
    cycle = EventSeriesPageFactory(title="Cycle de printemps")
    webinar = EventPageFactory(
        parent=cycle, intro="Premier webinaire.", online_url="https://meet.example.org/secret"
    )

    data = described(client, webinar.url, "Event")

    assert data["superEvent"] == {
        "@type": "EventSeries",
        "name": "Cycle de printemps",
        "url": f"{SITE}{cycle.url}",
    }
    assert data["location"] == {"@type": "VirtualLocation", "url": f"{SITE}{webinar.url}"}
    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert data["image"].startswith(f"{SITE}/")
    assert "meet.example.org" not in client.get(webinar.url).content.decode()
    assert json_ld.google_problems(data) == []
    series = described(client, cycle.url, "EventSeries")
    assert series["startDate"] == data["startDate"]


def test_a_daily_post_without_venue_or_link_happens_on_its_own_page(client):
    post = EventPageFactory(intro="Jour 1 : la question de départ.")

    data = described(client, post.url, "Event")

    assert data["location"] == {"@type": "VirtualLocation", "url": f"{SITE}{post.url}"}
    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"


def test_an_untranslated_event_keeps_its_french_address_in_german(client):
    event = on_site_event()
    alias = event.get_translations().get(locale__language_code="de")

    data = described(client, alias.url, "Event")

    assert data["location"]["address"]["addressLocality"] == "Lausanne"
    assert data["url"] == f"{SITE}{event.url}"


def test_a_provider_names_the_cantons_and_countries_they_work_in_not_an_address(client):
    provider = ProviderPageFactory(
        kind="organisation",
        regions=["CH-VD", "CH-GE", "FR"],
        languages=["fr", "en"],
        website="https://conseil.example.org",
    )

    data = described(client, provider.url, "Organization")

    assert data["areaServed"] == [
        {
            "@type": "AdministrativeArea",
            "name": "Vaud",
            "identifier": "CH-VD",
            "address": {"@type": "PostalAddress", "addressRegion": "VD", "addressCountry": "CH"},
        },
        {
            "@type": "AdministrativeArea",
            "name": "Genève",
            "identifier": "CH-GE",
            "address": {"@type": "PostalAddress", "addressRegion": "GE", "addressCountry": "CH"},
        },
        {"@type": "Country", "name": "France", "identifier": "FR"},
    ]
    assert data["knowsLanguage"] == ["fr", "en"]
    assert data["sameAs"] == ["https://conseil.example.org"]
    assert "secret.example.net" not in json.dumps(data)
    assert json_ld.google_problems(data) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rue de la Borde 13\n1018 Lausanne", ("Rue de la Borde 13", "1018", "Lausanne", "VD")),
        ("Route des Arsenaux 16a\nCH-1700 Fribourg", ("Route des Arsenaux 16a", "1700", "Fribourg",
                                                      "FR")),
        ("Rue du Pommier 9, 2000 Neuchâtel", ("Rue du Pommier 9", "2000", "Neuchâtel", "NE")),
        ("Salle 3\nRue des Gares 7\n1201 Genève", ("Salle 3, Rue des Gares 7", "1201", "Genève",
                                                  "GE")),
        ("8001 Zürich", ("", "8001", "Zürich", "")),
        ("Quelque part au bord du lac", ("Quelque part au bord du lac", "", "", "")),
    ],
)  # fmt: skip
def test_the_migration_splits_the_demo_addresses_best_effort(text, expected):
    parsed = venue_migration.parse_address(text)

    assert (
        parsed["venue_street"],
        parsed["venue_postal_code"],
        parsed["venue_locality"],
        parsed["venue_region"],
    ) == expected
    assert parsed["venue_country"] == "CH"


def test_the_demo_events_kept_their_addresses_in_fields():
    lausanne = EventPage.objects.get(locale__language_code="fr", venue_locality="Lausanne")

    assert lausanne.venue_postal_code == "1018"
    assert lausanne.venue_address == "Rue de la Borde 13\n1018 Lausanne"


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_every_json_ld_object_is_valid_json_ld_and_complete_for_google(client, language):
    urls = [f"/{language}/search/?q=outil", f"/{language}/search/"]
    seen = set()
    for page in Page.objects.live().filter(locale__language_code=language).specific():
        if page.specific_class not in seen:
            seen.add(page.specific_class)
            urls.append(page.url)
    urls += [page.url for page in EventPage.objects.live().filter(locale__language_code=language)]
    problems = []
    checked_types = set()
    for url in urls:
        for item in json_ld.extract(client.get(url).content):
            expanded = json_ld.expanded_types(item)
            assert f"https://schema.org/{item['@type']}" in expanded, (url, item["@type"])
            checked_types.add(item["@type"])
            problems += [f"{url}: {problem}" for problem in json_ld.google_problems(item)]
    assert problems == []
    expected_types = {"Event", "EventSeries", "Organization", "Person", "WebSite"}
    assert expected_types | {"SearchResultsPage"} <= checked_types
