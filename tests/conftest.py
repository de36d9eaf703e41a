"""Shared fixtures, lanes and the demo database.

The demo site (`load_demo_content`) is built once per run into a template and every xdist
worker starts from a copy of it (`tests/demo_database.py`). Tests run inside a transaction that
is rolled back. A test that needs real transactions (threads with their own connections) uses
`@pytest.mark.django_db(transaction=True)`: Django empties the database after it, and the
demo site is copied back from the template right away, so the next test finds it again.

Lanes (README, "Tests"): the default lane is everything not marked `slow`, `browser`,
`resilience` or `fuzz`. Tests under tests/browser/ and tests/resilience/ get their lane's
marker from their folder.
"""

import os
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import Client
from django.utils import translation
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings
from pytest_django.plugin import blocking_manager_key
from wagtail.models import Locale, Site

from home.models import HomePage

from . import demo_database

LANGUAGE_CODES = ["fr", "de", "it", "en"]
TESTS = Path(__file__).resolve().parent
FOLDER_LANES = {"browser": "browser", "resilience": "resilience"}

# Property-based tests take their budget from a profile, never from the test itself.
# "ci" (the default) draws the same examples on every run, with no example database, so that
# a CI result can be reproduced; "explore" draws many fresh examples to find new failing
# inputs: `HYPOTHESIS_PROFILE=explore scripts/test -m fuzz`.
# Examples share function-scoped fixtures (the test client, demo pages) on purpose, and the
# generators make large, slow inputs on purpose.
FUZZ_HEALTH_CHECKS = [
    HealthCheck.function_scoped_fixture,
    HealthCheck.too_slow,
    HealthCheck.data_too_large,
]
hypothesis_settings.register_profile(
    "ci",
    max_examples=60,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=FUZZ_HEALTH_CHECKS,
)
hypothesis_settings.register_profile(
    "explore",
    max_examples=2000,
    deadline=None,
    suppress_health_check=FUZZ_HEALTH_CHECKS,
)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

_created_run_folder = False


def pytest_configure(config):
    global _created_run_folder
    _created_run_folder = demo_database.start_run()


def pytest_unconfigure(config):
    if _created_run_folder:
        demo_database.finish_run()


def pytest_collection_modifyitems(config, items):
    for item in items:
        folder = Path(item.fspath).resolve().relative_to(TESTS).parts[0]
        lane = FOLDER_LANES.get(folder)
        if lane:
            item.add_marker(lane)
    # PostgreSQL's own behaviour is tested where it runs (CI's PostgreSQL lane), not reported
    # as skipped on SQLite.
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        elsewhere = [item for item in items if item.get_closest_marker("postgres_only")]
        if elsewhere:
            config.hook.pytest_deselected(items=elsewhere)
            items[:] = [item for item in items if item not in elsewhere]


@pytest.fixture(scope="session")
def django_db_setup(django_test_environment, django_db_blocker, django_db_modify_db_settings):
    """The worker's test database: a copy of the run's demo site (see module docstring)."""
    with django_db_blocker.unblock():
        demo_database.clone_into_test_database()
    _demo_database["ready"] = True
    yield
    with django_db_blocker.unblock():
        demo_database.drop_test_database()


_demo_database = {"ready": False}


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item, nextitem):
    yield
    # Wagtail caches the sites' root URLs; a test that changed a Site in a transaction rolled
    # back since would leave its addresses to the next tests of the process.
    Site.clear_site_root_paths_cache()
    # A request through the test client leaves its language active in the thread (Django's
    # LocaleMiddleware activates it and nothing resets it): the next test would run in German.
    translation.deactivate()
    # Values cached with versioned keys (core/cache.py) were computed from rows the rollback
    # removed, under versions the next test would read again.
    cache.clear()
    # After Django flushed the database of a transactional test, put the demo site back.
    if _demo_database["ready"] and _is_transactional(item):
        with item.config.stash[blocking_manager_key].unblock():
            demo_database.restore_test_database()


def _is_transactional(item):
    marker = item.get_closest_marker("django_db")
    if marker and (marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences")):
        return True
    return "transactional_db" in getattr(item, "fixturenames", ())


@pytest.fixture
def client():
    return Client(HTTP_HOST="localhost")


@pytest.fixture
def locales(db):
    return {locale.language_code: locale for locale in Locale.objects.all()}


@pytest.fixture
def home_page(db):
    return HomePage.objects.get(depth=2, locale=Locale.get_default())
