"""A tool sheet shows its fields, instruments, related tools and other domains' sections."""

from html import unescape

import pytest
from django.core.exceptions import ValidationError

from home.sections import _SECTIONS, register_section
from tests.factories import ToolPageFactory
from tools.models import ToolPage

pytestmark = pytest.mark.django_db

CANVAS = "/fr/outils/02a-canevas-du-modele-socio-economique/"


def test_the_sheet_shows_its_fields_in_order(client):
    html = unescape(client.get(CANVAS).content.decode())
    headings = [
        "L'outil en bref",
        "Pour qui",
        "Raisons de l'utiliser",
        "Résultats et impacts attendus",
        "Mode d'emploi",
        "Instruments à télécharger",
        "Crédits et licence",
    ]
    positions = [html.index(heading) for heading in headings]
    assert positions == sorted(positions)
    assert "Fiche 02a" in html
    assert "2 à 3 heures, 2 à 4 fois" in html
    assert '<ol class="tool-steps" start="1">' in html
    assert 'class="notice tool-tip"' in html


def test_the_sheet_credits_authors_and_shows_the_licence_badge_and_link(client):
    html = client.get(CANVAS).content.decode()
    assert 'href="https://creativecommons.org/licenses/by-sa/4.0/" rel="license"' in html
    assert "tools/img/licence-cc-by-sa-4.0.svg" in html
    tool = ToolPage.objects.get(sheet_number="02a", locale__language_code="fr")
    for name in tool.author_names:
        assert name in html


def test_instruments_show_format_size_licence_and_download_count(client):
    html = client.get(CANVAS).content.decode()
    assert "Affiche du canevas (A0)" in html
    assert "PDF," in html and "ODT," in html
    assert "Téléchargé 0 fois." in html
    assert "/tools/download/" in html


def test_the_status_line_welcomes_comments(client):
    html = client.get(CANVAS).content.decode()
    assert "restent les bienvenus" in html


def test_related_tools_show_in_both_directions(client):
    # 02a points at 01; 02b and others point at 02a.
    html = client.get(CANVAS).content.decode()
    related = html[html.index('id="tool-related"') :]
    assert "/fr/outils/01-le-test-de-lentrepreneur-social/" in related
    assert "/fr/outils/02b-canevas-du-modele-deuxieme-niveau/" in related
    german = client.get("/de/outils/02a-canevas-du-modele-socio-economique/").content.decode()
    related = german[german.index('id="tool-related"') :]
    assert "/de/outils/02b-canevas-du-modele-deuxieme-niveau/" in related
    assert "/fr/outils/" not in related


def test_the_sheet_renders_sections_registered_by_other_domains(client):
    saved = list(_SECTIONS["tool_sheet"])
    try:
        register_section(
            "tool_sheet",
            "test_section",
            "tools/includes/instructions.html",
            get_context=lambda page, request: ({"groups": []}),
            order=1,
        )
        seen = []
        register_section(
            "tool_sheet",
            "test_seen",
            "tools/includes/instructions.html",
            get_context=lambda page, request: seen.append(page.pk),
            order=2,
        )
        assert client.get(CANVAS).status_code == 200
        assert len(seen) == 1
    finally:
        _SECTIONS["tool_sheet"] = saved


def test_sheet_numbers_are_unique_in_a_language(library):
    clash = ToolPage(title="Doublon", slug="doublon", sheet_number="02a", summary="x")
    clash.locale = library.locale
    with pytest.raises(ValidationError) as error:
        clash.clean()
    assert "sheet_number" in error.value.message_dict


def test_a_new_sheet_appears_in_the_library(client, library):
    ToolPageFactory(parent=library, title="Outil tout neuf", sheet_number="99z", aliases=False)
    assert "Outil tout neuf" in client.get("/fr/outils/?sort=newest").content.decode()
