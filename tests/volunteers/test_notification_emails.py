"""The e-mails volunteers receive greet them by their name and link straight to the item to act
on, on the site's public address (Wagtail's workflow notifications, overridden in
volunteers/templates/wagtailadmin/notifications/)."""

import pytest
from django.conf import settings
from django.test import override_settings
from django.urls import reverse

from core.people import greeting_name
from home.roles import MODERATION_WORKFLOW
from taxonomy.models import Lever
from tests.factories import (
    EditorFactory,
    LeverFactory,
    ModeratorFactory,
    ReviewerFactory,
    ToolPageFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("first_name", "last_name", "username", "expected"),
    [
        ("Rita", "Bianchi", "rbianchi", "Rita"),
        ("", "Bianchi", "rbianchi", "Bianchi"),
        ("  ", "", "rbianchi", "rbianchi"),
    ],
)
def test_a_person_is_greeted_by_first_name_then_full_name_then_username(
    first_name, last_name, username, expected
):
    person = UserFactory.build(first_name=first_name, last_name=last_name, username=username)
    assert greeting_name(person) == expected


def sent_to(mailoutbox, user):
    (message,) = [message for message in mailoutbox if user.email in message.to]
    return message


# Both versions of Wagtail's e-mails are checked: plain text and HTML.
@override_settings(WAGTAILADMIN_NOTIFICATION_USE_HTML=True)
def test_reviewers_are_greeted_by_name_with_a_direct_link_to_the_submitted_sheet(
    mailoutbox, django_capture_on_commit_callbacks
):
    editor = EditorFactory(first_name="Edith", last_name="Rossier")
    reviewer = ReviewerFactory(first_name="Rita", last_name="Bianchi")
    nameless = ReviewerFactory(username="relecteur-sans-nom")
    sheet = ToolPageFactory(title="Boussole des alliances", publish=False, owner=editor)

    with django_capture_on_commit_callbacks(execute=True):
        sheet.get_workflow().start(sheet, editor)

    edit_link = settings.WAGTAILADMIN_BASE_URL + reverse("wagtailadmin_pages:edit", args=[sheet.pk])
    to_rita = sent_to(mailoutbox, reviewer)
    assert "Bonjour Rita," in to_rita.body
    assert "Salut" not in to_rita.body
    assert edit_link in to_rita.body
    assert edit_link.startswith(("http://", "https://"))
    html = to_rita.alternatives[0][0]
    assert "Bonjour Rita," in html and edit_link in html
    assert "Bonjour relecteur-sans-nom," in sent_to(mailoutbox, nameless).body


@override_settings(WAGTAILADMIN_NOTIFICATION_USE_HTML=True)
def test_the_author_of_an_approved_term_gets_a_direct_link_to_it(
    mailoutbox, django_capture_on_commit_callbacks
):
    editor = EditorFactory(first_name="Edith")
    moderator = ModeratorFactory(first_name="Mona")
    lever = LeverFactory()
    assert lever.get_workflow().name == MODERATION_WORKFLOW
    lever.save_revision(user=editor)
    with django_capture_on_commit_callbacks(execute=True):
        state = lever.get_workflow().start(lever, editor)
    task_state = state.current_task_state
    mailoutbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        task_state.task.specific.on_action(task_state, moderator, "approve")

    edit_link = settings.WAGTAILADMIN_BASE_URL + reverse(
        Lever.snippet_viewset.get_url_name("edit"), args=[lever.pk]
    )
    to_edith = sent_to(mailoutbox, editor)
    assert "Bonjour Edith," in to_edith.body
    assert edit_link in to_edith.body
    assert edit_link in to_edith.alternatives[0][0]
