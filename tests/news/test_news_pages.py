"""News: the index lists live items newest first, a news item shows its tools and its cycle,
and the home page shows the latest news."""

import datetime
import re

import pytest

from events.models import EventPage, EventSeriesPage
from news.demo import CYCLE_SLUG
from news.models import NEWS_PER_PAGE, NewsPage
from tests.factories import NewsPageFactory
from tests.query_budget import assert_query_count_does_not_grow
from tools.models import ToolPage

pytestmark = pytest.mark.django_db


def listed_titles(response):
    return re.findall(r'<h3><a href="[^"]+">([^<]+)</a></h3>', response.content.decode())


def test_the_index_lists_the_demo_news_newest_first(client, news_index):
    response = client.get("/fr/actualites/")
    assert response.status_code == 200
    titles = listed_titles(response)
    expected = [
        item.title for item in NewsPage.objects.child_of(news_index).live().order_by("-date", "-pk")
    ]
    assert len(expected) == 6
    assert [title.replace("&#x27;", "'") for title in titles] == expected


def test_a_draft_news_item_is_not_listed(client, news_index):
    NewsPageFactory(parent=news_index, aliases=False, title="Brouillon secret", publish=False)
    response = client.get("/fr/actualites/")
    assert "Brouillon secret" not in response.content.decode()


def test_the_index_is_paginated(client, news_index):
    for _ in range(NEWS_PER_PAGE):
        NewsPageFactory(parent=news_index, aliases=False)
    first = client.get("/fr/actualites/")
    second = client.get("/fr/actualites/?page=2")
    assert len(listed_titles(first)) == NEWS_PER_PAGE
    assert len(listed_titles(second)) == 6
    assert 'rel="next"' in first.content.decode()
    assert client.get("/fr/actualites/?page=abc").status_code == 200


def test_a_news_item_shows_its_date_author_tools_and_image_alt_text(client, news_index):
    response = client.get("/fr/actualites/lancement-21-jours-pour-convaincre/")
    html = response.content.decode()
    assert '<time datetime="2026-09-07">' in html
    assert "Claire Rochat" in html
    assert 'alt="Trois marches de couleur qui montent' in html
    tool = ToolPage.objects.get(locale=news_index.locale, sheet_number="02a")
    assert f'href="{tool.url}"' in html


def test_a_news_item_of_a_cycle_links_to_its_cycle_and_the_other_steps(client):
    cycle = EventSeriesPage.objects.get(locale__language_code="fr", slug=CYCLE_SLUG)
    response = client.get("/fr/actualites/jour-1-raconter-votre-raison-d-etre/")
    html = response.content.decode()
    assert f'Cycle : <a href="{cycle.url}">21 jours pour convaincre</a>, étape 1' in html
    steps = html[html.index('class="news-item__cycle-steps"') :]
    assert "Jour 2 : qui bénéficie vraiment de votre action ?" in steps
    assert "Jour 1 : raconter" not in steps
    assert "Webinaire d&#x27;octobre" not in steps


def test_a_news_item_in_another_language_links_to_the_cycle_of_that_language(
    client, news_index, locales
):
    cycle = EventSeriesPage.objects.get(locale=news_index.locale, slug=CYCLE_SLUG)
    german_cycle = cycle.get_translation(locales["de"])
    item = NewsPageFactory(parent=news_index, aliases=False, cycle=cycle, cycle_position=5)
    german_item = item.copy_for_translation(locales["de"], alias=True)
    html = client.get(german_item.url).content.decode()
    assert german_cycle.url.startswith("/de/")
    assert f'<a href="{german_cycle.url}">' in html
    assert "Jour 1 : raconter" in html[html.index('class="news-item__cycle-steps"') :]


