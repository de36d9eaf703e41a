"""The "help wanted" page: tools that need an example, a review or a translation."""

import pytest
from django.urls import reverse
from django.utils import translation

from tests.factories import ToolPageFactory, UsageExampleFactory
from tests.html import parse
from tests.query_budget import assert_query_count_does_not_grow
from tools.models import ToolPage, ToolStatus

pytestmark = pytest.mark.django_db


def help_url(language="fr"):
    with translation.override(language):
        return reverse("contributions:help_wanted")


def test_a_tool_without_an_approved_example_asks_for_one(client, tool):
    response = client.get(help_url())
    assert response.status_code == 200
    entries = [entry["source"].pk for entry in response.context["needs_examples"]]
    assert tool.pk in entries
    UsageExampleFactory(tool=tool)
    response = client.get(help_url())
    assert tool.pk not in [entry["source"].pk for entry in response.context["needs_examples"]]


def test_tools_in_proposal_or_revision_ask_for_a_review(client, tool):
    revised = ToolPageFactory(status=ToolStatus.IN_REVISION)
    response = client.get(help_url())
    review = [entry["source"].pk for entry in response.context["needs_review"]]
    assert revised.pk in review
    assert tool.pk not in review


def test_a_tool_only_aliased_in_a_language_asks_for_a_translation(client, tool):
    response = client.get(help_url("en"))
    groups = {
        group["locale"].language_code: group for group in response.context["needs_translation"]
    }
    assert tool.pk in [entry["source"].pk for entry in groups["de"]["entries"]]
    german = ToolPage.objects.get(translation_key=tool.translation_key, locale__language_code="de")
    german.alias_of = None
    german.title = "Werkzeug"
    german.save()
    response = client.get(help_url("en"))
    groups = {
        group["locale"].language_code: group for group in response.context["needs_translation"]
    }
    assert "de" not in groups or tool.pk not in [e["source"].pk for e in groups["de"]["entries"]]
    assert tool.pk in [entry["source"].pk for entry in groups["it"]["entries"]]


def test_the_page_links_to_the_sheet_and_its_forms_in_the_visitors_language(client, tool):
    german = ToolPage.objects.get(translation_key=tool.translation_key, locale__language_code="de")
    sections = parse(client.get(help_url("de"))).select("main section.help-wanted")
    links = [link["href"] for section in sections for link in section.select("li > a")]
    assert german.get_url() in links
    assert f"/de/contribuer/outils/{german.pk}/exemple/" in links
    assert f"/de/contribuer/outils/{german.pk}/traduction/" in links


@pytest.mark.parametrize("language", ["fr", "de", "it", "en"])
def test_the_help_page_query_count_does_not_grow_with_the_library(client, tool, language):
    url = help_url(language)

    def add_tool():
        ToolPageFactory()
        client.get(url)  # Publishing refreshes the cached site chrome (footer); re-warm it.

    assert_query_count_does_not_grow(client, url, add_tool, budget=12)


def test_the_help_page_query_count_does_not_grow_with_examples(client, tool):
    assert_query_count_does_not_grow(client, help_url(), lambda: UsageExampleFactory(tool=tool))


@pytest.mark.parametrize("kind", ["example", "comment", "revision", "translation"])
def test_the_form_pages_have_a_fixed_query_count(client, tool, kind):
    with translation.override("fr"):
        url = reverse(f"contributions:{kind}", kwargs={"tool_id": tool.pk})
    assert_query_count_does_not_grow(
        client, url, lambda: (ToolPageFactory(), UsageExampleFactory(tool=tool)), budget=12
    )


def test_the_proposal_form_has_a_fixed_query_count(client, tool):
    with translation.override("fr"):
        url = reverse("contributions:propose_tool")
    assert_query_count_does_not_grow(client, url, ToolPageFactory, budget=12)
