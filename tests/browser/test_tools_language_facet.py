"""A German visitor on a phone finds the tools with German content through the language facet."""

import json
import re

import pytest

from tests.browser.conftest import assert_accessible, screenshot
from tools.listing import PAGE_SIZE

pytestmark = pytest.mark.browser

GERMAN_TOOLS = """
import json
from tools.models import ToolPage
pages = ToolPage.objects.live().filter(locale__language_code="de", alias_of__isnull=True)
print(json.dumps(sorted(page.get_url_parts()[2] for page in pages)))
"""


def test_a_german_visitor_on_a_phone_sees_only_tools_with_german_content(live_site, browser):
    german_sheets = json.loads(live_site.shell(GERMAN_TOOLS).strip().splitlines()[-1])
    assert len(german_sheets) >= 8
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    try:
        page.goto(f"{live_site.url}/de/outils/")
        everything = int(page.locator(".tool-results__count").inner_text().split()[0])
        # On a phone the filters are folded under their summary, below the results' count.
        assert not page.locator("details[data-facets]").evaluate("panel => panel.open")
        page.locator("details[data-facets] > summary").click()
        languages = page.get_by_role("group", name="Blatt oder Dateien auf")
        german = languages.get_by_role("checkbox", name=re.compile(r"^Deutsch \("))
        assert languages.locator('span[lang="de"]').inner_text() == "Deutsch"
        assert_accessible(page, "the German library's filters open on a phone")
        german.check()
        page.get_by_role("button", name="Werkzeuge anzeigen").click()
        page.wait_for_url(re.compile(r"language=de"))

        cards = page.locator("ul.tool-cards > li.tool-card > h3 > a")
        shown = sorted(cards.evaluate_all("links => links.map(link => link.pathname)"))
        # The demo's files are in their sheet's language: German content is a German sheet.
        assert set(shown) <= set(german_sheets)
        assert len(shown) == min(len(german_sheets), PAGE_SIZE)
        assert len(german_sheets) < everything
        assert (
            page.locator(".tool-results__count").inner_text().startswith(f"{len(german_sheets)} ")
        )
        page.locator("details[data-facets] > summary").click()
        assert (
            page.get_by_role("group", name="Blatt oder Dateien auf")
            .get_by_role("checkbox", name=re.compile(r"^Deutsch \("))
            .is_checked()
        )
        screenshot(page, "tools-library-de-language-facet-390")
        assert_accessible(page, "the German library filtered by German on a phone")
    finally:
        context.close()
