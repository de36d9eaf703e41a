"""Every page type renders in every locale; the chrome follows the visitor's language."""

import pytest
from django.conf import settings
from wagtail.models import Page

from home.models import StandardPage
from tests.conftest import LANGUAGE_CODES
from tests.query_budget import assert_query_count_does_not_grow

pytestmark = pytest.mark.django_db


def test_root_redirects_to_a_language(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] in {f"/{code}/" for code in LANGUAGE_CODES}


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_every_live_page_type_renders_in_every_language(client, language):
    pages = Page.objects.live().filter(locale__language_code=language, depth__gt=1).specific()
    rendered_types = set()
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, f"{page.url} answered {response.status_code}"
        assert f'<html lang="{language}">' in response.content.decode()
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
    html = response.content.decode()
    assert f"<h1>{title}</h1>" in html
    assert 'class="site-header"' in html
    assert f'<html lang="{language}">' in html


def test_language_switcher_links_to_translations_and_falls_back_to_home(client, home_page):
    french_only = StandardPage(title="Seulement en français", slug="seulement-fr")
    home_page.add_child(instance=french_only)
    french_only.save_revision().publish()
    html = client.get("/fr/seulement-fr/").content.decode()
    # No German page yet: the German link goes to the German home page.
    assert 'href="/de/" lang="de" hreflang="de" class="language-switcher__missing"' in html

    html = client.get("/fr/association/").content.decode()
    assert 'href="/de/association/" lang="de"' in html


def test_hreflang_lists_only_real_translations(client):
    # "L'association" is translated (translations/demo.py); "Contact" is not.
    html = client.get("/fr/association/").content.decode()
    assert 'hreflang="fr" href="http://localhost/fr/association/"' in html
    assert 'hreflang="x-default"' in html
    assert 'rel="alternate" hreflang="de" href="http://localhost/de/association/"' in html
    html = client.get("/fr/contact/").content.decode()
    assert 'hreflang="fr" href="http://localhost/fr/contact/"' in html
    # The German page is an untranslated alias: it is not announced to search engines.
    assert 'rel="alternate" hreflang="de"' not in html


def test_alias_pages_mark_their_content_with_the_source_language(client):
    html = client.get("/de/contact/").content.decode()
    assert '<html lang="de">' in html
    assert '<main id="main" tabindex="-1" class="container" lang="fr">' in html
    translated = client.get("/de/association/").content.decode()
    assert '<main id="main" tabindex="-1" class="container" lang="de">' in translated


def test_menu_and_footer_follow_the_language(client):
    german = client.get("/de/").content.decode()
    assert "Der Verein" in german
    assert 'href="/de/association/"' in german
    assert "Impressum" in german
    italian = client.get("/it/").content.decode()
    assert "L&#x27;associazione" in italian


def test_standard_page_queries_do_not_grow_with_menu_or_body(client, home_page, locales):
    from home.models import MainMenu, MainMenuItem

    menu = MainMenu.objects.get(locale=locales["fr"])
    about = home_page.get_children().get(slug="association")

    def add_content():
        for index in range(5):
            MainMenuItem.objects.create(
                menu=menu, label=f"Lien {index}", link_page=about, sort_order=50 + index
            )

    assert_query_count_does_not_grow(client, "/fr/contact/", add_content, budget=30)


def test_home_page_queries_are_bounded(client, home_page):
    def add_content():
        for index in range(5):
            page = StandardPage(
                title=f"Page {index}", slug=f"page-budget-{index}-{Page.objects.count()}"
            )
            home_page.add_child(instance=page)
            page.save_revision().publish()

    assert_query_count_does_not_grow(client, "/fr/", add_content, budget=30)


def test_healthcheck_reports_the_database():
    from django.test import Client

    response = Client(HTTP_HOST="localhost").get("/healthz")
    assert response.json() == {"status": "ok"}


def test_languages_are_the_four_of_the_association():
    assert [code for code, _ in settings.LANGUAGES] == ["fr", "de", "it", "en"]
    assert settings.LANGUAGE_CODE == "fr"
