"""Walk-throughs: each volunteer role plays its part through the real admin, end to end.

An editor creates a tool sheet with an instrument and submits it; a reviewer approves it; a
moderator approves it, which publishes it; a translator translates it into German in
wagtail-localize's editor and publishes the translation; a visitor finds it with the German
search, downloads its instrument and registers for an event. Then the dashboards and the guide
pass axe in the four languages, and the guide's remaining screenshots are taken.

Screenshots go to test-artifacts/ (kept by CI) and, for those the volunteers' guide shows, to
docs/guide/img/ as small palette PNGs, overwritten on each run so the guide stays current.
Every wait is on a selector, a navigation or a response: no sleeps.
"""

import json
import shutil

import pytest
from PIL import Image

from .conftest import ARTIFACTS, ROOT, assert_accessible

pytestmark = pytest.mark.browser

GUIDE_IMAGES = ROOT / "docs" / "guide" / "img"
PASSWORD = "walk-through-1"  # noqa: S105
VOLUNTEERS = {
    "edith": ("Edith", "Editors"),
    "romain": ("Romain", "Reviewers"),
    "mona": ("Mona", "Moderators"),
    "dieter": ("Dieter", "Translators (de)"),
}
BROWSER_LOCALES = {"fr": "fr-CH", "de": "de-CH", "it": "it-CH", "en": "en-GB"}
VIEWPORT = {"width": 1200, "height": 800}
TOOL_TITLE = "Boussole des partenariats"
GERMAN_TITLE = "Partnerschafts-Kompass"
INSTRUMENT = "Boussole à imprimer"
VISITOR_EMAIL = "visiteuse.walkthrough@example.org"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


# --- helpers ----------------------------------------------------------------------------------


def site_data(live_site, code):
    """Run Python on the live site's database and read back the JSON it prints."""
    return json.loads(live_site.shell(code).strip().splitlines()[-1])


def new_page(browser, language="fr"):
    context = browser.new_context(viewport=VIEWPORT, locale=BROWSER_LOCALES[language])
    return context.new_page()


def log_in(page, live_site, username):
    page.goto(f"{live_site.url}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():
        page.click("button[type=submit]")
    page.wait_for_selector("#volunteer-summary-section")


def save_screenshot(page, name, *, guide=False, show=None):
    """A screenshot in test-artifacts/; with `guide`, also a small copy for the guide.

    `show` is a selector scrolled to the top of the window first (what the guide talks about).
    """
    if show:
        page.locator(show).first.evaluate("element => element.scrollIntoView()")
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path))
    if guide:
        GUIDE_IMAGES.mkdir(parents=True, exist_ok=True)
        target = GUIDE_IMAGES / f"{name}.png"
        with Image.open(path) as image:
            image.convert("RGB").quantize(colors=64).save(target, optimize=True)
        if target.stat().st_size > path.stat().st_size:
            shutil.copyfile(path, target)
    return path


def open_tab(page, name):
    tab = page.get_by_role("tab", name=name, exact=True)
    tab.click()
    page.wait_for_selector(f"[role=tab][aria-selected=true]:has-text('{name}')")


def approve_from_dashboard(page, title):
    row = page.locator("#awaiting-review-section tr", has_text=title)
    row.locator("button[aria-label='Actions']").click()
    with page.expect_navigation():
        row.get_by_role("button", name="Approuver", exact=True).click()
    page.wait_for_selector("#volunteer-summary-section")


@pytest.fixture(scope="module")
def volunteers(live_site):
    """One account per role on the live site."""
    live_site.shell(
        "from django.contrib.auth.models import Group, User\n"
        f"for username, (first_name, group) in {VOLUNTEERS!r}.items():\n"
        "    user, _ = User.objects.get_or_create(username=username)\n"
        "    user.first_name = first_name\n"
        "    user.email = username + '@example.org'\n"
        f"    user.set_password({PASSWORD!r})\n"
        "    user.save()\n"
        "    user.groups.set([Group.objects.get(name=group)])\n"
    )
    return VOLUNTEERS


@pytest.fixture(scope="module")
def library_id(live_site):
    return site_data(
        live_site,
        "import json\n"
        "from wagtail.models import Locale\n"
        "from tools.models import ToolIndexPage\n"
        "print(json.dumps(ToolIndexPage.objects.get(locale=Locale.get_default()).pk))\n",
    )


def tool_state(live_site):
    return site_data(
        live_site,
        "import json\n"
        "from tools.models import ToolPage\n"
        f"pages = ToolPage.objects.filter(translation_key__in=ToolPage.objects.filter("
        f"title={TOOL_TITLE!r}).values('translation_key'))\n"
        "print(json.dumps({p.locale.language_code: {'id': p.pk, 'live': p.live, "
        "'title': p.title, 'alias': p.alias_of_id is not None, 'url': p.url, "
        "'instruments': p.instruments.count()} for p in pages}))\n",
    )


