"""Links to pages in the visitor's language: one query per page model, whatever the number."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, Page

from core.i18n_pages import localize_pages
from events.models import EventPage
from tests.factories import EventPageFactory, ToolPageFactory
from tools.models import ToolPage

pytestmark = pytest.mark.django_db


def test_pages_of_two_models_come_in_their_translations_with_one_query_per_model():
    german = Locale.objects.get(language_code="de")
    tools = ToolPageFactory.create_batch(3)
    events = EventPageFactory.create_batch(2)
    with CaptureQueriesContext(connection) as queries:
        translated = localize_pages([*tools, *events], german)
    assert len(queries.captured_queries) == 2
    assert [page.locale_id for page in translated] == [german.pk] * 5
    assert [page.translation_key for page in translated] == [
        page.translation_key for page in [*tools, *events]
    ]
    assert [type(page) for page in translated] == [ToolPage] * 3 + [EventPage] * 2


def test_plain_pages_come_back_specific_and_untranslated_ones_as_they_are():
    german = Locale.objects.get(language_code="de")
    translated_tool = ToolPageFactory()
    french_only = ToolPageFactory(aliases=False)
    plain = Page.objects.get(pk=translated_tool.pk)
    result = localize_pages([plain, french_only], german)
    assert isinstance(result[0], ToolPage)
    assert result[0].locale_id == german.pk
    assert result[1] == french_only


def test_pages_already_in_the_language_cost_no_query():
    french = Locale.objects.get(language_code="fr")
    tools = ToolPageFactory.create_batch(2)
    with CaptureQueriesContext(connection) as queries:
        assert localize_pages(tools, french) == tools
    assert queries.captured_queries == []
