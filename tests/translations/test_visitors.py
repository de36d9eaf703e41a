"""Visitors: untranslated pages are not 404s; the switcher and hreflang tell what exists."""

import re

import pytest
from wagtail.models import Page

from home.models import StandardPage

pytestmark = pytest.mark.django_db


def switcher_links(html):
    nav = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)
    return {
        match.group(2): match.group(0)
        for match in re.finditer(r'<a href="([^"]*)"[^>]*hreflang="(\w+)"[^>]*>', nav)
    }


def alias_of_contact(language_code):
    return Page.objects.get(slug="contact", locale__language_code=language_code)


def test_demo_pages_are_translated_in_every_language(client):
    expected = {"de": "Der Verein", "it": "L'associazione", "en": "The association"}
    for code, title in expected.items():
        response = client.get(f"/{code}/association/")
        assert response.status_code == 200
        assert title in response.content.decode()
        page = StandardPage.objects.get(slug="association", locale__language_code=code)
        assert page.alias_of_id is None and page.live


def test_untranslated_page_exists_in_every_language(client):
    assert alias_of_contact("de").alias_of_id is not None
    assert client.get("/de/contact/").status_code == 200


def test_switcher_marks_an_alias_as_not_translated_and_leads_home(client):
    html = client.get("/fr/contact/").content.decode()
    links = switcher_links(html)
    assert 'href="/de/"' in links["de"]
    assert "language-switcher__missing" in links["de"]


def test_switcher_leads_to_a_real_translation(client):
    links = switcher_links(client.get("/fr/association/").content.decode())
    assert 'href="/de/association/"' in links["de"]
    assert "language-switcher__missing" not in links["de"]


def test_hreflang_lists_only_real_translations(client):
    about = client.get("/fr/association/").content.decode()
    alternates = set(re.findall(r'<link rel="alternate" hreflang="([\w-]+)"', about))
    assert {"fr", "de", "it", "en"} <= alternates
    contact = client.get("/fr/contact/").content.decode()
    alternates = set(re.findall(r'<link rel="alternate" hreflang="([\w-]+)"', contact))
    assert "de" not in alternates and "it" not in alternates and "en" not in alternates
    assert "fr" in alternates
