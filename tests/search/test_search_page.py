"""The search page: every content type of the visitor's language, excerpts, facets, pages."""

import pytest
from django.utils import translation
from django.utils.translation import gettext
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Locale

from core.listing import INVALID_PAGE, NO_SUCH_PAGE, NOT_RECOGNISED
from search.models import ZeroResultQuery
from search.results import RESULTS_PER_PAGE
from tests.factories import StandardPageFactory, ToolPageFactory
from tests.html import one, parse, texts

pytestmark = pytest.mark.django_db


def result_titles(response):
    return [result.page.title for result in response.context["search"].results]


def test_results_come_from_every_page_type_with_their_type(client, tool_index, home_page):
    ToolPageFactory(parent=tool_index, title="Grille zorglub des partenaires")
    StandardPageFactory(parent=home_page, title="Rencontre zorglub à Lausanne")
    response = client.get("/fr/search/", {"q": "zorglub"})
    assert response.status_code == 200
    types = {r.page.title: r.type_label for r in response.context["search"].results}
    assert types == {
        "Grille zorglub des partenaires": "Fiche outil",
        "Rencontre zorglub à Lausanne": "Page standard",
    }
    shown = texts(parse(response), "ol.search-results > li.search-result span.tag")
    assert "Fiche outil" in shown and "Page standard" in shown


def test_excerpt_marks_the_words_whatever_their_accents_and_escapes_html(client, tool_index):
    ToolPageFactory(
        parent=tool_index,
        title="Canevas frimousse",
        summary="Un <b>modèle</b> pour décrire les Modèles frimousse de l'association.",
    )
    response = client.get("/fr/search/", {"q": "frimousse modele"})
    html = response.content.decode()
    excerpts = parse(html).select("li.search-result > p.search-result__excerpt")
    marked = [text for excerpt in excerpts for text in texts(excerpt, "mark")]
    assert "modèle" in marked
    assert "Modèles" in marked
    assert "frimousse" in marked
    assert not [excerpt for excerpt in excerpts if excerpt.select("b")]
    assert "<b>modèle" not in html


def test_results_show_their_taxonomy_in_the_visitors_language(client, tool_index):
    ToolPageFactory(
        parent=tool_index, title="Outil gribouille", lever_slugs=["financial-resources"]
    )
    response = client.get("/de/search/", {"q": "gribouille"})
    # The German alias keeps the French page's taxonomy; the term shows in German.
    result = response.context["search"].results[0]
    assert result.page.locale.language_code == "de"
    assert result.terms == {"Hebel": ["Finanzielle Ressourcen"]}


def test_only_pages_of_the_visitors_language_are_found(client, tool_index):
    ToolPageFactory(parent=tool_index, title="Outil pimprenelle")
    response = client.get("/it/search/", {"q": "pimprenelle"})
    results = list(response.context["search"].results)
    assert [result.page.locale.language_code for result in results] == ["it"]
    assert results[0].url.startswith("/it/")


def test_facets_count_results_per_type_and_per_term(client, tool_index, home_page):
    ToolPageFactory(parent=tool_index, title="Outil farfadet A", lever_slugs=["human-resources"])
    ToolPageFactory(
        parent=tool_index,
        title="Outil farfadet B",
        lever_slugs=["human-resources", "strategic-alliances"],
        phase_slugs=["launch"],
    )
    StandardPageFactory(parent=home_page, title="Page farfadet")
    search = client.get("/fr/search/", {"q": "farfadet"}).context["search"]
    counts = {
        facet.param: {option.value: option.count for option in facet.options}
        for facet in search.facets
    }
    assert counts["type"] == {"tools.toolpage": 2, "home.standardpage": 1}
    assert counts["lever"] == {"human-resources": 2, "strategic-alliances": 1}
    assert counts["phase"] == {"launch": 1}


def test_filters_narrow_the_results_and_keep_the_other_facets_counts(client, tool_index, home_page):
    ToolPageFactory(parent=tool_index, title="Outil lutin A", lever_slugs=["human-resources"])
    ToolPageFactory(parent=tool_index, title="Outil lutin B", lever_slugs=["strategic-alliances"])
    StandardPageFactory(parent=home_page, title="Page lutin")
    response = client.get("/fr/search/", {"q": "lutin", "lever": "human-resources"})
    assert result_titles(response) == ["Outil lutin A"]
    search = response.context["search"]
    levers = {o.value: (o.count, o.selected) for o in search.facets[1].options}
    assert levers == {"human-resources": (1, True), "strategic-alliances": (1, False)}
    response = client.get("/fr/search/", {"q": "lutin", "type": "home.standardpage"})
    assert result_titles(response) == ["Page lutin"]


def test_results_are_paginated_and_links_keep_the_words_and_filters(client, tool_index):
    for number in range(RESULTS_PER_PAGE + 2):
        ToolPageFactory(
            parent=tool_index, title=f"Outil korrigan {number}", lever_slugs=["human-resources"]
        )
    response = client.get("/fr/search/", {"q": "korrigan", "lever": "human-resources"})
    assert len(result_titles(response)) == RESULTS_PER_PAGE
    pages = [link["href"] for link in parse(response).select("nav.pagination a")]
    assert "?q=korrigan&lever=human-resources&page=2" in pages
    second = client.get("/fr/search/", {"q": "korrigan", "lever": "human-resources", "page": 2})
    assert len(result_titles(second)) == 2


