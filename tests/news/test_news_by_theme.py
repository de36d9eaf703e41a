"""The news index filtered by theme (news/listing.py, on the listing kit): counts per theme,
forgiving bad values, pages that keep the filter, a query count that does not grow."""

import pytest

from news.models import NEWS_PER_PAGE, NewsPage
from tests.factories import NewsPageFactory
from tests.html import one, parse, text_of, texts
from tests.query_budget import assert_query_count_does_not_grow

pytestmark = pytest.mark.django_db


def listed_titles(soup):
    return texts(soup, "ul.news-list > li.news-card > h3 > a[href]")


def theme_counts(soup):
    """{theme slug: the count shown next to its checkbox}."""
    counts = {}
    for option in soup.select("form.news-filters li.facets__option"):
        count = text_of(one(option, ".facets__count")).strip("()")
        counts[one(option, "input")["value"]] = int(count)
    return counts


def live_news(index, **filters):
    return NewsPage.objects.child_of(index).live().filter(**filters).distinct()


def test_choosing_a_theme_lists_only_the_news_of_that_theme(client, news_index):
    funding = NewsPageFactory(parent=news_index, aliases=False, theme_slugs=["funding"])
    both = NewsPageFactory(parent=news_index, aliases=False, theme_slugs=["funding", "governance"])
    other = NewsPageFactory(parent=news_index, aliases=False, theme_slugs=["governance"])
    soup = parse(client.get("/fr/actualites/?theme=funding"))
    titles = listed_titles(soup)
    assert funding.title in titles and both.title in titles and other.title not in titles
    expected = live_news(news_index, themes__slug="funding").count()
    assert len(titles) == expected
    assert text_of(one(soup, "p.listing__count")) == f"{expected} actualités"
    assert one(soup, 'input[name="theme"][value="funding"]').has_attr("checked")


def test_two_themes_add_up(client, news_index):
    NewsPageFactory(parent=news_index, aliases=False, theme_slugs=["funding"])
    NewsPageFactory(parent=news_index, aliases=False, theme_slugs=["governance"])
    soup = parse(client.get("/fr/actualites/?theme=funding&theme=governance"))
    expected = live_news(news_index, themes__slug__in=["funding", "governance"]).count()
    assert len(listed_titles(soup)) == expected >= 2


def test_each_theme_shows_how_many_news_items_it_gives(client, news_index):
    NewsPageFactory(parent=news_index, aliases=False, theme_slugs=["funding", "governance"])
    draft = NewsPageFactory(
        parent=news_index, aliases=False, theme_slugs=["funding"], publish=False
    )
    counts = theme_counts(parse(client.get("/fr/actualites/?theme=funding")))
    assert counts["funding"] == live_news(news_index, themes__slug="funding").count()
    assert counts["governance"] == live_news(news_index, themes__slug="governance").count() >= 1
    assert not draft.live
    # The demo gives "communication" to the three first steps of the cycle.
    assert counts["communication"] == 3


def test_an_unknown_theme_is_ignored_with_a_notice(client, news_index):
    response = client.get("/fr/actualites/?theme=n-existe-pas&page=abc")
    assert response.status_code == 200
    soup = parse(response)
    assert texts(soup, "p.notice[role=alert]") == [
        "Certains filtres n’ont pas été reconnus et ont été ignorés.",
        "Ce numéro de page n’est pas valable ; voici la première page.",
    ]
    assert len(listed_titles(soup)) == live_news(news_index).count()


def test_a_theme_without_news_says_so(client, news_index):
    soup = parse(client.get("/fr/actualites/?theme=governance"))
    assert listed_titles(soup) == []
    assert "Aucune actualité ne correspond à cette sélection." in text_of(soup)


def test_the_pages_of_a_theme_keep_the_theme(client, news_index):
    for _ in range(NEWS_PER_PAGE + 1):
        NewsPageFactory(parent=news_index, aliases=False, theme_slugs=["funding"])
    soup = parse(client.get("/fr/actualites/?theme=funding"))
    assert one(soup, 'nav.pagination a[rel="next"]')["href"] == "?theme=funding&page=2"
    second = parse(client.get("/fr/actualites/?theme=funding&page=2"))
    expected = live_news(news_index, themes__slug="funding").count() - NEWS_PER_PAGE
    assert len(listed_titles(second)) == expected


def test_the_german_index_filters_its_news_by_the_same_theme(client, news_index, locales):
    item = NewsPageFactory(parent=news_index, aliases=False, theme_slugs=["funding"])
    german_item = item.copy_for_translation(locales["de"], alias=True)
    soup = parse(client.get(f"{german_item.get_parent().url}?theme=funding"))
    assert german_item.title in listed_titles(soup)
    labels = texts(soup, "form.news-filters label")
    assert any(label.startswith("Finanzierung") for label in labels)


def test_the_index_query_count_does_not_grow_with_themed_news(client, news_index):
    def add_content():
        for _ in range(3):
            NewsPageFactory(parent=news_index, aliases=False, theme_slugs=["funding", "strategy"])

    assert_query_count_does_not_grow(
        client, "/fr/actualites/?theme=funding", add_content, budget=12
    )
