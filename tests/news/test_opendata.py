"""Open data: the tool catalogue per language as CSV and JSON, licensed CC BY-SA 4.0, linked
from the tool library."""

import csv
import io

import pytest
from django.conf import settings

from core.sections import sections_for
from tests.factories import ToolPageFactory
from tests.html import one, parse, text_of
from tests.query_budget import assert_query_count_does_not_grow
from tools.models import ToolIndexPage, ToolPage

SITE = settings.SITE_URL  # the tests' own public origin (settings/test.py)

pytestmark = pytest.mark.django_db

LICENCE_URL = "https://creativecommons.org/licenses/by-sa/4.0/"


def live_tools(language):
    return ToolPage.objects.live().filter(locale__language_code=language)


@pytest.mark.parametrize("language", ["fr", "de", "it", "en"])
def test_the_json_catalogue_lists_every_live_tool_of_the_language(client, language):
    response = client.get(f"/open-data/{language}/tools.json")
    assert response.status_code == 200
    document = response.json()
    assert document["license"] == {"name": "CC BY-SA 4.0", "url": LICENCE_URL}
    assert document["language"] == language
    tools = live_tools(language)
    assert len(document["tools"]) == tools.count()
    assert {tool["url"] for tool in document["tools"]} == {tool.get_full_url() for tool in tools}
    assert response["Link"] == f'<{LICENCE_URL}>; rel="license"'


@pytest.mark.parametrize("language", ["fr", "de", "it", "en"])
@pytest.mark.parametrize("name", ["tools.json", "tools.csv"])
def test_each_file_declares_the_language_of_its_content(client, language, name):
    # The interface language of these unprefixed addresses is French; the file's is not.
    response = client.get(f"/open-data/{language}/{name}")
    assert response["Content-Language"] == language


def test_the_csv_catalogue_starts_with_its_header_and_has_one_row_per_tool(client):
    response = client.get("/open-data/fr/tools.csv")
    assert response["Content-Type"].startswith("text/csv")
    assert "header=present" in response["Content-Type"]
    assert 'filename="sbm-tools-fr.csv"' in response["Content-Disposition"]
    assert response["Link"] == f'<{LICENCE_URL}>; rel="license"'
    text = response.content.decode()
    assert csv.Sniffer().has_header(text[:4096])
    assert text.split("\r\n", 1)[0].startswith("sheet_number,title,url,")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == live_tools("fr").count()
    canvas = next(row for row in rows if row["sheet_number"] == "02a")
    assert canvas["url"].startswith(f"{SITE}/fr/outils/")
    assert canvas["licence"] == "CC-BY-SA-4.0"
    assert "<p>" not in canvas["reasons"]


def test_multi_value_cells_are_separated_the_same_way(client):
    """The CSV and the JSON list the same tools in the same order; lists become "; " cells."""
    csv_text = client.get("/open-data/fr/tools.csv").content.decode()
    rows = list(csv.DictReader(io.StringIO(csv_text)))
    tools = client.get("/open-data/fr/tools.json").json()["tools"]
    assert [row["url"] for row in rows] == [tool["url"] for tool in tools]
    assert any(len(tool["target_groups"]) > 1 for tool in tools), "demo sheets list several"
    for row, tool in zip(rows, tools, strict=True):
        for column in ("target_groups", "reasons", "phases", "levers", "authors"):
            assert isinstance(tool[column], list)
            assert row[column] == "; ".join(tool[column])


def test_an_unpublished_tool_is_not_in_the_catalogue(client):
    tool = live_tools("fr").order_by("pk").first()
    tool.unpublish()
    document = client.get("/open-data/fr/tools.json").json()
    assert tool.get_full_url() not in {row["url"] for row in document["tools"]}


def test_an_unknown_language_has_no_catalogue(client):
    assert client.get("/open-data/xx/tools.csv").status_code == 404


def test_the_catalogue_query_count_does_not_grow(client):
    library = ToolIndexPage.objects.get(locale__language_code="fr")
    numbers = iter(range(1, 100))

    def add_content():
        number = next(numbers)
        ToolPageFactory(
            parent=library,
            title=f"Outil ouvert {number}",
            sheet_number=f"OD{number}",
            summary="Un outil pour les données ouvertes.",
            aliases=False,
        )

    assert_query_count_does_not_grow(client, "/open-data/fr/tools.json", add_content, budget=15)


def test_the_tool_library_section_links_to_the_open_data(rf):
    library = ToolIndexPage.objects.get(locale__language_code="de")
    sections = {s["name"]: s for s in sections_for("tool_library", library, rf.get("/"))}
    context = sections["open_data"]["context"]
    assert context["csv_url"] == "/open-data/de/tools.csv"
    assert context["json_url"] == "/open-data/de/tools.json"
    assert context["api_url"] == "/api/v2/schema/"


@pytest.mark.parametrize("language", ["fr", "de", "it", "en"])
def test_the_tool_library_page_links_to_the_catalogue_and_its_licence(client, language):
    library = ToolIndexPage.objects.get(locale__language_code=language)
    section = one(parse(client.get(library.url)), "section.open-data")
    links = [link["href"] for link in section.select("li a")]
    assert f"/open-data/{language}/tools.csv" in links
    assert f"/open-data/{language}/tools.json" in links
    assert "/api/v2/schema/" in links
    assert "CC BY-SA 4.0" in text_of(section)
    if language == "fr":
        assert text_of(one(section, "h2")) == "Données ouvertes"


def test_the_csv_and_json_catalogues_hold_the_same_tools(client):
    document = client.get("/open-data/de/tools.json").json()
    text = client.get("/open-data/de/tools.csv").content.decode()
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [row["url"] for row in rows] == [tool["url"] for tool in document["tools"]]
    assert [row["sheet_number"] for row in rows] == sorted(row["sheet_number"] for row in rows)
