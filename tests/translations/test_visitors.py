"""Visitors: untranslated pages are not 404s; the switcher and hreflang tell what exists."""

import pytest
from django.urls import reverse
from wagtail.models import Page

from home.models import StandardPage
from tests.html import one, parse, text_of
from tools.models import ToolPage

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


def test_switcher_leads_to_the_same_page_and_marks_it_not_translated(client):
    links = switcher_links(client.get("/fr/contact/"))
    assert links["de"]["href"] == "/de/contact/"
    assert "language-switcher__missing" in links["de"].get("class", [])
    assert "nicht übersetzt" not in links["de"]["title"]  # told in the page's language
    assert "pas encore traduite" in links["de"]["title"]


def test_an_untranslated_page_says_so_in_the_visitors_language(client):
    soup = parse(client.get("/de/contact/"))
    main = one(soup, "main")
    assert main["lang"] == "fr", "the text is the French original"
    notice = one(main, "aside.notice--untranslated")
    assert notice["lang"] == "de"
    assert "noch nicht auf Deutsch übersetzt" in text_of(notice)
    original = one(notice, 'a[hreflang="fr"]')
    assert original["href"] == "/fr/contact/"
    assert "Originalseite auf Französisch" in text_of(original)


def test_a_translated_page_has_no_notice(client):
    soup = parse(client.get("/de/association/"))
    assert not soup.select("aside.notice--untranslated")
    assert one(soup, "main")["lang"] == "de"


def test_an_untranslated_tool_offers_to_help_translate_it(client):
    tool = (
        Page.objects.filter(locale__language_code="it", alias_of__isnull=False)
        .type(ToolPage)
        .live()
        .first()
    )
    soup = parse(client.get(tool.url))
    notice = one(soup, "aside.notice--untranslated")
    offer = [link for link in notice.select("a") if "tradurre" in text_of(link)]
    assert offer, notice
    assert offer[0]["href"] == reverse("contributions:translation", kwargs={"tool_id": tool.pk})
    assert client.get(offer[0]["href"]).status_code == 200


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
