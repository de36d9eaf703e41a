"""The report volunteers read to fill gaps: popular searches and searches that found nothing."""

import datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import Max, Sum
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.contrib.search_promotions.models import Query

from .models import ZeroResultQuery

REPORT_PERMISSION = "search.view_zeroresultquery"
PERIODS = (7, 30, 90, 365)
DEFAULT_PERIOD = 30
ROWS = 50


def report_periods():
    """The periods the report offers: none longer than searches are kept (search/retention.py)."""
    kept = settings.RETENTION_SEARCH_QUERIES_DAYS
    return [days for days in PERIODS if days <= kept] or [kept]


def report_period(request, periods):
    default = DEFAULT_PERIOD if DEFAULT_PERIOD in periods else periods[-1]
    try:
        days = int(request.GET.get("days", default))
    except ValueError:
        days = default
    return days if days in periods else default


def popular_queries(since):
    return (
        Query.objects.filter(daily_hits__date__gte=since)
        .annotate(total=Sum("daily_hits__hits"), last_day=Max("daily_hits__date"))
        .order_by("-total", "query_string")[:ROWS]
    )


def zero_result_queries(since):
    return (
        ZeroResultQuery.objects.filter(date__gte=since)
        .values("query_string", "language_code")
        .annotate(total=Sum("hits"), last_day=Max("date"))
        .order_by("-total", "query_string")[:ROWS]
    )


def search_report(request):
    if not request.user.has_perm(REPORT_PERMISSION):
        raise PermissionDenied
    periods = report_periods()
    days = report_period(request, periods)
    since = timezone.localdate() - datetime.timedelta(days=days - 1)
    return render(
        request,
        "search/admin/report.html",
        {
            "page_title": _("What visitors search for"),
            "days": days,
            "periods": periods,
            "popular": popular_queries(since),
            "zero_results": zero_result_queries(since),
        },
    )
