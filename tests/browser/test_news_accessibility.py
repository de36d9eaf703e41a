"""The news index and a news item pass axe in all four languages; the home page shows the
latest news and the tool library its open data."""

import csv
import io

import pytest

from core.licences import Licence
from tests.browser.conftest import assert_accessible, screenshot

LANGUAGES = ["fr", "de", "it", "en"]
NEWS_ITEM = "actualites/lancement-21-jours-pour-convaincre/"

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("path", ["actualites/", NEWS_ITEM])
def test_news_pages_have_no_axe_violations(live_site, page, language, path):
    response = page.goto(f"{live_site.url}/{language}/{path}")
    assert response.status == 200
    assert page.locator("html").get_attribute("lang") == language
    assert page.locator("h1").count() == 1
    assert_accessible(page, f"{language}/{path}")


def test_a_news_item_shows_its_image_cycle_and_tools(live_site, page):
    page.goto(f"{live_site.url}/fr/{NEWS_ITEM}")
    image = page.locator("img.news-item__image")
    assert image.get_attribute("alt").startswith("Trois marches")
    assert page.get_by_role("link", name="21 jours pour convaincre").is_visible()
    assert page.get_by_role("heading", name="Outils cités").is_visible()
    screenshot(page, "news-item-fr")


def test_the_home_page_shows_the_latest_news_and_they_lead_to_the_index(live_site, page):
    page.goto(f"{live_site.url}/fr/")
    section = page.locator("section.home-news")
    assert section.locator("li.news-card").count() == 3
    assert_accessible(page, "home with news")
    section.get_by_role("link", name="Toutes les actualités").click()
    page.wait_for_url(f"{live_site.url}/fr/actualites/")
    assert page.locator("li.news-card").count() >= 6
    screenshot(page, "news-index-fr")


def test_the_tool_library_offers_the_open_data_downloads(live_site, page):
    page.goto(f"{live_site.url}/de/outils/")
    link = page.get_by_role("link", name="Werkzeugkatalog (CSV)")
    response = page.request.get(live_site.url + link.get_attribute("href"))
    assert response.headers["content-type"].startswith("text/csv")
    # The licence is in the headers and in each row, not in a line before the header row.
    assert 'rel="license"' in response.headers["link"]
    rows = list(csv.DictReader(io.StringIO(response.text())))
    licences = {row["licence"] for row in rows}
    assert Licence.CC_BY_SA_4 in licences and licences <= set(Licence.values)
