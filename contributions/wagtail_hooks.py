"""Admin integration (snippets, dashboard panel) and the co-creation sections of tool sheets."""

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.ui.components import Component
from wagtail.models import TaskState
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from core.cache import CHROME, PAGES
from core.sections import register_section
from home.roles import MODERATORS, REVIEWERS
from tools.impact import IMPACT_LIST_LIMIT, IMPACT_TEMPLATE

from .models import ToolComment, UsageExample
from .pipeline import sheet_contributions
from .progress import public_workflow_states

PANEL_LIMIT = 15


class UsageExampleViewSet(SnippetViewSet):
    model = UsageExample
    icon = "doc-full"
    menu_label = _("Usage examples")
    list_display = ["title", "organisation", "tool", "contributor_name", "submitted_at"]
    list_filter = ["live", "locale"]
    search_fields = ["title", "organisation", "description"]


class ToolCommentViewSet(SnippetViewSet):
    model = ToolComment
    icon = "comment"
    menu_label = _("Comments on tools")
    list_display = ["__str__", "kind", "tool", "contributor_name", "submitted_at"]
    list_filter = ["kind", "live", "locale"]
    search_fields = ["message"]


class ContributionsViewSetGroup(SnippetViewSetGroup):
    items = (UsageExampleViewSet, ToolCommentViewSet)
    menu_icon = "group"
    menu_label = _("Contributions")
    menu_name = "contributions"
    menu_order = 250


register_snippet(ContributionsViewSetGroup)


def waiting_contributions(user):
    """What the public sent whose current workflow task this user can act on."""
    return (
        TaskState.objects.reviewable_by(user)
        .filter(
            status=TaskState.STATUS_IN_PROGRESS,
            workflow_state__in=public_workflow_states(),
        )
        .select_related("workflow_state", "task")
        .order_by("started_at")
    )


class ContributionsPanel(Component):
    """Dashboard panel: what the public sent that waits for this reviewer or moderator."""

    name = "contributions_waiting"
    template_name = "contributions/admin/dashboard_panel.html"
    order = 90

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        states = waiting_contributions(self.user)
        finder = AdminURLFinder(self.user)
        items = []
        for state in states[:PANEL_LIMIT]:
            obj = state.workflow_state.content_object
            if obj is None:
                continue
            obj = obj.specific if hasattr(obj, "specific") else obj
            items.append(
                {
                    "object": obj,
                    "kind": obj._meta.verbose_name,
                    "task": state.task.name,
                    "since": state.started_at,
                    "edit_url": finder.get_edit_url(obj),
                }
            )
        context["items"] = items
        context["total"] = states.count()
        return context


@hooks.register("construct_homepage_panels")
def add_contributions_panel(request, panels):
    user = request.user
    if user.is_superuser or user.groups.filter(name__in=[MODERATORS, REVIEWERS]).exists():
        panels.append(ContributionsPanel(user))


# What the sheet shows of its contributions changes when a page is published (the sheet, a
# proposal turned into a sheet) or a contribution is saved, published or erased (snippets, and
# proposals: watched in apps.py): kept per sheet until then.
PUBLISHED_CONTRIBUTIONS = (PAGES, CHROME)


def _tool_status_context(page, request):
    data = sheet_contributions(page, request)
    return {"status": page.get_status_display(), "example_count": data["example_count"]}


def _tool_examples_context(page, request):
    data = sheet_contributions(page, request)
    return {"examples": data["examples"]}


def _tool_comments_context(page, request):
    data = sheet_contributions(page, request)
    return {"comments": data["comments"]} if data["comments"] else None


def _tool_credits_context(page, request):
    data = sheet_contributions(page, request)
    return {"contributors": data["contributors"]} if data["contributors"] else None


def _tool_contribute_context(page, request):
    return {"tool": page}


register_section(
    "tool_sheet",
    "contributions_status",
    "contributions/includes/tool_status.html",
    _tool_status_context,
    order=5,
    cached_in=PUBLISHED_CONTRIBUTIONS,
)
register_section(
    "tool_sheet",
    "contributions_examples",
    "contributions/includes/tool_examples.html",
    _tool_examples_context,
    order=50,
    cached_in=PUBLISHED_CONTRIBUTIONS,
)
register_section(
    "tool_sheet",
    "contributions_comments",
    "contributions/includes/tool_comments.html",
    _tool_comments_context,
    order=60,
    cached_in=PUBLISHED_CONTRIBUTIONS,
)
register_section(
    "tool_sheet",
    "contributions_credits",
    "contributions/includes/tool_credits.html",
    _tool_credits_context,
    order=90,
    printed=True,
    cached_in=PUBLISHED_CONTRIBUTIONS,
)
register_section(
    "tool_sheet",
    "contributions_forms",
    "contributions/includes/tool_contribute.html",
    _tool_contribute_context,
    order=95,
)
register_section(
    "business_model",
    "propose_adaptation",
    "contributions/includes/model_adapt.html",
    lambda page, request: {"model": page},
    order=90,
)
register_section(
    "tool_library",
    "propose_tool",
    "contributions/includes/library_propose.html",
    lambda page, request: {},
    order=90,
)


@hooks.register("register_private_media")
def example_attachments():
    """Files attached to usage examples: read by those who moderate or review them."""
    return ("contributions/", "contributions.change_usageexample")


def _examples_impact(tool, request):
    finder = AdminURLFinder(request.user)
    examples = (
        UsageExample.objects.filter(tool__translation_key=tool.translation_key)
        .select_related("locale")
        .order_by("-submitted_at")[:IMPACT_LIST_LIMIT]
    )
    return {
        "heading": gettext("Usage examples"),
        "rows": [
            {
                "title": f"{example.title} ({example.organisation})",
                "url": finder.get_edit_url(example),
                "meta": example.locale.get_display_name()
                + ("" if example.live else f", {gettext('waiting for moderation')}"),
            }
            for example in examples
        ],
        "empty": gettext("No usage example yet."),
    }


register_section("tool_impact", "usage_examples", IMPACT_TEMPLATE, _examples_impact, order=5)
