"""The agenda, a cycle, an event page, and the sections shown on other pages."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import Locale

from core.bulk import index_updates_paused
from events.models import EventFormat, EventPage
from guides.models import TrainingModulePage
from taxonomy.models import Lever
from tests.factories import EventPageFactory, RegistrationFactory
from tests.html import one, parse, text_of, texts
from tests.query_budget import assert_query_count_does_not_grow, count_queries
from tools.models import ToolPage

from .conftest import zurich

pytestmark = pytest.mark.django_db


def titles(response):
    return texts(parse(response), "ul.event-cards > li.event-card > h3 > a[href]")


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
    form = one(parse(response), "form.event-filters")
    one(form, f'input#filter-{param}-{value}[type="checkbox"][name="{param}"][value="{value}"]')
    count = one(form, f'label[for="filter-{param}-{value}"] > span.event-filters__count')
    match = re.fullmatch(r"\((\d+)\)", text_of(count))
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
    notices = texts(parse(response), 'p.notice--error[role="alert"]')
    assert any("ont été ignorés" in notice for notice in notices)


def test_cards_show_the_number_in_the_cycle(client, agenda, webinar_cycle):
    response = client.get(agenda.url + "?format=webinar")
    numbers = texts(parse(response), "li.event-card > p.event-card__series")
    assert any(re.match(r"\d+ sur 12 · Cycle de webinaires", number) for number in numbers)


@pytest.mark.slow
def test_agenda_query_count_does_not_grow_with_two_hundred_events(client, agenda, webinar_cycle):
    fr = Locale.get_default()
    levers = list(Lever.objects.filter(locale=fr))
    counter = iter(range(1000))

    def add_events():
        with index_updates_paused():
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

    assert_query_count_does_not_grow(client, agenda.url, add_events, budget=12)
    assert EventPage.objects.filter(slug__startswith="charge-").count() == 200


def test_event_page_query_count_does_not_grow_with_registrations(client, agenda):
    event = EventPageFactory(parent=agenda, slug="atelier-requetes", aliases=False, capacity=500)

    def add_registrations():
        RegistrationFactory.create_batch(50, event=event, name="P")

    assert_query_count_does_not_grow(client, event.url, add_registrations, budget=12)


def test_a_warm_event_page_reads_only_its_seats_and_itself(client, webinar_cycle):
    """Terms, cycle, picture, people, links and documents are kept until the next publication;
    the seats left are read for each view, and a registration shows at once."""
    event = webinar_cycle.get_children().live().specific().first()
    event.capacity = 30
    event.save_revision().publish()
    client.get(event.url)

    count, queries = count_queries(client, event.url)

    tables = " ".join(query["sql"] for query in queries)
    assert count <= 4, [query["sql"][:120] for query in queries]
    for kept in ("taxonomy_", "events_eventperson", "events_eventdocument", "tools_toolpage"):
        assert kept not in tables
    assert "events_registration" in tables
    # Its place in the cycle, set on the page from the kept parts.
    assert re.search(r"\b1 sur 12\b", text_of(one(parse(client.get(event.url)), "p.event__format")))


def test_cycle_page_numbers_its_events_and_points_to_the_next(client, webinar_cycle):
    soup = parse(client.get(webinar_cycle.url))
    numbers = texts(soup, "ol.series-events > li > span.series-events__number")
    assert numbers == [f"{number} sur 12" for number in range(1, 13)]
    assert text_of(one(soup, "ol.series-events > li.series-events__next > strong")) == "(prochain)"
    calendar = one(soup, "section a.button")["href"]
    assert calendar.endswith(f"/events/cycle/{webinar_cycle.pk}/calendar.ics")


def test_cycle_page_query_count_does_not_grow(client, webinar_cycle):
    counter = iter(range(1000))

    def add_events():
        for _ in range(5):
            EventPageFactory(
                parent=webinar_cycle, slug=f"supplement-{next(counter)}", aliases=False
            )

    assert_query_count_does_not_grow(client, webinar_cycle.url, add_events, budget=12)


def test_event_page_shows_its_number_in_the_cycle(client, webinar_cycle):
    third = webinar_cycle.events()[2]
    header = one(parse(client.get(third.url)), "article.event > header")
    assert "3 sur 12" in text_of(one(header, "p.event__format"))
    part_of = one(header, f'p:has(> a[href="{webinar_cycle.url}"])')
    assert text_of(part_of).startswith("Fait partie du cycle")


def test_past_event_shows_replay_slides_and_report(client, agenda):
    event = EventPage.objects.get(slug="webinaire-lancement-bibliotheque", locale=agenda.locale)
    soup = parse(client.get(event.url))
    after = one(soup, "section.event__after")
    replay = one(after, "div.event__replay > iframe")
    assert replay["src"] == "https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ"
    assert "Supports de présentation (PDF)" in texts(after, "ul > li > a")
    assert "Près de 150 personnes" in text_of(one(after, "div.rich-text"))
    assert not soup.select('[name="consent"]')


def test_home_page_shows_the_next_events(client, home_page):
    soup = parse(client.get(home_page.url))
    section = one(soup, "section.home-events")
    assert text_of(one(section, "h2")) == "Prochains événements"
    assert len(soup.select("li.card.event-card")) == 4
    assert len(section.select("ul.event-cards > li.card.event-card")) == 4


def test_tool_sheet_lists_upcoming_events_about_the_tool(client, agenda):
    tool = ToolPage.objects.get(sheet_number="02a", locale=agenda.locale)
    event = EventPageFactory(parent=agenda, slug="atelier-outil", aliases=False)
    event.related_tools.set([tool])
    event.save_revision().publish()
    section = one(parse(client.get(tool.url)), "section.tool-events")
    assert text_of(one(section, "h2")) == "Prochains événements autour de cet outil"
    assert event.title in texts(section, "li > a")


def test_training_module_lists_its_upcoming_sessions(client, agenda):
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
    section = one(parse(html), "section.module-sessions")
    assert text_of(one(section, "h2")) == "Prochaines sessions"
    assert session.title in texts(section, "li > a")
    assert "Session passee" not in html
