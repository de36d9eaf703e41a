"""The links of the registration e-mails: confirm the address, cancel the registration.

Both tokens sign the registration's id only (no e-mail address, nothing personal) with their
own salt, so one kind of link never works as the other:
- a confirmation link carries its signing time and expires with the confirmation period
  (`EMAIL_CONFIRMATION_HOURS`, 48 by default), like the unconfirmed registration itself;
- a cancellation link works until the event starts.

Links sent before these tokens (signed id *and* address, salt "events.registration.cancel")
keep working under the same rule, until the event starts: people cancel with the e-mail they
already have, which frees their seat for the waiting list; refusing them would leave empty
seats, while honouring them reveals nothing the recipient did not already hold. They expire
by themselves with their events.
"""

import enum

from django.core import signing
from django.utils import timezone

from .models import Registration, confirmation_period

CONFIRM_SALT = "events.registration.confirm"
CANCEL_SALT = "events.registration.cancel-v2"
LEGACY_CANCEL_SALT = "events.registration.cancel"


class LinkProblem(enum.Enum):
    INVALID = "invalid"  # forged, mangled or of another kind: 400
    GONE = "gone"  # the registration no longer exists: 410
    EXPIRED = "expired"  # too late: 410


def confirmation_token(registration):
    return signing.TimestampSigner(salt=CONFIRM_SALT).sign_object(registration.pk)


def cancel_token(registration):
    return signing.Signer(salt=CANCEL_SALT).sign_object(registration.pk)


def _registration(pk):
    if not isinstance(pk, int):
        return None
    return Registration.objects.select_related("event").filter(pk=pk).first()


def registration_to_confirm(token):
    """(registration, None) for a valid confirmation link, else (registration or None, problem)."""
    signer = signing.TimestampSigner(salt=CONFIRM_SALT)
    try:
        pk = signer.unsign_object(token, max_age=confirmation_period())
    except signing.SignatureExpired:
        return None, LinkProblem.EXPIRED
    except (signing.BadSignature, ValueError, TypeError, UnicodeError):
        return None, LinkProblem.INVALID
    registration = _registration(pk)
    if registration is None:
        return None, LinkProblem.GONE
    if registration.confirmation_expired():
        return registration, LinkProblem.EXPIRED
    return registration, None


def _cancel_pk_and_email(token):
    try:
        return signing.Signer(salt=CANCEL_SALT).unsign_object(token), None
    except (signing.BadSignature, ValueError, TypeError, UnicodeError):
        pass
    try:
        legacy = signing.loads(token, salt=LEGACY_CANCEL_SALT)
    except (signing.BadSignature, ValueError, TypeError, UnicodeError):
        return None, None
    if not isinstance(legacy, dict):
        return None, None
    return legacy.get("r"), legacy.get("e") or ""


def registration_to_cancel(token):
    """(registration, None) for a valid cancellation link, else (registration or None, problem)."""
    pk, legacy_email = _cancel_pk_and_email(token)
    if pk is None:
        return None, LinkProblem.INVALID
    registration = _registration(pk)
    if registration is None or (legacy_email is not None and registration.email != legacy_email):
        return None, LinkProblem.GONE
    if registration.event.start <= timezone.now():
        return registration, LinkProblem.EXPIRED
    return registration, None
