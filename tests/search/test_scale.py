"""The search at scale: its GIN index, synonyms, spelling, page types, cache and suggestions."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, Page

from search import postgres
from search.models import SearchSynonym
from tests.factories import (
    EventPageFactory,
    ProviderPageFactory,
    ToolPageFactory,
    TrainingModulePageFactory,
)
from tests.html import parse, texts

pytestmark = pytest.mark.django_db


def search(client, query, language="fr", **filters):
    response = client.get(f"/{language}/search/", {"q": query, **filters})
    assert response.status_code == 200
    return response


def result_titles(response):
    return [result.page.title for result in response.context["search"].results]


def notices(response):
    return texts(parse(response), "main p.notice")


def result_types(response):
    return [type(result.page).__name__ for result in response.context["search"].results]


# PostgreSQL: the GIN index ---------------------------------------------------------------------


@pytest.mark.postgres_only
@pytest.mark.parametrize("words", [[["gouvernance"]], [["xylophonequantique"]]])
def test_the_full_text_query_finds_index_entries_through_the_gin_index(tool_index, words):
    ToolPageFactory(parent=tool_index, title="Baromètre de gouvernance")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE wagtailsearch_indexentry")
        cursor.execute("SET LOCAL enable_seqscan = off")  # a tiny table would be read whole
    plan = "\n".join(
        postgres.explain(
            "sbm_french",
            words,
            locale_id=Locale.get_default().pk,
            page_content_types=list(Page.objects.values_list("content_type_id", flat=True)),
            only_content_types=[],
            limit=500,
        )
    )
    assert "Bitmap Index Scan on search_indexentry_title_body" in plan, plan
    assert "Seq Scan on wagtailcore_page" not in plan, plan


@pytest.mark.postgres_only
def test_the_migrations_installed_unaccent_and_pg_trgm():
    with connection.cursor() as cursor:
        cursor.execute("SELECT extname FROM pg_extension")
        extensions = {row[0] for row in cursor.fetchall()}
    assert {"unaccent", "pg_trgm"} <= extensions


# Synonyms ------------------------------------------------------------------------------------


def test_a_synonym_kept_by_editors_finds_the_pages_of_its_words(client, tool_index):
    ToolPageFactory(parent=tool_index, title="Canevas des partenaires tagadou")
    assert result_titles(search(client, "qwz")) == []
    SearchSynonym.objects.create(word="QWZ", synonyms="canevas", locale=Locale.get_default())
    assert result_titles(search(client, "qwz tagadou")) == ["Canevas des partenaires tagadou"]


def test_synonyms_belong_to_their_language(client, tool_index):
    ToolPageFactory(parent=tool_index, title="Canevas des partenaires tagadou")
    SearchSynonym.objects.create(word="qwz", synonyms="canevas", locale=Locale.get_default())
    assert "Canevas des partenaires tagadou" in result_titles(search(client, "qwz"))
    # The German tree holds the same page (an alias); the French synonym does not apply there.
    assert result_titles(search(client, "qwz", language="de")) == []


def test_the_demo_synonyms_turn_frequent_misspellings_into_results(client):
    response = search(client, "budjet")
    assert response.context["search"].total > 0
    assert SearchSynonym.objects.filter(word="canvas", locale__language_code="fr").exists()


# Did you mean --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("fr", "« zorglonde »"),  # the HTML helper shows non-breaking spaces as spaces
        ("de", "„zorglonde“"),
        ("en", "“zorglonde”"),
    ],
)
def test_a_misspelt_word_is_corrected_and_said_in_the_visitors_language(
    client, tool_index, language, expected
):
    ToolPageFactory(parent=tool_index, title="Budget zorglonde des associations")
    response = search(client, "zorglnode", language=language)
    assert result_titles(response) == ["Budget zorglonde des associations"]
    assert response.context["search"].correction == "zorglonde"
    [notice] = [text for text in notices(response) if "zorglonde" in text]
    assert expected in notice


def test_words_that_look_like_nothing_known_stay_without_results(client):
    response = search(client, "xylophonequantique")
    assert response.context["search"].total == 0
    assert response.context["search"].correction is None


def test_when_no_page_has_every_word_the_pages_with_some_of_them_are_shown(client, tool_index):
    ToolPageFactory(parent=tool_index, title="Tableau grenadine")
    response = search(client, "grenadine xylophonequantique")
    assert result_titles(response) == ["Tableau grenadine"]
    assert notices(response)


# Page types ----------------------------------------------------------------------------------


def test_webinaire_finds_webinars_before_the_agenda_and_other_pages(client):
    types = result_types(search(client, "webinaire"))
    assert types[0] == "EventPage"
    events = [index for index, kind in enumerate(types) if kind == "EventPage"]
    others = [index for index, kind in enumerate(types) if kind != "EventPage"]
    assert not others or max(events) < min(others) or len(events) >= 10, types


@pytest.mark.parametrize(
    ("query", "page_types", "factory"),
    [
        ("prestataire", {"ProviderPage"}, ProviderPageFactory),
        ("prestataires", {"ProviderPage"}, ProviderPageFactory),
        ("outil", {"ToolPage"}, ToolPageFactory),
        ("fiche", {"ToolPage"}, ToolPageFactory),
        # Training modules and training paths ("parcours de formation") are both named.
        ("formation", {"TrainingModulePage", "TrainingPathPage"}, TrainingModulePageFactory),
    ],
)
def test_a_word_naming_a_page_type_ranks_pages_of_that_type_first(
    client, query, page_types, factory
):
    factory(title="Zanzibar pour tous")
    types = result_types(search(client, query))
    assert types[0] in page_types, types
    first_other = next((i for i, kind in enumerate(types) if kind not in page_types), len(types))
    assert not page_types & set(types[first_other:]), types


def test_a_page_type_and_a_word_find_that_type_with_the_word_first(client):
    ProviderPageFactory(title="Conseil en gouvernance zanzibar")
    EventPageFactory(slug="atelier-zanzibar")
    types = result_titles(search(client, "prestataire zanzibar"))
    assert types[0] == "Conseil en gouvernance zanzibar"


# Cache ---------------------------------------------------------------------------------------


def test_a_cached_answer_is_reused_until_a_page_is_published(client, tool_index):
    assert search(client, "zorblatte").context["search"].total == 0
    with CaptureQueriesContext(connection) as queries:
        search(client, "zorblatte")
    assert not [q for q in queries.captured_queries if "indexentry" in q["sql"]]
    ToolPageFactory(parent=tool_index, title="Grille zorblatte")
    assert result_titles(search(client, "zorblatte")) == ["Grille zorblatte"]


def test_an_unpublished_page_leaves_the_cached_results(client, tool_index):
    tool = ToolPageFactory(parent=tool_index, title="Grille pimprenelle")
    assert result_titles(search(client, "pimprenelle")) == ["Grille pimprenelle"]
    tool.unpublish()
    assert result_titles(search(client, "pimprenelle")) == []


def test_a_cached_page_of_results_reads_no_page_again(client, tool_index):
    ToolPageFactory(parent=tool_index, title="Grille tamarin")
    search(client, "tamarin")
    with CaptureQueriesContext(connection) as queries:
        assert result_titles(search(client, "tamarin")) == ["Grille tamarin"]
    page_tables = ('FROM "wagtailcore_page"', 'FROM "tools_toolpage"')
    assert not [
        query["sql"]
        for query in queries.captured_queries
        if any(table in query["sql"] for table in page_tables)
    ]


def test_a_republished_title_shows_at_once_in_cached_results(client, tool_index):
    tool = ToolPageFactory(parent=tool_index, title="Grille ocelot")
    assert result_titles(search(client, "ocelot")) == ["Grille ocelot"]
    tool.title = "Grille ocelot revue"
    tool.save_revision().publish()
    assert result_titles(search(client, "ocelot")) == ["Grille ocelot revue"]


def test_a_failing_cache_never_breaks_the_search(client, tool_index, monkeypatch):
    ToolPageFactory(parent=tool_index, title="Grille capucine")

    class BrokenCache:
        def __getattr__(self, name):
            def broken(*args, **kwargs):
                raise ConnectionError("the cache is down")

            return broken

    monkeypatch.setattr("search.generation.cache", BrokenCache())
    assert result_titles(search(client, "capucine")) == ["Grille capucine"]
    assert client.get("/fr/search/suggestions/", {"q": "capuc"}).status_code == 200


# Suggestions ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "parameters",
    [{}, {"q": ""}, {"q": "a"}, {"q": "!!"}, {"q": "x" * 101}, {"q": "budget", "limit": "x"}],
)
def test_suggestions_answer_400_to_invalid_input_and_say_why(client, parameters):
    response = client.get("/fr/search/suggestions/", parameters)
    assert response.status_code == 400
    assert response.json()["errors"]


def test_suggestions_limit_and_announce_their_number_in_the_visitors_language(client, tool_index):
    for number in range(3):
        ToolPageFactory(parent=tool_index, title=f"Girouette {number}")
    answer = client.get("/de/search/suggestions/", {"q": "girou", "limit": 2}).json()
    assert len(answer["results"]) == 2
    assert answer["status"].startswith("2 ")
    assert "Pfeiltasten" in answer["status"]


def test_suggestions_are_rate_limited_per_visitor(client, settings, monkeypatch):
    monkeypatch.setattr("search.views.SUGGESTIONS_PER_MINUTE", 2)
    statuses = [
        client.get("/fr/search/suggestions/", {"q": f"budget{n}"}).status_code for n in range(3)
    ]
    assert statuses == [200, 200, 429]


def test_every_page_loads_the_suggestions_script_for_its_header_search_field(client, home_page):
    html = parse(client.get(home_page.url))
    assert html.select_one("header form[role=search] input[type=search][name=q]")
    assert html.select_one("script[src*='search/suggestions.js']")
