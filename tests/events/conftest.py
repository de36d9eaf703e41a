"""Helpers for the events tests: the demo agenda and events created on demand."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.cache import cache
from django.utils import timezone
from wagtail.models import Locale

from events.models import EventIndexPage, EventPage, EventSeriesPage

ZURICH = ZoneInfo("Europe/Zurich")


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def agenda(db):
    return EventIndexPage.objects.get(locale=Locale.get_default())


@pytest.fixture
def webinar_cycle(db):
    return EventSeriesPage.objects.get(
        locale=Locale.get_default(), slug="cycle-webinaires-modeles-socio-economiques"
    )


def make_event(parent, slug, *, start=None, hours=2, publish=True, **fields):
    start = start or timezone.now() + timedelta(days=10)
    fields.setdefault("title", slug.replace("-", " ").capitalize())
    event = EventPage(
        slug=slug,
        locale=parent.locale,
        start=start,
        end=start + timedelta(hours=hours),
        live=publish,
        **fields,
    )
    parent.add_child(instance=event)
    revision = event.save_revision()
    if publish:
        revision.publish()
    event.refresh_from_db()
    return event


def zurich(*args):
    return datetime(*args, tzinfo=ZURICH)
