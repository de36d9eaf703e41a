"""The agenda, a cycle, an event page, and the sections shown on other pages."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import Locale

from events.models import EventFormat, EventPage
from taxonomy.models import Lever
from tests.factories import EventPageFactory, RegistrationFactory
from tests.query_budget import assert_query_count_does_not_grow

from .conftest import zurich

pytestmark = pytest.mark.django_db


def titles(response):
    return re.findall(r'<h3><a href="[^"]+">([^<]+)</a></h3>', response.content.decode())


def test_agenda_lists_upcoming_events_first_and_past_ones_on_request(client, agenda):
    soon = EventPageFactory(
        parent=agenda,
        slug="atelier-bientot",
        aliases=False,
        start=timezone.now() + timedelta(hours=2),
    )
    past = EventPageFactory(
        parent=agenda, slug="atelier-termine", aliases=False, start=zurich(2023, 4, 4, 10, 0)
    )
    upcoming = titles(client.get(agenda.url))
    assert upcoming[0] == soon.title
    assert past.title not in upcoming
    previous = titles(client.get(agenda.url + "?when=past"))
    assert past.title in previous
    assert soon.title not in previous


def test_agenda_filters_by_format_lever_and_language(client, agenda):
    fr = Locale.get_default()
    financial = Lever.objects.get(slug="financial-resources", locale=fr)
    german = EventPageFactory(
        parent=agenda,
        slug="workshop-deutsch",
        aliases=False,
        language="de",
        event_format="workshop",
    )
    conference = EventPageFactory(
        parent=agenda,
        slug="conference-finances",
        aliases=False,
        event_format=EventFormat.CONFERENCE,
    )
    conference.levers.set([financial])
    conference.save_revision().publish()

    by_format = titles(client.get(agenda.url + "?format=conference"))
    assert conference.title in by_format
    assert all("Webinaire" not in title for title in by_format)
    by_language = titles(client.get(agenda.url + "?language=de"))
    assert by_language == [german.title]
    by_lever = titles(client.get(agenda.url + "?lever=financial-resources&format=conference"))
    assert by_lever == [conference.title]


def option_count(response, param, value):
    html = response.content.decode()
    match = re.search(
        rf'<label for="filter-{param}-{value}">[^<]*<span class="event-filters__count">\((\d+)\)',
        html,
    )
    assert match, f"no count for {param}={value}"
    return int(match.group(1))


def test_each_filter_option_shows_how_many_events_it_gives(client, agenda):
    response = client.get(agenda.url + "?language=de")
    german_before = option_count(response, "language", "de")
    workshops_in_german_before = option_count(response, "format", "workshop")
    EventPageFactory(
        parent=agenda,
        slug="workshop-auf-deutsch",
        aliases=False,
        language="de",
        event_format="workshop",
    )
    EventPageFactory(
        parent=agenda,
        slug="atelier-en-francais",
        aliases=False,
        language="fr",
        event_format="workshop",
    )
    response = client.get(agenda.url + "?language=de")
    assert option_count(response, "language", "de") == german_before + 1
    # The format counts take the chosen language into account.
    assert option_count(response, "format", "workshop") == workshops_in_german_before + 1
    assert option_count(response, "format", "workshop") == len(
        titles(client.get(agenda.url + "?language=de&format=workshop"))
    )


def test_unknown_filters_are_ignored_with_a_notice(client, agenda):
    response = client.get(agenda.url + "?format=party&when=someday")
    assert response.status_code == 200
    assert "ont été ignorés" in response.content.decode()


def test_cards_show_the_number_in_the_cycle(client, agenda, webinar_cycle):
    response = client.get(agenda.url + "?format=webinar")
    assert re.search(r"\d+ sur 12 · Cycle de webinaires", response.content.decode())


@pytest.mark.slow
def test_agenda_query_count_does_not_grow_with_two_hundred_events(client, agenda, webinar_cycle):
    fr = Locale.get_default()
    levers = list(Lever.objects.filter(locale=fr))
    counter = iter(range(1000))

    def add_events():
        for _ in range(100):
            number = next(counter)
            parent = webinar_cycle if number % 2 else agenda
            event = EventPageFactory(
                parent=parent,
                slug=f"charge-{number}",
                aliases=False,
                start=timezone.now() + timedelta(days=1),
            )
            event.levers.set(levers[: 1 + number % 3])

    queries = assert_query_count_does_not_grow(client, agenda.url, add_events, budget=40)
    assert EventPage.objects.filter(slug__startswith="charge-").count() == 200
    assert queries <= 40


def test_event_page_query_count_does_not_grow_with_registrations(client, agenda):
    event = EventPageFactory(parent=agenda, slug="atelier-requetes", aliases=False, capacity=500)

    def add_registrations():
        RegistrationFactory.create_batch(50, event=event, name="P")

    assert_query_count_does_not_grow(client, event.url, add_registrations, budget=60)


def test_cycle_page_numbers_its_events_and_points_to_the_next(client, webinar_cycle):
    html = client.get(webinar_cycle.url).content.decode()
    numbers = re.findall(r'series-events__number">([^<]+)<', html)
    assert numbers == [f"{number} sur 12" for number in range(1, 13)]
    assert "(prochain)" in html
    assert f"/events/cycle/{webinar_cycle.pk}/calendar.ics" in html


def test_cycle_page_query_count_does_not_grow(client, webinar_cycle):
    counter = iter(range(1000))

    def add_events():
        for _ in range(5):
            EventPageFactory(
                parent=webinar_cycle, slug=f"supplement-{next(counter)}", aliases=False
            )

    assert_query_count_does_not_grow(client, webinar_cycle.url, add_events, budget=40)


def test_event_page_shows_its_number_in_the_cycle(client, webinar_cycle):
    third = webinar_cycle.events()[2]
    html = client.get(third.url).content.decode()
    assert "3 sur 12" in html
    assert "Fait partie du cycle" in html


def test_past_event_shows_replay_slides_and_report(client, agenda):
    event = EventPage.objects.get(slug="webinaire-lancement-bibliotheque", locale=agenda.locale)
    html = client.get(event.url).content.decode()
    assert 'src="https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ"' in html
    assert "Supports de présentation (PDF)" in html
    assert "Près de 150 personnes" in html
    assert 'name="consent"' not in html


def test_home_page_shows_the_next_events(client, home_page):
    html = client.get(home_page.url).content.decode()
    assert "Prochains événements" in html
    assert html.count('class="card event-card"') == 4


def test_tool_sheet_lists_upcoming_events_about_the_tool(client, agenda):
    from tools.models import ToolPage

    tool = ToolPage.objects.get(sheet_number="02a", locale=agenda.locale)
    event = EventPageFactory(parent=agenda, slug="atelier-outil", aliases=False)
    event.related_tools.set([tool])
    event.save_revision().publish()
    html = client.get(tool.url).content.decode()
    assert "Prochains événements autour de cet outil" in html
    assert event.title in html


def test_training_module_lists_its_upcoming_sessions(client, agenda):
    from guides.models import TrainingModulePage

    module = TrainingModulePage.objects.filter(locale=agenda.locale).first()
    session = EventPageFactory(
        parent=agenda, slug="session-module", aliases=False, training_module=module
    )
    EventPageFactory(
        parent=agenda,
        slug="session-passee",
        aliases=False,
        training_module=module,
        start=zurich(2022, 1, 1, 9),
    )
    assert session in module.sessions.all()
    html = client.get(module.url).content.decode()
    assert "Prochaines sessions" in html
    assert session.title in html
    assert "Session passee" not in html