def test_a_news_item_lists_its_events_in_the_visitors_language(client, news_index, locales):
    event = EventPage.objects.live().filter(locale=news_index.locale).order_by("start").first()
    item = NewsPageFactory(parent=news_index, aliases=False, related_events=[event])
    html = client.get(item.url).content.decode()
    section = html[html.index('class="news-item__events"') :]
    assert f'href="{event.url}"' in section
    assert event.title.replace("'", "&#x27;") in section
    german_item = item.copy_for_translation(locales["de"], alias=True)
    german_event = event.get_translation(locales["de"])
    german_html = client.get(german_item.url).content.decode()
    assert f'href="{german_event.url}"' in german_html


def test_an_unpublished_event_or_tool_is_not_linked(client, news_index):
    event = EventPage.objects.live().filter(locale=news_index.locale).order_by("start").first()
    tool = ToolPage.objects.live().filter(locale=news_index.locale).order_by("pk").first()
    item = NewsPageFactory(
        parent=news_index, aliases=False, related_events=[event], related_tools=[tool]
    )
    event.unpublish()
    tool.unpublish()
    html = client.get(item.url).content.decode()
    assert 'class="news-item__events"' not in html
    assert 'class="news-item__tools"' not in html


def test_the_news_page_edit_form_groups_its_fields_in_tabs(admin_client, news_index):
    item = NewsPage.objects.child_of(news_index).first()
    html = admin_client.get(f"/admin/pages/{item.pk}/edit/").content.decode()
    tabs = re.findall(r'role="tab"[^>]*>\s*([^<]+?)\s*<', html)
    assert tabs[:3] == ["Contenu", "Classement", "Référencement"]
    assert "Étape dans le cycle" in html


def test_a_related_tool_is_linked_in_the_visitors_language(client, news_index, locales):
    french_tool = ToolPage.objects.live().get(locale=news_index.locale, sheet_number="03")
    german_tool = french_tool.get_translation(locales["de"])
    item = NewsPageFactory(parent=news_index, aliases=False, related_tools=[french_tool])
    german_item = item.copy_for_translation(locales["de"], alias=True)
    html = client.get(german_item.url).content.decode()
    assert f'href="{german_tool.url}"' in html
    assert f'href="{french_tool.url}"' not in html


def test_the_home_page_shows_the_three_latest_news(client, news_index):
    NewsPageFactory(
        parent=news_index,
        aliases=False,
        title="Tout dernier communiqué",
        date=datetime.date(2030, 1, 1),
    )
    html = client.get("/fr/").content.decode()
    section = html[html.index('class="home-news"') :]
    assert "Tout dernier communiqué" in section
    assert section.count('class="card news-card"') == 3
    assert 'href="/fr/actualites/"' in section


def test_the_news_index_query_count_does_not_grow(client, news_index):
    def add_content():
        NewsPageFactory(
            parent=news_index, aliases=False, related_tools=list(ToolPage.objects.live()[:2])
        )

    assert_query_count_does_not_grow(client, "/fr/actualites/", add_content, budget=40)


def test_a_news_item_query_count_does_not_grow_with_its_tools_events_and_steps(client, news_index):
    cycle = EventSeriesPage.objects.get(locale=news_index.locale, slug=CYCLE_SLUG)
    item = NewsPageFactory(parent=news_index, aliases=False, cycle=cycle, cycle_position=10)
    tools = iter(ToolPage.objects.live().filter(locale=news_index.locale).order_by("pk"))
    events = iter(EventPage.objects.live().filter(locale=news_index.locale).order_by("pk"))
    positions = iter(range(11, 20))

    def add_content():
        item.related_tools.add(next(tools), next(tools))
        item.related_events.add(next(events), next(events))
        item.save_revision().publish()
        NewsPageFactory(
            parent=news_index, aliases=False, cycle=cycle, cycle_position=next(positions)
        )

    assert_query_count_does_not_grow(client, item.url, add_content, budget=45)


def test_the_home_page_query_count_does_not_grow_with_news(client, news_index):
    assert_query_count_does_not_grow(
        client, "/fr/", lambda: NewsPageFactory(parent=news_index, aliases=False)
    )
