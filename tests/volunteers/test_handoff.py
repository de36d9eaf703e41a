"""After a workflow action, the volunteer is told what happens next and who acts
(volunteers/handoff.py): from the dashboard's buttons and from the editor."""

from html import unescape

import pytest
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation

from home.roles import MODERATORS, PUBLICATION_TASK
from tests.factories import EditorFactory, ModeratorFactory, ReviewerFactory, ToolPageFactory
from volunteers import handoff

pytestmark = pytest.mark.django_db
NNBSP = "\u202f"


def french(text):
    """A message as read on screen (Wagtail escapes it as HTML), with plain spaces."""
    return unescape(text).replace(NNBSP, " ").strip()


def submitted_sheet(title):
    editor = EditorFactory(first_name="Edith")
    sheet = ToolPageFactory(title=title, publish=False, owner=editor)
    sheet.save_revision(user=editor)
    sheet.get_workflow().start(sheet, editor)
    return sheet


def act_from_the_dashboard(client, user, sheet, action):
    client.force_login(user)
    task_state = sheet.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[sheet.pk, action, task_state.pk])
    response = client.post(url, {"comment": "Merci de préciser la durée."}, follow=True)
    assert response.status_code == 200
    return [french(str(message)) for message in get_messages(response.wsgi_request)]


def test_a_reviewer_who_approves_learns_which_team_publishes_next(client):
    sheet = submitted_sheet("Boussole des alliances")
    said = act_from_the_dashboard(client, ReviewerFactory(), sheet, "approve")
    assert (
        f"« Boussole des alliances » passe à l’étape « {PUBLICATION_TASK} », assurée par : "
        f"{MODERATORS}. Ces personnes sont prévenues par e-mail ; vous n’avez plus rien à faire."
    ) in said


def test_a_moderator_who_approves_learns_that_the_sheet_is_on_the_site(client):
    sheet = submitted_sheet("Boussole des alliances")
    act_from_the_dashboard(client, ReviewerFactory(), sheet, "approve")
    sheet.refresh_from_db()
    said = act_from_the_dashboard(client, ModeratorFactory(), sheet, "approve")
    assert "« Boussole des alliances » est en ligne : visible dès maintenant sur le site." in said
    sheet.refresh_from_db()
    assert sheet.live


def test_changes_requested_go_back_to_the_author_by_name(client):
    sheet = submitted_sheet("Boussole des alliances")
    said = act_from_the_dashboard(client, ReviewerFactory(), sheet, "reject")
    assert any(
        message.startswith("« Boussole des alliances » retourne à Edith, qui en est informé·e")
        for message in said
    )


def test_nothing_is_said_when_the_action_did_not_take_place(client):
    sheet = submitted_sheet("Boussole des alliances")
    client.force_login(EditorFactory())  # not a reviewer: Wagtail refuses the action
    task_state = sheet.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[sheet.pk, "approve", task_state.pk])
    response = client.post(url, follow=True)
    said = [french(str(message)) for message in get_messages(response.wsgi_request)]
    assert not any("passe à l’étape" in message for message in said)
    task_state.refresh_from_db()
    assert task_state.status == task_state.STATUS_IN_PROGRESS


def test_the_editor_says_it_after_a_workflow_action_and_only_then():
    sheet = submitted_sheet("Boussole des alliances")
    factory = RequestFactory()

    def told(post):
        request = factory.post("/admin/pages/", post)
        request.session = {}
        request._messages = FallbackStorage(request)
        with translation.override("en"):
            handoff.say_what_happens_next(request, sheet)
        return [str(message) for message in request._messages]

    assert told({"action-publish": "1"}) == []
    (message,) = told({handoff.WORKFLOW_ACTION_FIELD: "1", "workflow-action-name": "approve"})
    assert message.startswith("“Boussole des alliances” goes on to the step")
