"""The tool library: facets that combine, counts, sorting, pagination and forgiving URLs."""

import re

import pytest

from tests.factories import ToolPageFactory
from tests.html import one, parse, text_of, texts
from tests.query_budget import count_queries
from tools.downloads import count_download
from tools.listing import PAGE_SIZE
from tools.models import ToolPage

pytestmark = pytest.mark.django_db


CARDS = "section.tool-results ul.tool-cards > li.tool-card > h3 > a"


def visible_numbers(response):
    return texts(parse(response), f"{CARDS} > span.tool-card__number")


def result_count(response):
    return text_of(one(parse(response), 'p.tool-results__count[role="status"]'))


def option_count(response, param, value):
    form = one(parse(response), "form.tool-filters")
    one(form, f'input#filter-{param}-{value}[type="checkbox"][name="{param}"][value="{value}"]')
    count = one(form, f'label[for="filter-{param}-{value}"] > span.tool-filters__count')
    return int(re.match(r"\((\d+)", text_of(count)).group(1))


def test_the_library_lists_the_french_sheets_sorted_by_number(client, library):
    response = client.get("/fr/outils/")
    assert response.status_code == 200
    numbers = visible_numbers(response)
    assert numbers[:3] == ["01", "02a", "02b"]
    total = ToolPage.objects.child_of(library).live().count()
    assert result_count(response) == f"{total} outils"


def test_the_german_library_lists_the_german_pages_with_german_terms(client):
    soup = parse(client.get("/de/outils/"))
    cards = one(soup, "section.tool-results ul.card-grid.tool-cards")
    links = [link["href"] for link in cards.select("li.tool-card > h3 > a")]
    assert "/de/outils/02a-canevas-du-modele-socio-economique/" in links
    # From the results to the end of the page, nothing points to the French library.
    later = [element["href"] for element in cards.find_all_next(href=True)]
    assert not [href for href in later if href.startswith("/fr/outils/")]
    labels = texts(one(soup, "form.tool-filters"), "label")
    assert any(label.startswith("Finanzielle Ressourcen") for label in labels)


def test_a_lever_filter_keeps_only_the_tools_of_that_lever(client, library):
    response = client.get("/fr/outils/?lever=human-resources")
    expected = ToolPage.objects.child_of(library).live().filter(levers__slug="human-resources")
    assert result_count(response) == f"{expected.count()} outils"
    assert "09" not in visible_numbers(response)  # the budget is a financial tool
    lever = one(parse(response), 'form.tool-filters input[name="lever"][value="human-resources"]')
    assert lever.has_attr("checked")


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
        "phase=%27",
        "sort=price",
        "page=abc",
        "page=99999999999999999999",
        "page=-3",
    ],
)
def test_bad_values_answer_200_with_a_notice(client, query):
    response = client.get(f"/fr/outils/?{query}")
    assert response.status_code == 200
    assert parse(response).select('main p.notice.notice--error[role="alert"]')
    assert visible_numbers(response)


def test_an_unknown_value_is_ignored_but_known_ones_still_apply(client, library):
    response = client.get("/fr/outils/?lever=nonexistent&lever=strategic-alliances")
    expected = ToolPage.objects.child_of(library).live().filter(levers__slug="strategic-alliances")
    assert result_count(response) == f"{expected.count()} outils"
    assert parse(response).select('main p.notice.notice--error[role="alert"]')


def test_a_huge_page_number_shows_the_last_page(client, library):
    ToolPageFactory.create_batch(PAGE_SIZE, bare=True)
    pages = -(-ToolPage.objects.child_of(library).live().count() // PAGE_SIZE)
    response = client.get("/fr/outils/?page=500")
    current = one(parse(response), 'nav.pagination [aria-current="page"]')
    assert text_of(current) == str(pages)


def test_sorting_by_title(client):
    response = client.get("/fr/outils/?sort=title")
    # A card's link reads "<number> <title>"; the numbers have no spaces.
    titles = [text_of(card).split(" ", 1)[1] for card in parse(response).select(CARDS)]
    assert titles == sorted(titles, key=str.lower) or titles == sorted(titles)


def test_sorting_by_downloads_puts_the_most_downloaded_first(client, library):
    tool = ToolPage.objects.child_of(library).get(sheet_number="17")
    other = ToolPageFactory(bare=True, instrument_count=1)
    count_download(tool.translation_key, other.instruments.first().document_id, tool.locale_id)
    response = client.get("/fr/outils/?sort=downloads")
    assert visible_numbers(response)[0] == "17"


def test_pagination_links_keep_the_filters(client):
    response = client.get("/fr/outils/?lever=financial-resources&sort=title")
    form = one(parse(response), "form.tool-filters")
    one(form, 'select[name="sort"]')
    one(form, 'p.tool-filters__buttons > a[href="/fr/outils/"]')  # "clear the filters"


def test_a_selection_is_counted_once_until_the_next_publication(client, library):
    url = "/fr/outils/?lever=financial-resources&phase=launch"
    client.get("/fr/outils/?lever=human-resources")  # the page's other caches warm
    first_count, first_queries = count_queries(client, url)
    before = option_count(client.get(url), "phase", "launch")

    again_count, queries = count_queries(client, url)
    # The same ticks in another order are the same selection.
    reordered_count, _queries = count_queries(
        client, "/fr/outils/?phase=launch&lever=financial-resources"
    )

    def counts(queries):
        return [query for query in queries if 'AS "facet"' in query["sql"]]

    assert len(counts(first_queries)) == 1
    assert again_count < first_count
    assert reordered_count == again_count
    assert not counts(queries)

    ToolPageFactory(lever_slugs=["financial-resources"], phase_slugs=["launch"])

    assert option_count(client.get(url), "phase", "launch") == before + 1


def test_a_page_of_results_is_kept_until_the_next_publication_except_by_downloads(client, library):
    url = "/fr/outils/?lever=financial-resources&sort=title"
    client.get(url)

    count, queries = count_queries(client, url)

    assert count <= 5, [query["sql"][:100] for query in queries]
    assert not [query for query in queries if "tools_toolpage_levers" in query["sql"]]

    new = ToolPageFactory(title="Aaa budget participatif", lever_slugs=["financial-resources"])
    soup = parse(client.get(url))
    assert texts(soup, CARDS)[0].endswith(new.title)

    by_downloads = "/fr/outils/?lever=financial-resources&sort=downloads"
    client.get(by_downloads)
    _count, queries = count_queries(client, by_downloads)
    assert [query for query in queries if "tools_downloadcount" in query["sql"]]
