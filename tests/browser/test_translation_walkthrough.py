"""The German translators' walk-through, and axe on every page type in German, Italian and
English.

Two German translators and a moderator, created on the live site, work through the real
admin: Dora claims an untranslated tool sheet in the translation status report, starts its
translation, runs the glossary-aware machine translation, rewrites the title by hand and
submits it for review, without any way to publish it herself; Jonas, the second German
translator, approves and publishes it. Mona, a moderator, then changes the French sheet's
summary and publishes it: the status report shows the German sheet as outdated, Dora syncs
it from its row ("Synchroniser avec le français", wagtail-localize's "Sync translated pages"
form), and the German sheet keeps her title while the changed summary waits as a new text to
translate (the row is then "in progress").

Then, in German, Italian and English, one translated and one untranslated live page of each
page type pass axe.
Every label a step clicks or reads is first looked up in the translators' chapter of the guide
(docs/guide/{fr,en}/translating.md, `Chapter.label`). Every step's result is read back from
the database (`site_data`); every wait is on a condition, no sleeps.
"""

import re

import pytest
from playwright.sync_api import expect
from wagtail.models import Page, get_page_models

from home.roles import MODERATORS, translator_group_name

from .conftest import assert_accessible
from .helpers import (
    Chapter,
    create_volunteers,
    fill_field,
    load_next_page,
    log_in,
    new_page,
    open_editor,
    save_screenshot,
    site_data,
    submit_editor,
)

pytestmark = pytest.mark.browser

VOLUNTEERS = {
    "dora": ("Dora", translator_group_name("de")),
    "jonas": ("Jonas", translator_group_name("de")),
    "mona": ("Mona", MODERATORS),
}
GERMAN_TITLE = "Von Hand übersetzter Titel"
NEW_SUMMARY = "Un résumé réécrit par la modération pour tester la synchronisation des traductions."
# The translators' chapter of the guide: every label a step clicks is first found there.
GUIDE = Chapter("translating")
PAGE_TYPES = sorted(model._meta.label_lower for model in get_page_models() if model is not Page)
LANGUAGES = ["de", "it", "en"]


@pytest.fixture(scope="module")
def volunteers(live_site):
    return create_volunteers(live_site, VOLUNTEERS)


@pytest.fixture(scope="module")
def tool(live_site):
    """A French tool sheet not translated into German yet (its German copy is an alias), whose
    texts hold a term of the glossary that has a German equivalent."""
    return site_data(
        live_site,
        "import json\n"
        "from translations.machine_translation import apply_glossary\n"
        "from translations.models import GlossaryTerm, TranslationAssignment\n"
        "from tools.models import ToolPage\n"
        "entries = GlossaryTerm.entries('de')\n"
        "claimed = TranslationAssignment.objects.values('source_id')\n"
        "for french in ToolPage.objects.live().filter(locale__language_code='fr')"
        ".exclude(translation_key__in=claimed).order_by('path'):\n"
        "    german = ToolPage.objects.get(translation_key=french.translation_key, "
        "locale__language_code='de')\n"
        "    if german.alias_of_id != french.pk:\n"
        "        continue\n"
        "    term = next((t for t in sorted(entries, key=len, reverse=True) "
        "if apply_glossary(french.summary, {t: entries[t]}) != french.summary), None)\n"
        "    if term:\n"
        "        print(json.dumps({'id': french.pk, 'german_id': german.pk, "
        "'title': french.title, 'summary': french.summary, 'term': term, "
        "'equivalent': entries[term], 'parent_id': french.get_parent().pk}))\n"
        "        break\n",
    )


def german_state(live_site, tool):
    """The German sheet, its translation's texts and the claim, from the database."""
    return site_data(
        live_site,
        "import json\n"
        "from django.utils import timezone\n"
        "from wagtail.models import Locale\n"
        "from wagtail_localize.models import StringSegment, StringTranslation, "
        "TranslationSource\n"
        "from tools.models import ToolPage\n"
        "from translations.models import TranslationAssignment\n"
        f"page = ToolPage.objects.get(pk={tool['german_id']})\n"
        f"french = ToolPage.objects.get(pk={tool['id']})\n"
        "german = Locale.objects.get(language_code='de')\n"
        "source = TranslationSource.objects.get_for_instance_or_none(french)\n"
        "texts = {}\n"
        "if source:\n"
        "    for segment in StringSegment.objects.filter(source=source)"
        ".select_related('string', 'context'):\n"
        "        done = StringTranslation.objects.filter(translation_of=segment.string, "
        "locale=german, context=segment.context).first()\n"
        "        texts[segment.string.data] = [done.data, done.translation_type] "
        "if done else None\n"
        "claim = TranslationAssignment.objects.filter(source_id=french.translation_key, "
        "locale=german).select_related('user').first()\n"
        "print(json.dumps({'title': page.title, 'live': page.live, "
        "'alias': page.alias_of_id is not None, "
        "'draft_title': page.get_latest_revision_as_object().title, "
        "'in_review': page.current_workflow_state is not None, 'texts': texts, "
        "'claimed_by': claim.user.username if claim else None, "
        "'claimed_on': timezone.localdate(claim.claimed_at).isoformat() if claim else None, "
        "'today': timezone.localdate().isoformat()}))\n",
    )


