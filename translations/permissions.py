"""Who sees the translation report, and which locales a translator works in.

Wagtail's snippet permissions are per model, not per locale. A person whose right to change a
translatable snippet comes only from "Translators (xx)" groups may edit it only in those
locales; `user_may_edit_snippet_locale` is checked by the snippet edit and delete views (see
wagtail_hooks.py).
"""

from django.contrib.auth.models import Permission
from wagtail.models import Locale

from home.roles import TRANSLATOR_GROUP_PREFIX


def can_view_translation_status(user):
    return user.is_active and (
        user.is_superuser or user.has_perm("wagtail_localize.submit_translation")
    )


def translator_language_codes(user):
    """Language codes of the user's "Translators (xx)" groups."""
    names = user.groups.filter(name__startswith=TRANSLATOR_GROUP_PREFIX).values_list(
        "name", flat=True
    )
    return sorted(name.rsplit("(", 1)[-1].rstrip(")") for name in names)


def translator_locales(user):
    return list(
        Locale.objects.filter(language_code__in=translator_language_codes(user)).order_by(
            "language_code"
        )
    )


def user_may_edit_snippet_locale(user, instance, action="change"):
    """False when the user may change this snippet model only as a translator of other locales."""
    if user.is_superuser:
        return True
    opts = instance._meta
    permission = Permission.objects.filter(
        content_type__app_label=opts.app_label, codename=f"{action}_{opts.model_name}"
    ).first()
    if permission is None:
        return True
    if user.user_permissions.filter(pk=permission.pk).exists():
        return True
    granting = user.groups.filter(permissions=permission).values_list("name", flat=True)
    granting = list(granting)
    if not granting:
        # No group gives it: the ordinary permission check already refuses.
        return True
    if any(not name.startswith(TRANSLATOR_GROUP_PREFIX) for name in granting):
        return True
    languages = {name.rsplit("(", 1)[-1].rstrip(")") for name in granting}
    return instance.locale.language_code in languages
