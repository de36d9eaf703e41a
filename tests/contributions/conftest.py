"""Arrange tools, contributions and volunteers on top of the demo site."""

import itertools

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.test import RequestFactory
from wagtail.models import Locale
from wagtail_localize.synctree import create_aliases_for_new_page

from contributions import submission
from contributions.models import ToolComment, UsageExample
from home.demo_utils import get_or_create_page, source_home
from home.roles import EDITORS, MODERATORS, REVIEWERS, translator_group_name
from tools.models import ToolIndexPage, ToolPage

_numbers = itertools.count(1)


def library():
    index = ToolIndexPage.objects.filter(locale=Locale.get_default()).first()
    if index is None:
        index, _ = get_or_create_page(source_home(), ToolIndexPage, "outils", title="Outils")
        create_aliases_for_new_page(index)
    return index


def make_tool(**fields):
    number = next(_numbers)
    values = {
        "title": f"Outil d'essai {number}",
        "slug": f"outil-essai-{number}",
        "sheet_number": f"T{number:03d}",
        "summary": "Un outil pour tester les contributions.",
        **fields,
    }
    tool = ToolPage(locale=Locale.get_default(), **values)
    library().add_child(instance=tool)
    create_aliases_for_new_page(tool)  # as the admin does
    tool.save_revision().publish()
    return tool


def contributor(**fields):
    return {
        "contributor_name": "Camille Rochat",
        "contributor_email": "camille.rochat@secret.example.net",
        "consent_to_credit": True,
        "consent_to_contact": False,
        **fields,
    }


def approved_example(tool, **fields):
    example = UsageExample(
        tool=tool,
        locale=Locale.get_default(),
        title=fields.pop("title", "Exemple approuvé"),
        organisation=fields.pop("organisation", "Association du quartier"),
        description=fields.pop("description", "Nous avons utilisé l'outil en comité."),
        live=False,
        **contributor(**fields),
    )
    example.save()
    example.save_revision().publish()
    return example


def pending_example(tool, **fields):
    data = {
        "title": "Exemple en attente",
        "organisation": "Coopérative en attente",
        "description": "Pas encore relu.",
        **contributor(**fields),
    }
    return submission.submit_usage_example(tool, Locale.get_default(), data)


def pending_comment(tool, kind="comment", **fields):
    data = {"message": "Une remarque à relire.", **contributor(**fields)}
    return submission.submit_comment(tool, Locale.get_default(), kind, data)


def approved_comment(tool, **fields):
    comment = ToolComment(
        tool=tool,
        locale=Locale.get_default(),
        message=fields.pop("message", "Une remarque approuvée."),
        live=False,
        **contributor(**fields),
    )
    comment.save()
    comment.save_revision().publish()
    return comment


@pytest.fixture
def tool(db):
    return make_tool()


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def make_user(django_user_model):
    def make(username, *groups, superuser=False):
        if superuser:
            return django_user_model.objects.create_superuser(
                username=username, email=f"{username}@example.org", password="x"
            )
        user = django_user_model.objects.create_user(
            username=username, email=f"{username}@example.org", password="x"
        )
        user.groups.set(Group.objects.filter(name__in=groups))
        return user

    return make


@pytest.fixture
def volunteers(make_user, locales):
    people = {
        "contributor": make_user("visitor"),
        "editor": make_user("editor", EDITORS),
        "reviewer": make_user("reviewer", REVIEWERS),
        "moderator": make_user("moderator", MODERATORS),
        "admin": make_user("admin-user", superuser=True),
    }
    for code in locales:
        people[f"translator_{code}"] = make_user(f"translator-{code}", translator_group_name(code))
    return people


@pytest.fixture
def rf_request():
    def build(path="/fr/", user=None):
        request = RequestFactory().get(path, HTTP_HOST="localhost")
        if user is not None:
            request.user = user
        return request

    return build
