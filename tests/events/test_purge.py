"""Registrations are deleted a configurable time after the event."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from events.models import Registration
from events.registrations import register
from tests.factories import EventPageFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def test_purge_deletes_only_registrations_of_events_past_the_retention_period(agenda):
    now = timezone.now()
    long_ago = EventPageFactory(
        parent=agenda, slug="atelier-ancien", aliases=False, start=now - timedelta(days=40)
    )
    recent = EventPageFactory(
        parent=agenda, slug="atelier-recent", aliases=False, start=now - timedelta(days=10)
    )
    upcoming = EventPageFactory(
        parent=agenda, slug="atelier-a-venir", aliases=False, start=now + timedelta(days=10)
    )
    for event in (long_ago, recent, upcoming):
        RegistrationFactory(event=event, name="Anne", email="anne@example.org")

    output = StringIO()
    call_command("purge_registrations", stdout=output)
    assert "1 registration(s) deleted" in output.getvalue()
    assert set(Registration.objects.values_list("event__slug", flat=True)) >= {
        "atelier-recent",
        "atelier-a-venir",
    }
    assert not Registration.objects.filter(event=long_ago).exists()

    with override_settings(EVENTS_REGISTRATION_RETENTION_DAYS=5):
        call_command("purge_registrations", stdout=StringIO())
    assert not Registration.objects.filter(event=recent).exists()
    assert Registration.objects.filter(event=upcoming).exists()


def test_dry_run_deletes_nothing(agenda):
    event = EventPageFactory(
        parent=agenda, slug="atelier-dry", aliases=False, start=timezone.now() - timedelta(days=90)
    )
    register(event, name="Anne", email="anne@example.org")
    output = StringIO()
    call_command("purge_registrations", "--dry-run", stdout=output)
    assert "1 registration(s) would be deleted" in output.getvalue()
    assert Registration.objects.filter(event=event).exists()
