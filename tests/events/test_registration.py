"""Registering for an event: seats, waiting list, confirmation e-mail, cancellation."""

import re

import pytest
from django.core import mail
from icalendar import Calendar
from wagtail.models import Locale

from events.models import EventPage, Registration
from tests.factories import EventPageFactory
from tests.html import one, parse, text_of

from .conftest import zurich

pytestmark = pytest.mark.django_db

VALID = {"name": "Anne Favre", "email": "anne@example.org", "organisation": "", "consent": "on"}


def register(client, event, **changes):
    return client.post(event.url + "register/", {**VALID, **changes}, REMOTE_ADDR="10.1.1.1")


def test_registration_takes_a_seat_and_sends_the_calendar_file(client, agenda):
    event = EventPageFactory(parent=agenda, slug="atelier-inscription", aliases=False, capacity=10)
    response = register(client, event, organisation="Coopérative du Jorat")
    assert response.status_code == 302
    assert response["Location"].endswith("?registration=confirmed#registration")
    registration = Registration.objects.get(event=event)
    assert registration.status == Registration.Status.CONFIRMED
    assert (registration.name, registration.organisation) == ("Anne Favre", "Coopérative du Jorat")

    (message,) = mail.outbox
    assert message.to == ["anne@example.org"]
    assert event.title in message.subject
    (filename, content, mimetype) = message.attachments[0]
    assert (filename, mimetype) == ("event.ics", "text/calendar")
    (component,) = Calendar.from_ical(content).walk("VEVENT")
    assert str(component["summary"]) == event.title
    assert re.search(r"http\S+/fr/registrations/cancel/\S+/", message.body)

    page = parse(client.get(response["Location"]))
    notice = one(page, 'section#registration p.notice--success[role="status"]')
    assert "votre place est confirmée" in text_of(notice)


def test_seats_left_are_shown_on_the_event_page(client, agenda):
    event = EventPageFactory(parent=agenda, slug="atelier-places", aliases=False, capacity=3)
    register(client, event)
    facts = one(parse(client.get(event.url)), "section.event__facts > dl")
    answers = {text_of(term): text_of(term.find_next_sibling()) for term in facts.select("dt")}
    assert answers["Places restantes"] == "2"


def test_the_same_email_cannot_register_twice(client, agenda):
    event = EventPageFactory(parent=agenda, slug="atelier-doublon", aliases=False, capacity=10)
    register(client, event)
    response = register(client, event, email="ANNE@example.org ", name="Anne F.")
    assert response.status_code == 400
    form = one(parse(response), "section#registration form")
    one(form, '.notice--error[role="alert"]')
    assert "déjà inscrite" in text_of(one(form, "ul.errorlist#id_email_error"))
    assert one(form, 'input[name="name"]')["value"] == "Anne F."
    assert Registration.objects.filter(event=event).count() == 1


def test_when_full_people_join_the_waiting_list(client, agenda):
    event = EventPageFactory(parent=agenda, slug="atelier-complet", aliases=False, capacity=1)
    register(client, event, email="first@example.org")
    response = register(client, event, email="second@example.org")
    assert response["Location"].endswith("?registration=waiting#registration")
    second = Registration.objects.get(email="second@example.org")
    assert second.is_waiting
    assert "liste d'attente" in mail.outbox[-1].subject.lower()
    form = one(parse(client.get(event.url)), "section#registration form")
    assert text_of(one(form, 'button[type="submit"]')) == "Rejoindre la liste d'attente"


def test_cancelling_frees_the_seat_for_the_first_person_waiting(client, agenda):
    event = EventPageFactory(parent=agenda, slug="atelier-annulation", aliases=False, capacity=1)
    for email in ("first@example.org", "second@example.org", "third@example.org"):
        register(client, event, email=email)
    link = re.search(r"http\S+(/fr/registrations/cancel/\S+/)", mail.outbox[0].body).group(1)

    confirm = client.get(link)
    assert confirm.status_code == 200
    assert Registration.objects.filter(email="first@example.org").exists()

    mail.outbox.clear()
    done = client.post(link)
    assert done.status_code == 200
    assert "est annulée" in text_of(one(parse(done), 'main p.notice--success[role="status"]'))
    assert not Registration.objects.filter(email="first@example.org").exists()
    statuses = dict(Registration.objects.filter(event=event).values_list("email", "status"))
    assert statuses == {"second@example.org": "confirmed", "third@example.org": "waiting"}
    (promotion,) = mail.outbox
    assert promotion.to == ["second@example.org"]

    again = client.post(link)
    assert again.status_code == 404


