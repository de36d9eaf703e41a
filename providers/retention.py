"""How long the providers app keeps personal data (rules of `core.retention`).

An application the moderators did not accept (they asked for changes and the applicant did
not send the profile again) is deleted `RETENTION_PROVIDER_APPLICATIONS_DAYS` after the
decision, with its aliases in the other languages and its revisions; then the admin's history
of it loses the applicant's name. Published profiles stay while they are listed. An
application whose address was never confirmed is deleted once its confirmation link expired
(`EMAIL_CONFIRMATION_HOURS`), even when no new application comes in to clear it.
"""

from datetime import timedelta

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.models import Page, WorkflowState

from core.retention import RETENTION_HOOK, AnonymiseLogEntries, DeleteRows, decided_before

from .models import PendingApplication, ProviderPage


def declined_applications(cutoff):
    declined = decided_before(ProviderPage, cutoff, [WorkflowState.STATUS_NEEDS_CHANGES])
    return ProviderPage.objects.filter(pk__in=declined, live=False, first_published_at=None)


def unconfirmed_applications(_cutoff):
    """The confirmation period is counted by the queryset."""
    return PendingApplication.objects.expired_unconfirmed()


def delete_with_aliases(applications):
    for page in applications:
        for alias in Page.objects.filter(alias_of=page):
            alias.delete()
        page.delete()


@hooks.register(RETENTION_HOOK)
def provider_rules():
    return [
        DeleteRows(
            "unconfirmed provider applications",
            rows=unconfirmed_applications,
            period=timedelta(0),
            order=25,
        ),
        DeleteRows(
            "declined provider applications",
            rows=declined_applications,
            delete=delete_with_aliases,
            setting="RETENTION_PROVIDER_APPLICATIONS_DAYS",
            public_label=_("Applications to the provider directory that were not accepted"),
            public_period=_("deleted %(days)s days after the decision"),
            order=30,
        ),
        AnonymiseLogEntries(
            "admin history of deleted provider applications",
            models=[ProviderPage],
            setting="RETENTION_ADMIN_LOG_DAYS",
            order=90,
        ),
    ]
