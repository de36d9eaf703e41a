"""The report volunteers read to fill gaps: searches that found nothing, and popular searches.

A Wagtail report (`core.reports.AdminReportView`): its table, filters (period, language) and
CSV/XLSX export are the searches that found nothing, the list volunteers act on; the most
frequent searches of the same period are shown above it.
"""

import datetime

import django_filters
from django.conf import settings
from django.db.models import Max, Sum
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.contrib.search_promotions.models import Query
from wagtail.permission_policies import ModelPermissionPolicy

from core.reports import AdminReportView, language_filter

from .models import ZeroResultQuery

REPORT_PERMISSION = "search.view_zeroresultquery"
PERIODS = (7, 30, 90, 365)
DEFAULT_PERIOD = 30
POPULAR_ROWS = 50


def report_periods():
    """The periods the report offers: none longer than searches are kept (search/retention.py)."""
    kept = settings.RETENTION_SEARCH_QUERIES_DAYS
    return [days for days in PERIODS if days <= kept] or [kept]


def default_period(periods):
    return DEFAULT_PERIOD if DEFAULT_PERIOD in periods else periods[-1]


def first_day(days):
    return timezone.localdate() - datetime.timedelta(days=days - 1)


def popular_queries(since):
    return (
        Query.objects.filter(daily_hits__date__gte=since)
        .annotate(total=Sum("daily_hits__hits"), last_day=Max("daily_hits__date"))
        .order_by("-total", "query_string")[:POPULAR_ROWS]
    )


def period_choices():
    return [
        (str(days), ngettext("Last %(days)d day", "Last %(days)d days", days) % {"days": days})
        for days in report_periods()
    ]


class SearchReportFilterSet(WagtailFilterSet):
    days = django_filters.ChoiceFilter(
        label=_("Period"), choices=period_choices, empty_label=None, method="filter_days"
    )
    language = language_filter("language_code")

    class Meta:
        model = ZeroResultQuery
        fields = []

    def __init__(self, data=None, *args, **kwargs):
        default = str(default_period(report_periods()))
        # No period, or one longer than searches are kept now (an old link): the default one.
        if data is not None and data.get("days") not in dict(period_choices()):
            data = data.copy()
            data["days"] = default
        super().__init__(data, *args, **kwargs)
        self.form.fields["days"].initial = default

    def filter_days(self, queryset, name, value):
        return queryset.filter(date__gte=first_day(int(value)))


class SearchReportView(AdminReportView):
    page_title = _("What visitors search for")
    header_icon = "search"
    results_template_name = "search/admin/report_results.html"
    index_url_name = "search_report"
    filterset_class = SearchReportFilterSet
    permission_policy = ModelPermissionPolicy(ZeroResultQuery)
    permission_required = "view"
    columns = [
        Column("query_string", label=_("Words searched")),
        Column("language_code", label=_("Language")),
        Column("total", label=_("Searches")),
        DateColumn("last_day", label=_("Last searched")),
    ]

    @cached_property
    def days(self):
        return int(self.filters.form.cleaned_data["days"])

    def get_filename(self):
        return f"searches-without-results-{self.days}-days"

    def get_filtered_queryset(self):
        return (
            self.filter_queryset(ZeroResultQuery.objects.all())
            .values("query_string", "language_code")
            .annotate(total=Sum("hits"), last_day=Max("date"))
            .order_by("-total", "query_string")
        )

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        if not self.is_export:
            context["days"] = self.days
            context["popular"] = popular_queries(first_day(self.days))
        return context
