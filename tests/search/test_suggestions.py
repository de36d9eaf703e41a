"""Search-as-you-type: titles and addresses in the visitor's language, cheap to ask for."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import ToolPageFactory

pytestmark = pytest.mark.django_db


def test_suggestions_give_titles_and_addresses_in_the_visitors_language(client, tool_index):
    ToolPageFactory(parent=tool_index, title="Baromètre de gouvernance")
    response = client.get("/de/search/suggestions/", {"q": "barom"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    results = response.json()["results"]
    assert {"title": "Baromètre de gouvernance", "url": results[0]["url"]} in results
    assert all(result["url"].startswith("/de/") for result in results)


def test_suggestions_ignore_accents(client, tool_index):
    ToolPageFactory(parent=tool_index, title="Écosystème local")
    titles = [
        r["title"] for r in client.get("/fr/search/suggestions/", {"q": "ecosys"}).json()["results"]
    ]
    assert "Écosystème local" in titles


@pytest.mark.parametrize("query", ["", "a", "!!", "<b>"])
def test_short_or_meaningless_input_is_refused_with_its_reason(client, query):
    response = client.get("/fr/search/suggestions/", {"q": query})
    assert response.status_code == 400
    assert response.json()["errors"]["q"]


def test_operators_in_the_input_are_only_words(client):
    response = client.get("/fr/search/suggestions/", {"q": "' OR 1=1 --"})
    assert response.status_code == 200
    assert response.json()["query"] == "OR 1 1"


def test_suggestions_are_cached_and_may_be_kept_by_the_browser(client, tool_index):
    ToolPageFactory(parent=tool_index, title="Tableau de pilotage")
    first = client.get("/fr/search/suggestions/", {"q": "tableau"})
    assert "max-age=300" in first["Cache-Control"]
    with CaptureQueriesContext(connection) as queries:
        again = client.get("/fr/search/suggestions/", {"q": "Tableau"})
    assert again.json()["results"] == first.json()["results"]
    assert not [q for q in queries.captured_queries if "indexentry" in q["sql"]]
