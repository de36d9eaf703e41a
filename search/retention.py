"""How long the search keeps what visitors typed (rules of `core.retention`).

The words searched are counted per day, with nothing about the person, by Wagtail's search
promotions (`Query` and its daily hits) and by `ZeroResultQuery`; they may still contain a
name or an address someone typed. Daily counts are deleted `RETENTION_SEARCH_QUERIES_DAYS`
after their day, then the words that have no count left and no promotion.
"""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits

from core.retention import RETENTION_HOOK, DeleteRows

from .models import ZeroResultQuery


def daily_hits_before(cutoff):
    return QueryDailyHits.objects.filter(date__lt=timezone.localdate(cutoff))


def zero_results_before(cutoff):
    return ZeroResultQuery.objects.filter(date__lt=timezone.localdate(cutoff))


def uncounted_queries(cutoff):
    # Wagtail's own rule (Query.garbage_collect): no daily count and no promotion.
    return Query.objects.filter(daily_hits__isnull=True, editors_picks__isnull=True)


@hooks.register(RETENTION_HOOK)
def search_rules():
    period = {"setting": "RETENTION_SEARCH_QUERIES_DAYS", "order": 40}
    return [
        DeleteRows(
            "daily counts of searches",
            rows=daily_hits_before,
            public_label=_("Words typed in the site search (counted per day, not linked to you)"),
            public_period=_("deleted %(days)s days later"),
            **period,
        ),
        DeleteRows("searches without results", rows=zero_results_before, **period),
        DeleteRows(
            "searched words without counts", rows=uncounted_queries, **{**period, "order": 41}
        ),
    ]
