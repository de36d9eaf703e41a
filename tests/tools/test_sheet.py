"""A tool sheet shows its fields, instruments, related tools and other domains' sections."""

import pytest
from django.core.exceptions import ValidationError
from wagtail import hooks

from core.sections import Section, section_hook
from tests.factories import ToolPageFactory
from tests.html import one, parse, text_of, texts
from tools.models import ToolPage

pytestmark = pytest.mark.django_db

CANVAS = "/fr/outils/02a-canevas-du-modele-socio-economique/"


def test_the_sheet_shows_its_fields_in_order(client):
    sheet = one(parse(client.get(CANVAS)), "article.tool-sheet")
    headings = [
        "L'outil en bref",
        "Pour qui",
        "Raisons de l'utiliser",
        "Résultats et impacts attendus",
        "Mode d'emploi",
        "Instruments à télécharger",
        "Crédits et licence",
    ]
    assert [heading for heading in texts(sheet, "h2") if heading in headings] == headings
    assert text_of(one(sheet, "header p.tool-sheet__number")) == "Fiche 02a"
    assert "2 à 3 heures, 2 à 4 fois" in texts(one(sheet, "dl.tool-facts"), "dd")
    one(sheet, 'section ol.tool-steps[start="1"]')
    assert sheet.select("section aside.notice.tool-tip")


def test_the_sheet_credits_authors_and_shows_the_licence_badge_and_link(client):
    credits = one(parse(client.get(CANVAS)), "article.tool-sheet footer.tool-sheet__credits")
    licence = one(credits, "p.tool-licence > a")
    assert licence["href"] == "https://creativecommons.org/licenses/by-sa/4.0/"
    assert licence["rel"] == ["license"]
    assert one(licence, "img")["src"].endswith("tools/img/licence-cc-by-sa-4.0.svg")
    tool = ToolPage.objects.get(sheet_number="02a", locale__language_code="fr")
    for name in tool.author_names:
        assert name in text_of(credits)


def test_instruments_show_format_size_licence_and_download_count(client):
    instruments = one(parse(client.get(CANVAS)), "article.tool-sheet ul.tool-instruments")
    links = instruments.select(":scope > li > a:first-child")
    assert "Affiche du canevas (A0)" in [text_of(link) for link in links]
    assert all(link["href"].startswith("/tools/download/") for link in links)
    details = " ".join(texts(instruments, ":scope > li"))
    assert "PDF," in details and "ODT," in details
    assert "Téléchargé 0 fois." in details


def test_the_status_line_welcomes_comments(client):
    # The sheet's own status line, or the fuller one of the contributions section.
    sheet = one(parse(client.get(CANVAS)), "article.tool-sheet")
    status = one(sheet, "header p.tool-sheet__status, section p.tool-pipeline__status")
    assert "restent les bienvenus" in text_of(status)


def test_related_tools_show_in_both_directions(client):
    # 02a points at 01; 02b and others point at 02a.
    related = one(parse(client.get(CANVAS)), 'section[aria-labelledby="tool-related"]')
    links = [link["href"] for link in related.select("li > a")]
    assert "/fr/outils/01-le-test-de-lentrepreneur-social/" in links
    assert "/fr/outils/02b-canevas-du-modele-deuxieme-niveau/" in links
    german = parse(client.get("/de/outils/02a-canevas-du-modele-socio-economique/"))
    related = one(german, 'section[aria-labelledby="tool-related"]')
    assert "/de/outils/02b-canevas-du-modele-deuxieme-niveau/" in [
        link["href"] for link in related.select("li > a")
    ]
    # Nothing from the related tools to the end of the page points to the French library.
    assert not [
        element for element in related.find_all_next(href=True) if "/fr/outils/" in element["href"]
    ]


def test_the_sheet_renders_sections_registered_by_other_domains(client):
    seen = []
    shown = Section(
        "test_section",
        "tools/includes/instructions.html",
        get_context=lambda page, request: {"groups": []},
    )
    hidden = Section(
        "test_seen",
        "tools/includes/instructions.html",
        get_context=lambda page, request: seen.append(page.pk),
    )
    hook = section_hook("tool_sheet")
    with (
        hooks.register_temporarily(hook, lambda: shown, order=1),
        hooks.register_temporarily(hook, lambda: hidden, order=2),
    ):
        assert client.get(CANVAS).status_code == 200
    assert len(seen) == 1


def test_sheet_numbers_are_unique_in_a_language(library):
    clash = ToolPage(title="Doublon", slug="doublon", sheet_number="02a", summary="x")
    clash.locale = library.locale
    with pytest.raises(ValidationError) as error:
        clash.clean()
    assert "sheet_number" in error.value.message_dict


def test_a_new_sheet_appears_in_the_library(client, library):
    ToolPageFactory(parent=library, title="Outil tout neuf", sheet_number="99z", aliases=False)
    cards = parse(client.get("/fr/outils/?sort=newest")).select("li.tool-card > h3 > a")
    assert "99z Outil tout neuf" in [text_of(card) for card in cards]
