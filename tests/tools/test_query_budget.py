"""The library and the sheet need the same number of queries whatever the amount of content."""

import pytest

from core.bulk import index_updates_paused
from tests.factories import ToolInstrumentFactory, ToolPageFactory
from tests.query_budget import assert_query_count_does_not_grow, count_queries
from tools.models import ToolPage

pytestmark = pytest.mark.django_db

FILTERED = (
    "/fr/outils/?lever=financial-resources&lever=human-resources"
    "&phase=launch&phase=growth&complexity=2&language=fr&language=de&sort=downloads"
)


def add_tools(library, count):
    def add():
        with index_updates_paused():
            ToolPageFactory.create_batch(
                count,
                parent=library,
                bare=True,
                lever_slugs=["financial-resources", "human-resources"],
                phase_slugs=["launch", "growth"],
                complexity=2,
            )

    return add


def test_the_library_with_active_facets_has_a_bounded_query_count(client, library):
    assert_query_count_does_not_grow(client, FILTERED, add_tools(library, 50), budget=12)


def test_the_german_library_has_a_bounded_query_count(client, library):
    assert_query_count_does_not_grow(
        client,
        "/de/outils/?lever=financial-resources&sort=title",
        add_tools(library, 20),
        budget=12,
    )


@pytest.mark.slow
def test_a_library_of_a_thousand_tools_keeps_its_query_count(client, library):
    assert_query_count_does_not_grow(
        client, FILTERED, add_tools(library, 1000), rounds=1, budget=12
    )


def test_a_sheet_with_many_instruments_has_a_bounded_query_count(client, library):
    tool = ToolPageFactory(
        parent=library, bare=True, lever_slugs=["financial-resources"], instrument_count=2
    )
    tool.related_tools = list(ToolPage.objects.filter(locale=library.locale)[:3])
    tool.save()

    def add_instruments():
        for position in range(20):
            ToolInstrumentFactory(
                page=tool,
                locale=library.locale,
                title=f"Annexe {position}",
                document__title=f"Annexe {position} {tool.pk}",
            )

    assert_query_count_does_not_grow(client, tool.url, add_instruments, budget=12)


def test_a_warm_sheet_reads_what_only_publications_change_from_the_cache(client, library):
    """Classification, illustration, lineage, related tools, instruments, guides, providers
    and approved contributions are kept until the next publication; the page and its download
    totals are read for each view."""
    tool = ToolPageFactory(parent=library, lever_slugs=["financial-resources"], instrument_count=1)
    client.get(tool.url)

    count, queries = count_queries(client, tool.url)

    tables = " ".join(query["sql"] for query in queries)
    assert count <= 5, [query["sql"][:120] for query in queries]
    kept_parts = (
        "taxonomy_",
        "providers_",
        "guides_",
        "contributions_",
        "tools_toolpage_related",
        "tools_toolinstrument",
        "wagtaildocs_",
    )
    for kept in kept_parts:
        assert kept not in tables
    assert "tools_downloadcount" in tables  # the totals move with every download
