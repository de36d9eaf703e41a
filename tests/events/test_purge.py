"""Registrations are deleted a configurable time after the event; so is their admin history's
personal data."""

from datetime import timedelta

import pytest
from django.test import override_settings
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from events.models import Registration
from tests.factories import AdministratorFactory, EventPageFactory, RegistrationFactory
from tests.html import parse, texts
from tests.retention import days_ago, purge

pytestmark = pytest.mark.django_db


def event_ended_days_ago(days):
    end = days_ago(days)
    return EventPageFactory(aliases=False, start=end - timedelta(hours=2), end=end)


@override_settings(RETENTION_REGISTRATIONS_DAYS=30)
def test_registrations_are_deleted_once_the_period_after_the_event_is_over():
    kept = RegistrationFactory(event=event_ended_days_ago(29))
    deleted = RegistrationFactory(event=event_ended_days_ago(31))
    upcoming = RegistrationFactory()

    assert purge()["registrations"] == 1

    assert not Registration.objects.filter(pk=deleted.pk).exists()
    assert set(Registration.objects.filter(pk__in=[kept.pk, upcoming.pk])) == {kept, upcoming}


def test_the_period_comes_from_the_settings():
    registration = RegistrationFactory(event=event_ended_days_ago(6))
    purge()
    assert Registration.objects.filter(pk=registration.pk).exists()
    with override_settings(RETENTION_REGISTRATIONS_DAYS=5):
        purge()
    assert not Registration.objects.filter(pk=registration.pk).exists()


def test_a_dry_run_counts_and_deletes_nothing():
    registration = RegistrationFactory(event=event_ended_days_ago(90))
    assert purge("--dry-run")["registrations"] == 1
    assert Registration.objects.filter(pk=registration.pk).exists()


def test_a_second_run_finds_nothing_left():
    RegistrationFactory(event=event_ended_days_ago(90))
    assert purge()["registrations"] == 1
    assert purge()["registrations"] == 0


@override_settings(RETENTION_ADMIN_LOG_DAYS=30)
def test_the_history_of_a_deleted_registration_keeps_the_action_and_date_but_not_the_person():
    registration = RegistrationFactory(name="Anne Rochat", email="anne@secret.example.net")
    entry = log(registration, "wagtail.edit")
    registration_id = str(registration.pk)
    registration.delete()
    ModelLogEntry.objects.filter(pk=entry.pk).update(timestamp=days_ago(31))
    recent = RegistrationFactory(name="Luc Favre", email="luc@secret.example.net")
    recent_entry = log(recent, "wagtail.edit")
    recent.delete()
    ModelLogEntry.objects.filter(pk=recent_entry.pk).update(timestamp=days_ago(29))

    assert purge()["admin history of deleted registrations"] == 1

    entry.refresh_from_db()
    assert entry.label == f"#{registration_id}"
    assert entry.data == {}
    assert "secret.example.net" not in str(entry.data)
    assert entry.action == "wagtail.edit"
    assert entry.timestamp.date() == days_ago(31).date()
    assert entry.object_id == registration_id
    recent_entry.refresh_from_db()
    assert recent_entry.label == "Luc Favre <luc@secret.example.net>"
    assert purge()["admin history of deleted registrations"] == 0


def test_the_history_of_a_registration_that_still_exists_is_left_alone():
    registration = RegistrationFactory(name="Anne Rochat")
    entry = log(registration, "wagtail.edit")
    ModelLogEntry.objects.filter(pk=entry.pk).update(timestamp=days_ago(400))
    purge()
    entry.refresh_from_db()
    assert entry.label == str(registration)


def test_the_site_history_report_shows_anonymised_entries_without_the_address(client):
    registration = RegistrationFactory(name="Anne Rochat", email="anne@secret.example.net")
    entry = log(registration, "wagtail.delete")
    registration_id = registration.pk
    registration.delete()
    ModelLogEntry.objects.filter(pk=entry.pk).update(timestamp=days_ago(400))
    purge()
    client.force_login(AdministratorFactory())

    report = "/admin/reports/site-history/"

    anonymised = client.get(report, {"label": f"#{registration_id}"})
    assert anonymised.status_code == 200
    assert any(f"#{registration_id}" in cell for cell in texts(parse(anonymised), "tbody td"))
    by_name = client.get(report, {"label": "Rochat"})
    assert by_name.status_code == 200
    assert "anne@secret.example.net" not in by_name.content.decode()
