"""Every test starts from the whole demo site, transactional tests included.

The demo site is built once per run and copied for each worker (tests/demo_database.py); after
a transactional test Django empties the database and the copy is made again. Each of the two
transactional tests below deletes part of the site, so whichever runs second on a worker
fails unless the first one's damage was undone.
"""

import pytest
from wagtail.models import Locale, Page, Site

from tools.models import ToolPage

DEMO_TOOLS_AT_LEAST = 20


def assert_whole_demo_site():
    assert Site.objects.get(is_default_site=True).root_page.locale == Locale.get_default()
    assert {locale.language_code for locale in Locale.objects.all()} == {"fr", "de", "it", "en"}
    tools = ToolPage.objects.filter(locale=Locale.get_default())
    assert tools.count() >= DEMO_TOOLS_AT_LEAST
    assert tools.get(sheet_number="02a").live


@pytest.mark.django_db
def test_a_test_starts_from_the_whole_demo_site():
    assert_whole_demo_site()


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("turn", ["first", "second"])
def test_a_transactional_test_starts_from_the_whole_demo_site(turn):
    assert_whole_demo_site()
    Page.objects.filter(depth__gt=3, locale=Locale.get_default()).type(ToolPage).delete()
    assert not ToolPage.objects.filter(locale=Locale.get_default()).exists()
