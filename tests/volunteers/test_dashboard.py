"""Each volunteer's dashboard shows what waits for their roles, the key figures and a chart."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Locale, PageLogEntry

from events.models import EventPage
from home.roles import (
    DIRECTORY_TEAM,
    EDITORS,
    EVENTS_TEAM,
    MODERATORS,
    REVIEWERS,
    translator_group_name,
)
from tests.factories import (
    AdministratorFactory,
    DownloadCountFactory,
    EditorFactory,
    ModeratorFactory,
    RegistrationFactory,
    ReviewerFactory,
    ToolPageFactory,
    TranslatorFactory,
    UserFactory,
)
from tests.html import one, parse, text_of, texts
from tests.query_budget import assert_query_count_does_not_grow
from tools.downloads import count_download
from tools.models import ToolPage
from translations.status import translation_status
from volunteers.dashboard import Roles, bar_chart, downloads_by_month, previous_months
from volunteers.wagtail_hooks import RoleDashboard

pytestmark = pytest.mark.django_db


def dashboard(client, user):
    client.force_login(user)
    response = client.get("/admin/")
    assert response.status_code == 200
    return response.content.decode()


def waiting_line(soup, key):
    """The count that starts the line `key` of what waits."""
    line = one(soup, f'ul.volunteer-dashboard__waiting > li[data-waiting="{key}"]')
    count = text_of(one(line, ":scope > span.volunteer-dashboard__count:first-child"))
    assert re.fullmatch(r"\d+", count), f"line {key!r} starts with {count!r}"
    return int(count)


def figure(soup, key):
    value = text_of(one(soup, f'dl.volunteer-dashboard__figures > div[data-figure="{key}"] > dd'))
    assert re.fullmatch(r"\d+", value), f"figure {key!r} is {value!r}"
    return int(value)


def count_downloads(count, day=None):
    DownloadCountFactory(
        tool=ToolPage.objects.filter(locale=Locale.get_default()).first(),
        document=get_document_model().objects.first(),
        day=day or timezone.localdate(),
        count=count,
    )


def submit_tool_for_review(editor, title="Fiche à relire"):
    page = ToolPageFactory(title=title, summary="Une fiche soumise.", bare=True)
    revision = page.save_revision(user=editor)
    page.get_workflow().start(page, editor)
    return revision.content_object


def test_roles_come_from_the_groups():
    roles = Roles.of(
        UserFactory(username="traductrice", groups=[translator_group_name("de"), REVIEWERS])
    )
    assert (roles.reviewer, roles.editor, roles.translator_codes) == (True, False, ["de"])
    assert Roles.of(AdministratorFactory(username="admin")).moderator


def test_the_section_teams_see_their_own_lines_only(client):
    events_volunteer = UserFactory(username="agenda", groups=[EVENTS_TEAM])
    directory_volunteer = UserFactory(username="annuaire", groups=[DIRECTORY_TEAM])
    assert Roles.of(events_volunteer).any and Roles.of(directory_volunteer).any

    event = (
        EventPage.objects.live()
        .filter(
            locale=Locale.get_default(),
            start__gte=timezone.now(),
            registration_open=True,
            external_registration_url="",
        )
        .order_by("start")
        .first()
    )
    RegistrationFactory(event=event, name="Inès", email="ines@example.org")
    # The events team keeps every event's registrations, not only those it created.
    soup = parse(dashboard(client, events_volunteer))
    assert waiting_line(soup, "registrations") >= 1
    assert event.title in text_of(one(soup, "section#volunteer-events-section"))
    assert not soup.select('li[data-waiting="stale_providers"], li[data-waiting="contributions"]')

    # The directory team approves provider profiles and checks the stale ones.
    soup = parse(dashboard(client, directory_volunteer))
    waiting_line(soup, "tasks")
    waiting_line(soup, "stale_providers")
    assert not soup.select('li[data-waiting="registrations"], li[data-waiting="contributions"]')


def test_an_editor_sees_her_role_the_guide_and_no_moderation_lines(client):
    soup = parse(dashboard(client, EditorFactory(username="redactrice")))
    summary = one(soup, "section#volunteer-summary-section")
    roles = one(summary, "p.volunteer-dashboard__roles")
    assert "Vos rôles : Rédaction." in text_of(roles)
    assert one(roles, "a")["href"] == "/admin/guide/"
    assert not soup.select('[data-waiting="stale_providers"]')
    assert not soup.select('[data-waiting="tasks"]')


def test_a_reviewer_sees_the_tool_submitted_for_review(client):
    editor = EditorFactory(username="redacteur")
    reviewer = ReviewerFactory(username="relectrice")
    before = waiting_line(parse(dashboard(client, reviewer)), "tasks")
    submit_tool_for_review(editor, "Fiche à relire au tableau de bord")
    soup = parse(dashboard(client, reviewer))
    assert waiting_line(soup, "tasks") == before + 1
    assert "Fiche à relire au tableau de bord" in text_of(one(soup, "#awaiting-review-section"))
    # The detailed panel of Wagtail is gathered under the summary, and shown once.
    panels = soup.select("#volunteer-summary-section, #awaiting-review-section")
    assert [panel["id"] for panel in panels] == [
        "volunteer-summary-section",
        "awaiting-review-section",
    ]


def test_a_moderator_sees_stale_profiles_and_contributions(client):
    soup = parse(dashboard(client, ModeratorFactory(username="moderateur")))
    assert waiting_line(soup, "stale_providers") >= 1
    one(soup, "section#stale-providers-section")
    one(soup, "section#contributions-waiting-section")
    assert figure(soup, "contributions") == waiting_line(soup, "contributions")


def test_a_translator_sees_what_is_missing_in_her_language_only(client):
    html = dashboard(client, TranslatorFactory(username="ubersetzerin", language_code="de"))
    soup = parse(html)
    _rows, counts = translation_status(locales=[Locale.objects.get(language_code="de")])
    assert waiting_line(soup, "missing") == counts["missing"]
    assert waiting_line(soup, "outdated") == counts["outdated"]
    missing = one(soup, 'li[data-waiting="missing"] > a')
    assert missing["href"].startswith("/admin/translations/status/?status=missing")
    # The link lists what is missing in her language only.
    listed = client.get(missing["href"]).context
    assert listed["paginator"].count == counts["missing"]
    assert {(row.locale.language_code, row.status) for row in listed["rows"]} == {("de", "missing")}
    one(soup, 'dl.volunteer-dashboard__figures > div[data-figure="outdated"]')
    one(soup, "section#waiting-translations-section")
    assert "locale=it" not in html


def test_downloads_this_month_and_the_chart_add_up_the_counts(client):
    today = timezone.localdate()
    count_downloads(7)
    count_downloads(5, day=today.replace(day=1) - datetime.timedelta(days=1))
    soup = parse(dashboard(client, EditorFactory(username="redactrice")))
    assert figure(soup, "downloads") == 7
    chart = one(soup, "figure.volunteer-chart")
    one(one(chart, 'svg[role="img"]'), ":scope > desc")
    cells = texts(chart, "td")
    assert [int(cell) for cell in cells][-2:] == [5, 7]
    assert len(chart.select("rect")) == 6


def test_downloads_by_month_fills_empty_months_with_zero():
    today = datetime.date(2026, 3, 15)
    assert previous_months(today, 3) == [
        datetime.date(2026, 1, 1),
        datetime.date(2026, 2, 1),
        datetime.date(2026, 3, 1),
    ]
    count_downloads(4, day=datetime.date(2026, 2, 10))
    count_downloads(3, day=datetime.date(2026, 2, 11))
    assert downloads_by_month(today, months=3) == [
        (datetime.date(2026, 1, 1), 0),
        (datetime.date(2026, 2, 1), 7),
        (datetime.date(2026, 3, 1), 0),
    ]


def test_the_chart_scales_bars_to_the_largest_month():
    series = [(datetime.date(2026, month, 1), value) for month, value in ((1, 0), (2, 5), (3, 10))]
    chart = bar_chart("Téléchargements", series, height=120)
    assert [bar.height for bar in chart.bars] == [0, 50, 100]
    assert chart.bars[2].y == 0
    assert "10" in chart.summary


def test_organisers_see_registrations_for_their_own_events(client):
    organiser = EditorFactory(username="organisatrice")
    other = EditorFactory(username="autre")
    event = (
        EventPage.objects.live()
        .filter(
            locale=Locale.get_default(),
            start__gte=timezone.now(),
            registration_open=True,
            external_registration_url="",
        )
        .order_by("start")
        .first()
    )
    event.owner = organiser
    event.save(update_fields=["owner"])
    for number, status in enumerate(["confirmed", "confirmed", "waiting"]):
        RegistrationFactory(
            event=event, name=f"P{number}", email=f"p{number}@example.org", status=status
        )
    soup = parse(dashboard(client, organiser))
    section = one(soup, "section#volunteer-events-section")
    assert waiting_line(soup, "registrations") == 3
    rows = {
        text_of(one(row, ":scope > th")): texts(row, ":scope > td")
        for row in section.select("table > tbody > tr")
    }
    # Date, confirmed seats, waiting list.
    assert rows[event.title][1:3] == ["2", "1"]
    assert event.title not in dashboard(client, other)


def test_recent_activity_lists_the_latest_actions(client):
    page = ToolPage.objects.filter(locale=Locale.get_default()).first()
    PageLogEntry.objects.log_action(page, "wagtail.edit", user=UserFactory(username="auteur"))
    soup = parse(dashboard(client, AdministratorFactory(username="admin")))
    activity = one(soup, "section#volunteer-activity-section")
    assert any(cell.startswith(page.title) for cell in texts(activity, "tbody td:first-child"))


def test_the_dashboard_queries_do_not_grow_with_the_content(client):
    moderator = UserFactory(
        username="moderatrice", groups=[MODERATORS, EDITORS, translator_group_name("de")]
    )
    # Wagtail's own "your recent edits" panel queries per page edited by the viewer: the
    # activity comes from someone else.
    author = UserFactory(username="auteur")
    client.force_login(moderator)
    event = EventPage.objects.filter(start__gte=timezone.now()).first()
    added = iter(range(1000))

    def add_content():
        number = next(added)
        tool = ToolPage.objects.filter(locale=Locale.get_default()).first()
        count_download(
            tool.translation_key, get_document_model().objects.first().pk, tool.locale_id
        )
        RegistrationFactory(event=event, name="X", email=f"x{number}@example.org")
        page = ToolPage.objects.filter(locale=Locale.get_default()).first()
        PageLogEntry.objects.log_action(page, "wagtail.edit", user=author)

    assert_query_count_does_not_grow(client, "/admin/", add_content, budget=120)


def test_the_summary_of_waiting_tasks_is_bounded(rf):
    """Wagtail's own "awaiting your review" list queries per task; the summary does not."""
    editor = EditorFactory(username="redactrice")
    reviewer = ReviewerFactory(username="relecteur")

    def render():
        request = rf.get("/admin/")
        request.user = reviewer
        with CaptureQueriesContext(connection) as queries:
            RoleDashboard(reviewer).render_html({"request": request, "csrf_token": "x"})
        return len(queries)

    render()
    first = render()
    for number in range(3):
        submit_tool_for_review(editor, f"Fiche {number}")
    assert render() == first
