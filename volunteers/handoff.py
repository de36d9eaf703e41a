"""What happens next, told to the volunteer who just took a workflow action.

Wagtail answers an approval in the editor with "The page has been updated." and an approval
from the dashboard with nothing at all: the volunteer does not learn whether the content is now
on the site or who decides next. After each workflow action, `say_what_happens_next` adds one
message: the next step and who takes it, published (or when it will be), or sent back to its
author. It is called by the `after_edit_page` and `after_edit_snippet` hooks (the editor) and by
`PageWorkflowActionView` (the dashboard's buttons).
"""

from django.utils import formats, timezone
from django.utils.translation import gettext as _
from wagtail.admin import messages
from wagtail.admin.utils import get_latest_str
from wagtail.admin.views.pages.workflow import WorkflowActionView
from wagtail.models import GroupApprovalTask, Page, TaskState, WorkflowState

from core.people import greeting_name

WORKFLOW_ACTION_FIELD = "action-workflow-action"


def next_step_message(obj):
    """The sentence that tells what happens to `obj` now (read fresh from the database)."""
    title = get_latest_str(obj)
    state = WorkflowState.objects.for_instance(obj).order_by("-created_at").first()
    if state is None:
        return None
    if state.status == WorkflowState.STATUS_IN_PROGRESS and state.current_task_state:
        task = state.current_task_state.task.specific
        if isinstance(task, GroupApprovalTask):
            groups = ", ".join(sorted(group.name for group in task.groups.all()))
            return _(
                "“%(title)s” goes on to the step “%(task)s”, taken by: %(groups)s. They are "
                "told by e-mail; you have nothing more to do."
            ) % {"title": title, "task": task.name, "groups": groups}
        return _("“%(title)s” goes on to the step “%(task)s”; you have nothing more to do.") % {
            "title": title,
            "task": task.name,
        }
    if state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        author = state.requested_by
        return _(
            "“%(title)s” goes back to %(author)s, who is told by e-mail with your comment. "
            "It comes back to the reviewers when it is submitted again."
        ) % {"title": title, "author": greeting_name(author) if author else _("its author")}
    if state.status == WorkflowState.STATUS_APPROVED:
        go_live_at = getattr(obj, "go_live_at", None)
        if go_live_at and go_live_at > timezone.now():
            return _("“%(title)s” is approved and goes on the site on %(date)s.") % {
                "title": title,
                "date": formats.date_format(timezone.localtime(go_live_at), "DATETIME_FORMAT"),
            }
        if getattr(obj, "live", True):
            return _("“%(title)s” is published: visitors see it now.") % {"title": title}
        return _("“%(title)s” is approved.") % {"title": title}
    return None


def say_what_happens_next(request, obj):
    if WORKFLOW_ACTION_FIELD not in request.POST:
        return
    fresh = type(obj)._default_manager.get(pk=obj.pk)
    message = next_step_message(fresh)
    if message:
        messages.info(request, message)


class PageWorkflowActionView(WorkflowActionView):
    """Wagtail's workflow action on a page (the dashboard's Approve and Request changes
    buttons), followed by what happens next (mounted before the admin's own URL)."""

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        self.task_state.refresh_from_db()
        if self.task_state.status != TaskState.STATUS_IN_PROGRESS:  # the action took place
            message = next_step_message(Page.objects.get(pk=self.object.pk).specific)
            if message:
                messages.info(request, message)
        return response
