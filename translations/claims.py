"""Claims: a translator says "Je m'en occupe" for one item in one of their languages.

One person per item and language (a unique constraint); claims and releases are written to
Wagtail's history (the "Site history" report), with who and when.
"""

from django.apps import apps
from django.db import IntegrityError, transaction
from wagtail.log_actions import log
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail_localize.models import TranslatableObject

from home.roles import MODERATORS

from .models import TranslationAssignment
from .permissions import can_view_translation_status, user_may_write_locale

CLAIM_ACTION = "translations.claim"
RELEASE_ACTION = "translations.release"


class AlreadyClaimed(Exception):
    pass


def source_instance(kind, pk):
    """The original (default locale) page or snippet named by the report's form, or None."""
    default_locale = Locale.get_default()
    if kind == "page":
        return Page.objects.filter(pk=pk, locale=default_locale).first()
    try:
        model = apps.get_model(kind)
    except (LookupError, ValueError):
        return None
    if not issubclass(model, TranslatableMixin):
        return None
    return model.objects.filter(pk=pk, locale=default_locale).first()


def may_claim(user, locale):
    return can_view_translation_status(user) and user_may_write_locale(
        user, "wagtail_localize.submit_translation", locale.language_code, translation=True
    )


def may_release(user, assignment):
    return (
        assignment.user_id == user.pk
        or user.is_superuser
        or user.groups.filter(name=MODERATORS).exists()
    )


def claim(user, instance, locale):
    translatable_object, _created = TranslatableObject.objects.get_or_create_from_instance(instance)
    try:
        with transaction.atomic():
            assignment = TranslationAssignment.objects.create(
                source=translatable_object, locale=locale, user=user
            )
    except IntegrityError as error:
        raise AlreadyClaimed from error
    log(assignment, CLAIM_ACTION, user=user, data=_audit_data(instance, locale))
    return assignment


def release(user, assignment):
    instance = assignment.source.get_instance(Locale.get_default())
    data = _audit_data(instance, assignment.locale)
    data["claimed_by"] = (
        assignment.user.get_username() if assignment.user else assignment.volunteer_name
    )
    log(assignment, RELEASE_ACTION, user=user, data=data)
    assignment.delete()


def _audit_data(instance, locale):
    return {"object": str(instance), "language": locale.language_code}
