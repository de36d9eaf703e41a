"""How long the records of logins to the administration are kept (rules of `core.retention`).

django-axes records failed attempts (which lock a user name out), a log of failures and a log
of logins, each with the user name, address and browser. They are deleted
`RETENTION_LOGIN_RECORDS_DAYS` after the attempt: long enough to look into an attack, far
longer than a lockout lasts (`AXES_COOLOFF_TIME`). Expired sessions (in the database, Django's
default engine) go at once, as Django's `clearsessions` would delete them.
"""

from datetime import timedelta

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.sessions.models import Session
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from core.retention import RETENTION_HOOK, DeleteRows


def older_than(model):
    def rows(cutoff):
        return model.objects.filter(attempt_time__lt=cutoff)

    return rows


@hooks.register(RETENTION_HOOK)
def login_record_rules():
    period = {"setting": "RETENTION_LOGIN_RECORDS_DAYS", "order": 60}
    return [
        DeleteRows(
            "failed login attempts",
            rows=older_than(AccessAttempt),
            public_label=_(
                "Records of logins to the administration (user name, IP address, browser)"
            ),
            public_period=_("deleted %(days)s days after the login or attempt"),
            **period,
        ),
        DeleteRows("log of failed logins", rows=older_than(AccessFailureLog), **period),
        DeleteRows("log of logins", rows=older_than(AccessLog), **period),
        DeleteRows(
            "expired sessions",
            rows=lambda cutoff: Session.objects.filter(expire_date__lt=cutoff),
            period=timedelta(0),
            order=60,
        ),
    ]
