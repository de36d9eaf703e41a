"""Registering for an event: double opt-in, seats, waiting list, e-mails, cancellation."""

import base64
import re
from datetime import timedelta

import pytest
from django.core import mail, signing
from django.utils import timezone
from icalendar import Calendar
from wagtail.models import Locale

from events.models import EventPage, Registration
from events.tokens import LEGACY_CANCEL_SALT, cancel_token
from tests.factories import EventPageFactory, RegistrationFactory
from tests.html import one, parse, text_of

from .conftest import zurich

pytestmark = pytest.mark.django_db

VALID = {"name": "Anne Favre", "email": "anne@example.org", "organisation": "", "consent": "on"}


def register(client, event, **changes):
    return client.post(event.url + "register/", {**VALID, **changes}, REMOTE_ADDR="10.1.1.1")


def link_in(message, kind, language="fr"):
    """The path of the `kind` link ("confirm" or "cancel") in an e-mail."""
    found = re.search(rf"https?://\S+(/{language}/registrations/{kind}/\S+/)", message.body)
    assert found, f"no {kind} link in {message.body!r}"
    return found.group(1)


def confirm(client, message, language="fr"):
    """Follow the confirmation link of `message` and press the button, as the person does."""
    link = link_in(message, "confirm", language)
    assert client.get(link).status_code == 200
    return client.post(link)


def expire_confirmation_period(*registrations):
    Registration.objects.filter(pk__in=[row.pk for row in registrations]).update(
        created_at=timezone.now() - timedelta(hours=49)
    )


def test_the_first_email_carries_only_a_link_and_confirming_it_takes_the_seat(client, agenda):
    event = EventPageFactory(parent=agenda, slug="atelier-inscription", aliases=False, capacity=10)
    response = register(
        client,
        event,
        name="Gagnez 1000 CHF sur https://arnaque.example",
        organisation="Appelez le 0900 000 000",
    )
    assert response.status_code == 302
    assert response["Location"].endswith("?registration=pending#registration")
    registration = Registration.objects.get(event=event)
    assert registration.email_confirmed_at is None
    assert registration.status == Registration.Status.CONFIRMED
    assert event.seats_left() == 9

    (check,) = mail.outbox
    assert check.to == ["anne@example.org"]
    assert event.title in check.subject
    assert "arnaque" not in check.body and "0900" not in check.body
    assert "arnaque" not in check.subject and check.attachments == []
    page = parse(client.get(response["Location"]))
    notice = one(page, 'section#registration p.notice--success[role="status"]')
    assert "dans les 48 heures" in text_of(notice)

    done = confirm(client, check)
    assert done.status_code == 302
    assert done["Location"].endswith(f"{event.url}?registration=confirmed#registration")
    registration.refresh_from_db()
    assert registration.email_confirmed_at is not None
    assert registration.status == Registration.Status.CONFIRMED

    confirmation = mail.outbox[1]
    assert confirmation.to == ["anne@example.org"]
    assert confirmation.subject.startswith("Votre inscription")
    (filename, content, mimetype) = confirmation.attachments[0]
    assert (filename, mimetype) == ("event.ics", "text/calendar")
    (component,) = Calendar.from_ical(content).walk("VEVENT")
    assert str(component["summary"]) == event.title
    link_in(confirmation, "cancel")

    page = parse(client.get(done["Location"]))
    notice = one(page, 'section#registration p.notice--success[role="status"]')
    assert "votre place est confirmée" in text_of(notice)


def test_opening_the_link_without_pressing_the_button_confirms_nothing(client, agenda):
    event = EventPageFactory(parent=agenda, slug="atelier-scanner", aliases=False)
    register(client, event)
    link = link_in(mail.outbox[0], "confirm")
    page = parse(client.get(link))
    one(page, "main form button[type=submit]")
    assert Registration.objects.get(event=event).email_confirmed_at is None
    assert len(mail.outbox) == 1


def test_following_the_link_twice_confirms_once(client, agenda):
    event = EventPageFactory(parent=agenda, slug="atelier-deux-fois", aliases=False)
    register(client, event)
    confirm(client, mail.outbox[0])
    again = client.get(link_in(mail.outbox[0], "confirm"))
    assert again.status_code == 302
    assert again["Location"].endswith("?registration=confirmed#registration")
    assert len(mail.outbox) == 2


def test_seats_left_count_the_seats_held_for_addresses_to_confirm(client, agenda):
    event = EventPageFactory(parent=agenda, slug="atelier-places", aliases=False, capacity=3)
    register(client, event)
    facts = one(parse(client.get(event.url)), "section.event__facts > dl")
    answers = {text_of(term): text_of(term.find_next_sibling()) for term in facts.select("dt")}
    assert answers["Places restantes"] == "2"


