"""Fixtures of the events tests: the demo agenda and cycle, Swiss times (rows come from
tests/factories)."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.cache import cache
from wagtail.models import Locale

from events.models import EventIndexPage, EventSeriesPage

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


def zurich(*args):
    return datetime(*args, tzinfo=ZURICH)
