"""Which locales a person may write in: the rule every admin and API write is checked against.

Wagtail's permissions are per model (snippets) or per page tree, and wagtail-localize checks
only `submit_translation` or the model's permission. On top of them each group has a locale
scope (`home/roles.py`, `LOCALE_SCOPES`): moderators write in every locale, editors and
reviewers in the source locale, a translators' group in its own locale only. The translators of
the source locale (French) translate only: they may change a French page or snippet that is a
translation of content written in another language, never the French originals.

A permission is judged by the groups that grant it: a person in "Équipe de relecture" and
"Équipe de traduction (de)" may change a German lever because the translators' group grants
that permission, and its scope is German. A permission given to the user directly (not
through a group) has no locale scope. `translations/middleware.py` applies these functions to
every admin and API path; nothing else needs to call them before writing.
"""

from dataclasses import dataclass

from django.contrib.auth.models import Group, Permission
from django.db.models import Q
from wagtail.models import GroupPagePermission, Locale
from wagtail_localize.models import TranslationSource

from home import roles
from home.roles import TRANSLATOR_GROUP_PREFIX

EVERY_LOCALE = "every locale"


@dataclass(frozen=True)
class LocaleScope:
    """Where a group writes: a set of language codes (or every locale), and whether in the
    source locale it may change translations only."""

    languages: frozenset | str
    translations_only_in_source: bool = False

    def admits(self, language_code, source_language_code, is_translation):
        if self.languages != EVERY_LOCALE and language_code not in self.languages:
            return False
        if self.translations_only_in_source and language_code == source_language_code:
            return is_translation
        return True


def source_language_code():
    return Locale.get_default().language_code


def group_scope(group_name):
    """The locale scope of a group; a group the roles table does not know writes nowhere."""
    if group_name.startswith(TRANSLATOR_GROUP_PREFIX):
        language_code = translator_language_code(group_name)
        return LocaleScope(frozenset([language_code]), translations_only_in_source=True)
    scope = roles.LOCALE_SCOPES.get(group_name)
    if scope == roles.SOURCE_LOCALE:
        return LocaleScope(frozenset([source_language_code()]))
    if scope == roles.EVERY_LOCALE:
        return LocaleScope(EVERY_LOCALE)
    return LocaleScope(frozenset())


def translator_language_code(group_name):
    return group_name.rsplit("(", 1)[-1].rstrip(")")


def translator_language_codes(user):
    """Language codes of the user's translators' groups ("Équipe de traduction (xx)")."""
    names = user.groups.filter(name__startswith=TRANSLATOR_GROUP_PREFIX).values_list(
        "name", flat=True
    )
    return sorted(translator_language_code(name) for name in names)


def translator_locales(user):
    return list(
        Locale.objects.filter(language_code__in=translator_language_codes(user)).order_by(
            "language_code"
        )
    )


def can_view_translation_status(user):
    return user.is_active and (
        user.is_superuser or user.has_perm("wagtail_localize.submit_translation")
    )


def is_translation(instance):
    """True when the instance is a translation of an original written in another locale."""
    if instance is None or instance.pk is None:
        return False
    return (
        TranslationSource.objects.filter(object_id=instance.translation_key)
        .exclude(locale_id=instance.locale_id)
        .exists()
    )


def _permission(dotted):
    app_label, codename = dotted.split(".", 1)
    return Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()


def _admitted(user, granting_groups, language_code, translation):
    source = source_language_code()
    return any(
        group_scope(name).admits(language_code, source, translation) for name in granting_groups
    )


def user_may_write_locale(user, permission, language_code, *, translation=False):
    """May the user use `permission` ("app_label.codename") in this locale?

    `translation` says whether what is written there is a translation of another locale's
    original. When no group grants the permission, this returns True: the ordinary permission
    check refuses on its own, and this function only narrows it.
    """
    if user.is_superuser:
        return True
    found = _permission(permission)
    if found is None or user.user_permissions.filter(pk=found.pk).exists():
        return True
    granting = list(user.groups.filter(permissions=found).values_list("name", flat=True))
    if not granting:
        return True
    return _admitted(user, granting, language_code, translation)


def user_may_write_object(user, instance, action="change"):
    """May the user change (or delete, publish ...) this translatable snippet instance?"""
    opts = instance._meta
    return user_may_write_locale(
        user,
        f"{opts.app_label}.{action}_{opts.model_name}",
        instance.locale.language_code,
        translation=is_translation(instance),
    )


def user_may_write_page(user, page, *, creating=False):
    """May the user write this page (or, `creating`, a new page under it)?

    Judged by the groups whose page permissions reach the page through its ancestors. When
    none does, Wagtail's own check refuses and this returns True.
    """
    if user.is_superuser:
        return True
    ancestors = page.get_ancestors(inclusive=True)
    granting = list(
        Group.objects.filter(
            Q(pk__in=GroupPagePermission.objects.filter(page__in=ancestors).values("group_id")),
            user=user,
        ).values_list("name", flat=True)
    )
    if not granting:
        return True
    translation = False if creating else is_translation(page)
    return _admitted(user, granting, page.locale.language_code, translation)


def user_may_use_model(user, model):
    """Any permission on the model at all (to list its objects in an admin API)."""
    if user.is_superuser:
        return True
    opts = model._meta
    return any(
        user.has_perm(f"{opts.app_label}.{action}_{opts.model_name}")
        for action in ("add", "change", "delete", "view", "publish")
    )
