"""Admin report: downloads of the instruments per tool, document and language, over time.

A Wagtail report (core/reports.py): filters for the period, the language and the tool; the
table gives the totals per tool, document and language, and Wagtail's CSV and XLSX export
gives the same rows. Above the table, an inline SVG chart drawn on the server (no JavaScript)
shows the daily totals of what the filters select. The former `?period=30&export=csv`
addresses still work: `period` is a filter and `export` is Wagtail's.
"""

from datetime import timedelta

import django_filters
from django.db.models import F, Sum
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.models import Locale
from wagtail.permission_policies import ModelPermissionPolicy

from core.reports import AdminReportView, language_filter

from .models import DownloadCount, ToolPage

PERIODS = {"30": 30, "90": 90, "365": 365}
DEFAULT_PERIOD = "90"
CHART_WIDTH, CHART_HEIGHT, CHART_MARGIN = 720, 220, 36


def period_bounds(key):
    """(first day, last day) of the period `key` (a key of PERIODS), ending today."""
    end = timezone.localdate()
    return end - timedelta(days=PERIODS[key] - 1), end


def daily_totals(downloads, start, end):
    """[(day, total)] of `downloads` for every day from start to end, zeros included; one query."""
    totals = dict(
        downloads.filter(day__range=(start, end))
        .values_list("day")
        .annotate(total=Sum("count"))
        .order_by()
    )
    days = [start + timedelta(days=offset) for offset in range((end - start).days + 1)]
    return [(day, totals.get(day, 0)) for day in days]


def chart(series):
    """Coordinates of an SVG bar chart for [(day, total)]."""
    peak = max((total for _day, total in series), default=0) or 1
    inner_width = CHART_WIDTH - 2 * CHART_MARGIN
    inner_height = CHART_HEIGHT - 2 * CHART_MARGIN
    step = inner_width / max(len(series), 1)
    bars = []
    for position, (day, total) in enumerate(series):
        height = inner_height * total / peak
        bars.append(
            {
                "x": round(CHART_MARGIN + position * step, 2),
                "y": round(CHART_MARGIN + inner_height - height, 2),
                "width": round(max(step - 1, 1), 2),
                "height": round(height, 2),
                "day": day,
                "total": total,
            }
        )
    return {
        "width": CHART_WIDTH,
        "height": CHART_HEIGHT,
        "bars": bars,
        "peak": peak,
        "baseline": CHART_HEIGHT - CHART_MARGIN,
        "top": CHART_MARGIN,
        "left": CHART_MARGIN,
        "right": CHART_WIDTH - CHART_MARGIN,
        "first_day": series[0][0] if series else None,
        "last_day": series[-1][0] if series else None,
    }


def tool_titles(keys=None):
    """{translation key: (sheet number, title)}, in the default language when it exists."""
    default = Locale.get_default()
    tools = ToolPage.objects.filter(alias_of__isnull=True)
    if keys is not None:
        tools = tools.filter(translation_key__in=keys)
    titles = {}
    for key, number, title, locale_id in tools.values_list(
        "translation_key", "sheet_number", "title", "locale_id"
    ):
        if key not in titles or locale_id == default.pk:
            titles[key] = (number, title)
    return titles


def period_choices():
    return [(key, _("%(days)s days") % {"days": key}) for key in PERIODS]


def tool_choices():
    titles = tool_titles()
    return sorted(
        ((str(key), f"{number} {title}".strip()) for key, (number, title) in titles.items()),
        key=lambda choice: choice[1].lower(),
    )


class DownloadReportFilterSet(WagtailFilterSet):
    period = django_filters.ChoiceFilter(
        label=_("Period"), choices=period_choices, empty_label=None, method="filter_period"
    )
    language = language_filter("locale__language_code")
    tool = django_filters.ChoiceFilter(
        label=_("Tool"), field_name="tool_key", choices=tool_choices, empty_label=_("All")
    )

    class Meta:
        model = DownloadCount
        fields = []

    def __init__(self, data=None, *args, **kwargs):
        if data is not None and not data.get("period"):
            data = data.copy()
            data["period"] = DEFAULT_PERIOD
        super().__init__(data, *args, **kwargs)
        self.form.fields["period"].initial = DEFAULT_PERIOD

    def filter_period(self, queryset, name, value):
        return queryset.filter(day__range=period_bounds(value))


class DownloadReportView(AdminReportView):
    page_title = _("Downloads of the tools")
    header_icon = "download"
    results_template_name = "tools/admin/download_report_results.html"
    index_url_name = "tools_download_report"
    filterset_class = DownloadReportFilterSet
    permission_policy = ModelPermissionPolicy(DownloadCount)
    permission_required = "view"
    columns = [
        Column("sheet_number", label=_("Sheet")),
        Column("tool_title", label=_("Tool")),
        Column("document__title", label=_("Document")),
        Column("language", label=_("Language")),
        Column("total", label=_("Downloads")),
    ]

    @cached_property
    def period(self):
        key = self.filters.form.cleaned_data["period"] or DEFAULT_PERIOD
        return period_bounds(key)

    def get_filename(self):
        start, end = self.period
        return f"downloads-{start.isoformat()}-{end.isoformat()}"

    def get_filtered_queryset(self):
        self.downloads = self.filter_queryset(DownloadCount.objects.all())
        return (
            self.downloads.values(
                "tool_key", "document_id", "document__title", language=F("locale__language_code")
            )
            .annotate(total=Sum("count"))
            .order_by("-total", "document__title", "language")
        )

    def decorate_paginated_queryset(self, object_list):
        rows = list(object_list)
        titles = tool_titles({row["tool_key"] for row in rows})
        for row in rows:
            row["sheet_number"], row["tool_title"] = titles.get(row["tool_key"], ("", ""))
        return rows

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        if not self.is_export:
            start, end = self.period
            series = daily_totals(self.downloads, start, end)
            context.update(
                {
                    "start": start,
                    "end": end,
                    "chart": chart(series),
                    "total": sum(total for _day, total in series),
                }
            )
        return context
