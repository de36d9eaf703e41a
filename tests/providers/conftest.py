"""Fixtures of the providers tests: the demo directory, an empty cache and past dates (rows come
from tests/factories)."""

import datetime

import pytest
from django.core.cache import cache
from django.utils import timezone
from wagtail.models import Locale

from providers.models import ProviderIndexPage


@pytest.fixture
def index(db):
    return ProviderIndexPage.objects.get(locale=Locale.get_default())


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


def days_ago(days):
    return timezone.localdate() - datetime.timedelta(days=days)
