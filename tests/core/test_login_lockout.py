"""The admin login's lockout, through HTTP, behind the documented proxy (one nginx): per account
and address, per address across user names, with a pause that ends on time whatever is tried
meanwhile, and a page that says so in the visitor's language."""

import datetime

import pytest
from django.conf import settings
from django.test import Client, override_settings
from django.utils import timezone

from tests.factories import AdministratorFactory
from tests.html import one, parse, text_of

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("behind_the_proxy"),
]

LOGIN = "/admin/login/"
PROXY = "127.0.0.1"
PASSWORD = "the-right-password-42"


@pytest.fixture
def behind_the_proxy():
    with override_settings(AXES_ENABLED=True, TRUSTED_PROXY_COUNT=1):
        yield


@pytest.fixture
def admin_user():
    return AdministratorFactory(username="marie", password=PASSWORD)


class Clock:
    """The time axes stamps its attempts with (and Django's, for the rows it creates)."""

    def __init__(self):
        self.moment = timezone.now()

    def __call__(self):
        return self.moment

    def advance(self, **duration):
        self.moment += datetime.timedelta(**duration)


@pytest.fixture
def clock(monkeypatch):
    clock = Clock()
    monkeypatch.setattr("axes.handlers.proxy.now", clock)
    monkeypatch.setattr("django.utils.timezone.now", clock)
    return clock


def visitor(address, forged="", language="fr"):
    """A browser at `address` behind nginx, which appends that address to X-Forwarded-For."""
    forwarded = f"{forged}, {address}" if forged else address
    return Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded, HTTP_ACCEPT_LANGUAGE=language)


def sign_in(client, username="marie", password=PASSWORD):
    return client.post(LOGIN, {"username": username, "password": password})


def fail(client, times, username="marie"):
    return [sign_in(client, username, "wrong").status_code for _ in range(times)]


def signed_in(response):
    return response.status_code == 302 and "_auth_user_id" in response.client.session


def test_five_wrong_passwords_lock_that_account_from_that_address_only(admin_user):
    attacker = visitor("203.0.113.5")
    assert fail(attacker, settings.AXES_FAILURE_LIMIT) == [200, 200, 200, 200, 429]
    assert sign_in(attacker).status_code == 429

    assert signed_in(sign_in(visitor("198.51.100.20")))


def test_two_visitors_behind_the_same_proxy_do_not_lock_each_other_out(admin_user):
    fail(visitor("203.0.113.5"), settings.AXES_FAILURE_LIMIT)
    assert signed_in(sign_in(visitor("203.0.113.6")))


def test_a_forged_header_does_not_evade_the_limit(admin_user):
    statuses = [
        sign_in(visitor("203.0.113.5", forged=f"10.0.0.{n}"), password="wrong").status_code
        for n in range(settings.AXES_FAILURE_LIMIT)
    ]
    assert statuses[-1] == 429
    assert sign_in(visitor("203.0.113.5", forged="198.51.100.20")).status_code == 429


@override_settings(LOGIN_FAILURE_LIMIT_PER_ADDRESS=8)
def test_guessing_across_many_user_names_locks_the_address(admin_user):
    guesser = visitor("203.0.113.5")
    statuses = [sign_in(guesser, f"guess-{n}", "wrong").status_code for n in range(8)]
    assert statuses == [200] * 7 + [429]
    assert sign_in(guesser, "yet-another-name", "wrong").status_code == 429
    assert sign_in(guesser).status_code == 429, "the real password from that address waits too"

    assert signed_in(sign_in(visitor("198.51.100.20")))


def test_the_pause_ends_on_time_whatever_is_tried_during_it(admin_user, clock):
    attacker = visitor("203.0.113.5")
    fail(attacker, settings.AXES_FAILURE_LIMIT)
    for _ in range(3):
        clock.advance(minutes=19)
        assert fail(attacker, 1) == [429]
    clock.advance(minutes=2)  # 59 minutes after the lock
    assert sign_in(attacker).status_code == 429
    clock.advance(minutes=2)  # 61 minutes after the lock
    assert signed_in(sign_in(attacker))


def test_failures_spread_wider_than_the_pause_never_add_up(admin_user, clock):
    attacker = visitor("203.0.113.5")
    for _ in range(settings.AXES_FAILURE_LIMIT + 2):
        assert fail(attacker, 1) == [200]
        clock.advance(minutes=61)


def test_a_successful_login_starts_the_count_again(admin_user):
    marie = visitor("203.0.113.5")
    fail(marie, settings.AXES_FAILURE_LIMIT - 1)
    assert signed_in(sign_in(marie))
    marie.logout()
    assert fail(marie, settings.AXES_FAILURE_LIMIT - 1) == [200] * (settings.AXES_FAILURE_LIMIT - 1)
    assert signed_in(sign_in(marie))


@override_settings(LOGIN_FAILURE_LIMIT_PER_ADDRESS=8)
def test_signing_in_to_ones_own_account_does_not_clear_guesses_at_others(admin_user):
    AdministratorFactory(username="guesser", password="own-password-7")
    guesser = visitor("203.0.113.5")
    fail(guesser, 4, username="marie")
    fail(guesser, 3, username="someone")
    assert signed_in(sign_in(guesser, "guesser", "own-password-7"))
    guesser.logout()
    assert fail(guesser, 1, username="another") == [429]


@pytest.mark.parametrize(
    ("language", "title", "try_again"),
    [
        ("fr", "Connexion suspendue", "Vous pourrez réessayer dans 60 minutes, dès {time}."),
        ("de", "Anmeldung pausiert", "Sie können es in 60 Minuten wieder versuchen, ab {time}."),
        ("it", "Accesso sospeso", "Potrà riprovare tra 60 minuti, dalle {time}."),
        ("en", "Sign-in paused", "You can try again in 60 minutes, from {time}."),
    ],
)
def test_the_locked_out_page_says_when_to_try_again_in_the_visitors_language(
    admin_user, clock, language, title, try_again
):
    attacker = visitor("203.0.113.5", language=language)
    fail(attacker, settings.AXES_FAILURE_LIMIT)
    response = sign_in(attacker)
    assert response.status_code == 429
    soup = parse(response)
    assert text_of(one(soup, "main h1")) == title
    unlock = timezone.localtime(clock() + datetime.timedelta(hours=1)).strftime("%H:%M")
    assert text_of(one(soup, "main p.lockout-end")) == try_again.format(time=unlock)
    one(soup, 'main a[href="/admin/password_reset/"]')
