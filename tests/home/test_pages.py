"""Every page type renders in every locale; the chrome follows the visitor's language."""

import pytest
from django.conf import settings
from django.test import Client
from wagtail.models import Page

from home.models import MainMenu, StandardPage
from tests.conftest import LANGUAGE_CODES
from tests.html import one, parse, text_of, texts
from tests.query_budget import assert_query_count_does_not_grow

SITE = settings.SITE_URL  # the tests' own public origin (settings/test.py)

pytestmark = pytest.mark.django_db


def test_root_redirects_to_a_language(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] in {f"/{code}/" for code in LANGUAGE_CODES}


def test_every_live_french_page_renders(client):
    """The German, Italian and English trees are rendered page by page, with more checks, by
    tests/translations/test_lang_of_parts.py (slow lane)."""
    language = "fr"
    pages = Page.objects.live().filter(locale__language_code=language, depth__gt=1).specific()
    rendered_types = set()
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, f"{page.url} answered {response.status_code}"
        assert one(parse(response), "html")["lang"] == language
        rendered_types.add(type(page).__name__)
    assert {"HomePage", "StandardPage"} <= rendered_types


@pytest.mark.parametrize(
    ("language", "title"),
    [
        ("fr", "Page introuvable"),
        ("de", "Seite nicht gefunden"),
        ("it", "Pagina non trovata"),
        ("en", "Page not found"),
    ],
)
def test_unknown_path_gives_a_styled_404_in_the_right_language(client, language, title):
    response = client.get(f"/{language}/cette-page-n-existe-pas/")
    assert response.status_code == 404
    soup = parse(response)
    assert text_of(one(soup, "main h1")) == title
    one(soup, "header.site-header")
    assert one(soup, "html")["lang"] == language


def test_language_switcher_links_to_translations_and_falls_back_to_home(client, home_page):
    french_only = StandardPage(title="Seulement en français", slug="seulement-fr")
    home_page.add_child(instance=french_only)
    french_only.save_revision().publish()
    soup = parse(client.get("/fr/seulement-fr/"))
    # No German page yet: the German link goes to the German home page.
    german = one(soup, 'nav.language-switcher a[hreflang="de"]')
    assert german["href"] == "/de/" and german["lang"] == "de"
    assert german["class"] == ["language-switcher__missing"]

    soup = parse(client.get("/fr/association/"))
    german = one(soup, 'nav.language-switcher a[hreflang="de"]')
    assert german["href"] == "/de/association/" and german["lang"] == "de"
    assert not german.has_attr("class")


HREFLANG_LINKS = 'head link[rel="alternate"][hreflang]'


def test_hreflang_lists_only_real_translations(client):
    # "L'association" is translated (translations/demo.py); "Contact" is not.
    soup = parse(client.get("/fr/association/"))
    alternates = {(link["hreflang"], link["href"]) for link in soup.select(HREFLANG_LINKS)}
    assert ("fr", f"{SITE}/fr/association/") in alternates
    assert "x-default" in {language for language, _ in alternates}
    assert ("de", f"{SITE}/de/association/") in alternates
    soup = parse(client.get("/fr/contact/"))
    alternates = {(link["hreflang"], link["href"]) for link in soup.select(HREFLANG_LINKS)}
    assert ("fr", f"{SITE}/fr/contact/") in alternates
    # The German page is an untranslated alias: it is not announced to search engines.
    assert not soup.select('[rel="alternate"][hreflang="de"]')


def test_alias_pages_mark_their_content_with_the_source_language(client):
    soup = parse(client.get("/de/contact/"))
    assert one(soup, "html")["lang"] == "de"
    assert one(soup, 'main#main.container[tabindex="-1"]')["lang"] == "fr"
    translated = parse(client.get("/de/association/"))
    assert one(translated, 'main#main.container[tabindex="-1"]')["lang"] == "de"


def test_menu_and_footer_follow_the_language(client):
    german = parse(client.get("/de/"))
    menu = {text_of(link): link["href"] for link in german.select("nav.main-nav a")}
    assert menu["Der Verein"] == "/de/association/"
    assert "Impressum" in texts(german, "footer.site-footer nav.site-footer__links a")
    italian = parse(client.get("/it/"))
    assert "L'associazione" in texts(italian, "nav.main-nav a")


def test_standard_page_queries_do_not_grow_with_menu_or_body(client, home_page, locales):
    menu = MainMenu.objects.get(locale=locales["fr"])
    about = home_page.get_children().get(slug="association")

    def add_content():
        for index in range(5):
            menu.add_link(f"Groupe {index % 2}", f"Lien {index}", page=about)

    assert_query_count_does_not_grow(client, "/fr/contact/", add_content, budget=6)


def test_home_page_queries_are_bounded(client, home_page):
    def add_content():
        for index in range(5):
            page = StandardPage(
                title=f"Page {index}", slug=f"page-budget-{index}-{Page.objects.count()}"
            )
            home_page.add_child(instance=page)
            page.save_revision().publish()

    assert_query_count_does_not_grow(client, "/fr/", add_content, budget=12)


def test_healthcheck_reports_the_database():
    response = Client(HTTP_HOST="localhost").get("/healthz")
    assert response.json() == {"status": "ok"}


def test_languages_are_the_four_of_the_association():
    assert [code for code, _ in settings.LANGUAGES] == ["fr", "de", "it", "en"]
    assert settings.LANGUAGE_CODE == "fr"
