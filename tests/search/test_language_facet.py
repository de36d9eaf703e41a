"""The search's language facet: tool sheets with a sheet or files in a language, as in the
tool library (a live translation in the language, or a file in it)."""

import pytest

from search.results import FILTER_PARAMETERS
from tests.factories import StandardPageFactory, ToolInstrumentFactory, ToolPageFactory
from tests.html import one, parse
from tests.query_budget import assert_query_count_does_not_grow
from tests.tools.test_language_facet import german_translation

pytestmark = pytest.mark.django_db


def language_counts(response):
    facets = {facet.param: facet for facet in response.context["search"].facets}
    return {option.value: option.count for option in facets["language"].options}


def titles(response):
    return sorted(result.page.title for result in response.context["search"].results)


def test_the_facet_counts_sheets_and_files_per_language(client, tool_index, home_page):
    with_file = ToolPageFactory(parent=tool_index, title="Outil tarasque avec fichier")
    ToolInstrumentFactory(page=with_file, language="it")
    ToolPageFactory(parent=tool_index, title="Outil tarasque sans fichier")
    StandardPageFactory(parent=home_page, title="Page tarasque")

    response = client.get("/fr/search/", {"q": "tarasque"})
    assert language_counts(response) == {"fr": 2, "de": 0, "it": 1, "en": 0}
    labels = parse(response).select('form.search-filters fieldset span[lang="it"]')
    assert [label.get_text() for label in labels] == ["Italiano"]

    filtered = client.get("/fr/search/", {"q": "tarasque", "language": "it"})
    assert titles(filtered) == ["Outil tarasque avec fichier"]
    # The other facets count what the language leaves: one tool sheet, no standard page.
    types = {facet.param: facet for facet in filtered.context["search"].facets}["type"]
    assert {option.value: option.count for option in types.options} == {"tools.toolpage": 1}
    # The facet still offers its other languages.
    assert language_counts(filtered) == {"fr": 2, "de": 0, "it": 1, "en": 0}


def test_an_alias_is_found_by_its_translation_in_another_language(client, tool_index):
    translated = ToolPageFactory(parent=tool_index, title="Outil vouivre traduit")
    german_translation(translated, "Werkzeug vouivre")
    ToolPageFactory(parent=tool_index, title="Outil vouivre en français")

    # The Italian pages are aliases of the French ones: the German translation counts.
    response = client.get("/it/search/", {"q": "vouivre", "language": "de"})
    assert titles(response) == ["Outil vouivre traduit"]
    assert [result.page.locale.language_code for result in response.context["search"].results] == [
        "it"
    ]
    assert language_counts(response)["de"] == 1
    assert language_counts(response)["it"] == 0


def test_results_without_a_language_facet_hide_it(client, home_page):
    StandardPageFactory(parent=home_page, title="Page basilic")
    response = client.get("/fr/search/", {"q": "basilic"})
    assert "language" not in {facet.param for facet in response.context["search"].facets}


@pytest.mark.parametrize("value", ["xx", "FR", "dé", "de' OR 1=1 --"])
def test_an_unknown_language_is_left_out_with_a_message(client, tool_index, value):
    ToolPageFactory(parent=tool_index, title="Outil gargouille")
    response = client.get("/fr/search/", {"q": "gargouille", "language": value})
    assert response.status_code == 200
    assert titles(response) == ["Outil gargouille"]
    assert "Certains filtres n’ont pas été reconnus" in one(parse(response), "main").get_text()


def test_the_language_is_kept_in_the_pagination_links(client, tool_index):
    assert "language" in FILTER_PARAMETERS
    for number in range(12):
        tool = ToolPageFactory(parent=tool_index, title=f"Outil licorne {number}")
        ToolInstrumentFactory(page=tool, language="en")
    response = client.get("/fr/search/", {"q": "licorne", "language": "en"})
    pages = [link["href"] for link in parse(response).select("nav.pagination a")]
    assert "?q=licorne&language=en&page=2" in pages


def test_the_language_facet_keeps_the_search_query_count(client, tool_index):
    numbers = iter(range(100))

    def add_tools():
        for code in ("de", "it", "en"):
            tool = ToolPageFactory(parent=tool_index, title=f"Outil griffon {next(numbers)}")
            ToolInstrumentFactory(page=tool, language=code)
            german_translation(tool, f"Werkzeug griffon {next(numbers)}")

    add_tools()
    assert_query_count_does_not_grow(
        client, "/fr/search/?q=griffon&language=de&language=it", add_tools, budget=12
    )
