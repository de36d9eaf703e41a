"""The contribution forms, their error states and the "help wanted" page pass axe in 4 languages."""

import pytest

from tests.browser.conftest import assert_accessible, screenshot

LANGUAGES = ["fr", "de", "it", "en"]

pytestmark = pytest.mark.browser

# A published tool sheet to contribute to (the tools' demo content provides one when present).
FIND_OR_CREATE_TOOL = """
from wagtail.models import Locale
from wagtail_localize.synctree import create_aliases_for_new_page
from core.demo_utils import get_or_create_page, source_home
from tools.models import ToolIndexPage, ToolPage
tool = ToolPage.objects.live().filter(locale=Locale.get_default()).order_by("pk").first()
if tool is None:
    index = ToolIndexPage.objects.filter(locale=Locale.get_default()).first()
    if index is None:
        index, _ = get_or_create_page(source_home(), ToolIndexPage, "outils", title="Outils")
        create_aliases_for_new_page(index)
    tool, created = get_or_create_page(
        index, ToolPage, "carte-des-ressources", title="Carte des ressources",
        sheet_number="02a", summary="Cartographier les ressources humaines et financières.",
    )
    if created:
        create_aliases_for_new_page(tool)
print(tool.pk)
"""


@pytest.fixture(scope="module")
def tool_id(live_site):
    return int(live_site.shell(FIND_OR_CREATE_TOOL).strip().splitlines()[-1])


@pytest.mark.parametrize("language", LANGUAGES)
def test_help_wanted_page_has_no_axe_violations(live_site, page, tool_id, language):
    page.goto(f"{live_site.url}/{language}/contribuer/")
    assert page.locator("html").get_attribute("lang") == language
    assert page.locator("h1").count() == 1
    assert_accessible(page)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", ["exemple", "commentaire", "revision", "traduction"])
def test_tool_contribution_forms_have_no_axe_violations(live_site, page, tool_id, language, kind):
    page.goto(f"{live_site.url}/{language}/contribuer/outils/{tool_id}/{kind}/")
    assert page.locator("html").get_attribute("lang") == language
    assert_accessible(page, f"{kind} form ({language})")


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", ["exemple", "commentaire", "revision", "traduction"])
def test_tool_contribution_forms_in_error_have_no_axe_violations(
    live_site, page, tool_id, language, kind
):
    page.goto(f"{live_site.url}/{language}/contribuer/outils/{tool_id}/{kind}/")
    page.fill("#id_contributor_name", "Camille")
    page.fill("#id_contributor_email", "pas-une-adresse")
    page.locator("form.contribution-form button[type=submit]").click()
    page.wait_for_load_state()
    alert = page.locator("[role=alert]")
    assert alert.count() == 1
    assert page.locator(".errorlist").count() >= 1
    # What the person typed is still there.
    assert page.input_value("#id_contributor_name") == "Camille"
    assert page.input_value("#id_contributor_email") == "pas-une-adresse"
    assert_accessible(page, f"{kind} form with errors ({language})")
    if kind == "exemple" and language == "fr":
        screenshot(page, "contributions-example-errors-fr")


