"""Visitors: untranslated pages are not 404s; the switcher and hreflang tell what exists."""

import pytest
from wagtail.models import Page

from home.models import StandardPage
from tests.html import one, parse, text_of

pytestmark = pytest.mark.django_db


def switcher_links(response):
    """The links of the language switcher, by the language they lead to."""
    nav = one(parse(response), "nav.language-switcher")
    return {link["hreflang"]: link for link in nav.select("a[href][hreflang]")}


def alternate_languages(response):
    return {link["hreflang"] for link in parse(response).select('link[rel="alternate"][hreflang]')}


def alias_of_contact(language_code):
    return Page.objects.get(slug="contact", locale__language_code=language_code)


def test_demo_pages_are_translated_in_every_language(client):
    expected = {"de": "Der Verein", "it": "L'associazione", "en": "The association"}
    for code, title in expected.items():
        response = client.get(f"/{code}/association/")
        assert response.status_code == 200
        assert text_of(one(parse(response), "main article > h1")) == title
        page = StandardPage.objects.get(slug="association", locale__language_code=code)
        assert page.alias_of_id is None and page.live


def test_untranslated_page_exists_in_every_language(client):
    assert alias_of_contact("de").alias_of_id is not None
    assert client.get("/de/contact/").status_code == 200


def test_switcher_marks_an_alias_as_not_translated_and_leads_home(client):
    links = switcher_links(client.get("/fr/contact/"))
    assert links["de"]["href"] == "/de/"
    assert "language-switcher__missing" in links["de"].get("class", [])


def test_switcher_leads_to_a_real_translation(client):
    links = switcher_links(client.get("/fr/association/"))
    assert links["de"]["href"] == "/de/association/"
    assert "language-switcher__missing" not in links["de"].get("class", [])


def test_hreflang_lists_only_real_translations(client):
    alternates = alternate_languages(client.get("/fr/association/"))
    assert {"fr", "de", "it", "en"} <= alternates
    alternates = alternate_languages(client.get("/fr/contact/"))
    assert "de" not in alternates and "it" not in alternates and "en" not in alternates
    assert "fr" in alternates
