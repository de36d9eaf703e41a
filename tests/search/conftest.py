"""Arrange pages to search on top of the demo site."""

import itertools

import pytest
from django.core.cache import cache
from wagtail.models import Locale
from wagtail_localize.synctree import create_aliases_for_new_page

from home.models import StandardPage
from taxonomy.models import Audience, Lever, Phase
from tools.models import ToolIndexPage, ToolPage

_numbers = itertools.count(1)


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def tool_index(db):
    return ToolIndexPage.objects.get(locale=Locale.get_default())


def make_tool(index, *, title, summary="Un outil pour les associations.", terms=None, **fields):
    number = next(_numbers)
    tool = ToolPage(
        locale=index.locale,
        title=title,
        slug=f"outil-recherche-{number}",
        sheet_number=f"S{number}",
        summary=summary,
        **fields,
    )
    index.add_child(instance=tool)
    create_aliases_for_new_page(tool)  # as the admin does
    for field_name, slugs in (terms or {}).items():
        model = {"levers": Lever, "phases": Phase, "audiences": Audience}[field_name]
        getattr(tool, field_name).set(model.objects.filter(locale=index.locale, slug__in=slugs))
    tool.save_revision().publish()
    return tool


def make_standard_page(parent, *, title, intro=""):
    number = next(_numbers)
    page = StandardPage(
        locale=parent.locale, title=title, slug=f"page-recherche-{number}", intro=intro
    )
    parent.add_child(instance=page)
    create_aliases_for_new_page(page)
    page.save_revision().publish()
    return page


@pytest.fixture
def lever_slugs(db):
    return list(Lever.objects.filter(locale=Locale.get_default()).values_list("slug", flat=True))
