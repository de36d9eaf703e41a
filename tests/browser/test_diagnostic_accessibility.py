"""The self-diagnosis: questionnaire, error and result pages pass axe in all four languages."""

import re

import pytest

from tests.browser.conftest import assert_accessible, screenshot

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("language", ["fr", "de", "it", "en"])
def test_questionnaire_result_and_error_have_no_axe_violations(live_site, page, language):
    base = f"{live_site.url}/{language}/autodiagnostic/"
    page.goto(base)
    assert_accessible(page, f"questionnaire step 1 ({language})")
    # Answer each step with the keyboard-free path: tick the first answer of every question.
    while True:
        # Answers of earlier steps travel as hidden inputs: only tick the visible questions.
        visible = page.locator("form.diagnostic-form input[name^=q_]:not([type=hidden])")
        names = sorted({visible.nth(i).get_attribute("name") for i in range(visible.count())})
        for name in names:
            page.locator(f'input[name="{name}"]:not([type=hidden])').first.check()
        button = page.locator("form.diagnostic-form button[type=submit]")
        if "resultat" in (page.locator("form.diagnostic-form").get_attribute("action") or ""):
            page.locator("#optout").check()
            button.click()
            break
        button.click()
    page.wait_for_url(re.compile(r".*/resultat/\?.*"))
    assert page.locator("svg[role=img] desc").count() == 1
    assert_accessible(page, f"result ({language})")
    if language == "fr":
        screenshot(page, "diagnostic-result-fr")
    page.goto(base + "resultat/?q_tampered=1")
    assert_accessible(page, f"tampered result ({language})")
    page.goto(f"{live_site.url}/{language}/entrepreneur-social/")
    assert_accessible(page, f"checklist ({language})")
