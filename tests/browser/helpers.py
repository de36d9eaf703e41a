"""Driving the admin from browser tests: wait for the editor, fill it, submit it, read its errors.

Wagtail's editor is a live form. About 2 seconds after it opens, its scripts keep a copy of the
form to notice changes; from then on, autosave posts the changed form in the background. On a
new page the first background save creates the page, points the form at the page's edit
address and changes the address in the location bar with `history.replaceState`, which
Playwright counts as a navigation: `expect_navigation()` around a click may return before the
page the click asked for has even arrived, and the test then reads the old page. So these
helpers wait for a new document instead, wait until the editor watches for changes before
typing (its scripts have all run by then), check that each field holds what was typed, and on
a refused submission report every field error of every tab, hidden tabs included.

The walk-throughs' volunteers share the rest: accounts, logging in, screenshots for the guide,
and reading back data from the live site.
"""

import json
import os
import re
import shutil

from django.utils import translation
from django.utils.translation import gettext
from PIL import Image
from playwright.sync_api import expect

from .conftest import ARTIFACTS, ROOT

GUIDE_DIR = ROOT / "docs" / "guide"
# The guide's screenshots are written into docs/guide/img/ only when this variable is "1"
# (docs/volunteers.md, "Screenshots and walk-throughs"); otherwise into the run's
# test-artifacts/guide-img/, so that a local or CI run leaves the tree as it was.
GUIDE_SCREENSHOTS_VARIABLE = "SBM_GUIDE_SCREENSHOTS"


def guide_images():
    """Where the walk-throughs write the guide's screenshots in this run."""
    if os.environ.get(GUIDE_SCREENSHOTS_VARIABLE) == "1":
        return GUIDE_DIR / "img"
    return ARTIFACTS / "guide-img"


PASSWORD = "walk-through-1"  # noqa: S105
BROWSER_LOCALES = {"fr": "fr-CH", "de": "de-CH", "it": "it-CH", "en": "en-GB"}
VIEWPORT = {"width": 1200, "height": 800}

# Generous bounds, not pauses: each wait ends as soon as its condition holds. A busy CI machine
# may take seconds to answer a form.
LOAD_TIMEOUT = 60_000
EDITOR_TIMEOUT = 30_000

# Marks the document once the editor watches for changes (Wagtail's `w-unsaved` controller has
# kept its copy of the form and dispatched `w-unsaved:watch-edits`). An init script, so that
# it listens before the editor's own scripts run.
EDITOR_WATCH_SCRIPT = """
document.addEventListener("w-unsaved:watch-edits", () => {
    document.documentElement.setAttribute("data-test-editor-watching", "");
});
"""

# Each field error of the editor with its tab and its field, e.g. "Promotion > Slug: ...".
EDITOR_ERRORS_SCRIPT = """
() => {
    const text = (element) => (element ? element.textContent.replace(/\\s+/g, " ").trim() : "");
    const tabName = (panel) => {
        const tab = panel && document.getElementById(panel.getAttribute("aria-labelledby"));
        if (!tab) {
            return "";
        }
        const copy = tab.cloneNode(true);
        copy.querySelectorAll(".w-tabs__errors").forEach((count) => count.remove());
        return text(copy);
    };
    return Array.from(document.querySelectorAll("form[data-edit-form] .error-message"))
        .filter((error) => text(error))
        .map((error) => {
            const field = error.closest("[data-field]");
            const input = field && field.querySelector("[id^=id_]");
            const label = input && document.querySelector(`label[for="${input.id}"]`);
            const name = text(label).replace(/\\*$/, "") || (field && field.dataset.contentpath);
            const tab = tabName(error.closest("[role=tabpanel]"));
            return `${tab || "?"} > ${name || "?"}: ${text(error)}`;
        });
}
"""


def load_next_page(page, action):
    """Run `action` (a click that submits a form or follows a link) and wait until the page it
    leads to has replaced the current one and has loaded.

    The current document is marked first, so that a change of address made by the page's own
    scripts (`history.replaceState`) is not taken for the next page.
    """
    page.locator("html").evaluate("html => html.setAttribute('data-test-left', '')")
    action()
    expect(page.locator("html[data-test-left]")).to_have_count(0, timeout=LOAD_TIMEOUT)
    page.wait_for_load_state(timeout=LOAD_TIMEOUT)


def watch_editor(context):
    """Let the pages of this browser context tell when the editor watches for changes."""
    context.add_init_script(EDITOR_WATCH_SCRIPT)


def wait_for_editor(page):
    """Wait until the editor on the page watches for changes (see `watch_editor`)."""
    expect(page.locator("html")).to_have_attribute(
        "data-test-editor-watching", "", timeout=EDITOR_TIMEOUT
    )


def open_editor(page, url):
    """Open an edit (or add) form and wait until the editor watches for changes.

    The browser context must have been set up with `watch_editor`.
    """
    page.goto(url)
    wait_for_editor(page)


def fill_field(page, selector, value):
    """Type a value and check that the field holds it."""
    field = page.locator(selector)
    field.fill(value)
    expect(field).to_have_value(value)
    return field


def open_tab(page, name):
    tab = page.get_by_role("tab", name=name, exact=True)
    tab.click()
    expect(tab).to_have_attribute("aria-selected", "true")


