"""Fixtures of the tool library tests: the demo library (rows come from tests/factories)."""

import pytest
from wagtail.models import Locale

from tools.models import ToolIndexPage


@pytest.fixture
def library(db):
    return ToolIndexPage.objects.get(locale=Locale.get_default(), slug="outils")
