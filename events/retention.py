"""How long the events app keeps personal data (rules of `core.retention`).

A registration is deleted `RETENTION_REGISTRATIONS_DAYS` after its event ends; once deleted,
the admin's history of it loses the person's name and address. Another case (e.g.
registrations never confirmed) is one more rule in the list below.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from core.retention import RETENTION_HOOK, AnonymiseLogEntries, DeleteRows

from .models import Registration


def registrations_of_past_events(cutoff):
    return Registration.objects.filter(event__end__lt=cutoff)


@hooks.register(RETENTION_HOOK)
def registration_rules():
    return [
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
