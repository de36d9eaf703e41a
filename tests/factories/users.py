"""Volunteers with their roles: the groups that `setup_site` creates (home/roles.py).

A user's `groups` are group names (or `Group` rows); the groups must exist, as they do on the
demo site. The password is "x" unless given.
"""

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from factory.django import DjangoModelFactory

from guides.roles import TRAINERS
from home.roles import EDITORS, MODERATORS, REVIEWERS, translator_group_name


def _groups(names):
    return [name if isinstance(name, Group) else Group.objects.get(name=name) for name in names]


class UserFactory(DjangoModelFactory):
    """A person with an account and no role (a visitor who signed up, or an author)."""

    class Meta:
        model = get_user_model()

    username = factory.Sequence(lambda n: f"benevole-{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = "x"
    # Not a field: the names of the groups the user is put in.
    groups = ()

    @classmethod
    def _build(cls, model_class, *args, password, groups, **kwargs):
        user = model_class(*args, **kwargs)
        user.set_password(password)
        return user

    @classmethod
    def _create(cls, model_class, *args, groups, **kwargs):
        user = cls._get_manager(model_class).create_user(*args, **kwargs)
        if groups:
            user.groups.add(*_groups(groups))
        return user


class EditorFactory(UserFactory):
    """A member of the editorial team ("Editors"): writes pages of the default language."""

    username = factory.Sequence(lambda n: f"redaction-{n}")
    groups = (EDITORS,)


class ReviewerFactory(UserFactory):
    """A member of the review team ("Reviewers"): reviews and corrects, does not publish."""

    username = factory.Sequence(lambda n: f"relecture-{n}")
    groups = (REVIEWERS,)


class ModeratorFactory(UserFactory):
    """A member of the moderation team ("Moderators"): publishes and moderates contributions."""

    username = factory.Sequence(lambda n: f"moderation-{n}")
    groups = (MODERATORS,)


class TranslatorFactory(UserFactory):
    """A translator of one language (`language_code`, a parameter: "de" by default)."""

    class Params:
        language_code = "de"

    username = factory.LazyAttributeSequence(lambda user, n: f"traduction-{user.language_code}-{n}")
    groups = factory.LazyAttribute(lambda user: (translator_group_name(user.language_code),))


class AdministratorFactory(UserFactory):
    """An administrator: a superuser, who may do everything."""

    username = factory.Sequence(lambda n: f"administration-{n}")
    is_superuser = True
    is_staff = True


class TrainerFactory(UserFactory):
    """One of the association's trainers ("Formateur·rices"): opens the trainers' materials,
    has no access to the administration."""

    username = factory.Sequence(lambda n: f"formation-{n}")
    groups = (TRAINERS,)
