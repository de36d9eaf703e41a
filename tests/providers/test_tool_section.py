"""Each tool sheet lists the providers of its language who practised the tool."""

import pytest
from django.test import RequestFactory
from wagtail.models import Locale, Page

from core.i18n import sync_locale_trees
from core.sections import sections_for
from tests.factories import ProviderPageFactory, ToolPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def tool(index):
    return ToolPageFactory(title="Canevas", sheet_number="98y", summary="Outil.", aliases=False)


def providers_section(page):
    request = RequestFactory().get("/")
    sections = {s["name"]: s for s in sections_for("tool_sheet", page, request)}
    return sections.get("providers")


def test_a_tool_without_providers_has_no_section(tool):
    assert providers_section(tool) is None


def test_the_section_lists_live_providers_who_practised_the_tool(index, tool):
    ProviderPageFactory(parent=index, title="Praticienne", tools=[tool])
    ProviderPageFactory(
        parent=index, title="Brouillon", tools=[tool], publish=False, revision=False
    )
    ProviderPageFactory(parent=index, title="Autre outil")
    section = providers_section(tool)
    assert section["template"] == "providers/includes/tool_providers.html"
    assert [p.title for p in section["context"]["providers"]] == ["Praticienne"]


def test_the_german_sheet_lists_the_german_profiles(index, tool):
    provider = ProviderPageFactory(parent=index, title="Praticienne", tools=[tool])
    sync_locale_trees()
    german = Locale.objects.get(language_code="de")
    german_tool = Page.objects.get(translation_key=tool.translation_key, locale=german).specific
    providers = providers_section(german_tool)["context"]["providers"]
    assert [p.locale_id for p in providers] == [german.pk]
    assert providers[0].translation_key == provider.translation_key
