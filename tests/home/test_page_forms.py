"""Page edit forms offer choices a volunteer can read: taxonomy terms and pages as checkboxes,
in the page's language, each once."""

import pytest
from django.urls import reverse
from wagtail.models import Locale, Page

from taxonomy.models import Lever
from tests.factories import EditorFactory, LeverFactory
from tests.html import parse, text_of
from tools.models import ToolIndexPage, ToolPage

pytestmark = pytest.mark.django_db


def french_tool_index():
    return ToolIndexPage.objects.get(locale__language_code="fr")


def add_tool_form(client):
    client.force_login(EditorFactory())
    url = reverse("wagtailadmin_pages:add", args=["tools", "toolpage", french_tool_index().pk])
    response = client.get(url)
    assert response.status_code == 200
    return parse(response)


def test_levers_are_checkboxes_of_the_published_french_terms(client):
    LeverFactory(name="Levier en attente", slug="levier-en-attente", live=False)
    soup = add_tool_form(client)
    assert not soup.select("select[name=levers]")
    boxes = soup.select("input[type=checkbox][name=levers]")
    french = Lever.objects.filter(locale__language_code="fr", live=True)
    assert sorted(int(box["value"]) for box in boxes) == sorted(french.values_list("pk", flat=True))
    labels = [text_of(box.find_parent("label")) for box in boxes]
    assert sorted(labels) == sorted(french.values_list("name", flat=True))
    assert "Levier en attente" not in labels


def test_related_tools_are_the_tools_of_the_pages_language_once_each(client):
    soup = add_tool_form(client)
    boxes = soup.select("input[type=checkbox][name=related_tools]")
    french = ToolPage.objects.filter(locale__language_code="fr")
    assert sorted(int(box["value"]) for box in boxes) == sorted(french.values_list("pk", flat=True))
    labels = [text_of(box.find_parent("label")) for box in boxes]
    assert len(labels) == len(set(labels))
    numbered = french.exclude(sheet_number="").first()
    assert f"{numbered.sheet_number} · {numbered.title}" in labels


def test_a_german_page_shows_the_terms_in_german():
    german_index = Page.objects.get(
        locale__language_code="de", translation_key=french_tool_index().translation_key
    )
    form_class = ToolPage.get_edit_handler().get_form_class()
    form = form_class(instance=ToolPage(locale=german_index.locale), parent_page=german_index)
    field = form.fields["levers"]
    german_names = {
        lever.translation_key: lever.name
        for lever in Lever.objects.filter(locale=Locale.objects.get(language_code="de"))
    }
    shown = {term.translation_key: label for term, label in _choices(field)}
    assert shown and all(shown[key] == german_names[key] for key in shown)
    related = {term.locale.language_code for term, _label in _choices(form.fields["related_tools"])}
    assert related == {"de"}


def _choices(field):
    return [(field.queryset.get(pk=value.value), label) for value, label in field.choices]