# --- the walk-through -------------------------------------------------------------------------


def test_a_tool_goes_from_an_editor_to_a_visitor(
    live_site, browser, volunteers, library_id, tmp_path
):
    editor_creates_and_submits_a_tool(live_site, browser, library_id, tmp_path)
    reviewer_approves(live_site, browser)
    moderator_publishes(live_site, browser)
    translator_translates_into_german(live_site, browser)
    visitor_finds_downloads_and_registers(live_site, browser)


def editor_creates_and_submits_a_tool(live_site, browser, library_id, tmp_path):
    page = new_page(browser)
    log_in(page, live_site, "edith")
    save_screenshot(page, "dashboard-editor", guide=True, show="#volunteer-summary-section")

    page.goto(f"{live_site.url}/admin/pages/add/tools/toolpage/{library_id}/")
    page.fill("#id_title", TOOL_TITLE)
    page.locator("#id_title").blur()
    page.wait_for_function("document.querySelector('#id_slug').value !== ''")
    page.fill("#id_sheet_number", "99z")
    page.fill(
        "#id_summary",
        "Une boussole pour choisir ses partenaires : qui apporte quoi, qui attend quoi.",
    )
    save_screenshot(page, "tool-edit-content", guide=True)

    open_tab(page, "Classement")
    page.locator("select[name=levers]").select_option(index=0)

    open_tab(page, "Fichiers")
    page.click("#id_instruments-ADD")
    page.fill("#id_instruments-0-title", INSTRUMENT)
    page.click("button.chooser__choose-button:has-text('Choisir un document')")
    page.click(".modal a[href='#tab-upload']")
    pdf = tmp_path / "boussole.pdf"
    pdf.write_bytes(PDF)
    page.fill("#id_document-chooser-upload-title", INSTRUMENT)
    page.set_input_files("input[name=document-chooser-upload-file]", str(pdf))
    page.click(".modal #tab-upload button[type=submit]")
    page.wait_for_selector(".modal", state="hidden")
    page.wait_for_selector(f".chooser__title:has-text('{INSTRUMENT}')")
    save_screenshot(page, "tool-edit-files", guide=True)

    page.click('button:has-text("Plus d\'actions")')
    submit = page.locator("button[name=action-submit]")
    submit.wait_for()
    save_screenshot(page, "tool-submit", guide=True)
    with page.expect_navigation():
        submit.click()
    errors = page.locator(".error-message").all_inner_texts()
    assert "soumise pour modération" in page.locator(".messages").inner_text(), errors
    page.context.close()

    state = tool_state(live_site)
    assert state["fr"]["live"] is False
    assert state["fr"]["instruments"] == 1


def reviewer_approves(live_site, browser):
    page = new_page(browser)
    log_in(page, live_site, "romain")
    waiting = page.locator("#awaiting-review-section")
    assert TOOL_TITLE in waiting.inner_text()
    save_screenshot(page, "dashboard-reviewer", guide=True, show="#awaiting-review-section")
    approve_from_dashboard(page, TOOL_TITLE)
    page.reload()
    page.wait_for_selector("#volunteer-summary-section")
    assert page.locator("#awaiting-review-section tr", has_text=TOOL_TITLE).count() == 0
    assert "Approuvé" in page.locator("#volunteer-activity-section").inner_text()
    page.context.close()
    assert tool_state(live_site)["fr"]["live"] is False


def moderator_publishes(live_site, browser):
    page = new_page(browser)
    log_in(page, live_site, "mona")
    page.locator("#awaiting-review-section tr", has_text=TOOL_TITLE).wait_for()
    save_screenshot(page, "dashboard-moderator", guide=True, show="#awaiting-review-section")
    approve_from_dashboard(page, TOOL_TITLE)
    page.context.close()
    state = tool_state(live_site)
    assert state["fr"]["live"] is True
    assert state["de"]["alias"] is True


def translator_translates_into_german(live_site, browser):
    german_id = tool_state(live_site)["de"]["id"]
    page = new_page(browser)
    log_in(page, live_site, "dieter")
    page.goto(f"{live_site.url}/admin/pages/{german_id}/edit/")
    with page.expect_navigation():
        page.click("a:has-text('Traduire cette page')")
    with page.expect_navigation():
        page.click("input[type=submit][value='Soumettre']")
    page.get_by_role("button", name="Traduire", exact=True).first.click()
    page.locator("textarea").first.fill(GERMAN_TITLE)
    page.get_by_role("button", name="Enregistrer", exact=True).first.click()
    page.wait_for_selector(f"text={GERMAN_TITLE}")
    with page.expect_navigation():
        page.click("button:has-text('Traduire avec')")
    page.wait_for_selector("button:has-text('Publier dans')")
    save_screenshot(page, "translation-editor", guide=True)
    with page.expect_navigation():
        page.click("button:has-text('Publier dans')")
    assert GERMAN_TITLE in page.locator(".messages").inner_text()
    page.context.close()
    german = tool_state(live_site)["de"]
    assert (german["title"], german["live"], german["alias"]) == (GERMAN_TITLE, True, False)


