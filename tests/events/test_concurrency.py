"""Capacity is never exceeded, even when many people register or cancel at the same moment."""

import contextlib
import threading

import pytest
from django.core import mail
from django.db import connection, connections
from django.test import Client
from wagtail.models import Site

from events.models import EventIndexPage, Registration
from events.registrations import register
from events.tokens import cancel_token
from tests.factories import EventIndexPageFactory, EventPageFactory, RegistrationFactory

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
        registration, created = register(event, name="Anne", email="anne@example.org")
        outcomes.append(("registered" if created else "again", registration.pk))

    run_at_once(same_person)
    connection.close()
    assert sorted(outcome for outcome, _pk in outcomes) == ["again"] * (PEOPLE - 1) + ["registered"]
    assert len({pk for _outcome, pk in outcomes}) == 1
    assert Registration.objects.filter(event=event).count() == 1


@pytest.mark.django_db(transaction=True)
def test_seats_freed_at_the_same_moment_promote_each_waiting_person_once():
    """PEOPLE participants cancel through their links at once; as many people of the waiting
    list get a seat, each once, in order, and the event never holds more than its seats."""
    agenda = own_agenda()
    event = EventPageFactory(
        parent=agenda, slug="atelier-concurrence-annulations", aliases=False, capacity=PEOPLE
    )
    participants = [
        RegistrationFactory(event=event, email=f"p{number}@example.org") for number in range(PEOPLE)
    ]
    waiting = [
        RegistrationFactory(
            event=event, email=f"w{number}@example.org", status=Registration.Status.WAITING
        )
        for number in range(PEOPLE + 3)
    ]
    links = [f"/fr/registrations/cancel/{cancel_token(row)}/" for row in participants]
    mail.outbox = []
    statuses = []

    def cancel(number):
        response = Client(HTTP_HOST="localhost").post(links[number])
        statuses.append(response.status_code)

    run_at_once(cancel)
    connection.close()
    assert statuses == [200] * PEOPLE
    confirmed = set(
        Registration.objects.filter(event=event, status=Registration.Status.CONFIRMED).values_list(
            "email", flat=True
        )
    )
    assert confirmed == {row.email for row in waiting[:PEOPLE]}
    promoted = sorted(message.to[0] for message in mail.outbox)
    assert promoted == sorted(row.email for row in waiting[:PEOPLE])
