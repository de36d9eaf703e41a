"""Two editors on the same tool sheet: locking, editing-session notices, and no lost revision."""

import pytest
from django.conf import settings
from django.urls import reverse

from tests.factories import ToolPageFactory
from tests.html import one, parse, text_of
from tools.models import ToolPage


@pytest.mark.django_db
def test_two_editors_saving_the_same_sheet_lose_no_revision(volunteers):
    tool = ToolPageFactory(summary="Version de départ.")
    alice, bruno = volunteers["editor"], volunteers["reviewer"]
    # Both open the editor on the same version.
    copy_for_alice = ToolPage.objects.get(pk=tool.pk)
    copy_for_bruno = ToolPage.objects.get(pk=tool.pk)
    before = tool.revisions.count()

    copy_for_alice.summary = "Version d'Alice."
    first = copy_for_alice.save_revision(user=alice, log_action=True)
    copy_for_bruno.summary = "Version de Bruno."
    second = copy_for_bruno.save_revision(user=bruno, log_action=True)

    page = ToolPage.objects.get(pk=tool.pk)
    assert page.revisions.count() == before + 2
    assert page.latest_revision_id == second.pk
    assert page.get_latest_revision_as_object().summary == "Version de Bruno."
    assert {first.user, second.user} == {alice, bruno}
    # Alice's work is kept in the history and can be restored.
    assert first.as_object().summary == "Version d'Alice."
    restored = first.as_object().save_revision(user=alice, log_action="wagtail.revert")
    assert ToolPage.objects.get(pk=tool.pk).get_latest_revision_as_object().summary == (
        "Version d'Alice."
    )
    assert restored.pk != first.pk


@pytest.mark.django_db
def test_the_history_lists_both_editors_revisions(client, volunteers):
    tool = ToolPageFactory()
    tool.summary = "Par l'éditrice."
    tool.save_revision(user=volunteers["editor"], log_action=True)
    tool.summary = "Par le relecteur."
    tool.save_revision(user=volunteers["reviewer"], log_action=True)
    client.force_login(volunteers["moderator"])
    response = client.get(reverse("wagtailadmin_pages:history", args=[tool.pk]))
    assert response.status_code == 200
    history = text_of(one(parse(response), "main"))
    assert volunteers["editor"].get_username() in history
    assert volunteers["reviewer"].get_username() in history


@pytest.mark.django_db
def test_a_sheet_locked_by_one_editor_is_locked_for_the_other(volunteers):
    tool = ToolPageFactory()
    alice, bruno = volunteers["editor"], volunteers["reviewer"]
    assert tool.permissions_for_user(alice).can_lock()
    tool.locked, tool.locked_by = True, alice
    tool.save()
    assert tool.permissions_for_user(bruno).page_locked()
    assert not tool.permissions_for_user(alice).page_locked()


@pytest.mark.django_db
def test_the_editor_announces_other_editors_through_editing_sessions(client, volunteers):
    assert settings.WAGTAIL_EDITING_SESSION_PING_INTERVAL > 0
    tool = ToolPageFactory()
    client.force_login(volunteers["editor"])
    response = client.get(reverse("wagtailadmin_pages:edit", args=[tool.pk]))
    assert response.status_code == 200
    soup = parse(response)
    session = one(soup, "[data-w-session-interval-value]")
    interval = session["data-w-session-interval-value"]
    assert interval == str(settings.WAGTAIL_EDITING_SESSION_PING_INTERVAL)
    one(soup, 'form#page-edit-form input[name="loaded_revision_id"]')
