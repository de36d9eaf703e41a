"""The main menu: five groups (Outils, Se former, Agenda, Prestataires, L'association) that
editors control in the admin, in every language; each group a disclosure over its links, plain
links without JavaScript; computed once and cached until the menu changes."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Page

from core.cache import CHROME, versions
from home.models import MainMenu
from tests.factories import StandardPageFactory
from tests.html import one, parse, text_of, texts

pytestmark = pytest.mark.django_db

GROUPS = {
    "fr": ["Outils", "Se former", "Agenda", "Prestataires", "L'association"],
    "de": ["Werkzeuge", "Weiterbildung", "Agenda", "Fachleute", "Der Verein"],
    "it": ["Strumenti", "Formarsi", "Agenda", "Consulenti", "L'associazione"],
    "en": ["Tools", "Learn", "Calendar", "Providers", "The association"],
}


def top_level_names(soup):
    return [
        text_of(item.find(["button", "a"]))
        for item in soup.select("nav.main-nav .main-nav__groups > li")
    ]


@pytest.mark.parametrize("language", ["fr", "de", "it", "en"])
def test_every_language_shows_the_five_groups_in_order(client, language):
    soup = parse(client.get(f"/{language}/"))

    assert top_level_names(soup) == GROUPS[language]


def test_a_group_is_a_button_that_controls_the_list_of_its_links(client):
    soup = parse(client.get("/fr/"))

    toggle = soup.select("nav.main-nav button.main-nav__toggle")[0]
    assert text_of(toggle) == "Outils"
    assert toggle["aria-expanded"] == "false"
    links = one(soup, f"ul#{toggle['aria-controls']}")
    assert texts(links, "a") == [
        "Bibliothèque d'outils",
        "Fils rouges",
        "Modèles partagés",
        "Autodiagnostic",
    ]
    # Without JavaScript the group's name stays visible above its links, which name the list.
    label = one(soup, f"#{links['aria-labelledby']}")
    assert text_of(label) == "Outils"


def test_a_group_with_a_single_link_is_that_link(client):
    soup = parse(client.get("/fr/"))

    providers = [
        item
        for item in soup.select("nav.main-nav .main-nav__groups > li")
        if "Prestataires" in text_of(item)
    ][0]
    assert providers.find("button") is None
    assert one(providers, "a")["href"] == "/fr/prestataires/"


def test_the_page_shown_marks_its_link_and_the_group_of_its_section(client):
    tool_index = Page.objects.get(slug="outils", locale__language_code="fr")
    tool = tool_index.get_children().live().first()

    on_the_index = parse(client.get(tool_index.url))
    assert text_of(one(on_the_index, 'nav.main-nav a[aria-current="page"]')) == (
        "Bibliothèque d'outils"
    )
    on_a_sheet = parse(client.get(tool.url))
    assert on_a_sheet.select('nav.main-nav a[aria-current="page"]') == []
    assert texts(on_a_sheet, "nav.main-nav .main-nav__top--current") == ["Outils"]


def test_a_link_to_an_unpublished_page_leaves_its_group_and_an_emptied_group_goes(client, locales):
    page = StandardPageFactory(title="Nos statuts", slug="nos-statuts")
    menu = MainMenu.objects.get(locale=locales["fr"])
    menu.add_link("Gouvernance", "Nos statuts", page=page)
    assert "Gouvernance" in top_level_names(parse(client.get("/fr/")))

    page.unpublish()

    assert "Gouvernance" not in top_level_names(parse(client.get("/fr/")))


def test_the_menu_costs_no_query_once_cached_and_an_edit_shows_on_the_next_request(client, locales):
    client.get("/fr/contact/")
    with CaptureQueriesContext(connection) as warm:
        client.get("/fr/contact/")
    assert not [query for query in warm.captured_queries if "home_mainmenu" in query["sql"]]
    version = versions((CHROME,))[0]

    menu = MainMenu.objects.get(locale=locales["fr"])
    menu.add_link("Outils", "Site de modélisation", url="https://my-sbm-design.example.org")

    assert versions((CHROME,))[0] > version
    soup = parse(client.get("/fr/contact/"))
    outils = one(soup, "#main-nav-1")
    assert "Site de modélisation" in texts(outils, "a")


def test_a_menu_in_another_language_leads_to_that_languages_pages(client, locales):
    MainMenu.objects.filter(locale=locales["it"]).delete()

    soup = parse(client.get("/it/"))

    # The French menu stands in, its links lead to the Italian pages.
    assert top_level_names(soup) == GROUPS["fr"]
    assert {link["href"] for link in soup.select("nav.main-nav a")} >= {"/it/outils/"}


def test_editors_edit_the_groups_in_the_admin(admin_client, locales):
    menu = MainMenu.objects.get(locale=locales["fr"])

    response = admin_client.get(reverse("wagtailsnippets_home_mainmenu:edit", args=[menu.pk]))

    assert response.status_code == 200
    assert "Se former" in response.content.decode()


@pytest.mark.django_db(transaction=True)
def test_the_migration_puts_flat_links_into_groups_and_back():
    executor = MigrationExecutor(connection)
    executor.migrate([("home", "0005_french_group_names")])
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT item.label FROM home_mainmenuitem item JOIN home_mainmenu menu "
            "ON item.menu_id = menu.id JOIN wagtailcore_locale locale "
            "ON menu.locale_id = locale.id WHERE locale.language_code = 'fr' "
            "ORDER BY item.sort_order"
        )
        flat = [row[0] for row in cursor.fetchall()]
    assert flat[:2] == ["Bibliothèque d'outils", "Fils rouges"]

    executor = MigrationExecutor(connection)
    executor.migrate([("home", "0007_remove_flat_menu_items")])

    german = MainMenu.objects.get(locale__language_code="de")
    assert [group.value["label"] for group in german.groups] == GROUPS["de"]
    tools = german.groups[0].value["links"]
    assert [link["label"] for link in tools][0] == "Werkzeugbibliothek"
