"""Walk-throughs of the section teams and of a public contribution, guide chapter in hand.

Each volunteer does the main task of their chapter of the editors' guide, reading only what
the chapter says: the events team's volunteer creates a cycle and its events and publishes
them (running-a-webinar-cycle.md), the directory team's volunteer vets, classifies and
approves a provider's application (vetting-a-provider.md), a moderator approves a visitor's
comment on a tool sheet (reviewing-a-contribution.md). Every label a step clicks or reads is
first looked up in the chapter (`Chapter.label`): when the guide's words and the screen's part,
the walk-through fails. The volunteers take the chapters' screenshots (docs/guide/img/ with
SBM_GUIDE_SCREENSHOTS=1, see helpers.guide_images).

One live site for the module; every wait is on a condition (see helpers.py), no sleeps.
"""

import datetime
import re

import pytest
from playwright.sync_api import expect

from home.roles import DIRECTORY_TEAM, EVENTS_TEAM, MODERATORS

from .helpers import (
    Chapter,
    create_volunteers,
    expect_editor_accepted,
    fill_field,
    guide_images,
    load_next_page,
    log_in,
    new_page,
    open_tab,
    save_screenshot,
    site_data,
    submit_editor,
    wait_for_editor,
)

pytestmark = pytest.mark.browser

VOLUNTEERS = {
    "agathe": ("Agathe", EVENTS_TEAM),
    "denis": ("Denis", DIRECTORY_TEAM),
    "mona": ("Mona", MODERATORS),
}
CYCLE_TITLE = "Les midis des alliances"
CYCLE_INTRO = "Trois rendez-vous d'une heure pour trouver et garder ses partenaires."
EVENT_TITLE = "Midi des alliances {number}"
PROVIDER_NAME = "Atelier Coralie Perrin"
PROVIDER_EMAIL = "coralie.perrin@example.org"
COMMENT = "La grille de la page 2 m'a aidée à préparer notre assemblée générale."
COMMENTER = "Inès Walkthrough"
MAX_GUIDE_IMAGE_BYTES = 400_000


@pytest.fixture(scope="module")
def volunteers(live_site):
    return create_volunteers(live_site, VOLUNTEERS)


def open_french_section(page, chapter, section):
    """Pages (left menu), the French site, then the section's sub-pages."""
    page.locator("#wagtail-sidebar button", has_text=chapter.label("Pages", "Pages")).click()
    french_site = page.locator(".c-page-explorer__item__link", has_text="Français")
    load_next_page(page, french_site.click)
    load_next_page(
        page, page.get_by_label(f"Explorer les sous-pages de « {chapter.label(section)} »").click
    )
    expect(page.locator("h1")).to_contain_text(section)


def expect_guide_image(name):
    assert (guide_images() / f"{name}.png").stat().st_size < MAX_GUIDE_IMAGE_BYTES


# --- the events team: a cycle, its events, published ------------------------------------------


