"""What a first visit costs: a demo tool sheet with its pictures stays under 200 KB.

Chromium loads the sheet with an empty cache and reports, per resource, the bytes it received
(Resource Timing's `encodedBodySize`: the body as sent, compressed where the server
compressed it). The sheet's illustration arrives as WebP, the picture's modern source, at the
width the `sizes` attribute asks for.
"""

import pytest

pytestmark = pytest.mark.browser

TOOL_SHEET = "/fr/outils/"
BUDGET = 200 * 1024

WEIGHTS = """() => {
    const entries = [performance.getEntriesByType("navigation")[0],
                     ...performance.getEntriesByType("resource")];
    return entries.map(entry => ({
        name: entry.name, type: entry.initiatorType, bytes: entry.encodedBodySize}));
}"""


@pytest.mark.parametrize("width", [390, 1366])
def test_a_demo_tool_sheet_with_its_pictures_weighs_under_200_kb(live_site, browser, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(f"{live_site.url}{TOOL_SHEET}")
    page.click("text=Canevas du modèle socio-économique")
    page.wait_for_load_state("networkidle")
    page.evaluate("() => window.scrollTo(0, document.body.scrollHeight)")
    page.wait_for_load_state("networkidle")

    illustration = page.locator(".tool-sheet__header picture img")
    assert illustration.evaluate("img => img.complete && img.naturalWidth > 0")
    assert illustration.evaluate("img => img.currentSrc").endswith(".webp")

    resources = page.evaluate(WEIGHTS)
    context.close()
    total = sum(resource["bytes"] for resource in resources)
    report = ", ".join(f"{r['name'].rsplit('/', 1)[-1]}={r['bytes']}" for r in resources)
    print(f"tool sheet at {width} px: {total} bytes ({report})")
    assert total <= BUDGET, report