@pytest.mark.parametrize(
    ("params", "message", "values"),
    [
        ({"q": ""}, "Type a word to search the site.", {}),
        ({"q": "?!…-- ;"}, "Type at least one letter or digit to search.", {}),
        (
            {"q": "outil " * 60},
            "Your search was shortened to %(count)s characters.",
            {"count": 200},
        ),
        (
            {"q": " ".join(["outil"] * 20)},
            "Only the first %(count)s words were searched for.",
            {"count": 12},
        ),
        ({"q": "outil", "page": "abc"}, INVALID_PAGE, {}),
        ({"q": "outil", "page": "-3"}, INVALID_PAGE, {}),
        ({"q": "outil", "page": "99999999999999999999"}, NO_SUCH_PAGE, {}),
        ({"q": "outil", "lever": "n-existe-pas"}, NOT_RECOGNISED, {}),
        ({"q": "outil", "type": "auth.user"}, NOT_RECOGNISED, {}),
    ],
)
def test_bad_input_gives_a_normal_page_with_a_helpful_message(client, params, message, values):
    response = client.get("/fr/search/", params)
    assert response.status_code == 200
    with translation.override("en"):
        message = str(message)  # the listing kit's notices are lazy
    with translation.override("fr"):
        expected = gettext(message) % values if values else gettext(message)
    english = message % values if values else message
    assert expected != english, "the message is not translated"
    # The page's texts are read with their spaces folded (a narrow no-break space too).
    assert " ".join(expected.split()) in texts(parse(response), 'main p.notice[role="status"]')


@pytest.mark.parametrize(
    "query",
    [
        "'; DROP TABLE wagtailcore_page; --",
        '" OR 1=1 --',
        "<script>alert('x')</script>",
        'titre AND NOT "',
        "NEAR(outil modèle)",
        "*",
        "\\",
    ],
)
def test_sql_and_html_fragments_are_searched_as_plain_words(client, query):
    response = client.get("/fr/search/", {"q": query})
    assert response.status_code == 200
    assert "<script>alert" not in response.content.decode()


def test_editors_picks_come_first_and_are_not_repeated(client, tool_index):
    ToolPageFactory(parent=tool_index, title="Outil farandole très pertinent farandole farandole")
    picked = ToolPageFactory(
        parent=tool_index, title="Autre outil", summary="Mentionne farandole une fois."
    )
    query = Query.get("farandole")
    SearchPromotion.objects.create(query=query, page=picked, sort_order=0, description="Le choix")
    response = client.get("/de/search/", {"q": "Farandole"})
    search = response.context["search"]
    assert [pick["title"] for pick in search.picks] == ["Autre outil"]
    assert search.picks[0]["url"].startswith("/de/")
    assert "Autre outil" not in result_titles(response)
    shown = texts(parse(response), "li.search-result > p.search-result__title > a")
    assert shown.index("Autre outil") < shown.index(
        "Outil farandole très pertinent farandole farandole"
    )


def test_searches_are_counted_and_searches_without_results_are_kept_per_day(
    client, django_capture_on_commit_callbacks
):
    # Counted by a background task, once the answer is committed.
    with django_capture_on_commit_callbacks(execute=True):
        client.get("/fr/search/", {"q": "Outil"})
        client.get("/fr/search/", {"q": "outil", "page": 2})
    assert Query.get("outil").hits == 1
    with django_capture_on_commit_callbacks(execute=True):
        client.get("/en/search/", {"q": "xylophone quantique"})
        client.get("/en/search/", {"q": "Xylophone  quantique"})
    entry = ZeroResultQuery.objects.get()
    assert (entry.query_string, entry.language_code, entry.hits) == (
        "xylophone quantique",
        "en",
        2,
    )


def test_a_search_with_results_is_not_kept_as_a_gap(
    client, tool_index, django_capture_on_commit_callbacks
):
    ToolPageFactory(parent=tool_index, title="Outil mandragore")
    with django_capture_on_commit_callbacks(execute=True):
        client.get("/fr/search/", {"q": "mandragore"})
    assert Query.get("mandragore").hits == 1
    assert not ZeroResultQuery.objects.exists()


def test_the_page_works_without_javascript(client):
    soup = parse(client.get("/fr/search/", {"q": "outil"}))
    filters = one(soup, 'form.search-filters[method="get"]')
    assert one(filters, 'input[name="q"]')["value"] == "outil"
    one(filters, '[type="submit"]')


def test_unpublished_pages_are_not_found(client, tool_index):
    tool = ToolPageFactory(parent=tool_index, title="Outil chimère")
    tool.unpublish()
    response = client.get("/fr/search/", {"q": "chimère"})
    assert result_titles(response) == []
    assert Locale.objects.count() == 4
