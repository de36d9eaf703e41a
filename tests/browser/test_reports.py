"""The downloads report in a browser: chart above the table, Wagtail's filters reload the table
in place, and the page passes axe."""

import pytest

from tests.browser.conftest import assert_accessible, screenshot

pytestmark = pytest.mark.browser

USERNAME, PASSWORD = "report-admin", "report-pass-123"


@pytest.fixture(scope="module")
def report_admin(live_site):
    live_site.shell(
        "from datetime import timedelta\n"
        "from django.contrib.auth.models import User\n"
        "from django.utils import timezone\n"
        "from tools.downloads import count_download\n"
        "from tools.models import ToolPage\n"
        f"User.objects.filter(username={USERNAME!r}).exists() or "
        f"User.objects.create_superuser({USERNAME!r}, 'r@example.org', {PASSWORD!r})\n"
        "tool = ToolPage.objects.get(sheet_number='02a', locale__language_code='fr')\n"
        "german = ToolPage.objects.get(sheet_number='02a', locale__language_code='de')\n"
        "document_id = tool.instruments.first().document_id\n"
        "today = timezone.localdate()\n"
        "count_download(tool.translation_key, document_id, tool.locale_id, today)\n"
        "three_days_ago = today - timedelta(days=3)\n"
        "count_download(tool.translation_key, document_id, german.locale_id, three_days_ago)\n"
    )
    return USERNAME


def test_the_language_filter_reloads_the_table_and_the_chart(live_site, page, report_admin):
    page.goto(f"{live_site.url}/admin/login/")
    page.fill("input[name=username]", report_admin)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_site.url}/admin/")
    response = page.goto(f"{live_site.url}/admin/reports/tool-downloads/")
    assert response.status == 200
    assert page.locator("#listing-results figure svg.download-chart rect").count() == 90
    languages = page.locator("#listing-results table.listing tbody tr td:nth-child(4)")
    # Other browser tests on the same site may have downloaded files too.
    shown = languages.all_inner_texts()
    assert {"de", "fr"} <= set(shown)
    german_rows = shown.count("de")
    assert_accessible(page)

    page.locator("#filters-drilldown button.w-slim-header-action-button").click()
    page.locator('#filters-drilldown button[aria-controls="drilldown-id_language"]').click()
    with page.expect_response(lambda answer: "/tool-downloads/results/" in answer.url):
        page.locator("select[name=language]").select_option("de")
    page.wait_for_function(
        "count => document.querySelectorAll('#listing-results table.listing tbody tr').length"
        " === count",
        arg=german_rows,
    )
    assert languages.all_inner_texts() == ["de"] * german_rows
    assert "language=de" in page.url
    screenshot(page, "tool-downloads-report-de")
