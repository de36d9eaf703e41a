"""How long the events app keeps personal data (rules of `core.retention`).

A registration is deleted `RETENTION_REGISTRATIONS_DAYS` after its event ends, and one whose
address was never confirmed once `EMAIL_CONFIRMATION_HOURS` have passed (its seat goes to the
waiting list: rows are deleted one by one through the ORM, whose signals promote); once
deleted, the admin's history of it loses the person's name and address.
"""

from datetime import timedelta

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from core.retention import RETENTION_HOOK, AnonymiseLogEntries, DeleteRows

from .models import Registration


def registrations_of_past_events(cutoff):
    return Registration.objects.filter(event__end__lt=cutoff)


def unconfirmed_registrations(_cutoff):
    """The confirmation period (`EMAIL_CONFIRMATION_HOURS`) is counted by the queryset."""
    return Registration.objects.expired_unconfirmed()


@hooks.register(RETENTION_HOOK)
def registration_rules():
    return [
        DeleteRows(
            "unconfirmed registrations",
            rows=unconfirmed_registrations,
            period=timedelta(0),
            order=5,
        ),
        DeleteRows(
            "registrations",
            rows=registrations_of_past_events,
            setting="RETENTION_REGISTRATIONS_DAYS",
            public_label=_("Registrations for events (name, e-mail address, organisation)"),
            public_period=_("deleted %(days)s days after the end of the event"),
            order=10,
        ),
        AnonymiseLogEntries(
            "admin history of deleted registrations",
            models=[Registration],
            setting="RETENTION_ADMIN_LOG_DAYS",
            public_label=_("Names and e-mail addresses in the history of the administration"),
            public_period=_("removed %(days)s days after the data itself was deleted"),
            order=90,
        ),
    ]