@pytest.mark.parametrize("language", LANGUAGES)
def test_propose_tool_form_and_its_errors_have_no_axe_violations(
    live_site, page, tool_id, language
):
    page.goto(f"{live_site.url}/{language}/contribuer/proposer-un-outil/")
    assert_accessible(page, f"proposal form ({language})")
    page.fill("#id_title", "<b>Outil</b>")
    page.locator("form.contribution-form button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator(".errorlist").count() >= 1
    assert_accessible(page, f"proposal form with errors ({language})")


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_sent_contribution_leads_to_an_accessible_thank_you_page(
    live_site, page, tool_id, language
):
    page.goto(f"{live_site.url}/{language}/contribuer/outils/{tool_id}/commentaire/")
    page.fill("#id_message", "Une observation faite en atelier.")
    page.fill("#id_contributor_name", "Camille")
    page.locator("form.contribution-form button[type=submit]").click()
    page.wait_for_url(f"**/{language}/contribuer/merci/**")
    # One message in the page itself (the header's search box has a live region of its own).
    assert page.locator("main [role=status]").count() == 1
    assert_accessible(page, f"thank-you page ({language})")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_private_follow_page_and_the_board_have_no_axe_violations(
    live_site, page, tool_id, language
):
    page.goto(f"{live_site.url}/{language}/contribuer/outils/{tool_id}/commentaire/")
    page.fill("#id_message", "Une remarque à suivre.")
    page.fill("#id_contributor_name", "Camille")
    page.locator("form.contribution-form button[type=submit]").click()
    page.wait_for_url(f"**/{language}/contribuer/merci/**")
    page.locator("a.contribution-link").click()
    page.wait_for_url(f"**/{language}/contribuer/suivi/*/")
    assert page.locator("h1").count() == 1
    assert_accessible(page, f"follow page ({language})")
    page.goto(f"{live_site.url}/{language}/contribuer/suivi/")
    assert page.locator(".contribution-board__item").count() >= 1
    assert_accessible(page, f"board ({language})")
    if language == "fr":
        screenshot(page, "contributions-board-fr")


FIND_SHARED_MODEL = """
from wagtail.models import Locale
from guides.models import BusinessModelPage
page = BusinessModelPage.objects.live().filter(locale=Locale.get_default()).order_by("pk").first()
print(page.pk, page.url)
"""


@pytest.fixture(scope="module")
def shared_model(live_site):
    pk, url = live_site.shell(FIND_SHARED_MODEL).strip().splitlines()[-1].split()
    return int(pk), url


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_adaptation_forms_have_no_axe_violations(
    live_site, page, tool_id, shared_model, language
):
    model_id, _url = shared_model
    for kind, page_id in (("outils", tool_id), ("modeles", model_id)):
        page.goto(f"{live_site.url}/{language}/contribuer/{kind}/{page_id}/adaptation/")
        assert page.locator("html").get_attribute("lang") == language
        assert_accessible(page, f"adaptation form of {kind} ({language})")


def test_a_visitor_proposes_an_adaptation_of_a_shared_model_from_its_page(
    live_site, page, shared_model
):
    _pk, url = shared_model
    page.goto(f"{live_site.url}{url}")
    page.locator("a[href*='/adaptation/']").first.click()
    page.wait_for_url("**/fr/contribuer/modeles/*/adaptation/")
    # Sent without what changed: the form says so and keeps what was typed.
    page.fill("#id_title", "Le café du quartier")
    page.fill("#id_adaptation_note", "Le même café, dans un quartier de ville.")
    page.fill("#id_contributor_name", "Inès")
    page.locator("form.contribution-form button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator(".errorlist").count() >= 1
    assert page.input_value("#id_title") == "Le café du quartier"
    assert_accessible(page, "adaptation form with errors (fr)")
    page.locator("input[name=changed][value=changed_sector]").check()
    page.fill("#id_organisation", "Association Quartier Vivant")
    page.fill("#id_country", "Suisse")
    page.fill("#id_year", "2025")
    page.locator("form.contribution-form button[type=submit]").click()
    page.wait_for_url("**/fr/contribuer/merci/**")
    assert page.locator("main [role=status]").count() == 1
    assert_accessible(page, "thank-you page after an adaptation (fr)")
    screenshot(page, "contributions-adaptation-sent-fr")
    stored = live_site.shell(
        "from contributions.models import ModelAdaptationProposal\n"
        "proposal = ModelAdaptationProposal.objects.get("
        "business_model__title='Le café du quartier')\n"
        "print(proposal.business_model.live, proposal.business_model.adapted_from_id is not None)\n"
    )
    assert stored.strip().splitlines()[-1] == "False True"
