"""Pages in a private section stay out of the listings, without a query of their own."""

import pytest
from wagtail.models import Page, PageViewRestriction

from core.public_pages import public
from tests.factories import ToolPageFactory
from tests.factories.tools import demo_library
from tests.html import parse, texts

pytestmark = pytest.mark.django_db

CARDS = "section.tool-results ul.tool-cards > li.tool-card > h3 > a"


@pytest.fixture
def library(db):
    return demo_library()


def test_public_excludes_a_restricted_page_and_its_descendants_like_wagtail(library):
    private_sheet = ToolPageFactory(parent=library, bare=True, title="Fiche réservée")
    PageViewRestriction.objects.create(page=library, restriction_type="login")
    ToolPageFactory(parent=library.get_parent(), bare=True, title="Fiche voisine")

    assert set(public(Page.objects.all())) == set(Page.objects.public())
    assert not public(Page.objects.filter(pk__in=[library.pk, private_sheet.pk])).exists()
    assert public(Page.objects.filter(title="Fiche voisine")).exists()


def test_a_sheet_in_a_private_section_is_not_listed_in_the_library(client, library):
    ToolPageFactory(parent=library, bare=True, title="Fiche publique", sheet_number="000a")
    hidden = ToolPageFactory(parent=library, bare=True, title="Fiche réservée", sheet_number="000b")
    PageViewRestriction.objects.create(page=hidden, restriction_type="login")

    titles = " ".join(texts(parse(client.get("/fr/outils/")), CARDS))

    assert "Fiche publique" in titles
    assert "Fiche réservée" not in titles
