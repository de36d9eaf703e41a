"""Shared fixtures.

The test database is created once per session with the site set up and the demo content
loaded (`load_demo_content`), so every test starts from the association's real site. Tests run
inside a transaction that is rolled back. A test that needs real transactions (concurrency)
uses `@pytest.mark.django_db(transaction=True, serialized_rollback=True)` so that the demo
content is restored after it.
"""

import io
import os

import pytest
from django.core.management import call_command
from django.db import connections
from django.db.models.signals import post_save
from django.test import Client
from hypothesis import settings as hypothesis_settings
from wagtail.models import Locale
from wagtail_localize.models import LocaleSynchronization, sync_trees_on_locale_sync_save

from home.models import HomePage

LANGUAGE_CODES = ["fr", "de", "it", "en"]

# Property-based tests draw the same examples on every run (no example database): a CI result
# can be reproduced, and a new failing input is found by raising max_examples locally, e.g.
# `HYPOTHESIS_PROFILE=explore scripts/test tests/news`.
hypothesis_settings.register_profile("ci", derandomize=True, database=None)
hypothesis_settings.register_profile("explore", max_examples=2000)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("load_demo_content", verbosity=0, stdout=io.StringIO())
        # Django serialised the database when it created it, before the demo content existed;
        # a transactional test with serialized_rollback restores that snapshot afterwards.
        # Take it again so that the demo content survives such tests.
        for connection in connections.all():
            connection._test_serialized_contents = connection.creation.serialize_db_to_string()
            connection.creation.deserialize_db_from_string = _without_tree_sync(
                connection.creation.deserialize_db_from_string
            )


def _without_tree_sync(deserialize):
    """Restoring the snapshot saves rows as they are ("raw"); wagtail-localize would still try
    to synchronise the language trees when a LocaleSynchronization row comes back, before the
    locales it points to exist. The trees in the snapshot are already synchronised."""

    def restore(data):
        post_save.disconnect(sync_trees_on_locale_sync_save, sender=LocaleSynchronization)
        try:
            deserialize(data)
        finally:
            post_save.connect(sync_trees_on_locale_sync_save, sender=LocaleSynchronization)

    return restore


@pytest.fixture
def client():
    return Client(HTTP_HOST="localhost")


@pytest.fixture
def locales(db):
    return {locale.language_code: locale for locale in Locale.objects.all()}


@pytest.fixture
def home_page(db):
    return HomePage.objects.get(depth=2, locale=Locale.get_default())
