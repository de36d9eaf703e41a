"""Admin and cross-domain integration of the guides app.

Every tool sheet lists the guides it belongs to: a section on the "tool_sheet" target. A
tool's impact page (admin) lists the guides, training modules and shared models that use it.
"""

from django.urls import reverse
from django.utils.translation import gettext as _

from core.cache import PAGES
from core.sections import register_section
from tools.impact import IMPACT_LIST_LIMIT, IMPACT_TEMPLATE

from .listings import guides_for_tool
from .models import BusinessModelPage, GuidePage, TrainingModulePage

register_section(
    "tool_sheet",
    "guides",
    "guides/includes/tool_guides.html",
    get_context=guides_for_tool,
    order=30,
    cached_in=(PAGES,),
)


def _edit_rows(pages, meta=None):
    return [
        {
            "title": page.title,
            "url": reverse("wagtailadmin_pages:edit", args=[page.pk]),
            "meta": ", ".join(
                part
                for part in [page.locale.get_display_name(), meta(page) if meta else ""]
                if part
            )
            + ("" if page.live else f", {_('draft')}"),
        }
        for page in pages
    ]


def _using_tool(queryset, lookup, tool):
    return (
        queryset.filter(**{lookup: tool.translation_key}, alias_of__isnull=True)
        .select_related("locale")
        .distinct()
        .order_by("title")[:IMPACT_LIST_LIMIT]
    )


def _guides_impact(tool, request):
    return {
        "heading": _("Guides that lead to this tool"),
        "rows": _edit_rows(_using_tool(GuidePage.objects, "steps__tool__translation_key", tool)),
        "empty": _("No guide includes this tool yet."),
    }


def _training_impact(tool, request):
    return {
        "heading": _("Training modules that teach it"),
        "rows": _edit_rows(_using_tool(TrainingModulePage.objects, "tools__translation_key", tool)),
        "empty": _("No training module teaches this tool yet."),
    }


def _models_impact(tool, request):
    return {
        "heading": _("Shared models built with it"),
        "rows": _edit_rows(
            _using_tool(BusinessModelPage.objects, "tools__translation_key", tool),
            meta=lambda page: page.organisation,
        ),
        "empty": _("No shared model names this tool yet."),
    }


register_section("tool_impact", "guides", IMPACT_TEMPLATE, _guides_impact, order=30)
register_section("tool_impact", "training", IMPACT_TEMPLATE, _training_impact, order=40)
register_section("tool_impact", "business_models", IMPACT_TEMPLATE, _models_impact, order=50)