def report_row(page, live_site, tool):
    page.goto(f"{live_site.url}/admin/translations/status/?locale=de")
    row = page.locator("table.listing tbody tr[data-locale=de]", has_text=tool["title"])
    expect(row).to_have_count(1)
    return row


# --- the walk-through -------------------------------------------------------------------------


def test_german_translators_claim_translate_review_and_sync_a_tool(
    live_site, browser, volunteers, tool
):
    translator_claims_and_translates(live_site, browser, tool)
    second_translator_publishes(live_site, browser, tool)
    moderator_changes_the_french_summary(live_site, browser, tool)
    translator_sees_it_outdated_and_syncs(live_site, browser, tool)


def translator_claims_and_translates(live_site, browser, tool):
    page = new_page(browser)
    log_in(page, live_site, "dora")
    row = report_row(page, live_site, tool)
    expect(row).to_have_attribute("data-status", "missing")
    claim = GUIDE.label("Je m’en occupe", "I'll take care of it")
    load_next_page(page, row.get_by_role("button", name=claim).click)
    expect(page.locator(".messages")).to_contain_text("Vous vous occupez de")
    row = report_row(page, live_site, tool)
    expect(row.locator(".translation-assignee")).to_have_text("Dora")
    state = german_state(live_site, tool)
    assert (state["claimed_by"], state["claimed_on"]) == ("dora", state["today"])
    expect(row.locator("time")).to_have_attribute("datetime", re.compile(rf"^{state['today']}T"))
    # Her list: the report filtered on what she took care of.
    page.goto(f"{live_site.url}/admin/translations/status/?locale=de&assigned_to=mine")
    expect(page.locator("table.listing tbody tr")).to_have_count(1)
    save_screenshot(page, "translation-status-claimed", guide=True)

    # The row's "Traduire" leads to wagtail-localize's "Translate this page" form, which offers
    # German only.
    load_next_page(page, row.get_by_role("link", name=GUIDE.label("Traduire", "Translate")).click)
    german = page.locator("input[name=locales]")
    expect(german).to_have_count(1)
    german.check()
    submit = GUIDE.label("Soumettre", "Submit")
    load_next_page(page, page.locator(f"input[type=submit][value='{submit}']").click)
    expect(page).to_have_url(re.compile(rf"/admin/pages/{tool['german_id']}/edit/"))
    save_screenshot(page, "translation-started")
    machine = GUIDE.label("Traduire avec…").rstrip("…")
    load_next_page(page, page.locator("button", has_text=machine).first.click)
    expect(page.locator(".translation-machine-made")).to_contain_text("à relire")
    expect(page.get_by_text(tool["equivalent"]).first).to_be_visible()
    state = german_state(live_site, tool)
    summary = state["texts"][tool["summary"]]
    assert summary[1] == "machine", summary
    assert tool["equivalent"] in summary[0] and tool["term"] not in summary[0]

    # She rewrites the machine's title by hand.
    page.get_by_role("button", name=GUIDE.label("Modifier", "Edit"), exact=True).first.click()
    fill_field(page, "textarea >> nth=0", GERMAN_TITLE)
    with page.expect_response(
        lambda response: "/strings/" in response.url and response.request.method == "PUT"
    ) as saved:
        save = GUIDE.label("Enregistrer", "Save")
        page.get_by_role("button", name=save, exact=True).first.click()
    assert saved.value.ok, saved.value.status
    assert german_state(live_site, tool)["texts"][tool["title"]] == [GERMAN_TITLE, "manual"]

    # Translators do not publish: a second translator of the language approves.
    expect(page.locator("button", has_text="Publier")).to_have_count(0)
    load_next_page(
        page,
        page.get_by_role(
            "button", name=GUIDE.label("Soumettre à la relecture", "Submit for review")
        ).click,
    )
    expect(page.locator(".translation-review-state")).to_contain_text("Dora")
    page.context.close()
    state = german_state(live_site, tool)
    assert state["in_review"] and state["draft_title"] == GERMAN_TITLE
    assert state["title"] == tool["title"], "visitors still read the French sheet"


def second_translator_publishes(live_site, browser, tool):
    page = new_page(browser)
    log_in(page, live_site, "jonas")
    page.goto(f"{live_site.url}/admin/pages/{tool['german_id']}/edit/")
    expect(page.locator(".translation-review-state")).to_contain_text("Dora")
    load_next_page(
        page,
        page.get_by_role(
            "button", name=GUIDE.label("Approuver et publier", "Approve and publish")
        ).click,
    )
    page.context.close()
    state = german_state(live_site, tool)
    assert (state["title"], state["live"], state["alias"]) == (GERMAN_TITLE, True, False)
    assert not state["in_review"]


