"""Walk-throughs: each volunteer role plays its part through the real admin, end to end.

An editor creates a tool sheet with an instrument and submits it; a reviewer approves it; a
moderator approves it, which publishes it; a translator translates it into German in
wagtail-localize's editor and submits the translation; a second German translator approves it,
which publishes it; a visitor finds it with the German
search, downloads its instrument and registers for an event. Then the dashboards and the guide
pass axe in the four languages. The section teams and the moderation of a public contribution
have their walk-throughs in test_section_walkthroughs.py (with their chapters' screenshots).

Screenshots go to test-artifacts/ (kept by CI) and, for those the volunteers' guide shows, as
small palette PNGs to docs/guide/img/ when SBM_GUIDE_SCREENSHOTS=1 (to test-artifacts/guide-img/
otherwise: see helpers.guide_images).
Every wait is on a condition (an element, a value, a new page): no sleeps. The editor is driven
as a volunteer drives it, with autosave at work (see helpers.py).
"""

import pytest
from playwright.sync_api import expect

from home.roles import EDITORS, MODERATORS, REVIEWERS, translator_group_name
from volunteers.guide import CHAPTERS

from .conftest import assert_accessible
from .helpers import (
    Chapter,
    approve_from_dashboard,
    create_volunteers,
    expect_editor_accepted,
    fill_field,
    load_next_page,
    log_in,
    new_page,
    open_editor,
    open_tab,
    save_screenshot,
    site_data,
    submit_editor,
    wait_for_autosave,
)

pytestmark = pytest.mark.browser

VOLUNTEERS = {
    "edith": ("Edith", EDITORS),
    "romain": ("Romain", REVIEWERS),
    "mona": ("Mona", MODERATORS),
    "dieter": ("Dieter", translator_group_name("de")),
    "greta": ("Greta", translator_group_name("de")),
}
TOOL_TITLE = "Boussole des partenariats"
TOOL_SLUG = "boussole-des-partenariats"
SHEET_NUMBER = "99z"
SUMMARY = "Une boussole pour choisir ses partenaires : qui apporte quoi, qui attend quoi."
GERMAN_TITLE = "Partnerschafts-Kompass"
INSTRUMENT = "Boussole à imprimer"
VISITOR_EMAIL = "visiteuse.walkthrough@example.org"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(scope="module")
def volunteers(live_site):
    """One account per role on the live site."""
    return create_volunteers(live_site, VOLUNTEERS)


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
        "'sheet_number': p.sheet_number, 'instruments': p.instruments.count(), "
        "'copies': pages.filter(locale=p.locale).count()} for p in pages}))\n",
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
    chapter = Chapter("publishing-a-tool")
    page = new_page(browser)
    log_in(page, live_site, "edith")
    save_screenshot(page, "dashboard-editor", guide=True, show="#volunteer-summary-section")

    # Autosave may create the page while the form is filled in: the submission then goes to it.
    open_editor(page, f"{live_site.url}/admin/pages/add/tools/toolpage/{library_id}/")
    fill_field(page, "#id_title", TOOL_TITLE).blur()
    expect(page.locator("#id_slug")).to_have_value(TOOL_SLUG)
    fill_field(page, "#id_sheet_number", SHEET_NUMBER)
    fill_field(page, "#id_summary", SUMMARY)
    save_screenshot(page, "tool-edit-content", guide=True)

    open_tab(page, chapter.label("Classement", "Classification"))
    lever = page.locator("input[type=checkbox][name=levers]").first
    lever.check()
    expect(lever).to_be_checked()

    open_tab(page, chapter.label("Fichiers", "Files"))
    page.locator("#id_instruments-ADD").click()
    fill_field(page, "#id_instruments-0-title", INSTRUMENT)
    choose = chapter.label("Choisir un document", "Choose a document")
    page.locator("button.chooser__choose-button", has_text=choose).click()
    modal = page.locator(".modal")
    modal.locator("a[href='#tab-upload']").click()
    pdf = tmp_path / "boussole.pdf"
    pdf.write_bytes(PDF)
    fill_field(page, "#id_document-chooser-upload-title", INSTRUMENT)
    page.set_input_files("input[name=document-chooser-upload-file]", str(pdf))
    modal.locator("#tab-upload button[type=submit]").click()
    expect(modal).to_be_hidden()
    expect(page.locator("#id_instruments-0-document")).not_to_have_value("")
    expect(page.locator(".chooser__title", has_text=INSTRUMENT)).to_be_visible()
    # The sheet is complete: autosave saves it and its footer clears (it said "paused" while
    # the new instrument's title and document were empty), as the volunteer sees it.
    wait_for_autosave(page)
    save_screenshot(page, "tool-edit-files", guide=True)

    save_draft = page.locator("button.action-save").first
    expect(save_draft).to_contain_text(chapter.label("Enregistrer le brouillon", "Save draft"))
    page.get_by_role("button", name="Plus d'actions").click()
    submit = page.locator("button[name=action-submit]")
    expect(submit).to_have_text(chapter.label("Soumettre à Relecture en co-création"))
    save_screenshot(page, "tool-submit", guide=True)
    submit_editor(page, submit, "soumise pour modération")
    page.context.close()

    state = tool_state(live_site)
    assert state["fr"]["copies"] == 1
    assert state["fr"]["live"] is False
    assert state["fr"]["sheet_number"] == SHEET_NUMBER
    assert state["fr"]["instruments"] == 1


