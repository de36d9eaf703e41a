"""Calendar files read the same in two independent iCalendar parsers, through the VTIMEZONE they
embed (as Outlook, Apple Calendar and Thunderbird read it), across every daylight-saving change
of 2026-2028; the translations of an event are one event for a calendar."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import vobject
from dateutil.rrule import MONTHLY, SU, rrule
from icalendar import Calendar

from events.calendars import ics_bytes
from events.models import EventPage
from tests.factories import EventPageFactory

pytestmark = pytest.mark.django_db

ZURICH = ZoneInfo("Europe/Zurich")


def last_sunday(year, month):
    return rrule(MONTHLY, dtstart=datetime(year, month, 1), bymonth=month, byweekday=SU(-1))[0]


def around_the_changes():
    """Swiss wall-clock times on each side of each change of 2026, 2027 and 2028."""
    times = []
    for year in (2026, 2027, 2028):
        for month in (3, 10):
            change = last_sunday(year, month)
            for day, hour, minute in ((-1, 12, 0), (0, 1, 30), (0, 3, 30), (1, 12, 0)):
                moment = change + timedelta(days=day)
                times.append(moment.replace(hour=hour, minute=minute, tzinfo=ZURICH))
    return times


@pytest.fixture
def dst_events(agenda):
    return [
        EventPageFactory(
            parent=agenda, aliases=False, slug=f"atelier-dst-{number}", start=start, hours=1
        )
        for number, start in enumerate(around_the_changes())
    ]


def instants_by_icalendar(data):
    """UTC start of each event, with the zone rebuilt from the embedded VTIMEZONE only."""
    calendar = Calendar.from_ical(data)
    zones = {str(zone["tzid"]): zone.to_tz() for zone in calendar.walk("VTIMEZONE")}
    result = {}
    for component in calendar.walk("VEVENT"):
        start = component["dtstart"]
        naive = start.dt.replace(tzinfo=None)
        zone = zones[start.params["TZID"]]
        result[str(component["summary"])] = naive.replace(tzinfo=zone).astimezone(UTC)
    return result


def instants_by_vobject(data):
    """The same with vobject, which reads the VTIMEZONE that precedes the events."""
    calendar = vobject.readOne(data.decode())
    return {
        event.summary.value: event.dtstart.value.astimezone(UTC) for event in calendar.vevent_list
    }


def test_both_parsers_read_every_time_around_the_changes_of_2026_to_2028(dst_events):
    data = ics_bytes(dst_events, "Changements d’heure")
    expected = {event.title: event.start.astimezone(UTC) for event in dst_events}
    assert len(expected) == 24
    assert instants_by_icalendar(data) == expected
    assert instants_by_vobject(data) == expected


def test_the_embedded_zone_changes_at_one_in_the_morning_utc(dst_events):
    (zone,) = Calendar.from_ical(ics_bytes(dst_events, "x")).walk("VTIMEZONE")
    embedded = zone.to_tz()
    for year in (2026, 2027, 2028):
        for month, before, after in ((3, 1, 2), (10, 2, 1)):
            change = last_sunday(year, month).replace(hour=1, tzinfo=UTC)
            for moment, hours in ((change - timedelta(minutes=1), before), (change, after)):
                local = moment.astimezone(embedded)
                assert local.utcoffset() == timedelta(hours=hours), (moment, local)
                assert local.replace(tzinfo=None) == moment.astimezone(ZURICH).replace(tzinfo=None)


def test_a_calendar_file_validates_in_both_parsers(client, dst_events):
    response = client.get(f"/events/{dst_events[0].pk}/calendar.ics")
    calendar = Calendar.from_ical(response.content)
    assert calendar.get_missing_tzids() == set()
    parsed = vobject.readOne(response.content.decode())
    parsed.validate()
    assert parsed.vevent.summary.value == dst_events[0].title


def test_the_translations_of_an_event_share_one_uid(client, agenda):
    french = EventPageFactory(parent=agenda, slug="atelier-traduit")
    german = EventPage.objects.get(
        translation_key=french.translation_key, locale__language_code="de"
    )
    uids = set()
    for event in (french, german):
        calendar = Calendar.from_ical(client.get(f"/events/{event.pk}/calendar.ics").content)
        (component,) = calendar.walk("VEVENT")
        uids.add(str(component["uid"]))
    assert len(uids) == 1
    # Imported together, the two languages' upcoming calendars hold the event once.
    merged = {}
    for language in ("fr", "de"):
        data = client.get(f"/events/{language}/upcoming.ics").content
        for component in Calendar.from_ical(data).walk("VEVENT"):
            merged.setdefault(str(component["uid"]), []).append(language)
    assert merged[uids.pop()] == ["fr", "de"]