def visitor_finds_downloads_and_registers(live_site, browser):
    page = new_page(browser, "de")
    page.goto(f"{live_site.url}/de/")
    page.fill("#site-search-q", GERMAN_TITLE)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    result = page.locator(f"main a:has-text('{GERMAN_TITLE}')").first
    assert_accessible(page, "German search results")
    save_screenshot(page, "visitor-search", guide=True)
    with page.expect_navigation():
        result.click()
    assert page.locator("h1").inner_text().strip() == GERMAN_TITLE
    assert_accessible(page, "German tool sheet")
    download = page.locator("main a[href*='/tools/download/']").first
    with page.expect_response(lambda response: "/tools/download/" in response.url) as answer:
        download.click()
    response = answer.value
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    downloads = site_data(
        live_site,
        "import json\n"
        "from django.db.models import Sum\n"
        "from tools.models import DownloadCount, ToolPage\n"
        f"tool = ToolPage.objects.get(title={GERMAN_TITLE!r})\n"
        "print(json.dumps(DownloadCount.objects.filter(tool_key=tool.translation_key, "
        "locale=tool.locale).aggregate(total=Sum('count'))['total']))\n",
    )
    assert downloads == 1

    event_url = site_data(
        live_site,
        "import json\n"
        "from django.utils import timezone\n"
        "from events.models import EventPage\n"
        "events = EventPage.objects.live().filter(locale__language_code='de', "
        "start__gt=timezone.now()).order_by('start')\n"
        "print(json.dumps(next(e.url for e in events if e.takes_registrations "
        "and (e.seats_left() is None or e.seats_left() > 0))))\n",
    )
    page.goto(f"{live_site.url}{event_url}")
    form = page.locator("#registration form")
    form.locator("input[name=name]").fill("Vera Besucherin")
    form.locator("input[name=email]").fill(VISITOR_EMAIL)
    form.locator("input[name=consent]").check()
    with page.expect_navigation():
        form.locator("button[type=submit]").click()
    assert "registration=confirmed" in page.url
    page.locator("#registration [role=status]").wait_for()
    save_screenshot(page, "visitor-registration")
    page.context.close()
    registered = site_data(
        live_site,
        "import json\n"
        "from events.models import Registration\n"
        f"print(json.dumps(Registration.objects.filter(email={VISITOR_EMAIL!r}).count()))\n",
    )
    assert registered == 1


# --- dashboards and guide in four languages, and the guide's other screenshots ------------------


@pytest.mark.parametrize("language", ["fr", "de", "it", "en"])
def test_dashboard_and_guide_are_accessible(live_site, browser, volunteers, language):
    page = new_page(browser, language)
    log_in(page, live_site, "mona")
    assert page.locator("#volunteer-figures-section svg[role=img]").count() == 1
    assert_accessible(page, f"moderator's dashboard ({language})")
    page.goto(f"{live_site.url}/admin/guide/")
    chapters = page.locator("nav.volunteer-guide__chapters a")
    assert chapters.count() == 5
    with page.expect_navigation():
        chapters.first.click()
    assert page.locator("article.volunteer-guide img").count() >= 1
    assert_accessible(page, f"guide chapter ({language})")
    page.context.close()


def test_screens_for_the_cycle_and_provider_chapters(live_site, browser, volunteers):
    ids = site_data(
        live_site,
        "import json\n"
        "from wagtail.models import Locale\n"
        "from events.models import EventSeriesPage\n"
        "from providers.models import ProviderPage\n"
        "french = Locale.get_default()\n"
        "print(json.dumps([EventSeriesPage.objects.filter(locale=french).first().pk, "
        "ProviderPage.objects.filter(locale=french).first().pk]))\n",
    )
    cycle_id, provider_id = ids
    page = new_page(browser)
    log_in(page, live_site, "mona")
    page.goto(f"{live_site.url}/admin/pages/{cycle_id}/edit/")
    page.wait_for_selector("form#page-edit-form")
    save_screenshot(page, "cycle-admin", guide=True)
    page.goto(f"{live_site.url}/admin/pages/{provider_id}/edit/")
    open_tab(page, "Classement")
    save_screenshot(page, "provider-admin", guide=True)
    page.context.close()
    for name in ("cycle-admin", "provider-admin"):
        assert (GUIDE_IMAGES / f"{name}.png").stat().st_size < 400_000