def test_the_events_team_creates_a_cycle_and_publishes_its_events(live_site, browser, volunteers):
    chapter = Chapter("running-a-webinar-cycle")
    page = new_page(browser)
    log_in(page, live_site, "agathe")
    open_french_section(page, chapter, "Événements")

    # 1. The cycle.
    page.get_by_label(chapter.label("Ajouter une sous-page", "Add child page")).first.click()
    load_next_page(
        page, page.get_by_role("link", name=chapter.label("Cycle d'événements"), exact=True).click
    )
    wait_for_editor(page)
    fill_field(page, "#id_title", CYCLE_TITLE)
    fill_field(page, "#id_intro", CYCLE_INTRO)
    open_tab(page, chapter.label("Classement", "Classification"))
    lever = page.locator("input[type=checkbox][name=levers]").first
    lever.check()
    expect(lever).to_be_checked()
    page.get_by_role("button", name="Plus d'actions").click()
    publish = page.locator("button[name=action-publish]")
    expect(publish).to_have_text(chapter.label("Publier", "Publish"))
    submit_editor(page, publish, "publiée")

    # 2. Its events, from the cycle's "…" menu in the list of pages.
    row = page.locator("tr", has_text=CYCLE_TITLE)
    row.get_by_role("button", name=re.compile("options pour")).click()
    generate = row.get_by_role("link", name=chapter.label("Créer les événements du cycle"))
    load_next_page(page, generate.click)
    first_day = datetime.date.today() + datetime.timedelta(days=20)
    fill_field(page, "#id_title_pattern", EVENT_TITLE)
    page.get_by_label("Répétition").select_option(
        label=chapter.label(
            "Chaque mois, un jour de semaine donné", "Every month, on a given weekday"
        )
    )
    page.get_by_label("Quelle semaine du mois").select_option(label="troisième")
    page.get_by_label("Jour de la semaine").select_option(label="Jeudi")
    fill_field(page, "#id_first_day", first_day.isoformat())
    fill_field(page, "#id_count", "3")
    fill_field(page, "#id_start_time", "12:15")
    fill_field(page, "#id_duration_minutes", "60")
    page.get_by_label("Format").select_option(label="Webinaire")
    fill_field(page, "#id_online_url", "https://visio.example.org/midi-des-alliances")
    fill_field(page, "#id_capacity", "40")
    # The team publishes in the agenda: it is offered publication, not a hand-over.
    expect(page.locator("#id_submit_for_moderation")).to_have_count(0)
    page.get_by_label(
        chapter.label("Publier les événements tout de suite", "Publish the events at once")
    ).check()
    save_screenshot(page, "cycle-generator", guide=True, show="form")
    load_next_page(page, page.get_by_role("button", name="Créer les événements").click)
    expect_editor_accepted(page, "3 événements ont été créés dans le cycle et publiés")
    expect(page.locator("h1")).to_contain_text(CYCLE_TITLE)
    for number in (1, 2, 3):
        expect(page.locator("tr", has_text=EVENT_TITLE.format(number=number))).to_contain_text(
            "Publiée", ignore_case=True
        )
    save_screenshot(page, "cycle-admin", guide=True)
    page.context.close()
    for name in ("cycle-generator", "cycle-admin"):
        expect_guide_image(name)

    # What the chapter promises: the events are on the agenda and on the cycle's page.
    events = site_data(
        live_site,
        "import json\n"
        "from django.utils.timezone import localtime\n"
        "from events.models import EventPage, EventSeriesPage\n"
        f"cycle = EventSeriesPage.objects.get(locale__language_code='fr', title={CYCLE_TITLE!r})\n"
        "events = EventPage.objects.child_of(cycle).order_by('start')\n"
        "print(json.dumps({'cycle': cycle.url, 'events': [[e.title, e.live, "
        "localtime(e.start).isoweekday(), (localtime(e.start).day - 1) // 7 + 1, "
        "localtime(e.start).strftime('%H:%M')] for e in events]}))\n",
    )
    titles = [EVENT_TITLE.format(number=number) for number in (1, 2, 3)]
    # Published, on the third Thursday of three months, at 12:15 Swiss time.
    assert events["events"] == [[title, True, 4, 3, "12:15"] for title in titles]
    visitor = new_page(browser)
    visitor.goto(f"{live_site.url}/fr/evenements/")
    expect(visitor.locator("main")).to_contain_text(titles[0])
    visitor.goto(f"{live_site.url}{events['cycle']}")
    for title in titles:
        expect(visitor.locator("main")).to_contain_text(title)
    visitor.context.close()


# --- the directory team: an application vetted, classified, approved --------------------------


def test_the_directory_team_vets_and_approves_an_application(live_site, browser, volunteers):
    chapter = Chapter("vetting-a-provider")
    tool_titles = apply_to_the_directory(live_site, browser, chapter)

    page = new_page(browser)
    log_in(page, live_site, "denis")
    waiting = page.locator("#awaiting-review-section")
    expect(waiting).to_contain_text(chapter.label("En attente de votre vérification"))
    row = waiting.locator("tr", has_text=PROVIDER_NAME)
    load_next_page(page, row.get_by_role("link", name=PROVIDER_NAME).first.click)
    wait_for_editor(page)
    open_tab(page, chapter.label("Contenu", "Content"))
    expect(page.locator("#id_title")).to_have_value(PROVIDER_NAME)
    open_tab(page, chapter.label("Classement", "Classification"))
    # The applicant ticked one tool; the volunteer adds the second one the references cite.
    applied, cited = tool_titles
    expect(page.get_by_label(applied, exact=False)).to_be_checked()
    page.get_by_label(cited, exact=False).check()
    save_screenshot(page, "provider-admin", guide=True)
    open_tab(page, chapter.label("Publication"))
    chapter.label("Privé")
    expect(page.locator("#id_owner_email")).to_have_value(PROVIDER_EMAIL)

    page.get_by_role("button", name="Plus d'actions").click()
    approve = page.get_by_role("button", name=chapter.label("Approuver et Publier"), exact=True)
    expect(
        page.get_by_role(
            "button", name=chapter.label("Demander des modifications", "Request changes")
        )
    ).to_be_visible()
    submit_editor(page, approve, PROVIDER_NAME)
    page.context.close()
    expect_guide_image("provider-admin")

    visitor = new_page(browser)
    visitor.goto(f"{live_site.url}/fr/prestataires/")
    load_next_page(visitor, visitor.locator("main a", has_text=PROVIDER_NAME).first.click)
    expect(visitor.locator("h1")).to_have_text(PROVIDER_NAME)
    expect(visitor.locator("main")).to_contain_text(cited)
    expect(visitor.locator("body")).not_to_contain_text(PROVIDER_EMAIL)
    visitor.context.close()


