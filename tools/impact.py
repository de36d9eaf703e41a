"""The impact of one tool, for the people who edit it: one admin page reached from the sheet's
header ("Impact of the tool").

Downloads come from `DownloadCount` (per language, per month over the last twelve months).
What else uses the tool (usage examples, events past and upcoming, guides, training modules,
shared models) is contributed by the apps that own it, as sections registered for the
"tool_impact" target (`core.sections.register_section`): each section's context function
receives the tool and returns {"heading", "rows": [{"title", "url", "meta"}], "empty"}, in a
fixed number of queries. Every language version of the tool counts, through its translation key.
"""

from datetime import date

from django.core.exceptions import PermissionDenied
from django.db.models import Sum
from django.db.models.functions import TruncMonth
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Locale

from core.sections import sections_for

from .models import DownloadCount, ToolPage
from .reports import chart

MONTHS = 12
IMPACT_LIST_LIMIT = 30
IMPACT_TEMPLATE = "tools/admin/impact_section.html"


def last_months(today, count=MONTHS):
    """The first day of each of the `count` months up to today's, oldest first."""
    months, year, month = [], today.year, today.month
    for _step in range(count):
        months.append(date(year, month, 1))
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return months[::-1]


def monthly_downloads(tool_key, today):
    """[(first day of the month, downloads)] for the last twelve months, zeros included."""
    months = last_months(today)
    totals = dict(
        DownloadCount.objects.filter(tool_key=tool_key, day__gte=months[0])
        .annotate(month=TruncMonth("day"))
        .values_list("month")
        .annotate(total=Sum("count"))
        .order_by()
    )
    return [(month, totals.get(month, 0)) for month in months]


def downloads_by_language(tool_key):
    """[(language name, downloads)] since counting began, most downloaded first."""
    totals = dict(
        DownloadCount.objects.filter(tool_key=tool_key)
        .values_list("locale_id")
        .annotate(total=Sum("count"))
        .order_by()
    )
    locales = Locale.objects.filter(pk__in=totals).order_by("pk")
    rows = [(locale.get_display_name(), totals[locale.pk]) for locale in locales]
    return sorted(rows, key=lambda row: -row[1])


def adaptation_rows(tool):
    adaptations = (
        ToolPage.objects.filter(adapted_from__translation_key=tool.translation_key)
        .filter(alias_of__isnull=True)
        .select_related("locale")
        .order_by("title")[:IMPACT_LIST_LIMIT]
    )
    return [
        {
            "title": f"{page.sheet_number} · {page.title}",
            "url": reverse("wagtailadmin_pages:edit", args=[page.pk]),
            "meta": ", ".join(
                [page.locale.get_display_name(), *(str(a) for a in page.changed_aspects)]
            ),
        }
        for page in adaptations
    ]


class ToolImpactView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "tools/admin/impact.html"
    header_icon = "view"

    def dispatch(self, request, page_id, *args, **kwargs):
        self.tool = get_object_or_404(ToolPage.objects.select_related("locale"), pk=page_id)
        if not self.tool.permissions_for_user(request.user).can_edit():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return gettext_lazy("Impact of the tool")

    def get_page_subtitle(self):
        return f"{self.tool.sheet_number} · {self.tool.title}"

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {
                "url": reverse("wagtailadmin_pages:edit", args=[self.tool.pk]),
                "label": self.tool.title,
            },
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        key = self.tool.translation_key
        months = monthly_downloads(key, timezone.localdate())
        languages = downloads_by_language(key)
        context.update(
            {
                "tool": self.tool,
                "edit_url": reverse("wagtailadmin_pages:edit", args=[self.tool.pk]),
                "total": sum(total for _language, total in languages),
                "languages": languages,
                "months": months,
                "chart": chart(months),
                "adaptations": adaptation_rows(self.tool),
                "sections": sections_for("tool_impact", self.tool, self.request),
            }
        )
        return context