def test_registering_again_resends_the_link_and_reveals_nothing(client, agenda):
    event = EventPageFactory(parent=agenda, slug="atelier-doublon", aliases=False, capacity=10)
    first = register(client, event)
    again = register(client, event, email="ANNE@example.org ", name="Zorro Intrus")
    assert (again.status_code, again["Location"]) == (first.status_code, first["Location"])
    assert Registration.objects.filter(event=event).count() == 1
    assert Registration.objects.get(event=event).name == "Anne Favre"
    assert [message.to for message in mail.outbox] == [["anne@example.org"]] * 2
    assert link_in(mail.outbox[1], "confirm")
    assert "Zorro" not in mail.outbox[1].body

    confirm(client, mail.outbox[1])
    mail.outbox.clear()
    once_confirmed = register(client, event, name="Zorro Intrus")
    assert once_confirmed["Location"] == first["Location"]
    (reminder,) = mail.outbox
    assert reminder.subject.startswith("Votre inscription")
    assert "Anne Favre" in reminder.body and "Zorro" not in reminder.body


def test_when_full_people_join_the_waiting_list(client, agenda):
    event = EventPageFactory(parent=agenda, slug="atelier-complet", aliases=False, capacity=1)
    register(client, event, email="first@example.org")
    register(client, event, email="second@example.org")
    second = Registration.objects.get(email="second@example.org")
    assert second.is_waiting
    done = confirm(client, mail.outbox[-1])
    assert done["Location"].endswith("?registration=waiting#registration")
    assert "liste d'attente" in mail.outbox[-1].subject.lower()
    form = one(parse(client.get(event.url)), "section#registration form")
    assert text_of(one(form, 'button[type="submit"]')) == "Rejoindre la liste d'attente"


def test_a_seat_held_too_long_goes_to_the_waiting_list_not_to_a_newcomer(
    client, agenda, django_capture_on_commit_callbacks
):
    event = EventPageFactory(parent=agenda, slug="atelier-retenue", aliases=False, capacity=1)
    register(client, event, email="late@example.org")
    late_check = mail.outbox[0]
    register(client, event, email="waiting@example.org")
    confirm(client, mail.outbox[-1])
    expire_confirmation_period(Registration.objects.get(email="late@example.org"))
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        register(client, event, email="newcomer@example.org")
    statuses = dict(Registration.objects.filter(event=event).values_list("email", "status"))
    assert statuses["waiting@example.org"] == "confirmed"
    assert statuses["newcomer@example.org"] == "waiting"
    (promotion,) = [message for message in mail.outbox if message.to == ["waiting@example.org"]]
    assert promotion.subject.startswith("Une place")

    expired = client.get(link_in(late_check, "confirm"))
    assert expired.status_code == 410
    assert "a expiré" in text_of(one(parse(expired), 'main p.notice--error[role="alert"]'))


def test_an_expired_confirmation_link_is_refused_in_the_visitors_language(client, agenda):
    event = EventPageFactory(parent=agenda, slug="atelier-expire", capacity=5)
    german = EventPage.objects.get(
        translation_key=event.translation_key, locale__language_code="de"
    )
    client.post(german.url + "register/", VALID, REMOTE_ADDR="10.1.1.3")
    (check,) = mail.outbox
    assert check.subject.startswith("Bestätigen")
    expire_confirmation_period(Registration.objects.get(email=VALID["email"]))
    link = link_in(check, "confirm", language="de")
    for response in (client.get(link), client.post(link)):
        assert response.status_code == 410
        notice = text_of(one(parse(response), 'main p.notice--error[role="alert"]'))
        assert "abgelaufen" in notice
    assert Registration.objects.get(email=VALID["email"]).email_confirmed_at is None


def test_registering_after_the_period_starts_a_new_request(client, agenda):
    event = EventPageFactory(parent=agenda, slug="atelier-nouvelle", aliases=False, capacity=5)
    register(client, event)
    old = Registration.objects.get(event=event)
    expire_confirmation_period(old)
    register(client, event)
    renewed = Registration.objects.get(event=event)
    assert renewed.pk != old.pk and renewed.created_at > timezone.now() - timedelta(minutes=1)
    assert client.get(link_in(mail.outbox[0], "confirm")).status_code == 410
    assert confirm(client, mail.outbox[1]).status_code == 302


def test_expired_unconfirmed_registrations_are_found_for_the_purge(agenda):
    event = EventPageFactory(parent=agenda, slug="atelier-purge-optin", aliases=False)
    fresh = RegistrationFactory(event=event, email_confirmed_at=None)
    stale = RegistrationFactory(event=event, email_confirmed_at=None)
    confirmed_long_ago = RegistrationFactory(event=event)
    expire_confirmation_period(stale, confirmed_long_ago)
    assert list(Registration.objects.expired_unconfirmed()) == [stale]
    assert fresh in Registration.objects.holding_seat()
    assert stale not in Registration.objects.holding_seat()


