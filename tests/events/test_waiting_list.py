"""A seat freed in any way goes to the first person of the waiting list, who gets an e-mail:
a cancellation, an organiser deleting a registration or changing its status in the admin, a
bulk deletion (purge), an unconfirmed registration expiring."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from events.models import EventPage, Registration
from tests.factories import AdministratorFactory, EventPageFactory, RegistrationFactory
from tests.html import parse, text_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def organiser(client):
    client.force_login(AdministratorFactory(username="organisatrice-liste"))
    return client


@pytest.fixture
def full_event(agenda):
    """Two seats taken (Alice, Bruno), then Chloé and David waiting, in that order."""
    event = EventPageFactory(parent=agenda, slug="atelier-liste", aliases=False, capacity=2)
    for name in ("alice", "bruno"):
        RegistrationFactory(event=event, name=name.title(), email=f"{name}@example.org")
    for name in ("chloe", "david"):
        RegistrationFactory(
            event=event,
            name=name.title(),
            email=f"{name}@example.org",
            status=Registration.Status.WAITING,
        )
    mail.outbox.clear()
    return event


def statuses(event):
    return dict(Registration.objects.filter(event=event).values_list("email", "status"))


def test_deleting_a_registration_in_the_admin_promotes_the_first_person_waiting(
    organiser, full_event, django_capture_on_commit_callbacks
):
    alice = Registration.objects.get(email="alice@example.org")
    url = reverse("event_registrations:delete", args=[alice.pk])
    assert organiser.get(url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = organiser.post(url)
    assert response.status_code == 302
    assert statuses(full_event) == {
        "bruno@example.org": "confirmed",
        "chloe@example.org": "confirmed",
        "david@example.org": "waiting",
    }
    (promotion,) = mail.outbox
    assert promotion.to == ["chloe@example.org"]
    assert promotion.subject.startswith("Une place")
    assert "/fr/registrations/cancel/" in promotion.body


def test_moving_a_participant_to_the_waiting_list_in_the_admin_promotes_the_next_one(
    organiser, full_event, django_capture_on_commit_callbacks
):
    bruno = Registration.objects.get(email="bruno@example.org")
    values = {
        "name": bruno.name,
        "email": bruno.email,
        "organisation": "",
        "status": Registration.Status.WAITING,
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = organiser.post(reverse("event_registrations:edit", args=[bruno.pk]), values)
    assert response.status_code == 302
    assert statuses(full_event) == {
        "alice@example.org": "confirmed",
        "bruno@example.org": "waiting",
        "chloe@example.org": "confirmed",
        "david@example.org": "waiting",
    }
    assert [message.to for message in mail.outbox] == [["chloe@example.org"]]


def test_a_bulk_deletion_fills_every_freed_seat_in_order(
    full_event, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        Registration.objects.filter(email__in=["alice@example.org", "bruno@example.org"]).delete()
    assert statuses(full_event) == {
        "chloe@example.org": "confirmed",
        "david@example.org": "confirmed",
    }
    assert sorted(message.to[0] for message in mail.outbox) == [
        "chloe@example.org",
        "david@example.org",
    ]


def test_nobody_is_promoted_who_has_not_confirmed_the_address(
    organiser, full_event, django_capture_on_commit_callbacks
):
    Registration.objects.filter(email="chloe@example.org").update(email_confirmed_at=None)
    alice = Registration.objects.get(email="alice@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        organiser.post(reverse("event_registrations:delete", args=[alice.pk]))
    assert statuses(full_event)["chloe@example.org"] == "waiting"
    assert statuses(full_event)["david@example.org"] == "confirmed"
    assert [message.to for message in mail.outbox] == [["david@example.org"]]


def test_the_purge_of_unconfirmed_registrations_gives_their_seats_away(
    full_event, django_capture_on_commit_callbacks
):
    Registration.objects.filter(email="alice@example.org").update(
        email_confirmed_at=None, created_at=timezone.now() - timedelta(days=3)
    )
    output = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("purge_personal_data", stdout=output, stderr=StringIO())
    assert not Registration.objects.filter(email="alice@example.org").exists()
    assert statuses(full_event)["chloe@example.org"] == "confirmed"
    assert [message.to for message in mail.outbox] == [["chloe@example.org"]]


def test_no_promotion_once_the_event_has_started(full_event, django_capture_on_commit_callbacks):
    EventPage.objects.filter(pk=full_event.pk).update(start=timezone.now() - timedelta(minutes=10))
    with django_capture_on_commit_callbacks(execute=True):
        Registration.objects.filter(email="alice@example.org").delete()
    assert statuses(full_event)["chloe@example.org"] == "waiting"
    assert mail.outbox == []


def test_the_admin_listing_shows_the_state_in_french(organiser, full_event):
    Registration.objects.filter(email="david@example.org").update(email_confirmed_at=None)
    RegistrationFactory(event=full_event, email="eve@example.org", email_confirmed_at=None)
    Registration.objects.filter(email="eve@example.org").update(
        created_at=timezone.now() - timedelta(days=3)
    )
    page = parse(organiser.get(reverse("event_registrations:index"), {"event": full_event.pk}))
    rows = {
        text_of(row.select("td")[1]): text_of(row)
        for row in page.select("table tbody tr")
        if len(row.select("td")) > 2
    }
    assert "Place confirmée" in rows["alice@example.org"]
    assert "Sur la liste d'attente" in rows["chloe@example.org"]
    assert "Adresse à confirmer, liste d’attente" in rows["david@example.org"]
    assert "Expirée : adresse jamais confirmée" in rows["eve@example.org"]


def test_publishing_the_event_with_more_seats_promotes_people_waiting(
    full_event, django_capture_on_commit_callbacks
):
    event = EventPage.objects.get(pk=full_event.pk)
    event.capacity = 3
    with django_capture_on_commit_callbacks(execute=True):
        event.save_revision().publish()
    assert statuses(full_event)["chloe@example.org"] == "confirmed"
    assert statuses(full_event)["david@example.org"] == "waiting"
    assert [message.to for message in mail.outbox] == [["chloe@example.org"]]
