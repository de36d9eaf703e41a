"""Applying to the directory: the applicant confirms the address, then a draft profile that
the moderators vet before publication."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from wagtail.models import Locale, WorkflowState

from providers.models import PendingApplication, ProviderIndexPage, ProviderPage
from providers.roles import PROVIDER_VETTING_WORKFLOW, VETTING_TASK
from providers.views import APPLICATION_LIMIT
from tests.factories import ModeratorFactory
from tests.html import one, parse

pytestmark = pytest.mark.django_db

APPLICATION = {
    "title": "Atelier Horizon",
    "kind": "organisation",
    "owner_email": "horizon@secret.example.net",
    "intro": "Accompagnement des coopératives naissantes.",
    "bio": "Nous accompagnons les coopératives depuis dix ans.",
    "services": ["consulting", "training"],
    "regions": ["CH-NE", "FR"],
    "languages": ["fr", "de"],
    "references": "Coopérative du Val : statuts et modèle économique.",
    "website": "https://horizon.example.ch",
    "consent": "on",
    "homepage": "",
}


def moderator():
    return ModeratorFactory(username="moderatrice", email="moderatrice@example.org")


def applied():
    return ProviderPage.objects.get(title="Atelier Horizon", locale=Locale.get_default())


def apply(client, language="fr", **changes):
    return client.post(f"/{language}/prestataires/apply/", {**APPLICATION, **changes})


def confirm_link(message):
    found = re.search(
        r"https?://[^/\s]+(/\w\w/prestataires/apply/confirm/\?token=\S+)", message.body
    )
    assert found, message.body
    return found.group(1)


def apply_and_confirm(client, language="fr", **changes):
    """Apply, then follow the link of the e-mail and press its button, as the applicant does."""
    apply(client, language=language, **changes)
    link = confirm_link(mail.outbox[-1])
    assert client.get(link).status_code == 200
    return client.post(link)


def test_the_form_is_served_in_every_language(client):
    for language in ["fr", "de", "it", "en"]:
        response = client.get(f"/{language}/prestataires/apply/")
        assert response.status_code == 200
        one(parse(response), 'form.provider-form input[name="owner_email"]')


def test_an_application_waits_for_its_address_and_the_first_email_carries_no_answer(client):
    workflows_before = WorkflowState.objects.count()
    response = apply(
        client, title="Gagnez 1000 CHF sur https://arnaque.example", intro="Appelez le 0900"
    )
    assert response.status_code == 302
    assert response["Location"].endswith("/fr/prestataires/apply/?sent=1")
    assert not ProviderPage.objects.filter(title__contains="arnaque").exists()
    assert WorkflowState.objects.count() == workflows_before
    (check,) = mail.outbox
    assert check.to == ["horizon@secret.example.net"]
    assert "arnaque" not in check.body + check.subject and "0900" not in check.body
    assert "Social Business Models" in check.subject
    pending = PendingApplication.objects.get()
    assert pending.owner_email == "horizon@secret.example.net"
    sent = parse(client.get(response["Location"]))
    assert "48 heures" in one(sent, 'p.notice--success[role="status"]').get_text()

    link = confirm_link(check)
    one(parse(client.get(link)), "main form button[type=submit]")
    assert not ProviderPage.objects.filter(title__contains="arnaque").exists()


def test_an_expired_or_forged_confirmation_link_gives_a_clear_page(client):
    apply(client, language="it")
    link = confirm_link(mail.outbox[0])
    PendingApplication.objects.update(created_at=timezone.now() - timedelta(hours=49))
    assert list(PendingApplication.objects.expired_unconfirmed()) == list(
        PendingApplication.objects.all()
    )
    expired = client.post(link)
    assert expired.status_code == 410
    assert "scaduto" in one(parse(expired), 'p.notice--error[role="alert"]').get_text()
    forged = client.get("/fr/prestataires/apply/confirm/?token=abc:def")
    assert forged.status_code == 400
    assert "pas valide" in one(parse(forged), 'p.notice--error[role="alert"]').get_text()
    assert not ProviderPage.objects.filter(title="Atelier Horizon").exists()


def test_a_confirmed_link_cannot_be_used_twice(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        apply_and_confirm(client)
    again = client.post(confirm_link(mail.outbox[0]))
    assert again.status_code == 410
    assert applied().title == "Atelier Horizon"
    assert not PendingApplication.objects.exists()


def test_an_application_creates_a_draft_profile_in_the_vetting_workflow(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = apply_and_confirm(client, language="de")
    assert response.status_code == 302
    assert response["Location"].endswith("/de/prestataires/apply/?confirmed=1")
    page = applied()
    french_index = ProviderIndexPage.objects.get(locale=Locale.get_default())
    assert page.get_parent().pk == french_index.pk
    assert page.locale == Locale.get_default()
    assert not page.live
    assert page.owner_email == "horizon@secret.example.net"
    assert page.regions == ["CH-NE", "FR"]
    state = page.current_workflow_state
    assert state.workflow.name == PROVIDER_VETTING_WORKFLOW
    assert state.current_task_state.task.name == VETTING_TASK
    assert client.get("/fr/prestataires/atelier-horizon/").status_code == 404
    assert client.get("/de/prestataires/atelier-horizon/").status_code == 404
    assert [m.to for m in mail.outbox if "horizon@secret" in m.to[0]] == [
        ["horizon@secret.example.net"]
    ] * 2
    assert "Atelier Horizon" in mail.outbox[-1].body
    assert client.get(response["Location"]).status_code == 200


def test_approval_publishes_the_profile_and_tells_the_applicant(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        apply_and_confirm(client)
    page = applied()
    mail.outbox.clear()
    state = page.current_workflow_state
    with django_capture_on_commit_callbacks(execute=True):
        state.current_task_state.task.specific.on_action(
            state.current_task_state, moderator(), "approve", comment="Bienvenue !"
        )
    page.refresh_from_db()
    assert page.live
    assert client.get(page.url).status_code == 200
    assert client.get("/it/prestataires/atelier-horizon/").status_code == 200
    sent = [m for m in mail.outbox if m.to == ["horizon@secret.example.net"]]
    assert len(sent) == 1
    assert "Bienvenue !" in sent[0].body
    assert f"{page.slug}/update/?token=" in sent[0].body


def test_a_request_for_changes_is_sent_to_the_applicant(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        apply_and_confirm(client)
    page = applied()
    mail.outbox.clear()
    state = page.current_workflow_state
    with django_capture_on_commit_callbacks(execute=True):
        state.current_task_state.task.specific.on_action(
            state.current_task_state, moderator(), "reject", comment="Précisez vos références."
        )
    page.refresh_from_db()
    assert not page.live
    assert WorkflowState.objects.get(pk=state.pk).status == WorkflowState.STATUS_NEEDS_CHANGES
    sent = [m for m in mail.outbox if m.to == ["horizon@secret.example.net"]]
    assert len(sent) == 1
    assert "Précisez vos références." in sent[0].body


def test_an_incomplete_application_shows_errors_and_creates_nothing(client):
    response = apply(client, owner_email="pas-une-adresse", services=[], consent="")
    assert response.status_code == 400
    assert len(parse(response).select("form.provider-form .errorlist")) >= 3
    assert not ProviderPage.objects.filter(title="Atelier Horizon").exists()
    assert not PendingApplication.objects.exists() and mail.outbox == []


def test_unknown_choices_are_refused(client):
    response = apply(client, regions=["CH-XX"])
    assert response.status_code == 400
    assert not ProviderPage.objects.filter(title="Atelier Horizon").exists()


def test_robots_filling_the_honeypot_create_nothing(client):
    response = apply(client, homepage="http://spam.example")
    assert response.status_code == 302
    assert not ProviderPage.objects.filter(title="Atelier Horizon").exists()


def test_applications_are_rate_limited(client):
    for number in range(APPLICATION_LIMIT):
        assert apply(client, title=f"Atelier {number}").status_code == 302
    assert apply(client, title="Atelier de trop").status_code == 429
    assert not ProviderPage.objects.filter(title="Atelier de trop").exists()


def test_two_applications_with_the_same_name_get_distinct_addresses(client):
    apply_and_confirm(client)
    apply_and_confirm(client)
    slugs = sorted(
        ProviderPage.objects.filter(
            title="Atelier Horizon", locale=Locale.get_default()
        ).values_list("slug", flat=True)
    )
    assert slugs == ["atelier-horizon", "atelier-horizon-2"]