def apply_to_the_directory(live_site, browser, chapter):
    """A consultant applies through the public form and confirms her address; returns the
    titles of two published tools: the one she ticks and one her references cite."""
    invitation = "Figurer dans l'annuaire des prestataires"
    chapter.says(f"« {invitation} »")
    page = new_page(browser)
    page.goto(f"{live_site.url}/fr/prestataires/")
    load_next_page(page, page.get_by_role("link", name=chapter.label("Proposer mon profil")).click)
    expect(page.locator("h1")).to_have_text(invitation)
    tools = page.locator("input[name=tools]")
    applied = page.locator(f"label[for='{tools.nth(0).get_attribute('id')}']").inner_text()
    cited = page.locator(f"label[for='{tools.nth(1).get_attribute('id')}']").inner_text()
    fill_field(page, "#id_title", PROVIDER_NAME)
    page.locator("#id_kind").select_option("person")
    fill_field(page, "#id_owner_email", PROVIDER_EMAIL)
    fill_field(page, "#id_intro", "Consultante en modèles socio-économiques à Lausanne.")
    fill_field(page, "#id_bio", "J'accompagne des associations vaudoises dans leurs choix.")
    page.locator("input[name=services][value=consulting]").check()
    tools.nth(0).check()
    page.locator("input[name=regions][value=CH-VD]").check()
    page.locator("input[name=languages][value=fr]").check()
    fill_field(page, "#id_references", f"Association du Flon : atelier avec l'outil {cited}.")
    page.locator("#id_consent").check()
    load_next_page(page, page.locator("main form button[type=submit]").click)
    assert "sent=1" in page.url
    confirm_url = site_data(
        live_site,
        "import json\n"
        "from wagtail.models import Locale\n"
        "from providers.models import PendingApplication, ProviderIndexPage\n"
        "from providers.tokens import application_confirm_url\n"
        f"pending = PendingApplication.objects.get(owner_email={PROVIDER_EMAIL!r})\n"
        "index = ProviderIndexPage.objects.get(locale=Locale.get_default())\n"
        "print(json.dumps(application_confirm_url(index, pending)))\n",
    )
    page.goto(confirm_url)
    load_next_page(page, page.locator("main form button[type=submit]").click)
    assert "confirmed=1" in page.url
    page.context.close()
    return applied.split(" · ", 1)[1], cited.split(" · ", 1)[1]


# --- the moderators: a visitor's comment, from the form to the sheet ---------------------------


def test_a_moderator_publishes_a_visitors_comment(live_site, browser, volunteers):
    chapter = Chapter("reviewing-a-contribution")
    tool = site_data(
        live_site,
        "import json\n"
        "from wagtail.models import Locale\n"
        "from tools.models import ToolPage\n"
        "tool = ToolPage.objects.live().filter(locale=Locale.get_default()).order_by('pk')[0]\n"
        "print(json.dumps({'id': tool.pk, 'title': tool.title, 'url': tool.url}))\n",
    )
    visitor = new_page(browser)
    visitor.goto(f"{live_site.url}/fr/contribuer/outils/{tool['id']}/commentaire/")
    fill_field(visitor, "#id_message", COMMENT)
    fill_field(visitor, "#id_contributor_name", COMMENTER)
    fill_field(visitor, "#id_contributor_email", "ines.walkthrough@example.org")
    visitor.locator("#id_consent_to_credit").check()
    load_next_page(visitor, visitor.locator("main form button[type=submit]").click)
    follow = visitor.locator("main a[href*='/contribuer/suivi/']").first
    load_next_page(visitor, follow.click)
    follow_url = visitor.url
    expect(visitor.locator("main")).to_contain_text("Reçue")

    page = new_page(browser)
    log_in(page, live_site, "mona")
    expect(page.locator("#volunteer-summary-section")).to_contain_text(
        chapter.label("Ce qui vous attend", "What waits for you")
    )
    waiting = page.locator("#awaiting-review-section")
    expect(waiting).to_contain_text(chapter.label("En attente de votre vérification"))
    row = waiting.locator("tr", has_text=COMMENT[:40])
    load_next_page(page, row.locator("a").first.click)
    expect(page.locator("#id_message")).to_have_value(COMMENT)
    page.get_by_role("button", name="Plus d'actions").click()
    approve = page.get_by_role("button", name=chapter.label("Approuver et Publier"), exact=True)
    expect(
        page.get_by_role(
            "button", name=chapter.label("Demander des modifications", "Request changes")
        )
    ).to_be_visible()
    submit_editor(page, approve, COMMENT[:40])
    page.context.close()

    # What the chapter promises: on the sheet with the name the visitor allowed, and its stage
    # on the public board, without the name.
    chapter.says("s'affiche sur la fiche, avec le nom de la personne")
    visitor.goto(f"{live_site.url}{tool['url']}")
    expect(
        visitor.locator("main blockquote, main li, main article", has_text=COMMENT).first
    ).to_contain_text(COMMENTER)
    visitor.goto(follow_url)
    expect(visitor.locator("main")).to_contain_text("Publiée")
    visitor.goto(f"{live_site.url}/fr/contribuer/suivi/")
    expect(visitor.locator("h1")).to_have_text(
        chapter.label("Les contributions et leur étape", "Contributions and their stage")
    )
    newest = visitor.locator("li.contribution-board__item").first
    expect(newest).to_contain_text(tool["title"])
    expect(newest).to_contain_text("Publiée")
    expect(visitor.locator("main")).not_to_contain_text(COMMENTER)
    visitor.context.close()
