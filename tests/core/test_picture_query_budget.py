"""The number of queries of a listing does not grow with the pictures it shows.

The renditions' cache is switched off: each count reads the renditions from the database, as
a fresh process or an emptied cache does, so only prefetching keeps the count flat. The
renditions of new content are made once (a first request) before the count, as on the site
where the first visitor after a publication makes them.
"""

import itertools

import pytest
from django.conf import settings
from django.test import override_settings
from wagtail.models import Locale

from events.models import EventIndexPage
from guides.models import BusinessModelIndexPage
from news.models import NewsIndexPage
from providers.models import ProviderIndexPage
from tests.factories import (
    BusinessModelPageFactory,
    EventPageFactory,
    EventSeriesPageFactory,
    ImageFactory,
    NewsPageFactory,
    ProviderPageFactory,
    ToolPageFactory,
)
from tests.query_budget import assert_query_count_does_not_grow
from tools.models import ToolIndexPage

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_renditions_cache():
    caches = {
        **settings.CACHES,
        "renditions": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
    }
    with override_settings(CACHES=caches):
        yield


def index(model):
    return model.objects.get(locale=Locale.get_default())


def adding(client, url, make):
    """An `add_content` that adds three illustrated items, then renders `url` once."""

    def add():
        for _ in range(3):
            make()
        client.get(url)

    return add


def image():
    return ImageFactory(dimensions=(640, 480))


def test_the_tool_library_with_illustrated_tools(client):
    library = index(ToolIndexPage)
    url = library.url
    numbers = itertools.count()

    def make():
        # Sheet numbers "000…" come first: the new tools fill the first page of results.
        illustrated = f"000{next(numbers):02d}"
        ToolPageFactory(bare=True, sheet_number=illustrated, image=image())
        fallback = f"000{next(numbers):02d}"
        ToolPageFactory(bare=True, sheet_number=fallback, lever_slugs=["financial-resources"])

    assert_query_count_does_not_grow(client, url, adding(client, url, make), budget=12)


def test_the_agenda_with_illustrated_events_and_cycles(client):
    agenda = index(EventIndexPage)

    def make():
        EventPageFactory(image=image(), aliases=False)
        cycle = EventSeriesPageFactory(image=image(), aliases=False)
        EventPageFactory(parent=cycle, aliases=False)

    # The demo's events show their cycles' images; one with its own image from the start, so
    # that the first count already includes the prefetch of the events' images.
    add_events = adding(client, agenda.url, make)
    add_events()
    assert_query_count_does_not_grow(client, agenda.url, add_events, budget=12)


def test_the_directory_with_logos(client):
    directory = index(ProviderIndexPage)

    def make():
        ProviderPageFactory(image=image(), image_alt="Logo", aliases=False)

    assert_query_count_does_not_grow(
        client, directory.url, adding(client, directory.url, make), budget=12
    )


def test_the_shared_models_with_images(client):
    models = index(BusinessModelIndexPage)

    def make():
        BusinessModelPageFactory(image=image(), aliases=False)

    assert_query_count_does_not_grow(client, models.url, adding(client, models.url, make))


def test_the_news_with_images(client):
    news = index(NewsIndexPage)

    def make():
        NewsPageFactory(image=image(), aliases=False)

    assert_query_count_does_not_grow(client, news.url, adding(client, news.url, make))