def test_cancelling_frees_the_seat_for_the_first_person_waiting(
    client, agenda, django_capture_on_commit_callbacks
):
    event = EventPageFactory(parent=agenda, slug="atelier-annulation", aliases=False, capacity=1)
    for email in ("first@example.org", "second@example.org", "third@example.org"):
        register(client, event, email=email)
        confirm(client, mail.outbox[-1])
    link = link_in(mail.outbox[1], "cancel")

    confirm_page = client.get(link)
    assert confirm_page.status_code == 200
    assert Registration.objects.filter(email="first@example.org").exists()

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(link)
    assert done.status_code == 200
    assert "est annulée" in text_of(one(parse(done), 'main p.notice--success[role="status"]'))
    assert not Registration.objects.filter(email="first@example.org").exists()
    statuses = dict(Registration.objects.filter(event=event).values_list("email", "status"))
    assert statuses == {"second@example.org": "confirmed", "third@example.org": "waiting"}
    (promotion,) = mail.outbox
    assert promotion.to == ["second@example.org"]
    link_in(promotion, "cancel")

    again = client.post(link)
    assert again.status_code == 410
    assert "n’existe plus" in text_of(one(parse(again), 'main p.notice--error[role="alert"]'))


def test_links_carry_no_email_address(client, agenda):
    event = EventPageFactory(parent=agenda, slug="atelier-opaque", aliases=False)
    register(client, event)
    confirm(client, mail.outbox[0])
    for message, kind in ((mail.outbox[0], "confirm"), (mail.outbox[1], "cancel")):
        token = link_in(message, kind).rstrip("/").rsplit("/", 1)[1]
        decoded = "".join(
            base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)).decode("latin-1")
            for part in token.split(":")
        )
        assert "anne" not in decoded and "example.org" not in decoded


def test_a_cancellation_link_works_until_the_event_starts(client, agenda):
    event = EventPageFactory(parent=agenda, slug="atelier-commence", aliases=False)
    register(client, event)
    confirm(client, mail.outbox[0])
    link = link_in(mail.outbox[1], "cancel")
    EventPage.objects.filter(pk=event.pk).update(start=timezone.now() - timedelta(minutes=5))
    for response in (client.get(link), client.post(link)):
        assert response.status_code == 410
        notice = text_of(one(parse(response), 'main p.notice--error[role="alert"]'))
        assert "a commencé" in notice
    assert Registration.objects.filter(event=event).exists()


def test_cancellation_links_sent_before_the_opaque_tokens_still_work_until_the_event(
    client, agenda
):
    event = EventPageFactory(parent=agenda, slug="atelier-ancien-lien", aliases=False)
    registration = RegistrationFactory(event=event, email="ancien@example.org")
    legacy = signing.dumps({"r": registration.pk, "e": registration.email}, salt=LEGACY_CANCEL_SALT)
    assert client.get(f"/fr/registrations/cancel/{legacy}/").status_code == 200
    assert client.post(f"/fr/registrations/cancel/{legacy}/").status_code == 200
    assert not Registration.objects.filter(pk=registration.pk).exists()

    started = EventPageFactory(
        parent=agenda, slug="atelier-ancien-lien-commence", aliases=False, hours=3
    )
    EventPage.objects.filter(pk=started.pk).update(start=timezone.now() - timedelta(hours=1))
    other = RegistrationFactory(event=started)
    late = signing.dumps({"r": other.pk, "e": other.email}, salt=LEGACY_CANCEL_SALT)
    assert client.post(f"/fr/registrations/cancel/{late}/").status_code == 410
    assert Registration.objects.filter(pk=other.pk).exists()


def test_a_forged_link_is_refused_with_a_clear_page(client, agenda):
    event = EventPageFactory(parent=agenda, slug="atelier-faux", aliases=False)
    registration = RegistrationFactory(event=event)
    confirm_token_as_cancel = cancel_token(registration)
    for path in (
        "/fr/registrations/cancel/not-a-valid-token/",
        "/fr/registrations/confirm/not-a-valid-token/",
        f"/fr/registrations/confirm/{confirm_token_as_cancel}/",
    ):
        response = client.get(path)
        assert response.status_code == 400, path
        assert "pas valide" in text_of(one(parse(response), 'main p.notice--error[role="alert"]'))
    assert client.get("/fr/registrations/cancel/%00%ff/").status_code == 400


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
    done = confirm(client, mail.outbox[0], language="de")
    assert done["Location"].startswith(german.url)
    assert mail.outbox[1].subject.startswith("Ihre Anmeldung")
    assert "/de/registrations/cancel/" in mail.outbox[1].body


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
    assert "sbm-room-42" not in mail.outbox[0].body
    confirm(client, mail.outbox[0])
    (_, content, _) = mail.outbox[1].attachments[0]
    (component,) = Calendar.from_ical(content).walk("VEVENT")
    assert str(component["location"]) == link
