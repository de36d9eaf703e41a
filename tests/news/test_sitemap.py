"""sitemap.xml: valid against the sitemaps.org schema, every live page of every language once,
hreflang alternates between real translations only; robots.txt points at it."""

from pathlib import Path

import pytest
import xmlschema
from defusedxml import ElementTree
from django.conf import settings
from wagtail.models import Page

from tests.factories import NewsPageFactory
from tests.html import parse
from tests.query_budget import assert_query_count_does_not_grow

SITE = settings.SITE_URL  # the tests' own public origin (settings/test.py)

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}
SCHEMAS = Path(__file__).with_name("sitemaps")
# The sitemaps.org schema itself; it checks elements of other namespaces strictly, so the
# hreflang alternates (xhtml:link) are checked against a schema of their own.
SCHEMA = xmlschema.XMLSchema(SCHEMAS / "sitemap.xsd", build=False)
SCHEMA.import_schema(NS["xhtml"], str(SCHEMAS / "xhtml-link.xsd"))
SCHEMA.build()


def sitemap(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    return response.content


def entries(content):
    root = ElementTree.fromstring(content)
    return {
        url.find("s:loc", NS).text: {
            link.get("hreflang"): link.get("href") for link in url.findall("xhtml:link", NS)
        }
        for url in root.findall("s:url", NS)
    }


def test_the_sitemap_is_valid_against_the_sitemaps_schema(client):
    SCHEMA.validate(sitemap(client))


def test_the_sitemap_lists_every_live_page_once_and_no_untranslated_alias(client):
    listed = entries(sitemap(client))
    real_pages = Page.objects.live().public().filter(depth__gt=1, alias_of__isnull=True)
    assert set(listed) == {page.get_full_url() for page in real_pages}
    alias = Page.objects.live().filter(alias_of__isnull=False).first()
    assert alias.get_full_url() not in listed


def test_a_translated_page_names_its_translations_and_itself(client):
    listed = entries(sitemap(client))
    homes = {code: f"{SITE}/{code}/" for code in ("fr", "de", "it", "en")}
    homes["x-default"] = f"{SITE}/fr/"
    assert listed[f"{SITE}/fr/"] == homes
    assert listed[f"{SITE}/de/"] == homes


def test_the_sitemap_declares_the_alternates_the_pages_declare(client):
    translated = [(url, links) for url, links in entries(sitemap(client)).items() if links]
    assert len(translated) >= 8  # the demo site's translated pages
    for url, links in translated:
        page = parse(client.get(url.removeprefix(SITE)))
        declared = {
            link["hreflang"]: link["href"]
            for link in page.select('link[rel="alternate"][hreflang]')
        }
        assert links == declared, url


def test_an_untranslated_page_has_no_alternates(client, news_index):
    item = NewsPageFactory(parent=news_index, aliases=False)
    listed = entries(sitemap(client))
    assert listed[item.get_full_url()] == {}


def test_a_draft_is_not_in_the_sitemap(client, news_index):
    draft = NewsPageFactory(parent=news_index, aliases=False, publish=False)
    assert draft.slug not in sitemap(client).decode()


def test_the_sitemap_query_count_does_not_grow(client, news_index):
    assert_query_count_does_not_grow(
        client, "/sitemap.xml", lambda: NewsPageFactory(parent=news_index, aliases=False)
    )


def test_robots_txt_points_at_the_sitemap_and_keeps_robots_out_of_the_admin(client):
    response = client.get("/robots.txt")
    lines = response.content.decode().splitlines()
    assert response["Content-Type"].startswith("text/plain")
    assert "Disallow: /admin/" in lines
    assert f"Sitemap: {SITE}/sitemap.xml" in lines


def test_the_schema_rejects_a_url_without_its_address_or_a_broken_alternate():
    head = (
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:xhtml="http://www.w3.org/1999/xhtml"><url>'
    )
    valid = head + (
        "<loc>http://localhost/fr/</loc>"
        '<xhtml:link rel="alternate" hreflang="de" href="http://localhost/de/"/></url></urlset>'
    )
    assert SCHEMA.is_valid(valid)
    assert not SCHEMA.is_valid(head + "<lastmod>2026-01-01</lastmod></url></urlset>")
    assert not SCHEMA.is_valid(valid.replace(' hreflang="de"', ""))
    assert not SCHEMA.is_valid(valid.replace("xhtml:link", "xhtml:a"))
