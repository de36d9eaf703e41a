"""Each tool sheet lists the providers of its language who practised the tool."""

import pytest
from django.test import RequestFactory
from wagtail.models import Locale, Page

from home.sections import sections_for
from tests.providers.conftest import make_provider

pytestmark = pytest.mark.django_db


@pytest.fixture
def tool(index):
    from tools.models import ToolIndexPage, ToolPage

    home = index.get_parent()
    library = ToolIndexPage.objects.filter(locale=index.locale).first()
    if library is None:
        library = ToolIndexPage(title="Outils", slug="outils-essai")
        home.add_child(instance=library)
    tool = ToolPage(title="Canevas", slug="canevas-essai", sheet_number="98y", summary="Outil.")
    library.add_child(instance=tool)
    tool.save_revision().publish()
    return tool


def providers_section(page):
    request = RequestFactory().get("/")
    sections = {s["name"]: s for s in sections_for("tool_sheet", page, request)}
    return sections.get("providers")


def test_a_tool_without_providers_has_no_section(tool):
    assert providers_section(tool) is None


def test_the_section_lists_live_providers_who_practised_the_tool(index, tool):
    make_provider(index, title="Praticienne", tools=[tool])
    make_provider(index, title="Brouillon", tools=[tool], publish=False)
    make_provider(index, title="Autre outil")
    section = providers_section(tool)
    assert section["template"] == "providers/includes/tool_providers.html"
    assert [p.title for p in section["context"]["providers"]] == ["Praticienne"]


def test_the_german_sheet_lists_the_german_profiles(index, tool):
    from home.i18n import sync_locale_trees

    provider = make_provider(index, title="Praticienne", tools=[tool])
    sync_locale_trees()
    german = Locale.objects.get(language_code="de")
    german_tool = Page.objects.get(translation_key=tool.translation_key, locale=german).specific
    providers = providers_section(german_tool)["context"]["providers"]
    assert [p.locale_id for p in providers] == [german.pk]
    assert providers[0].translation_key == provider.translation_key
