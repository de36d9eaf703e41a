"""Fixtures of the guides tests: the demo indexes and an empty cache (rows come from
tests/factories)."""

import pytest
from django.core.cache import cache
from wagtail.models import Locale

from guides.models import BusinessModelIndexPage, GuideIndexPage, TrainingIndexPage


@pytest.fixture
def guide_index(db):
    return GuideIndexPage.objects.get(locale=Locale.get_default())


@pytest.fixture
def training_index(db):
    return TrainingIndexPage.objects.get(locale=Locale.get_default())


@pytest.fixture
def model_index(db):
    return BusinessModelIndexPage.objects.get(locale=Locale.get_default())


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()
