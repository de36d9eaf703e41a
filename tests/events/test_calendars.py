"""Calendar files parse, carry Europe/Zurich with its VTIMEZONE, and keep the hour across DST."""

from datetime import timedelta
from urllib.parse import parse_qs, urlparse

import pytest
from icalendar import Calendar

from events.calendars import google_calendar_url
from tests.factories import EventPageFactory
from tests.html import one
from tests.html import parse as parse_html

from .conftest import zurich

pytestmark = pytest.mark.django_db


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def test_event_ics_has_the_right_utc_offset_in_winter_and_in_summer(client, agenda):
    winter = EventPageFactory(
        parent=agenda,
        slug="atelier-hiver",
        aliases=False,
        start=zurich(2027, 1, 21, 13, 0),
        hours=1.5,
    )
    summer = EventPageFactory(
        parent=agenda,
        slug="atelier-ete",
        aliases=False,
        start=zurich(2027, 6, 17, 13, 0),
        hours=1.5,
    )

    for event, offset in ((winter, timedelta(hours=1)), (summer, timedelta(hours=2))):
        calendar = parse(client.get(f"/events/{event.pk}/calendar.ics"))
        (component,) = calendar.walk("VEVENT")
        start = component.decoded("dtstart")
        assert (start.hour, start.minute) == (13, 0)
        assert start.utcoffset() == offset
        assert component["dtstart"].params["TZID"] == "Europe/Zurich"
        assert component.decoded("dtend") - start == timedelta(minutes=90)
        assert str(component["summary"]) == event.title
        assert event.get_full_url() in str(component["url"])
        assert [tz.tz_name for tz in calendar.timezones] == ["Europe/Zurich"]
        assert calendar.get_missing_tzids() == set()


def test_vtimezone_describes_both_standard_and_daylight_time(client, agenda):
    event = EventPageFactory(
        parent=agenda, slug="atelier-fuseau", aliases=False, start=zurich(2027, 3, 18, 13, 0)
    )
    calendar = parse(client.get(f"/events/{event.pk}/calendar.ics"))
    (timezone_component,) = calendar.timezones
    names = {component.name for component in timezone_component.subcomponents}
    assert names == {"STANDARD", "DAYLIGHT"}
    assert b"BEGIN:VTIMEZONE" in calendar.to_ical()
    assert calendar["version"] == "2.0"
    assert calendar["prodid"]


def test_cycle_ics_holds_every_event_of_the_cycle_in_order(client, webinar_cycle):
    calendar = parse(client.get(f"/events/cycle/{webinar_cycle.pk}/calendar.ics"))
    starts = [component.decoded("dtstart") for component in calendar.walk("VEVENT")]
    assert len(starts) == 12
    assert starts == sorted(starts)
    assert {(start.hour, start.minute) for start in starts} == {(13, 0)}
    assert {start.weekday() for start in starts} == {3}
    assert {start.utcoffset() for start in starts} == {timedelta(hours=1), timedelta(hours=2)}


def test_upcoming_feed_lists_only_upcoming_events_of_the_language(client, agenda):
    past = EventPageFactory(
        parent=agenda, slug="atelier-passe", aliases=False, start=zurich(2020, 5, 5, 10, 0)
    )
    future = EventPageFactory(parent=agenda, slug="atelier-futur", aliases=False)
    calendar = parse(client.get("/events/fr/upcoming.ics"))
    summaries = {str(component["summary"]) for component in calendar.walk("VEVENT")}
    assert future.title in summaries
    assert past.title not in summaries
    uids = [str(component["uid"]) for component in calendar.walk("VEVENT")]
    assert len(uids) == len(set(uids))

    german = parse(client.get("/events/de/upcoming.ics"))
    german_urls = [str(component["url"]) for component in german.walk("VEVENT")]
    assert german_urls and all("/de/" in url for url in german_urls)


def test_unknown_language_or_unpublished_event_has_no_calendar(client, agenda):
    draft = EventPageFactory(parent=agenda, slug="atelier-brouillon", aliases=False, publish=False)
    assert client.get(f"/events/{draft.pk}/calendar.ics").status_code == 404
    assert client.get("/events/xx/upcoming.ics").status_code == 404


def test_google_calendar_link_carries_utc_times_and_the_swiss_zone(agenda):
    event = EventPageFactory(
        parent=agenda, slug="atelier-google", aliases=False, start=zurich(2027, 1, 21, 13, 0)
    )
    query = parse_qs(urlparse(google_calendar_url(event)).query)
    assert query["action"] == ["TEMPLATE"]
    assert query["text"] == [event.title]
    assert query["dates"] == ["20270121T120000Z/20270121T140000Z"]
    assert query["ctz"] == ["Europe/Zurich"]


def test_event_page_offers_both_calendar_links(client, agenda):
    event = EventPageFactory(parent=agenda, slug="atelier-liens", aliases=False)
    links = one(parse_html(client.get(event.url)), "section.event__facts p.event__calendar")
    ics, google = (link["href"] for link in links.select("a"))
    assert ics.endswith(f"/events/{event.pk}/calendar.ics")
    assert google.startswith("https://calendar.google.com/calendar/render?action=TEMPLATE")


def test_rss_and_atom_feeds_list_upcoming_events(client, agenda):
    event = EventPageFactory(parent=agenda, slug="atelier-flux", aliases=False)
    EventPageFactory(
        parent=agenda, slug="atelier-flux-passe", aliases=False, start=zurich(2021, 1, 1, 9, 0)
    )
    rss = client.get("/events/fr/rss/")
    assert rss.status_code == 200
    assert rss["Content-Type"].startswith("application/rss+xml")
    body = rss.content.decode()
    assert event.title in body
    assert "Atelier flux passe" not in body
    atom = client.get("/events/en/atom/")
    assert atom.status_code == 200
    assert atom["Content-Type"].startswith("application/atom+xml")
    assert "upcoming events" in atom.content.decode()


def test_public_calendar_never_shows_the_meeting_link(client, agenda):
    link = "https://meet.example.org/sbm-secret-room"
    event = EventPageFactory(parent=agenda, slug="webinaire-prive", aliases=False, online_url=link)
    content = client.get(f"/events/{event.pk}/calendar.ics").content.decode()
    assert link not in content
    (component,) = Calendar.from_ical(content).walk("VEVENT")
    assert str(component["location"]) == event.get_full_url()
    assert link not in google_calendar_url(event)
