"""Helpers to arrange providers on top of the demo directory."""

import datetime
import itertools

import pytest
from django.core.cache import cache
from django.utils import timezone
from wagtail.models import Locale
from wagtail_localize.synctree import create_aliases_for_new_page

from providers.models import ProviderIndexPage, ProviderPage

_numbers = itertools.count(1)


def make_provider(index, *, publish=True, **fields):
    number = next(_numbers)
    values = {
        "title": f"Prestataire d'essai {number}",
        "slug": f"prestataire-essai-{number}",
        "kind": "person",
        "intro": "Accompagnement des associations.",
        "bio": "Une présentation courte.",
        "services": ["consulting"],
        "regions": ["CH-VD"],
        "languages": ["fr"],
        "owner_email": f"owner-{number}@secret.example.net",
        "last_confirmed": timezone.localdate(),
        "live": publish,
        **fields,
    }
    tools = values.pop("tools", [])
    page = ProviderPage(locale=index.locale, **values)
    page.tools = tools
    index.add_child(instance=page)
    create_aliases_for_new_page(page)  # as the admin does
    if publish:
        page.save_revision().publish()
    return page


@pytest.fixture
def index(db):
    return ProviderIndexPage.objects.get(locale=Locale.get_default())


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


def days_ago(days):
    return timezone.localdate() - datetime.timedelta(days=days)
