"""iCalendar (RFC 5545) files: one event, a cycle, or every upcoming event of a language.

Times are written with TZID=Europe/Zurich and the calendar carries the matching VTIMEZONE,
built from the zone database (`vtimezone`), so calendar applications that use the embedded
definition show the right hour on both sides of the daylight-saving changes.

Every translation of an event shares one UID (from its translation key): a visitor who imports
the French and the German calendar gets the event once.
"""

from datetime import UTC, datetime
from urllib.parse import urlencode

from django.conf import settings
from django.utils import timezone
from django.utils.html import strip_tags
from ical.calendar import Calendar as ZoneCalendar
from ical.calendar_stream import IcsCalendarStream
from ical.timezone import Timezone as ZoneDefinition
from icalendar import Calendar, Event, vText

from core.urls import page_url

from .schedule import local_zone

PRODID = "-//Social Business Models//Events//FR"
DOMAIN = "socialbusinessmodels.ch"


def event_location(event, with_meeting_link=False):
    """Venue and address. The meeting link is for registered participants only: public
    calendars show the event's page instead."""
    parts = [event.venue_name, " ".join(event.venue_address.split())]
    location = ", ".join(part for part in parts if part)
    if location:
        return location
    if event.online_url and with_meeting_link:
        return event.online_url
    return (page_url(event) or "") if event.online_url else ""


def event_text(event):
    text = event.intro or strip_tags(event.description)
    return " ".join(text.split())


def event_uid(event):
    """The same in every language: the translations of an event are one event."""
    return f"event-{event.translation_key}@{DOMAIN}"


def vtimezone():
    """The VTIMEZONE of the site's zone (RFC 5545 3.6.5), from the zone database.

    The `ical` library reads the zone's TZif file and writes its current rules as yearly
    RRULEs, the form every client reads (Outlook, Apple, Google, dateutil-based ones).
    icalendar's own `add_missing_timezones` (7.3) lists each change as an RDATE instead, and
    from a zoneinfo zone writes the spring change an hour late (03:00 instead of 02:00).
    """
    holder = ZoneCalendar()
    holder.timezones.append(ZoneDefinition.from_tzif(settings.TIME_ZONE))
    text = IcsCalendarStream.calendar_to_ics(holder)
    (component,) = Calendar.from_ical(text).walk("VTIMEZONE")
    return component


def ical_event(event, request=None, with_meeting_link=False):
    zone = local_zone()
    component = Event()
    component.add("uid", event_uid(event))
    component.add("dtstamp", datetime.now(UTC))
    component.add("dtstart", timezone.localtime(event.start, zone))
    component.add("dtend", timezone.localtime(event.end, zone))
    component.add("summary", event.title)
    description = event_text(event)
    url = page_url(event, request)
    if url:
        component.add("url", url)
        description = f"{description}\n\n{url}".strip()
    if description:
        component.add("description", description)
    location = event_location(event, with_meeting_link)
    if location:
        component["location"] = vText(location)
    if event.last_published_at:
        component.add("last-modified", event.last_published_at)
    return component


def calendar_for(events, name, request=None, with_meeting_link=False):
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add_component(vtimezone())
    for event in events:
        calendar.add_component(ical_event(event, request, with_meeting_link))
    return calendar


def ics_bytes(events, name, request=None, with_meeting_link=False):
    return calendar_for(events, name, request, with_meeting_link).to_ical()


def google_calendar_url(event, request=None):
    """A Google Calendar "add event" template link (times in UTC)."""

    def utc(value):
        return value.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")

    details = event_text(event)
    url = page_url(event, request)
    if url:
        details = f"{details}\n\n{url}".strip()
    params = {
        "action": "TEMPLATE",
        "text": event.title,
        "dates": f"{utc(event.start)}/{utc(event.end)}",
        "details": details,
        "location": event_location(event),
        "ctz": str(local_zone()),
    }
    return "https://calendar.google.com/calendar/render?" + urlencode(params)
