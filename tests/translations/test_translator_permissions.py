"""Translators work in their own language only: pages through the translation editor, snippets."""

import json

import pytest
from django.urls import reverse
from wagtail.models import Page

from taxonomy.models import Lever
from tests.factories import EditorFactory, TranslatorFactory
from tests.html import one, parse

pytestmark = pytest.mark.django_db

EDITOR_TEMPLATE = "wagtail_localize/admin/edit_translation.html"


def german_about_page():
    return Page.objects.get(slug="association", locale__language_code="de")


def test_german_translator_opens_the_translation_editor_of_a_german_page(client):
    client.force_login(TranslatorFactory(language_code="de"))
    response = client.get(reverse("wagtailadmin_pages:edit", args=[german_about_page().pk]))
    assert response.status_code == 200
    assert EDITOR_TEMPLATE in [template.name for template in response.templates]
    editor = one(parse(response), "div.js-translation-editor[data-props]")
    assert json.loads(editor["data-props"])["object"]["title"] == "Der Verein"


def test_italian_translator_cannot_open_a_german_page(client):
    client.force_login(TranslatorFactory(language_code="it"))
    response = client.get(reverse("wagtailadmin_pages:edit", args=[german_about_page().pk]))
    assert response.status_code in (302, 403)
    assert EDITOR_TEMPLATE not in [template.name for template in response.templates or []]


def test_translators_do_not_publish_german_pages_themselves():
    # Not in another language, and not in their own: a second translator approves instead.
    page = german_about_page()
    assert not page.permissions_for_user(TranslatorFactory(language_code="it")).can_publish()
    assert not page.permissions_for_user(TranslatorFactory(language_code="de")).can_publish()


def _lever_edit_url(language_code):
    lever = Lever.objects.filter(locale__language_code=language_code).first()
    return reverse(Lever.snippet_viewset.get_url_name("edit"), args=[lever.pk])


def test_translator_edits_a_snippet_in_their_own_language(client):
    client.force_login(TranslatorFactory(language_code="de"))
    assert client.get(_lever_edit_url("de")).status_code == 200


@pytest.mark.parametrize("language_code", ["it", "fr"])
def test_translator_cannot_edit_a_snippet_of_another_language(client, language_code):
    client.force_login(TranslatorFactory(language_code="de"))
    response = client.get(_lever_edit_url(language_code))
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")


def test_editors_edit_snippets_in_the_source_language_only(client):
    client.force_login(EditorFactory())
    assert client.get(_lever_edit_url("fr")).status_code == 200
    assert client.get(_lever_edit_url("it")).status_code == 302
