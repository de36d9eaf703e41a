"""RSS and Atom feeds per language: valid, absolute links, dates in UTC, only live content."""

import datetime
import re
from urllib.parse import urlsplit

import feedparser
import pytest
from defusedxml import ElementTree as etree
from django.conf import settings

from news.models import NewsPage
from tests import html
from tests.factories import NewsPageFactory
from tests.query_budget import assert_query_count_does_not_grow
from tools.models import ToolPage

SITE = settings.SITE_URL  # the tests' own public origin (settings/test.py)

pytestmark = pytest.mark.django_db

ATOM = "http://www.w3.org/2005/Atom"
NS = {"atom": ATOM}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# RFC 4151: tag:authority,date:specific
TAG_URI = re.compile(r"^tag:[a-z0-9.-]+,\d{4}(-\d{2}(-\d{2})?)?:[\w.~!$&'()*+,;=:@/?%-]+$")

LANGUAGES = ["fr", "de", "it", "en"]
# (address, format) of every feed of a language: news, new and updated tools, upcoming events.
FEEDS = [
    ("/feeds/{language}/news.rss", "rss"),
    ("/feeds/{language}/news.atom", "atom"),
    ("/feeds/{language}/tools.rss", "rss"),
    ("/feeds/{language}/tools.atom", "atom"),
    ("/events/{language}/rss/", "rss"),
    ("/events/{language}/atom/", "atom"),
]


def is_iri(value):
    """An absolute IRI, as atom:id must be: a tag: URI or an http(s) address with a host."""
    if value.startswith("tag:"):
        return bool(TAG_URI.match(value))
    parts = urlsplit(value)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response, feedparser.parse(response.content)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(("address", "kind"), FEEDS)
def test_every_feed_parses_without_error_and_links_absolutely(client, language, address, kind):
    response, parsed = parse(client, address.format(language=language))
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version.startswith(kind)
    assert parsed.entries, "the demo content fills every feed"
    assert parsed.feed.link.startswith(f"{SITE}/")
    for entry in parsed.entries:
        assert entry.link.startswith(f"{SITE}/{language}/")
        assert entry.title
        assert entry.summary
        moment = entry.get("published_parsed") or entry.get("updated_parsed")
        assert moment is not None, entry.link
    if kind == "rss":
        assert response["Content-Type"].startswith("application/rss+xml")
    else:
        assert response["Content-Type"].startswith("application/atom+xml")


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(("address", "kind"), FEEDS)
def test_every_feed_names_its_language(client, language, address, kind):
    response, parsed = parse(client, address.format(language=language))
    if kind == "rss":
        assert parsed.feed.language == language
    else:
        root = etree.fromstring(response.content)
        assert root.get(XML_LANG) == language


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    "address", [address for address, kind in FEEDS if kind == "atom"], ids=lambda a: a
)
def test_atom_feeds_meet_rfc_4287(client, language, address):
    """Checked twice: feedparser's reading, and the RFC's rules on the XML itself (lxml)."""
    response, parsed = parse(client, address.format(language=language))
    assert parsed.feed.author
    assert all(is_iri(entry.id) for entry in parsed.entries)
    assert len({entry.id for entry in parsed.entries}) == len(parsed.entries)

    feed = etree.fromstring(response.content)
    assert feed.tag == f"{{{ATOM}}}feed"
    for element in (feed, *feed.iterfind("atom:entry", NS)):
        for required in ("atom:id", "atom:title", "atom:updated"):
            assert len(element.findall(required, NS)) == 1, (required, element.tag)
        assert is_iri(element.findtext("atom:id", namespaces=NS))
        assert datetime.datetime.fromisoformat(element.findtext("atom:updated", namespaces=NS))
    # An author for the feed, or one in every entry (RFC 4287, 4.1.1).
    assert feed.findtext("atom:author/atom:name", namespaces=NS)
    (self_link,) = feed.findall('atom:link[@rel="self"]', NS)
    assert self_link.get("href") == f"{SITE}{address.format(language=language)}"
    for link in feed.iterfind("atom:entry/atom:link", NS):
        assert link.get("href").startswith(f"{SITE}/{language}/")


def test_feed_dates_are_written_in_utc(client):
    rss = client.get("/feeds/fr/news.rss").content.decode()
    atom = client.get("/feeds/fr/tools.atom").content.decode()
    assert "<pubDate>Sun, 06 Sep 2026 22:00:00 +0000</pubDate>" in rss  # 7 Sept., Zurich
    assert "+01:00" not in atom and "+02:00" not in atom
    assert "+00:00</updated>" in atom


def test_the_news_feed_lists_live_news_newest_first_and_no_draft(client, news_index):
    NewsPageFactory(parent=news_index, aliases=False, title="Brouillon du comité", publish=False)
    latest = NewsPageFactory(
        parent=news_index,
        aliases=False,
        title="Nouvelle toute fraîche",
        date=datetime.date(2031, 1, 1),
    )
    _response, parsed = parse(client, "/feeds/fr/news.rss")
    titles = [entry.title for entry in parsed.entries]
    assert titles[0] == latest.title
    assert "Brouillon du comité" not in titles
    assert len(titles) == NewsPage.objects.live().filter(locale=news_index.locale).count()


def test_the_tools_feed_shows_the_most_recently_updated_tool_first(client):
    tool = ToolPage.objects.live().filter(locale__language_code="fr").order_by("pk").first()
    tool.summary = "Résumé revu et complété."
    tool.save_revision().publish()
    _response, parsed = parse(client, "/feeds/fr/tools.atom")
    assert parsed.entries[0].link == tool.get_full_url()
    assert parsed.entries[0].summary == "Résumé revu et complété."


def test_an_unknown_language_has_no_feed(client):
    assert client.get("/feeds/xx/news.rss").status_code == 404


def test_pages_announce_the_feeds_of_their_language(client):
    soup = html.parse(client.get("/de/"))
    feeds = {(link.get("type"), link["href"]) for link in soup.select('link[rel="alternate"]')}
    assert ("application/rss+xml", "/feeds/de/news.rss") in feeds
    assert ("application/atom+xml", "/feeds/de/tools.atom") in feeds
    assert ("application/rss+xml", "/events/de/rss/") in feeds


def test_the_events_feed_dates_are_in_utc(client):
    atom = client.get("/events/fr/atom/").content.decode()
    assert "<updated>" in atom
    assert "+01:00" not in atom and "+02:00" not in atom


def test_the_news_feed_query_count_does_not_grow(client, news_index):
    assert_query_count_does_not_grow(
        client, "/feeds/fr/news.atom", lambda: NewsPageFactory(parent=news_index, aliases=False)
    )
