"""Fixtures of the news tests: the demo news index and quick news items."""

import datetime
import itertools

import pytest
from wagtail.models import Locale

from news.models import NewsIndexPage, NewsPage

_numbers = itertools.count(1)


@pytest.fixture
def news_index(db):
    return NewsIndexPage.objects.get(locale=Locale.get_default(), slug="actualites")


def make_news(index, *, publish=True, **fields):
    """A news item under `index`, published unless `publish` is False (then a draft)."""
    number = next(_numbers)
    fields.setdefault("title", f"Nouvelle d'essai {number}")
    fields.setdefault("slug", f"nouvelle-essai-{number}")
    fields.setdefault("summary", f"Résumé de la nouvelle d'essai {number}.")
    fields.setdefault("date", datetime.date(2027, 1, 1) + datetime.timedelta(days=number))
    related_tools = fields.pop("related_tools", [])
    related_events = fields.pop("related_events", [])
    item = NewsPage(live=publish, **fields)
    item.related_tools = related_tools
    item.related_events = related_events
    index.add_child(instance=item)
    revision = item.save_revision()
    if publish:
        revision.publish()
    return item