def reviewer_approves(live_site, browser):
    page = new_page(browser)
    log_in(page, live_site, "romain")
    expect(page.locator("#awaiting-review-section")).to_contain_text(TOOL_TITLE)
    save_screenshot(page, "dashboard-reviewer", guide=True, show="#awaiting-review-section")
    approve_from_dashboard(page, TOOL_TITLE, Chapter("reviewing-a-contribution"))
    page.reload()
    expect(page.locator("#awaiting-review-section tr", has_text=TOOL_TITLE)).to_have_count(0)
    expect(page.locator("#volunteer-activity-section")).to_contain_text("Approuvé")
    page.context.close()
    assert tool_state(live_site)["fr"]["live"] is False


def moderator_publishes(live_site, browser):
    page = new_page(browser)
    log_in(page, live_site, "mona")
    expect(page.locator("#awaiting-review-section tr", has_text=TOOL_TITLE)).to_be_visible()
    save_screenshot(page, "dashboard-moderator", guide=True, show="#awaiting-review-section")
    approve_from_dashboard(page, TOOL_TITLE, Chapter("reviewing-a-contribution"))
    page.context.close()
    state = tool_state(live_site)
    assert state["fr"]["live"] is True
    assert state["de"]["alias"] is True


def translator_translates_into_german(live_site, browser):
    german_id = tool_state(live_site)["de"]["id"]
    page = new_page(browser)
    log_in(page, live_site, "dieter")
    page.goto(f"{live_site.url}/admin/pages/{german_id}/edit/")
    load_next_page(page, page.locator("a", has_text="Traduire cette page").click)
    load_next_page(page, page.locator("input[type=submit][value='Soumettre']").click)
    page.get_by_role("button", name="Traduire", exact=True).first.click()
    fill_field(page, "textarea >> nth=0", GERMAN_TITLE)
    with page.expect_response(
        lambda response: "/strings/" in response.url and response.request.method == "PUT"
    ) as saved:
        page.get_by_role("button", name="Enregistrer", exact=True).first.click()
    assert saved.value.ok, saved.value.status
    expect(page.locator(f"text={GERMAN_TITLE}").first).to_be_visible()
    load_next_page(page, page.locator("button", has_text="Traduire avec").first.click)
    expect(page.locator(".translation-machine-made")).to_contain_text("à relire")
    # Translators do not publish: a second translator of the language approves.
    expect(page.locator("button", has_text="Publier dans")).to_have_count(0)
    submit = page.get_by_role("button", name="Soumettre à la relecture")
    expect(submit).to_be_visible()
    save_screenshot(page, "translation-editor", guide=True)
    load_next_page(page, submit.click)
    expect(page.locator(".translation-review-state")).to_contain_text("Dieter")
    page.context.close()
    german = tool_state(live_site)["de"]
    assert german["live"] is True and german["title"] != GERMAN_TITLE  # not yet approved

    page = new_page(browser)
    log_in(page, live_site, "greta")
    page.goto(f"{live_site.url}/admin/pages/{german_id}/edit/")
    expect(page.locator(".translation-review-state")).to_contain_text("Dieter")
    load_next_page(page, page.get_by_role("button", name="Approuver et publier").click)
    page.context.close()
    german = tool_state(live_site)["de"]
    assert (german["title"], german["live"], german["alias"]) == (GERMAN_TITLE, True, False)


