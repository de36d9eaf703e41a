"""The library's editor rows, as an editor does them in the admin: importing tool sheets from the
template spreadsheet (checked first, then imported as drafts, idempotent) and reading a tool's
impact; a guide's licence, shown to visitors and explained to the editor who chooses it; and,
as a visitor, a trainers' document refused without the trainers' login. Axe clean.
"""

import json

import pytest
from playwright.sync_api import expect

from home.roles import EDITORS
from tools.import_views import TEMPLATE_FILE

from .conftest import ROOT, assert_accessible
from .helpers import fill_field, load_next_page

pytestmark = pytest.mark.browser

PASSWORD = "library-rows-1"  # noqa: S105
TEMPLATE = ROOT / "tools" / "static" / TEMPLATE_FILE


def site_data(live_site, code):
    return json.loads(live_site.shell(code).strip().splitlines()[-1])


@pytest.fixture(scope="module")
def editor(live_site):
    live_site.shell(
        "from django.contrib.auth.models import Group, User\n"
        "user, _ = User.objects.get_or_create(username='eliane')\n"
        "user.first_name = 'Éliane'\n"
        "user.email = 'eliane@example.org'\n"
        f"user.set_password({PASSWORD!r})\n"
        "user.save()\n"
        f"user.groups.set([Group.objects.get(name={EDITORS!r})])\n"
    )
    return "eliane"


@pytest.fixture
def admin_page(browser, live_site, editor):
    context = browser.new_context(viewport={"width": 1200, "height": 800}, locale="fr-CH")
    page = context.new_page()
    page.goto(f"{live_site.url}/admin/login/")
    fill_field(page, "#id_username", editor)
    fill_field(page, "#id_password", PASSWORD)
    load_next_page(page, page.locator("button[type=submit]").click)
    yield page
    context.close()


def check_file(page, live_site):
    page.goto(f"{live_site.url}/admin/tools/import/")
    page.set_input_files("#id_spreadsheet", str(TEMPLATE))
    load_next_page(page, page.get_by_role("button", name="Vérifier le fichier").click)
    return page.locator("section[aria-labelledby='import-check'] tbody tr")


def test_an_editor_imports_the_template_twice_and_gets_each_tool_once(admin_page, live_site):
    page = admin_page
    rows = check_file(page, live_site)
    expect(rows).to_have_count(2)
    for row in rows.all():
        expect(row).to_contain_text("Nouvelle fiche")
    assert_accessible(page, "import: check of the file")

    load_next_page(
        page, page.get_by_role("button", name="Importer ces fiches comme brouillons").click
    )
    messages = page.locator(".messages")
    expect(messages).to_contain_text("brouillons")
    # The admin's messages fade in: axe measures their contrast once they are shown.
    messages.evaluate(
        "element => Promise.all(element.getAnimations({subtree: true}).map(a => a.finished))"
    )
    assert_accessible(page, "import: done")

    # The same file again: nothing new, nothing changed.
    rows = check_file(page, live_site)
    for row in rows.all():
        expect(row).to_contain_text("Inchangée")
    drafts = site_data(
        live_site,
        "import json\n"
        "from tools.models import ToolPage\n"
        "print(json.dumps(sorted(ToolPage.objects.filter(sheet_number__in=['90', '91'],"
        " locale__language_code='fr').values_list('sheet_number', 'live'))))\n",
    )
    assert drafts == [["90", False], ["91", False]]


def test_an_editor_reads_a_tools_impact(admin_page, live_site):
    tool_id = site_data(
        live_site,
        "import json\n"
        "from tools.models import ToolPage\n"
        "print(json.dumps(ToolPage.objects.live().filter(locale__language_code='fr',"
        " sheet_number='02a').values_list('pk', flat=True).get()))\n",
    )
    page = admin_page
    page.goto(f"{live_site.url}/admin/tools/{tool_id}/impact/")
    expect(page.locator("h2.impact-total")).to_contain_text("téléchargement")
    expect(page.locator("svg.download-chart")).to_be_visible()
    assert_accessible(page, "tool impact")


def test_a_visitor_cannot_open_a_trainers_document(page, live_site):
    url = site_data(
        live_site,
        "import json\n"
        "from guides.models import TrainingMaterial\n"
        "material = TrainingMaterial.objects.filter(for_trainers_only=True).first()\n"
        "print(json.dumps(material.document.url))\n",
    )
    page.goto(f"{live_site.url}/fr/formations/former-les-formateurs/")
    assert page.locator(f"a[href='{url}']").count() == 0
    response = page.goto(f"{live_site.url}{url}")
    # Wagtail's collection restriction sends the visitor to the login page.
    assert "/login" in page.url or response.status == 403
    assert_accessible(page, "trainers' document refused")


def test_a_guide_shows_its_licence_and_the_editor_reads_what_each_licence_allows(
    admin_page, live_site
):
    guide = site_data(
        live_site,
        "import json\n"
        "from guides.models import GuidePage\n"
        "guide = GuidePage.objects.live().get(slug='fil-rouge-conception',"
        " locale__language_code='fr')\n"
        "print(json.dumps([guide.pk, guide.licence_url]))\n",
    )
    page = admin_page
    page.goto(f"{live_site.url}/fr/fils-rouges/fil-rouge-conception/")
    expect(page.locator(".guide-licence a[rel='license']")).to_have_attribute("href", guide[1])

    page.goto(f"{live_site.url}/admin/pages/{guide[0]}/edit/")
    choices = page.locator("input[type='radio'][name='licence']")
    expect(choices).to_have_count(5)
    explanations = page.locator(".licence-explanation")
    expect(explanations).to_have_count(5)
    expect(explanations.first).to_contain_text("Le choix habituel de l'association")
    # Each option is described by its explanation, for screen readers too.
    first_id = explanations.first.get_attribute("id")
    assert first_id in choices.first.get_attribute("aria-describedby").split()
