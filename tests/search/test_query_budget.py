"""The search page and the suggestions do not query once per result."""

import itertools

import pytest
from django.core.cache import cache
from wagtail.models import Locale

from search import generation
from search.models import SearchSynonym
from tests.factories import StandardPageFactory, ToolPageFactory
from tests.query_budget import assert_query_count_does_not_grow, count_queries
from tools.models import ToolIndexPage

pytestmark = pytest.mark.django_db


@pytest.mark.slow
def test_search_page_queries_do_not_grow_with_results(client, tool_index, home_page):
    numbers = itertools.count()

    def add_content():
        for _ in range(3):
            number = next(numbers)
            ToolPageFactory(
                parent=tool_index,
                title=f"Outil zibeline {number}",
                lever_slugs=["human-resources"],
                phase_slugs=["launch"],
            )
            StandardPageFactory(parent=home_page, title=f"Page zibeline {number}")
        # A publication makes every cached answer stale: compute the new one, count the next.
        client.get(url)

    url = "/fr/search/?q=zibeline&type=tools.toolpage&page=2"
    # Two pages of tool sheets, found only by this word; standard pages match too (facets).
    add_content()
    add_content()
    add_content()
    add_content()
    count = assert_query_count_does_not_grow(client, url, add_content, budget=12)
    # A second page of results (no editors' picks, not counted in the report) comes from the
    # cache whole: the answer and its pages.
    assert count == 0
    # After a publication, the answer is computed again, the site around it still cached.
    generation.bump()
    uncached, queries = count_queries(client, url)
    assert 0 < uncached <= 12, [query["sql"] for query in queries]


def test_suggestions_queries_do_not_grow(client, tool_index):
    numbers = itertools.count()
    url = "/fr/search/suggestions/?q=suggestion"
    counts = []
    client.get(url)  # Warm per-process caches (content types).
    for _ in range(3):
        ToolPageFactory(parent=tool_index, title=f"Suggestion budget {next(numbers)}")
        cache.clear()  # measure the uncached answer
        counts.append(count_queries(client, url)[0])
    assert counts[0] == counts[1] == counts[2], counts
    assert counts[0] <= 10


def test_a_search_finding_many_kinds_of_pages_stays_within_the_budget(client):
    # "formation" finds training modules, paths, events, tools, guides and standard pages.
    url = "/fr/search/?q=formation"
    client.get(url)
    generation.bump()  # the answer is computed again; the site around it stays cached
    count, queries = count_queries(client, url)
    assert count <= 12, "\n".join(query["sql"][:150].replace("\n", " ") for query in queries)


def test_a_new_synonym_is_used_by_the_next_search(client, django_capture_on_commit_callbacks):
    ToolPageFactory(
        parent=ToolIndexPage.objects.get(locale__language_code="fr"), title="Outil zygopétale"
    )
    client.get("/fr/search/?q=orchidee")
    with django_capture_on_commit_callbacks(execute=True):
        SearchSynonym.objects.create(
            locale=Locale.objects.get(language_code="fr"), word="orchidée", synonyms="zygopétale"
        )
    generation.bump()
    assert "Outil zygopétale" in client.get("/fr/search/?q=orchidee").content.decode()
