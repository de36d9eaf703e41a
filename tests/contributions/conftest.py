"""Fixtures of the contributions tests: a published tool sheet, volunteers of every role, an
empty cache and requests (rows come from tests/factories)."""

import pytest
from django.core.cache import cache
from django.test import RequestFactory

from tests.factories import (
    AdministratorFactory,
    EditorFactory,
    ModeratorFactory,
    ReviewerFactory,
    ToolPageFactory,
    TranslatorFactory,
    UserFactory,
)


@pytest.fixture
def tool(db):
    return ToolPageFactory()


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def volunteers(locales):
    people = {
        "contributor": UserFactory(username="visitor"),
        "editor": EditorFactory(username="editor"),
        "reviewer": ReviewerFactory(username="reviewer"),
        "moderator": ModeratorFactory(username="moderator"),
        "admin": AdministratorFactory(username="admin-user"),
    }
    for code in locales:
        people[f"translator_{code}"] = TranslatorFactory(
            username=f"translator-{code}", language_code=code
        )
    return people


@pytest.fixture
def rf_request():
    def build(path="/fr/", user=None):
        request = RequestFactory().get(path, HTTP_HOST="localhost")
        if user is not None:
            request.user = user
        return request

    return build