def test_a_forged_cancellation_link_is_refused(client):
    response = client.get("/fr/registrations/cancel/not-a-valid-token/")
    assert response.status_code == 404
    assert "pas valide" in text_of(one(parse(response), 'main p.notice--error[role="alert"]'))


def test_registering_on_a_translation_alias_takes_a_seat_in_the_source_event(client, agenda):
    event = EventPageFactory(parent=agenda, slug="atelier-alias", capacity=5)
    german = EventPage.objects.get(
        translation_key=event.translation_key, locale=Locale.objects.get(language_code="de")
    )
    response = client.post(german.url + "register/", {**VALID}, REMOTE_ADDR="10.1.1.2")
    assert response.status_code == 302
    registration = Registration.objects.get(email=VALID["email"])
    assert registration.event_id == event.pk
    assert registration.language == "de"
    assert mail.outbox[0].subject.startswith("Ihre Anmeldung")
    assert "/de/registrations/cancel/" in mail.outbox[0].body


def test_errors_are_translated_and_keep_what_was_typed(client, agenda):
    event = EventPageFactory(parent=agenda, slug="atelier-erreurs")
    german = EventPage.objects.get(
        translation_key=event.translation_key, locale__language_code="de"
    )
    response = client.post(
        german.url + "register/",
        {"name": "Hans Muster", "email": "kein-mail", "organisation": "Verein X"},
    )
    assert response.status_code == 400
    form = one(parse(response), "section#registration form")
    assert one(form, 'input[name="name"]')["value"] == "Hans Muster"
    assert one(form, 'input[name="organisation"]')["value"] == "Verein X"
    notice = one(form, '.notice--error[role="alert"]')
    assert text_of(notice) == "Bitte korrigieren Sie die unten markierten Felder."
    assert "gültige E-Mail Adresse" in text_of(one(form, "ul.errorlist#id_email_error"))
    assert "Bitte geben Sie Ihre Einwilligung" in text_of(one(form, "#id_consent_error"))
    assert Registration.objects.filter(event=event).count() == 0


def test_consent_is_required(client, agenda):
    event = EventPageFactory(parent=agenda, slug="atelier-consentement", aliases=False)
    response = register(client, event, consent="")
    assert response.status_code == 400
    assert "consentement" in text_of(one(parse(response), "form ul.errorlist#id_consent_error"))
    assert not Registration.objects.filter(event=event).exists()


def test_robots_filling_the_hidden_field_are_dropped_quietly(client, agenda):
    event = EventPageFactory(parent=agenda, slug="atelier-robot", aliases=False)
    response = register(client, event, homepage="http://spam.example")
    assert response.status_code == 302
    assert not Registration.objects.filter(event=event).exists()
    assert mail.outbox == []


def test_too_many_registrations_from_one_connection_are_refused(client, agenda):
    event = EventPageFactory(parent=agenda, slug="atelier-limite", aliases=False)
    statuses = [
        register(client, event, email=f"person{number}@example.org").status_code
        for number in range(6)
    ]
    assert statuses == [302] * 5 + [429]
    assert Registration.objects.filter(event=event).count() == 5


def test_past_events_and_external_registration_show_no_form(client, agenda):
    past = EventPageFactory(
        parent=agenda, slug="atelier-fini", aliases=False, start=zurich(2022, 3, 3, 9, 0)
    )
    assert register(client, past).status_code == 404
    external = EventPageFactory(
        parent=agenda,
        slug="atelier-externe",
        aliases=False,
        external_registration_url="https://example.org/inscription",
    )
    soup = parse(client.get(external.url))
    registration = one(soup, "section#registration")
    assert one(registration, "a.button")["href"] == "https://example.org/inscription"
    assert not soup.select('[name="consent"]')
    assert register(client, external).status_code == 404


def test_a_confirmed_participant_gets_the_meeting_link_in_the_calendar_file(client, agenda):
    link = "https://meet.example.org/sbm-room-42"
    event = EventPageFactory(
        parent=agenda, slug="webinaire-lien", aliases=False, capacity=10, online_url=link
    )
    assert register(client, event).status_code == 302
    (message,) = mail.outbox
    (_, content, _) = message.attachments[0]
    (component,) = Calendar.from_ical(content).walk("VEVENT")
    assert str(component["location"]) == link
