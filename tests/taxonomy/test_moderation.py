"""Taxonomy changes go through the "Modération" workflow: an editor's change to a term, or a new
term, reaches visitors only once a moderator approves it."""

import pytest
from django.urls import reverse
from wagtail.models import Locale, WorkflowContentType

from home.roles import MODERATION_WORKFLOW
from taxonomy.models import Audience, Lever, Phase, Theme
from tests.factories import EditorFactory, ModeratorFactory

pytestmark = pytest.mark.django_db


def lever_form(lever, **changes):
    data = {
        "name": lever.name,
        "slug": lever.slug,
        "description": lever.description,
        "sort_order": lever.sort_order,
    }
    data.update(changes)
    return data


def french_lever():
    return Lever.objects.filter(locale__language_code="fr").order_by("pk").first()


@pytest.mark.parametrize("model", [Lever, Phase, Audience, Theme])
def test_every_taxonomy_goes_through_moderation(model):
    attached = WorkflowContentType.objects.get(content_type__model=model._meta.model_name)
    assert attached.workflow.name == MODERATION_WORKFLOW


def test_an_editors_change_waits_for_a_moderator(client):
    lever = french_lever()
    published_name = lever.name
    client.force_login(EditorFactory())
    edit_url = reverse(Lever.snippet_viewset.get_url_name("edit"), args=[lever.pk])
    response = client.post(
        edit_url,
        {**lever_form(lever, name="Ressources humaines (révisé)"), "action-submit": "Soumettre"},
    )
    assert response.status_code == 302
    lever.refresh_from_db()
    assert lever.name == published_name, "the row keeps the published version"
    assert lever.has_unpublished_changes
    assert lever.workflow_in_progress

    # Visitors still see the published name.
    tools = client.get("/fr/outils/")
    assert "Ressources humaines (révisé)" not in tools.content.decode()

    client.force_login(ModeratorFactory())
    state = lever.current_workflow_task_state
    approve_url = reverse(
        Lever.snippet_viewset.get_url_name("workflow_action"),
        args=[lever.pk, "approve", state.pk],
    )
    response = client.post(approve_url, {"comment": ""})
    assert response.status_code in (200, 302)
    lever.refresh_from_db()
    assert lever.name == "Ressources humaines (révisé)"
    assert lever.live and not lever.workflow_in_progress


def test_an_editor_cannot_publish_a_term_directly(client):
    lever = french_lever()
    client.force_login(EditorFactory())
    edit_url = reverse(Lever.snippet_viewset.get_url_name("edit"), args=[lever.pk])
    client.post(
        edit_url, {**lever_form(lever, name="Publié sans relecture"), "action-publish": "Publier"}
    )
    lever.refresh_from_db()
    assert lever.name != "Publié sans relecture"


def test_a_new_term_is_invisible_to_visitors_until_published(client):
    client.force_login(EditorFactory())
    add_url = reverse(Lever.snippet_viewset.get_url_name("add"))
    response = client.post(
        add_url,
        {
            "name": "Levier en attente",
            "slug": "levier-en-attente",
            "description": "",
            "sort_order": 9,
            "locale": "fr",
            "action-submit": "Soumettre",
        },
    )
    assert response.status_code == 302
    term = Lever.objects.get(slug="levier-en-attente")
    assert not term.live
    assert term.locale == Locale.get_default()
    client.logout()
    assert "levier-en-attente" not in client.get("/fr/outils/").content.decode()
    assert "levier-en-attente" not in client.get("/api/v2/levers/").content.decode()
