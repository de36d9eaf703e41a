"""The retention command: rules discovered in every app, one transaction per category."""

from datetime import timedelta

import pytest
from django.core.management.base import CommandError
from wagtail import hooks

from core.retention import RETENTION_HOOK, DeleteRows, Rule, retention_rules
from events.models import Registration
from tests.factories import EventPageFactory, RegistrationFactory
from tests.retention import days_ago, purge

pytestmark = pytest.mark.django_db


def old_registration():
    end = days_ago(400)
    event = EventPageFactory(aliases=False, start=end - timedelta(hours=2), end=end)
    return RegistrationFactory(event=event)


def test_every_apps_rules_are_found_and_reported():
    names = {rule.name for rule in retention_rules()}
    assert {
        "registrations",
        "declined usage examples",
        "declined provider applications",
        "daily counts of searches",
        "failed login attempts",
        "orphaned attachments of usage examples",
        "admin history of deleted registrations",
    } <= names
    assert set(purge("--dry-run")) == names


def test_a_rule_registered_by_a_new_app_runs_without_changing_the_command():
    registration = RegistrationFactory()

    def rules():
        return [
            DeleteRows(
                "test registrations of Anne",
                rows=lambda cutoff: Registration.objects.filter(pk=registration.pk),
                period=timedelta(0),
            )
        ]

    with hooks.register_temporarily(RETENTION_HOOK, rules):
        assert purge("--dry-run")["test registrations of Anne"] == 1
        assert purge()["test registrations of Anne"] == 1


class FailingRule(Rule):
    """Deletes a registration, then fails: its deletion must be rolled back."""

    def __init__(self, registration):
        super().__init__("failing category", period=timedelta(0), order=0)
        self.registration = registration

    def candidates(self, cutoff):
        return [self.registration]

    def apply(self, candidates):
        Registration.objects.filter(pk=self.registration.pk).delete()
        yield 1
        raise RuntimeError("the storage went away")


def test_a_failing_category_is_rolled_back_and_the_others_still_run():
    protected = RegistrationFactory()
    expired = old_registration()

    failing = hooks.register_temporarily(RETENTION_HOOK, lambda: [FailingRule(protected)])
    with failing, pytest.raises(CommandError, match="failing category"):
        purge()

    assert Registration.objects.filter(pk=protected.pk).exists()
    assert not Registration.objects.filter(pk=expired.pk).exists()


def test_a_rule_needs_one_period():
    with pytest.raises(ValueError):
        DeleteRows("no period", rows=lambda cutoff: None)
    with pytest.raises(ValueError):
        DeleteRows("two periods", rows=None, setting="X", period=timedelta(1))