def editor_errors(page):
    """The editor's error message and every field error on every tab, one line each."""
    messages = page.locator(".messages li.error").all_inner_texts()
    return [" ".join(message.split()) for message in messages] + page.evaluate(EDITOR_ERRORS_SCRIPT)


def expect_editor_accepted(page, expected_message):
    """Expect the message of an accepted submission; if the editor refused the form, fail with
    all its errors."""
    errors = editor_errors(page)
    assert not errors, "The editor refused the form:\n" + "\n".join(errors)
    expect(page.locator(".messages")).to_contain_text(expected_message)


def submit_editor(page, button, expected_message):
    """Press one of the editor's submit buttons and expect the message of an accepted
    submission (see `expect_editor_accepted`)."""
    load_next_page(page, button.click)
    expect_editor_accepted(page, expected_message)


# --- the walk-throughs' volunteers ----------------------------------------------------------


class Chapter:
    """A chapter of the guide, whose words a walk-through follows, in French and English."""

    def __init__(self, slug):
        self.slug = slug
        self.text = {
            language: " ".join((GUIDE_DIR / language / f"{slug}.md").read_text().split())
            for language in ("fr", "en")
        }

    def label(self, label, english=None):
        """The French label, once the chapter is found to name it in bold as the screen does.

        With `english`, the English chapter must name that label in bold too, and it must be
        the English of the screen's French label (the interface's catalogues translate it into
        `label`): the English guide quotes what an English admin shows.
        """
        assert f"**{label}**" in self.text["fr"], f"fr/{self.slug}.md does not name **{label}**"
        if english is not None:
            assert f"**{english}**" in self.text["en"], (
                f"en/{self.slug}.md does not name **{english}**"
            )
            with translation.override("fr"):
                assert gettext(english) == label, f"{english!r} is not the English of {label!r}"
        return label

    def says(self, words):
        assert words in self.text["fr"], f"fr/{self.slug}.md does not say {words!r}"


def site_data(live_site, code):
    """Run Python on the live site's database and read back the JSON it prints."""
    return json.loads(live_site.shell(code).strip().splitlines()[-1])


def create_volunteers(live_site, volunteers):
    """One account per volunteer on the live site: {username: (first name, group name)}."""
    live_site.shell(
        "from django.contrib.auth.models import Group, User\n"
        f"for username, (first_name, group) in {volunteers!r}.items():\n"
        "    user, _ = User.objects.get_or_create(username=username)\n"
        "    user.first_name = first_name\n"
        "    user.email = username + '@example.org'\n"
        f"    user.set_password({PASSWORD!r})\n"
        "    user.save()\n"
        "    user.groups.set([Group.objects.get(name=group)])\n"
    )
    return volunteers


def new_page(browser, language="fr"):
    context = browser.new_context(viewport=VIEWPORT, locale=BROWSER_LOCALES[language])
    watch_editor(context)
    return context.new_page()


def log_in(page, live_site, username):
    page.goto(f"{live_site.url}/admin/login/")
    fill_field(page, "#id_username", username)
    fill_field(page, "#id_password", PASSWORD)
    load_next_page(page, page.locator("button[type=submit]").click)
    expect(page.locator("#volunteer-summary-section")).to_be_visible()


def save_screenshot(page, name, *, guide=False, show=None):
    """A screenshot in test-artifacts/; with `guide`, also a small copy for the guide (in
    `guide_images()`).

    `show` is a selector scrolled to the top of the window first (what the guide talks about).
    Transitions are finished first (a menu that is opening is drawn opaque, where it ends).
    """
    if show:
        page.locator(show).first.evaluate("element => element.scrollIntoView()")
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), animations="disabled")
    if guide:
        folder = guide_images()
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"{name}.png"
        with Image.open(path) as image:
            image.convert("RGB").quantize(colors=64).save(target, optimize=True)
        if target.stat().st_size > path.stat().st_size:
            shutil.copyfile(path, target)
    return path


def wait_for_autosave(page):
    """Wait until autosave has saved the form as it stands and its footer has cleared.

    While a required field of a new row (an instrument just added) is empty, Wagtail's
    autosave is refused and its footer says « L'enregistrement automatique est en pause : il
    y a des erreurs de validation »; once the row is complete, the next autosave succeeds and
    the footer clears about a second later.
    """
    expect(page.locator("#w-autosave-indicator")).to_have_attribute(
        "data-w-autosave-state-value", "saved", timeout=EDITOR_TIMEOUT
    )
    expect(page.locator(".footer__container[data-controller='w-messages']")).to_have_class(
        re.compile(r"\bfooter__container--hidden\b"), timeout=EDITOR_TIMEOUT
    )


def approve_from_dashboard(page, title, chapter=None):
    """Approve from the dashboard's row, with the words of the chapter when one is given."""
    actions, approve = "Actions", "Approuver"
    if chapter is not None:
        actions, approve = chapter.label(actions, "Actions"), chapter.label(approve, "Approve")
    row = page.locator("#awaiting-review-section tr", has_text=title)
    row.locator(f"button[aria-label='{actions}']").click()
    load_next_page(page, row.get_by_role("button", name=approve, exact=True).click)
    expect(page.locator("#volunteer-summary-section")).to_be_visible()
