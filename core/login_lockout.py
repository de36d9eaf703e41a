"""Brute-force protection of the admin login, on django-axes.

Two locks, both lifted by themselves after `AXES_COOLOFF_TIME`, counted from the failure that
set them (a try during the lock is refused unrecorded, so it does not push the end back;
`AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False`):
- per account and address: `AXES_FAILURE_LIMIT` wrong passwords for one user name from one
  address lock that pair only; the same person from another address still gets in;
- per address: `LOGIN_FAILURE_LIMIT_PER_ADDRESS` wrong passwords from one address, whatever the
  user names, lock that address, so guessing across many names meets a limit too.
A successful login clears that account's failures from that address (and only those: logging
in to one's own account does not wash away guesses at others).

The addresses are `core.client_address`'s, as for every other limit of the site.
"""

import math

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username, get_cool_off, get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Max, Sum
from django.shortcuts import render
from django.utils import timezone


class LoginLockoutHandler(AxesDatabaseHandler):
    """Axes' database handler with a second, higher limit per address.

    Axes compares one count with one limit; `AXES_LOCKOUT_PARAMETERS` must list the account and
    address pair first and the address alone second. An address over its own limit counts as
    locked whatever its account count.
    """

    def get_failures(self, request, credentials=None) -> int:
        per_account, per_address = (
            attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0
            for attempts in self.get_user_attempts(request, credentials)
        )
        if per_address >= settings.LOGIN_FAILURE_LIMIT_PER_ADDRESS:
            return max(per_account, get_failure_limit(request, credentials))
        return per_account

    def reset_user_attempts(self, request, credentials=None) -> int:
        count, _ = AccessAttempt.objects.filter(
            username=get_client_username(request, credentials),
            ip_address=request.axes_ip_address,
        ).delete()
        return count


def lockout_response(request, original_response=None, credentials=None):
    """The page a locked-out login gets (429), in the language of the request, saying when the
    lock ends: at the latest, once the cool-off has passed since the last counted failure."""
    failures = LoginLockoutHandler().get_user_attempts(request, credentials)
    last_failures = [attempts.aggregate(last=Max("attempt_time"))["last"] for attempts in failures]
    last_failure = max(filter(None, last_failures), default=request.axes_attempt_time)
    unlocks_at = last_failure + get_cool_off(request)
    minutes = max(1, math.ceil((unlocks_at - request.axes_attempt_time).total_seconds() / 60))
    return render(
        request,
        "login_locked_out.html",
        {"unlocks_at": timezone.localtime(unlocks_at), "minutes": minutes},
        status=429,
    )
