"""Canonical URLs, OpenGraph and Twitter cards, and JSON-LD naming the right schema.org types."""

import datetime
import json

import pytest
from django.conf import settings
from wagtail.models import Page

from events.models import EventPage, EventSeriesPage
from home.models import StandardPage
from news import metadata
from tests.factories import ImageFactory, NewsPageFactory
from tests.html import one, parse
from tests.json_ld import google_problems
from tools.models import ToolPage

SITE = settings.SITE_URL  # the tests' own public origin (settings/test.py)

pytestmark = pytest.mark.django_db


def json_ld(soup):
    blocks = soup.select('head script[type="application/ld+json"]')
    return [json.loads(block.get_text()) for block in blocks]


def types(soup):
    return [item["@type"] for item in json_ld(soup)]


def meta(soup, key):
    """The content of the <meta> whose property (OpenGraph) or name (Twitter) is `key`."""
    found = soup.select(f'head meta[property="{key}"], head meta[name="{key}"]')
    assert len(found) <= 1, f"{len(found)} <meta> elements for {key}"
    return found[0]["content"] if found else None


def canonical(soup):
    return one(soup, 'head link[rel="canonical"]')["href"]


def test_the_home_page_describes_the_organisation(client):
    soup = parse(client.get("/fr/"))
    assert types(soup) == ["Organization", "WebSite", "BreadcrumbList"]
    organisation, _website, breadcrumbs = json_ld(soup)
    assert organisation["name"] == "Social Business Models"
    assert organisation["@context"] == "https://schema.org"
    assert organisation["url"] == f"{SITE}/"
    assert [crumb["item"] for crumb in breadcrumbs["itemListElement"]] == [f"{SITE}/fr/"]
    assert canonical(soup) == f"{SITE}/fr/"
    assert meta(soup, "og:type") == "website"


def test_a_news_item_is_a_news_article_with_its_image_and_breadcrumbs(client):
    soup = parse(client.get("/fr/actualites/lancement-21-jours-pour-convaincre/"))
    assert types(soup) == ["NewsArticle", "BreadcrumbList"]
    article, breadcrumbs = json_ld(soup)
    assert article["datePublished"] == "2026-09-07"
    assert article["author"] == {"@type": "Person", "name": "Claire Rochat"}
    assert article["image"].startswith(f"{SITE}/")
    crumbs = breadcrumbs["itemListElement"]
    assert [crumb["name"] for crumb in crumbs] == [
        "Social Business Models",
        "Actualités",
        "« 21 jours pour convaincre » : le cycle commence lundi",
    ]
    assert [crumb["position"] for crumb in crumbs] == [1, 2, 3]
    assert crumbs[-1]["item"] == (f"{SITE}/fr/actualites/lancement-21-jours-pour-convaincre/")
    assert meta(soup, "og:type") == "article"
    assert meta(soup, "og:image") == article["image"]
    assert meta(soup, "twitter:card") == "summary_large_image"
    assert meta(soup, "og:image:alt").startswith("Trois marches de couleur")
    assert meta(soup, "article:published_time") == "2026-09-07"


def test_a_tool_sheet_is_a_learning_resource_with_its_licence(client):
    tool = ToolPage.objects.live().get(locale__language_code="fr", sheet_number="02a")
    soup = parse(client.get(tool.url))
    assert types(soup) == ["LearningResource", "BreadcrumbList"]
    resource = json_ld(soup)[0]
    assert resource["identifier"] == "02a"
    assert resource["license"] == "https://creativecommons.org/licenses/by-sa/4.0/"
    # The sheet's illustration is what a share shows, as a large card.
    assert tool.image is not None
    assert meta(soup, "twitter:card") == "summary_large_image"
    assert meta(soup, "og:description") == tool.summary[:300]
    assert meta(soup, "og:image").startswith(f"{SITE}/media/images/")


def test_an_event_is_an_event_in_utc_without_its_private_meeting_link(client):
    event = EventPage.objects.live().filter(locale__language_code="fr").exclude(online_url="")[0]
    html = client.get(event.url).content.decode()
    soup = parse(html)
    assert types(soup) == ["Event", "BreadcrumbList"]
    described = json_ld(soup)[0]
    assert described["name"] == event.title
    assert described["startDate"] == event.start.astimezone(datetime.UTC).isoformat()
    assert described["startDate"].endswith("+00:00")
    assert described["eventAttendanceMode"].startswith("https://schema.org/")
    assert (
        "Online" in described["eventAttendanceMode"] or "Mixed" in described["eventAttendanceMode"]
    )
    assert described["organizer"]["@type"] == "Organization"
    assert event.online_url not in html