def moderator_changes_the_french_summary(live_site, browser, tool):
    page = new_page(browser)
    log_in(page, live_site, "mona")
    open_editor(page, f"{live_site.url}/admin/pages/{tool['id']}/edit/")
    fill_field(page, "#id_summary", NEW_SUMMARY)
    page.get_by_role("button", name="Plus d'actions").click()
    submit_editor(page, page.locator("button[name=action-publish]"), "publiée")
    page.context.close()
    french = site_data(
        live_site,
        f"import json\nfrom tools.models import ToolPage\n"
        f"print(json.dumps(ToolPage.objects.get(pk={tool['id']}).summary))\n",
    )
    assert french == NEW_SUMMARY


def translator_sees_it_outdated_and_syncs(live_site, browser, tool):
    page = new_page(browser)
    log_in(page, live_site, "dora")
    row = report_row(page, live_site, tool)
    expect(row).to_have_attribute("data-status", "outdated")
    expect(row).to_contain_text(GUIDE.label("À mettre à jour"))
    expect(row.locator(".translation-assignee")).to_have_text("Dora")
    save_screenshot(page, "translation-status-outdated", show="table.listing")

    # She cannot open the French sheet (the page explorer shows her German pages only): the
    # row offers wagtail-localize's "Sync translated pages" form for it.
    load_next_page(
        page,
        row.get_by_role(
            "link", name=GUIDE.label("Synchroniser avec le français", "Sync with the French")
        ).click,
    )
    expect(page.locator("main")).to_contain_text(GERMAN_TITLE)
    # A translator's update goes through review: the form does not offer to publish it.
    expect(page.locator("input[name=publish_translations]")).to_have_count(0)
    expect(page.locator("main form")).to_contain_text("passent par la relecture")
    save_screenshot(page, "translation-sync", guide=True)
    submit = GUIDE.label("Soumettre", "Submit")
    load_next_page(page, page.locator(f"main form input[type=submit][value='{submit}']").click)
    expect(page).to_have_url(re.compile(r"/admin/translations/status/"))
    expect(page.locator(".messages")).to_be_visible()
    # Synchronised: the row waits for the new text's translation, not for another sync.
    row = report_row(page, live_site, tool)
    expect(row).to_have_attribute("data-status", "in_progress")
    expect(row.locator("a.translation-sync")).to_have_count(0)

    state = german_state(live_site, tool)
    assert state["title"] == GERMAN_TITLE, "the published German sheet is unchanged"
    assert state["texts"][tool["title"]] == [GERMAN_TITLE, "manual"], "her edit is kept"
    assert state["texts"][NEW_SUMMARY] is None, "the new summary waits for a translation"

    # In the translation editor, her title is there and the new summary is to translate.
    page.goto(f"{live_site.url}/admin/pages/{tool['german_id']}/edit/")
    expect(page.get_by_text(GERMAN_TITLE).first).to_be_visible()
    new_text = page.locator("li", has=page.get_by_text(NEW_SUMMARY, exact=True)).last
    expect(new_text.get_by_role("button", name="Traduire", exact=True)).to_be_visible()
    save_screenshot(page, "translation-after-sync")
    page.context.close()


# --- axe on one page of each page type, in German, Italian and English ------------------------


@pytest.fixture(scope="module")
def pages_by_type(live_site):
    """{language: {page type: [url of a translated page, url of an untranslated one]}} in
    German, Italian and English, the first of each kind in tree order (a type without one of
    the kinds has one url)."""
    return site_data(
        live_site,
        "import json\n"
        "from wagtail.models import Page\n"
        "pages = {}\n"
        f"for page in Page.objects.live().filter(locale__language_code__in={LANGUAGES!r}, "
        "depth__gt=1).select_related('content_type', 'locale').order_by('path'):\n"
        "    label = page.content_type.app_label + '.' + page.content_type.model\n"
        "    by_type = pages.setdefault(page.locale.language_code, {})\n"
        "    by_type.setdefault(label, {}).setdefault(page.alias_of_id is not None, page.url)\n"
        "print(json.dumps({language: {label: list(urls.values()) for label, urls in "
        "by_type.items()} for language, by_type in pages.items()}))\n",
    )


@pytest.fixture(scope="module")
def visitor(browser):
    """One visitor's browser for every page type and language (one HTTP cache)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="de-CH")
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("page_type", PAGE_TYPES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_pages_of_each_type_pass_axe(live_site, visitor, pages_by_type, language, page_type):
    assert page_type in pages_by_type[language], f"no live {page_type} in {language}"
    for url in pages_by_type[language][page_type]:
        response = visitor.goto(f"{live_site.url}{url}")
        assert response.status == 200, url
        expect(visitor.locator("html")).to_have_attribute("lang", language)
        assert_accessible(visitor, f"{page_type} in {language} ({url})")
