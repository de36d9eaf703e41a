"""Admin report: downloads of the instruments per tool, document and language, over time.

The chart is an inline SVG drawn on the server (no JavaScript); `?export=csv` gives the rows.
"""

from datetime import timedelta

from django.core.exceptions import PermissionDenied
from django.db.models import Sum
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Locale

from core.spreadsheets import SafeCsvWriter

from .models import DownloadCount, ToolPage

PERIODS = {"30": 30, "90": 90, "365": 365}
DEFAULT_PERIOD = "90"
CHART_WIDTH, CHART_HEIGHT, CHART_MARGIN = 720, 220, 36


def daily_totals(start, end):
    """[(day, total)] for every day from start to end, zeros included; one query."""
    totals = dict(
        DownloadCount.objects.filter(day__range=(start, end))
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


def tool_titles(keys):
    """{translation key: (sheet number, title)}, in the default language when it exists."""
    default = Locale.get_default()
    titles = {}
    for key, number, title, locale_id in ToolPage.objects.filter(
        translation_key__in=keys, alias_of__isnull=True
    ).values_list("translation_key", "sheet_number", "title", "locale_id"):
        if key not in titles or locale_id == default.pk:
            titles[key] = (number, title)
    return titles


def document_rows(start, end):
    """Totals per tool, document and language in the period, most downloaded first."""
    rows = list(
        DownloadCount.objects.filter(day__range=(start, end))
        .values("tool_key", "document_id", "document__title", "locale__language_code")
        .annotate(total=Sum("count"))
        .order_by("-total", "document__title")
    )
    titles = tool_titles({row["tool_key"] for row in rows})
    for row in rows:
        row["sheet_number"], row["tool_title"] = titles.get(row["tool_key"], ("", ""))
    return rows


class DownloadReportView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "tools/admin/download_report.html"
    page_title = gettext_lazy("Downloads of the tools")
    header_icon = "download"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("tools.view_downloadcount"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def period(self):
        key = self.request.GET.get("period", DEFAULT_PERIOD)
        key = key if key in PERIODS else DEFAULT_PERIOD
        end = timezone.localdate()
        return key, end - timedelta(days=PERIODS[key] - 1), end

    def get(self, request, *args, **kwargs):
        if request.GET.get("export") == "csv":
            return self.csv_response()
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        key, start, end = self.period()
        series = daily_totals(start, end)
        context.update(
            {
                "period": key,
                "periods": [(value, _("%(days)s days") % {"days": value}) for value in PERIODS],
                "start": start,
                "end": end,
                "chart": chart(series),
                "total": sum(total for _day, total in series),
                "rows": document_rows(start, end),
                "csv_url": f"{reverse('tools_download_report')}?period={key}&export=csv",
            }
        )
        return context

    def csv_response(self):
        key, start, end = self.period()
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = (
            f'attachment; filename="downloads-{start.isoformat()}-{end.isoformat()}.csv"'
        )
        writer = SafeCsvWriter(response)
        writer.writerow(["day", "sheet_number", "tool", "document", "language", "downloads"])
        rows = (
            DownloadCount.objects.filter(day__range=(start, end))
            .values_list("day", "tool_key", "document__title", "locale__language_code", "count")
            .order_by("day", "document__title")
        )
        titles = tool_titles(set(rows.values_list("tool_key", flat=True)))
        for day, tool_key, document, language, count in rows:
            number, title = titles.get(tool_key, ("", ""))
            writer.writerow([day.isoformat(), number, title, document, language, count])
        return response
