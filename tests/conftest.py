"""Shared fixtures.

The test database is created once per session with the site set up and the demo content
loaded (`load_demo_content`), so every test starts from the association's real site. Tests run
inside a transaction that is rolled back. A test that needs real transactions (concurrency)
uses `@pytest.mark.django_db(transaction=True, serialized_rollback=True)` so that the demo
content is restored after it.
"""

import io

import pytest
from django.core.management import call_command
from django.test import Client
from wagtail.models import Locale

from home.models import HomePage

LANGUAGE_CODES = ["fr", "de", "it", "en"]


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("load_demo_content", verbosity=0, stdout=io.StringIO())


@pytest.fixture
def client():
    return Client(HTTP_HOST="localhost")


@pytest.fixture
def locales(db):
    return {locale.language_code: locale for locale in Locale.objects.all()}


@pytest.fixture
def home_page(db):
    return HomePage.objects.get(depth=2, locale=Locale.get_default())
