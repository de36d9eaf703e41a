"""Fixtures of the news tests: the demo news index (rows come from tests/factories)."""

import pytest
from wagtail.models import Locale

from news.models import NewsIndexPage


@pytest.fixture
def news_index(db):
    return NewsIndexPage.objects.get(locale=Locale.get_default(), slug="actualites")