def visitor_finds_downloads_and_registers(live_site, browser):
    page = new_page(browser, "de")
    page.goto(f"{live_site.url}/de/")
    search = fill_field(page, "#site-search-q", GERMAN_TITLE)
    load_next_page(page, lambda: search.press("Enter"))
    result = page.locator("main a", has_text=GERMAN_TITLE).first
    expect(result).to_be_visible()
    assert_accessible(page, "German search results")
    save_screenshot(page, "visitor-search", guide=True)
    load_next_page(page, result.click)
    expect(page.locator("h1")).to_have_text(GERMAN_TITLE)
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
    fill_field(form, "input[name=name]", "Vera Besucherin")
    fill_field(form, "input[name=email]", VISITOR_EMAIL)
    form.locator("input[name=consent]").check()
    load_next_page(page, form.locator("button[type=submit]").click)
    assert "registration=pending" in page.url
    expect(page.locator("#registration [role=status]")).to_be_visible()
    save_screenshot(page, "visitor-registration")
    page.context.close()
    registered = site_data(
        live_site,
        "import json\n"
        "from events.models import Registration\n"
        f"print(json.dumps(Registration.objects.filter(email={VISITOR_EMAIL!r}).count()))\n",
    )
    assert registered == 1


# --- dashboards and guide in four languages ------------------------------------------------------


@pytest.mark.parametrize("language", ["fr", "de", "it", "en"])
def test_dashboard_and_guide_are_accessible(live_site, browser, volunteers, language):
    page = new_page(browser, language)
    log_in(page, live_site, "mona")
    expect(page.locator("#volunteer-figures-section svg[role=img]")).to_have_count(1)
    assert_accessible(page, f"moderator's dashboard ({language})")
    page.goto(f"{live_site.url}/admin/guide/")
    chapters = page.locator("nav.volunteer-guide__chapters a")
    expect(chapters).to_have_count(len(CHAPTERS))
    load_next_page(page, chapters.first.click)
    expect(page.locator("article.volunteer-guide img").first).to_be_attached()
    assert_accessible(page, f"guide chapter ({language})")
    page.context.close()


# --- a submission while autosave is creating the page -------------------------------------------

# Holds the answer to the editor's first background save of a new page until the test releases
# it: the server has created the page, the editor does not know yet. `answered` tells when the
# server has answered.
HOLD_FIRST_AUTOSAVE_SCRIPT = """
(() => {
    const fetch = window.fetch;
    const autosave = (window.testAutosave = { answered: false, release: null });
    window.fetch = (resource, options = {}) => {
        const answer = fetch(resource, options);
        const accept = new Headers(options.headers).get("Accept") || "";
        const isAutosave =
            (options.method || "").toUpperCase() === "POST" &&
            accept.includes("application/json") &&
            String(resource).includes("/admin/pages/add/");
        if (!isAutosave || autosave.release) {
            return answer;
        }
        answer.then(() => {
            autosave.answered = true;
        });
        return new Promise((resolve) => {
            autosave.release = () => resolve(answer);
        });
    };
})();
"""


def test_a_submission_during_an_autosave_goes_to_the_page_it_created(
    live_site, browser, volunteers, library_id
):
    """A volunteer submits a new page while autosave is creating it: the submission waits for
    the autosave and goes to the page it created (home/static/home/js/editor-submit-guard.js),
    instead of creating the page a second time and failing on the slug and the sheet number."""
    title, sheet_number = "Boussole des alliances", "98z"
    page = new_page(browser)
    log_in(page, live_site, "edith")
    page.context.add_init_script(HOLD_FIRST_AUTOSAVE_SCRIPT)
    open_editor(page, f"{live_site.url}/admin/pages/add/tools/toolpage/{library_id}/")
    fill_field(page, "#id_title", title).blur()
    expect(page.locator("#id_slug")).to_have_value("boussole-des-alliances")
    fill_field(page, "#id_sheet_number", sheet_number)
    fill_field(page, "#id_summary", SUMMARY)
    # Autosave now, as when Wagtail notices a change, and wait until the page exists.
    page.locator("form[data-edit-form]").evaluate(
        "form => form.dispatchEvent(new CustomEvent('w-unsaved:add', {detail: {type: 'edits'}}))"
    )
    page.wait_for_function("window.testAutosave.answered")

    page.get_by_role("button", name="Plus d'actions").click()
    submit = page.locator("button[name=action-submit]")
    expect(submit).to_be_visible()

    def submit_then_let_the_autosave_answer():
        submit.click()
        page.evaluate("window.testAutosave.release && window.testAutosave.release()")

    load_next_page(page, submit_then_let_the_autosave_answer)
    expect_editor_accepted(page, "soumise pour modération")
    page.context.close()

    pages = site_data(
        live_site,
        "import json\n"
        "from tools.models import ToolPage\n"
        f"pages = ToolPage.objects.filter(locale__language_code='fr', title={title!r})\n"
        "print(json.dumps([[p.sheet_number, p.current_workflow_state is not None] "
        "for p in pages]))\n",
    )
    assert pages == [[sheet_number, True]]
