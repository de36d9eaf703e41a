"""Capacity is never exceeded, even when many people register at the same moment."""

import contextlib
import threading

import pytest
from django.db import connection, connections
from django.test import Client
from wagtail.models import Site

from events.models import EventIndexPage, Registration
from events.registrations import register
from tests.factories import EventIndexPageFactory, EventPageFactory

PEOPLE = 20
SEATS = 5


def run_at_once(work):
    """Start PEOPLE threads together; each gets its own database connection."""
    barrier = threading.Barrier(PEOPLE)
    errors = []
    # The SQLite test database lives in shared-cache memory, where a second writer gets
    # "table is locked" at once instead of waiting, so there the threads take turns after the
    # barrier; PostgreSQL runs them truly at the same time and relies on select_for_update.
    turns = threading.Lock() if connection.vendor == "sqlite" else contextlib.nullcontext()

    def person(number):
        try:
            barrier.wait()
            with turns:
                work(number)
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=person, args=(number,)) for number in range(PEOPLE)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []


def own_agenda():
    """The agenda under the default site's root (made if the site has none)."""
    root = Site.objects.get(is_default_site=True).root_page
    agenda = root.get_children().type(EventIndexPage).first()
    if agenda is None:
        agenda = EventIndexPageFactory(
            parent=root, title="Agenda", slug="agenda-concurrence", bare=True
        )
    return agenda.specific


@pytest.mark.django_db(transaction=True)
def test_twenty_simultaneous_registrations_for_five_seats():
    agenda = own_agenda()
    event = EventPageFactory(
        parent=agenda, slug="atelier-concurrence", aliases=False, capacity=SEATS
    )
    statuses = []

    def post(number):
        response = Client(HTTP_HOST="localhost", REMOTE_ADDR=f"10.0.0.{number}").post(
            event.url + "register/",
            {"name": f"Personne {number}", "email": f"p{number}@example.org", "consent": "on"},
        )
        statuses.append(response.status_code)

    run_at_once(post)
    connection.close()
    assert statuses == [302] * PEOPLE
    counts = {
        status: Registration.objects.filter(event=event, status=status).count()
        for status in Registration.Status.values
    }
    assert counts == {"confirmed": SEATS, "waiting": PEOPLE - SEATS}


@pytest.mark.django_db(transaction=True)
def test_simultaneous_registrations_with_one_email_give_one_registration():
    agenda = own_agenda()
    event = EventPageFactory(
        parent=agenda, slug="atelier-concurrence-doublon", aliases=False, capacity=SEATS
    )
    outcomes = []

    def same_person(number):
        try:
            register(event, name="Anne", email="anne@example.org")
            outcomes.append("registered")
        except Exception as error:  # noqa: BLE001
            outcomes.append(type(error).__name__)

    run_at_once(same_person)
    connection.close()
    assert sorted(outcomes) == ["AlreadyRegistered"] * (PEOPLE - 1) + ["registered"]
    assert Registration.objects.filter(event=event).count() == 1
