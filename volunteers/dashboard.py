"""What the volunteers' dashboard shows, computed in a fixed number of queries.

A person's roles come from their groups (home/roles.py: editing, review, moderation, the
events and directory teams, one translators' group per language);
an administrator holds every role. For each role the dashboard answers "what waits for me?",
shows what happened lately and the few numbers that matter, with a small chart.

The data comes from the apps that own it, through their public functions: workflow tasks
(Wagtail), contributions (`contributions.wagtail_hooks.waiting_contributions`), translation
status (`translations.status`), stale provider profiles (`providers.wagtail_hooks`), download
counts (`tools.models.DownloadCount`) and event registrations (`events.models`).
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Q, Sum
from django.db.models.functions import TruncMonth
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, ModelLogEntry, PageLogEntry, TaskState

from contributions.progress import public_workflow_states
from events.models import EventPage, Registration
from home.roles import (
    DIRECTORY_TEAM,
    EDITORS,
    EVENTS_TEAM,
    MODERATORS,
    REVIEWERS,
    TRANSLATOR_GROUP_PREFIX,
)
from providers.wagtail_hooks import stale_providers
from tools.models import DownloadCount
from translations.permissions import can_view_translation_status
from translations.status import translation_status

CHART_MONTHS = 6
ACTIVITY_LIMIT = 8
EVENTS_LIMIT = 5

ROLE_LABELS = {
    EDITORS: _("Editor"),
    REVIEWERS: _("Reviewer"),
    MODERATORS: _("Moderator"),
    EVENTS_TEAM: _("Events team"),
    DIRECTORY_TEAM: _("Directory team"),
    TRANSLATOR_GROUP_PREFIX: _("Translator"),
}


@dataclass
class Roles:
    """The roles a person holds, read from their groups in one query."""

    editor: bool = False
    reviewer: bool = False
    moderator: bool = False
    translator_codes: list[str] = field(default_factory=list)
    administrator: bool = False
    events_team: bool = False
    directory_team: bool = False

    @classmethod
    def of(cls, user):
        names = list(user.groups.values_list("name", flat=True))
        codes = sorted(
            name.rsplit("(", 1)[-1].rstrip(")")
            for name in names
            if name.startswith(TRANSLATOR_GROUP_PREFIX)
        )
        if user.is_superuser:
            return cls(True, True, True, codes, administrator=True)
        return cls(
            EDITORS in names,
            REVIEWERS in names,
            MODERATORS in names,
            codes,
            events_team=EVENTS_TEAM in names,
            directory_team=DIRECTORY_TEAM in names,
        )

    @property
    def translator(self):
        return bool(self.translator_codes)

    @property
    def any(self):
        return (
            self.editor
            or self.reviewer
            or self.moderator
            or self.translator
            or self.events_team
            or self.directory_team
        )

    def labels(self):
        labels = []
        if self.administrator:
            labels.append(_("Administrator"))
        for held, key in (
            (self.editor, EDITORS),
            (self.reviewer, REVIEWERS),
            (self.moderator, MODERATORS),
            (self.events_team, EVENTS_TEAM),
            (self.directory_team, DIRECTORY_TEAM),
        ):
            if held and not self.administrator:
                labels.append(ROLE_LABELS[key])
        if self.translator_codes:
            labels.append(
                f"{ROLE_LABELS[TRANSLATOR_GROUP_PREFIX]} ({', '.join(self.translator_codes)})"
            )
        return labels


@dataclass
class WaitingItem:
    """One line of "what waits for me": a count, what it is, where to act."""

    key: str
    label: str
    count: int
    url: str
    hint: str = ""


@dataclass
class Figure:
    key: str
    label: str
    value: int
    url: str = ""


@dataclass
class ChartBar:
    label: str
    value: int
    height: float = 0
    x: float = 0
    y: float = 0


@dataclass
class Chart:
    title: str
    summary: str
    bars: list
    width: int = 0
    height: int = 0
    baseline: float = 0


def reviewable_task_count(user):
    """Workflow tasks (pages and snippets) that this person may approve now."""
    return TaskState.objects.reviewable_by(user).filter(status=TaskState.STATUS_IN_PROGRESS).count()


def contributions_waiting_count():
    """Contributions from the public (proposed tools and models included) in a workflow."""
    return public_workflow_states().count()


def translation_counts(language_codes=None):
    """{status: count} over the given languages (every other language when None)."""
    locales = None
    if language_codes:
        locales = list(Locale.objects.filter(language_code__in=language_codes))
    _rows, counts = translation_status(locales=locales)
    return counts


def stale_provider_count():
    return stale_providers().count()


def upcoming_events_with_registrations(user, roles, now=None):
    """Upcoming events taking registrations that this person organises (owns), or all of them
    for moderators and the events team, with their confirmed and waiting registrations: one
    query."""
    if not (roles.moderator or user.has_perm("events.view_registration")):
        return []
    now = now or timezone.now()
    # The same events as events.registrations.upcoming_registrations_for (those taking
    # registrations on this site), narrowed to the person's own unless they moderate.
    events = EventPage.objects.live().filter(
        locale=Locale.get_default(),
        end__gte=now,
        registration_open=True,
        external_registration_url="",
    )
    if not (roles.moderator or roles.events_team):
        events = events.filter(owner=user)
    confirmed = Q(registrations__status=Registration.Status.CONFIRMED)
    waiting = Q(registrations__status=Registration.Status.WAITING)
    return list(
        events.annotate(
            confirmed_count=Count("registrations", filter=confirmed),
            waiting_count=Count("registrations", filter=waiting),
        )
        .only("pk", "title", "start", "capacity")
        .order_by("start", "pk")[:EVENTS_LIMIT]
    )


def month_start(day):
    return day.replace(day=1)


def previous_months(today, count):
    """The first days of the last `count` months, oldest first, this month last."""
    months = [month_start(today)]
    while len(months) < count:
        months.insert(0, month_start(months[0] - datetime.timedelta(days=1)))
    return months


def downloads_by_month(today=None, months=CHART_MONTHS):
    """[(first day of month, downloads)] for the last months, this month included: one query."""
    today = today or timezone.localdate()
    firsts = previous_months(today, months)
    rows = (
        DownloadCount.objects.filter(day__gte=firsts[0], day__lte=today)
        .annotate(month=TruncMonth("day"))
        .values("month")
        .annotate(total=Sum("count"))
        .order_by("month")
    )
    totals = {}
    for row in rows:
        month = row["month"]
        if isinstance(month, datetime.datetime):
            month = month.date()
        totals[month] = row["total"] or 0
    return [(first, totals.get(first, 0)) for first in firsts]


def bar_chart(title, series, *, width=320, height=120, label_format="M"):
    """An accessible bar chart: SVG geometry plus a sentence that says what it shows."""
    top = max((value for _label, value in series), default=0) or 1
    slot = width / max(len(series), 1)
    bar_width = slot * 0.6
    plot_height = height - 20
    bars = []
    for position, (day, value) in enumerate(series):
        bar_height = round(plot_height * value / top, 1)
        bars.append(
            ChartBar(
                label=date_format(day, label_format),
                value=value,
                height=bar_height,
                x=round(position * slot + (slot - bar_width) / 2, 1),
                y=round(plot_height - bar_height, 1),
            )
        )
    summary = ", ".join(f"{bar.label}: {bar.value}" for bar in bars)
    chart = Chart(title=title, summary=summary, bars=bars, width=width, height=height)
    chart.baseline = plot_height
    chart.bar_width = round(bar_width, 1)
    return chart


def recent_activity(user, limit=ACTIVITY_LIMIT):
    """The latest actions of people (not imports or scripts) on pages and snippets this person
    may see: two queries (plus Wagtail's permission look-up for snippet log entries)."""
    pages = list(
        PageLogEntry.objects.viewable_by_user(user)
        .filter(user__isnull=False)
        .select_related("user", "content_type")
        .order_by("-timestamp", "-pk")[:limit]
    )
    snippets = list(
        ModelLogEntry.objects.viewable_by_user(user)
        .filter(user__isnull=False)
        .select_related("user", "content_type")
        .order_by("-timestamp", "-pk")[:limit]
    )
    entries = sorted(pages + snippets, key=lambda entry: entry.timestamp, reverse=True)
    return entries[:limit]


def waiting_items(user, roles, translations=None, events=None):
    """The lines of "what waits for me", in the order a volunteer acts on them."""
    items = []
    # The directory team approves the vetting of provider profiles: a task too.
    if roles.reviewer or roles.moderator or roles.directory_team or roles.administrator:
        items.append(
            WaitingItem(
                "tasks",
                _("Pages and contributions to approve"),
                reviewable_task_count(user),
                "#awaiting-review-section",
                _("Approve or ask for changes: the buttons are in the list below."),
            )
        )
    if roles.reviewer or roles.moderator or roles.administrator:
        items.append(
            WaitingItem(
                "contributions",
                _("Contributions from the public in a workflow"),
                contributions_waiting_count(),
                "#contributions-waiting-section",
            )
        )
    if roles.translator and translations is not None:
        report = reverse("translations_status_report")
        for status, label in (
            ("missing", _("Translations missing in your languages")),
            ("outdated", _("Translations to update in your languages")),
        ):
            query = urlencode({"status": status})
            items.append(WaitingItem(status, label, translations[status], f"{report}?{query}"))
    if roles.moderator or roles.directory_team:
        items.append(
            WaitingItem(
                "stale_providers",
                _("Provider profiles to check"),
                stale_provider_count(),
                "#stale-providers-section",
            )
        )
    if events:
        items.append(
            WaitingItem(
                "registrations",
                _("Registrations for your upcoming events"),
                sum(event.confirmed_count + event.waiting_count for event in events),
                "#volunteer-events-section",
            )
        )
    return items


def key_figures(user, roles, translations=None, today=None):
    """Downloads this month, contributions waiting, translations outdated; with links."""
    figures = []
    today = today or timezone.localdate()
    series = None
    if user.has_perm("tools.view_downloadcount") or roles.moderator:
        series = downloads_by_month(today)
        figures.append(
            Figure(
                "downloads",
                _("Downloads this month"),
                series[-1][1],
                reverse("tools_download_report"),
            )
        )
    figures.append(
        Figure("contributions", _("Contributions waiting"), contributions_waiting_count())
    )
    if translations is not None:
        figures.append(
            Figure(
                "outdated",
                _("Translations outdated"),
                translations["outdated"],
                reverse("translations_status_report") + "?status=outdated",
            )
        )
    chart = None
    if series is not None:
        chart = bar_chart(_("Downloads of the tools over the last six months"), series)
    return figures, chart


def dashboard_context(user):
    """Everything the role dashboard renders."""
    roles = Roles.of(user)
    translations = None
    if can_view_translation_status(user):
        translations = translation_counts(roles.translator_codes or None)
    events = upcoming_events_with_registrations(user, roles)
    figures, chart = key_figures(user, roles, translations)
    return {
        "roles": roles,
        "role_labels": roles.labels(),
        "waiting": waiting_items(user, roles, translations, events),
        "events": events,
        "figures": figures,
        "chart": chart,
        "activity": recent_activity(user),
        "guide_url": reverse("volunteers_guide"),
    }
