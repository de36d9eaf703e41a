"""Records of logins to the administration (django-axes) are deleted after the period."""

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session

from tests.retention import days_ago, purge

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def periods(settings):
    settings.RETENTION_LOGIN_RECORDS_DAYS = 30


RECORD = {
    "user_agent": "Mozilla/5.0",
    "ip_address": "203.0.113.7",
    "username": "anne.rochat",
    "http_accept": "text/html",
    "path_info": "/admin/login/",
}


def recorded(model, days, **fields):
    # One row per user name, address and browser: AccessAttempt is unique on the three.
    row = model.objects.create(**{**RECORD, "user_agent": f"Mozilla/5.0 ({days})"}, **fields)
    model.objects.filter(pk=row.pk).update(attempt_time=days_ago(days))
    return row


@pytest.mark.parametrize(
    ("model", "category", "fields"),
    [
        (
            AccessAttempt,
            "failed login attempts",
            {"get_data": "", "post_data": "username=anne.rochat", "failures_since_start": 5},
        ),
        (AccessFailureLog, "log of failed logins", {"locked_out": True}),
        (AccessLog, "log of logins", {}),
    ],
)
def test_login_records_are_deleted_once_the_period_is_over(model, category, fields):
    kept = recorded(model, 29, **fields)
    gone = recorded(model, 31, **fields)

    assert purge("--dry-run")[category] == 1
    assert model.objects.filter(pk=gone.pk).exists()

    assert purge()[category] == 1
    assert not model.objects.filter(pk=gone.pk).exists()
    assert model.objects.filter(pk=kept.pk).exists()


def test_expired_sessions_are_deleted_and_current_ones_kept():
    current, expired = SessionStore(), SessionStore()
    for session in (current, expired):
        session["_auth_user_id"] = "1"
        session.create()
    Session.objects.filter(session_key=expired.session_key).update(expire_date=days_ago(1))

    assert purge()["expired sessions"] == 1

    assert not Session.objects.filter(session_key=expired.session_key).exists()
    assert Session.objects.filter(session_key=current.session_key).exists()
