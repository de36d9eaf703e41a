"""The admin's "forgotten password" form: throttled per visitor and per e-mail address, and
answering alike whether an account has the address or not."""

import pytest
from django.core import mail
from django.core.cache import cache
from django.test import Client, override_settings

from tests.factories import AdministratorFactory
from tests.html import parse, texts

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("behind_the_proxy")]

RESET = "/admin/password_reset/"
DONE = "/admin/password_reset/done/"
KNOWN = "marie@example.org"
UNKNOWN = "personne@example.org"


@pytest.fixture(autouse=True)
def behind_the_proxy():
    cache.clear()
    with override_settings(TRUSTED_PROXY_COUNT=1):
        yield
    cache.clear()


@pytest.fixture(autouse=True)
def account():
    return AdministratorFactory(username="marie", email=KNOWN)


def visitor(address, forged=""):
    forwarded = f"{forged}, {address}" if forged else address
    return Client(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=forwarded)


def ask(client, email):
    return client.post(RESET, {"email": email})


def outcome(response):
    return response.status_code, response.headers.get("Location")


def test_the_answer_is_the_same_whether_an_account_has_the_address_or_not():
    known = ask(visitor("203.0.113.5"), KNOWN)
    unknown = ask(visitor("203.0.113.6"), UNKNOWN)
    assert outcome(known) == outcome(unknown) == (302, DONE)
    assert [message.to for message in mail.outbox] == [[KNOWN]]


@pytest.mark.parametrize("email", [KNOWN, UNKNOWN])
def test_requests_for_one_address_stop_after_three_whoever_sends_them(email):
    statuses = [ask(visitor(f"203.0.113.{n}"), email).status_code for n in range(1, 5)]
    assert statuses == [302, 302, 302, 429]
    assert ask(visitor("203.0.113.9"), email.upper()).status_code == 429
    assert len(mail.outbox) == (3 if email == KNOWN else 0)


def test_requests_from_one_visitor_stop_after_five_even_with_a_forged_header():
    statuses = [
        ask(visitor("203.0.113.5", forged=f"10.0.0.{n}"), f"person-{n}@example.org").status_code
        for n in range(6)
    ]
    assert statuses == [302] * 5 + [429]
    refused = ask(visitor("203.0.113.5"), KNOWN)
    assert refused.status_code == 429
    assert texts(parse(refused), ".messages li.error") == [
        "Trop de demandes de réinitialisation du mot de passe ont été envoyées depuis votre "
        "connexion ou pour cette adresse e-mail. Veuillez réessayer dans une heure."
    ]
    assert mail.outbox == []

    assert outcome(ask(visitor("203.0.113.6"), KNOWN)) == (302, DONE)