def test_an_event_on_site_names_its_place(client):
    event = (
        EventPage.objects.live()
        .filter(locale__language_code="fr", online_url="")
        .exclude(venue_name="")
        .first()
    )
    described = json_ld(parse(client.get(event.url)))[0]
    assert described["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert described["location"]["@type"] == "Place"
    assert described["location"]["name"] == event.venue_name


def test_a_cycle_of_events_is_an_event_series(client):
    cycle = EventSeriesPage.objects.live().filter(locale__language_code="fr").first()
    assert types(parse(client.get(cycle.url))) == ["EventSeries", "BreadcrumbList"]


@pytest.mark.parametrize("language", ["fr", "de", "it", "en"])
def test_every_kind_of_page_has_a_canonical_link_a_share_card_and_parsable_json_ld(
    client, language
):
    pages = Page.objects.live().filter(locale__language_code=language, depth__gt=1)
    seen_types = set()
    for page in pages.specific():
        if page.specific_class in seen_types:
            continue
        seen_types.add(page.specific_class)
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        soup = parse(response)
        address = canonical(soup)
        assert address.startswith(f"{SITE}/"), page.url
        assert meta(soup, "og:url") == address
        assert meta(soup, "og:title")
        assert meta(soup, "og:image").startswith(f"{SITE}/")
        assert meta(soup, "twitter:card") in {"summary", "summary_large_image"}
        assert "BreadcrumbList" in types(soup), page.url
    assert len(seen_types) >= 10


def test_a_view_that_is_not_a_page_still_has_its_canonical_link(client):
    soup = parse(client.get("/fr/search/?q=canevas"))
    assert canonical(soup) == f"{SITE}/fr/search/"


def test_every_other_page_gets_breadcrumbs(client):
    page = StandardPage.objects.live().filter(locale__language_code="fr").first()
    assert types(parse(client.get(page.url))) == ["BreadcrumbList"]


def test_an_untranslated_alias_is_canonicalised_to_its_source(client):
    alias = ToolPage.objects.live().filter(locale__language_code="it", alias_of__isnull=False)[0]
    source = alias.alias_of
    soup = parse(client.get(alias.url))
    assert canonical(soup) == source.get_full_url()
    assert meta(soup, "og:locale") == "it_CH"


def test_a_page_type_can_describe_itself_with_get_json_ld(rf, home_page):
    class Described(Page):
        class Meta:
            proxy = True
            app_label = "wagtailcore"

        def get_json_ld(self, request):
            return {"@type": "Event", "name": self.title}

    page = Page.objects.get(pk=home_page.pk)
    page.__class__ = Described
    request = rf.get("/fr/", HTTP_HOST="localhost")
    assert metadata.page_json_ld(page, request)[0] == {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": home_page.title,
    }


def test_json_ld_cannot_close_its_script_element(client, news_index):
    news_index.title = "Actualités </script><script>alert(1)</script>"
    news_index.save_revision().publish()
    html = client.get("/fr/actualites/").content.decode()
    assert "</script><script>alert(1)" not in html
    assert json_ld(parse(html))[0]["name"] == news_index.title


def test_a_lost_image_file_falls_back_to_the_association_card(client, news_index):
    image = ImageFactory(title="Image perdue")
    item = NewsPageFactory(
        parent=news_index, aliases=False, image=image, image_alt="Une image perdue."
    )
    image.file.storage.delete(image.file.name)
    response = client.get(item.url)
    assert response.status_code == 200
    soup = parse(response)
    assert meta(soup, "og:image") == f"{SITE}/static/news/img/share.png"
    assert meta(soup, "twitter:card") == "summary"
    assert json_ld(soup)[0]["image"] == meta(soup, "og:image")


def test_a_news_item_without_image_nor_author_is_the_associations_and_meets_googles_rules(
    client, news_index
):
    item = NewsPageFactory(parent=news_index, aliases=False, image=None, author="")
    article = json_ld(parse(client.get(item.url)))[0]
    assert article["author"]["@type"] == "Organization"
    assert article["author"]["name"] == "Social Business Models"
    assert article["image"] == f"{SITE}/static/news/img/share.png"
    assert google_problems(article) == []
