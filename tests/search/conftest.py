"""Fixtures of the search tests: an empty cache and the demo library to add tools to."""

import pytest
from django.core.cache import cache
from wagtail.models import Locale

from taxonomy.models import Lever
from tools.models import ToolIndexPage


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def tool_index(db):
    return ToolIndexPage.objects.get(locale=Locale.get_default())


@pytest.fixture
def lever_slugs(db):
    return list(Lever.objects.filter(locale=Locale.get_default()).values_list("slug", flat=True))
