"""Organisers editing a registration in the admin get a message, never an error page."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.urls import reverse

from events.models import EventPage, Registration

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_registrations():
    event = EventPage.objects.live().first()
    first = Registration.objects.create(
        event=event, name="Alice Martin", email="alice@example.org", consent=True
    )
    second = Registration.objects.create(
        event=event, name="Bruno Rossi", email="bruno@example.org", consent=True
    )
    return first, second


@pytest.fixture
def organiser(client):
    admin = get_user_model().objects.create_superuser("organiser", "org@example.org", "x")
    client.force_login(admin)
    return admin


def edit(client, registration, **changes):
    values = {
        "name": registration.name,
        "email": registration.email,
        "organisation": registration.organisation,
        "status": registration.status,
        **changes,
    }
    return client.post(reverse("event_registrations:edit", args=[registration.pk]), values)


def test_an_address_already_registered_is_refused_with_a_message(
    client, organiser, two_registrations
):
    first, second = two_registrations
    response = edit(client, second, email="ALICE@example.org", name="Bruno Rossi-Martin")
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    errors = " ".join(node.get_text(" ", strip=True) for node in page.select(".error-message"))
    assert "déjà inscrite à cet événement" in errors
    second.refresh_from_db()
    assert (second.email, second.name) == ("bruno@example.org", "Bruno Rossi")
    # What the organiser typed is still in the form.
    assert page.select_one("input[name=name]")["value"] == "Bruno Rossi-Martin"


def test_a_registration_keeps_its_own_address_when_edited(client, organiser, two_registrations):
    first, _second = two_registrations
    response = edit(client, first, name="Alice Martin-Dupont")
    assert response.status_code == 302
    first.refresh_from_db()
    assert first.name == "Alice Martin-Dupont"
