"""Signed, expiring links: a provider updates their own profile without an account; an
applicant confirms the address typed in the application form.

The token signs the profile's `translation_key` (the same for every language version of the
profile) and a digest of the owner's e-mail address with Django's TimestampSigner: a token
opens one profile only, expires after `PROVIDER_UPDATE_LINK_MAX_AGE` seconds (14 days by
default), and stops working when the moderators change the owner's address.
"""

import hashlib
from urllib.parse import urlencode

from django.conf import settings
from django.core import signing
from django.utils import timezone

from core.urls import page_url

from .models import PendingApplication, confirmation_period

SALT = "providers.profile-update"
DEFAULT_MAX_AGE = 14 * 24 * 3600


def _signer():
    return signing.TimestampSigner(salt=SALT)


def _email_digest(email):
    return hashlib.sha256(email.strip().lower().encode()).hexdigest()[:16]


def make_token(page):
    return _signer().sign_object(
        {"key": str(page.translation_key), "email": _email_digest(page.owner_email)}
    )


def max_age():
    return getattr(settings, "PROVIDER_UPDATE_LINK_MAX_AGE", DEFAULT_MAX_AGE)


def token_matches(token, page):
    """True when the token was made for this profile and owner, and has not expired."""
    try:
        payload = _signer().unsign_object(token, max_age=max_age())
    except (signing.BadSignature, ValueError, TypeError):
        return False
    if not isinstance(payload, dict):
        return False
    return payload.get("key") == str(page.translation_key) and payload.get(
        "email"
    ) == _email_digest(page.owner_email)


def update_url(page, request=None):
    """The absolute address of the update form of the profile's source-language version."""
    query = urlencode({"token": make_token(page)})
    return f"{page_url(page, request)}{page.reverse_subpage('update')}?{query}"


APPLICATION_SALT = "providers.application.confirm"


def application_token(pending):
    """Signs the pending application's id only (no address); expires with the period."""
    return signing.TimestampSigner(salt=APPLICATION_SALT).sign_object(pending.pk)


def application_confirm_url(index_page, pending):
    query = urlencode({"token": application_token(pending)})
    return f"{page_url(index_page)}{index_page.reverse_subpage('apply_confirm')}?{query}"


def pending_application_from(token):
    """(pending application, None), or (None, "invalid" | "expired" | "gone")."""
    try:
        pk = signing.TimestampSigner(salt=APPLICATION_SALT).unsign_object(
            token, max_age=confirmation_period()
        )
    except signing.SignatureExpired:
        return None, "expired"
    except (signing.BadSignature, ValueError, TypeError, UnicodeError):
        return None, "invalid"
    pending = PendingApplication.objects.filter(pk=pk).first() if isinstance(pk, int) else None
    if pending is None:
        return None, "gone"
    if pending.confirmation_deadline <= timezone.now():
        return None, "expired"
    return pending, None
