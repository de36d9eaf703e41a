"""The tool library: facets that combine, counts, sorting, pagination and forgiving URLs."""

import re

import pytest

from tests.factories import ToolPageFactory
from tools.listing import PAGE_SIZE
from tools.models import ToolPage

pytestmark = pytest.mark.django_db


def visible_numbers(response):
    return re.findall(r'class="tool-card__number">([^<]+)<', response.content.decode())


def result_count(response):
    return re.search(r'role="status"[^>]*>([^<]+)<', response.content.decode()).group(1).strip()


def option_count(response, param, value):
    html = response.content.decode()
    match = re.search(
        rf'for="filter-{param}-{value}">[^<]*<span class="tool-filters__count">\((\d+)', html
    )
    return int(match.group(1))


def test_the_library_lists_the_french_sheets_sorted_by_number(client, library):
    response = client.get("/fr/outils/")
    assert response.status_code == 200
    numbers = visible_numbers(response)
    assert numbers[:3] == ["01", "02a", "02b"]
    total = ToolPage.objects.child_of(library).live().count()
    assert result_count(response) == f"{total} outils"


def test_the_german_library_lists_the_german_pages_with_german_terms(client):
    response = client.get("/de/outils/")
    html = response.content.decode()
    assert 'href="/de/outils/02a-canevas-du-modele-socio-economique/"' in html
    results = html[html.index('class="card-grid tool-cards"') :]
    assert 'href="/fr/outils/' not in results
    assert "Finanzielle Ressourcen" in html


def test_a_lever_filter_keeps_only_the_tools_of_that_lever(client, library):
    response = client.get("/fr/outils/?lever=human-resources")
    expected = ToolPage.objects.child_of(library).live().filter(levers__slug="human-resources")
    assert result_count(response) == f"{expected.count()} outils"
    assert "09" not in visible_numbers(response)  # the budget is a financial tool
    assert 'value="human-resources" checked' in response.content.decode()


def test_values_of_one_facet_add_up_and_facets_narrow_each_other(client, library):
    tools = ToolPage.objects.child_of(library).live()
    either = client.get("/fr/outils/?phase=curiosity&phase=revision")
    expected = tools.filter(phases__slug__in=["curiosity", "revision"]).distinct().count()
    assert result_count(either) == f"{expected} outils"
    both = client.get("/fr/outils/?phase=revision&lever=financial-resources")
    expected = (
        tools.filter(phases__slug="revision").filter(levers__slug="financial-resources").count()
    )
    assert result_count(both) == f"{expected} outils"


def test_option_counts_follow_the_current_selection(client, library):
    tools = ToolPage.objects.child_of(library).live()
    response = client.get("/fr/outils/?lever=financial-resources")
    launch = tools.filter(levers__slug="financial-resources", phases__slug="launch").count()
    assert option_count(response, "phase", "launch") == launch
    # Within the lever facet, each option counts as if it were ticked too.
    human = tools.filter(levers__slug="human-resources").count()
    assert option_count(response, "lever", "human-resources") == human


def test_complexity_filter(client, library):
    response = client.get("/fr/outils/?complexity=3")
    advanced = ToolPage.objects.child_of(library).live().filter(complexity=3)
    assert sorted(visible_numbers(response)) == sorted(tool.sheet_number for tool in advanced)


@pytest.mark.parametrize(
    "query",
    [
        "lever=nonexistent",
        "complexity=9",
        "complexity=abc",
        "phase=%00%27",
        "sort=price",
        "page=abc",
        "page=99999999999999999999",
        "page=-3",
    ],
)
def test_bad_values_answer_200_with_a_notice(client, query):
    response = client.get(f"/fr/outils/?{query}")
    assert response.status_code == 200
    assert 'class="notice notice--error"' in response.content.decode()
    assert visible_numbers(response)


def test_an_unknown_value_is_ignored_but_known_ones_still_apply(client, library):
    response = client.get("/fr/outils/?lever=nonexistent&lever=strategic-alliances")
    expected = ToolPage.objects.child_of(library).live().filter(levers__slug="strategic-alliances")
    assert result_count(response) == f"{expected.count()} outils"
    assert "notice" in response.content.decode()


def test_a_huge_page_number_shows_the_last_page(client, library):
    ToolPageFactory.create_batch(PAGE_SIZE, bare=True)
    pages = -(-ToolPage.objects.child_of(library).live().count() // PAGE_SIZE)
    response = client.get("/fr/outils/?page=500")
    assert f'aria-current="page">{pages}<' in response.content.decode()


def test_sorting_by_title(client):
    response = client.get("/fr/outils/?sort=title")
    titles = re.findall(r'tool-card__number">[^<]+</span> ([^<]+)</a>', response.content.decode())
    assert titles == sorted(titles, key=str.lower) or titles == sorted(titles)


def test_sorting_by_downloads_puts_the_most_downloaded_first(client, library):
    from tools.downloads import count_download

    tool = ToolPage.objects.child_of(library).get(sheet_number="17")
    other = ToolPageFactory(bare=True, instrument_count=1)
    count_download(tool.translation_key, other.instruments.first().document_id, tool.locale_id)
    response = client.get("/fr/outils/?sort=downloads")
    assert visible_numbers(response)[0] == "17"


def test_pagination_links_keep_the_filters(client):
    response = client.get("/fr/outils/?lever=financial-resources&sort=title")
    html = response.content.decode()
    assert 'name="sort"' in html
    assert 'href="/fr/outils/"' in html  # the "clear the filters" link
