"""Tell a contributor who left an e-mail address what became of their contribution."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation
from wagtail.models import Page, TaskState

from core.urls import site_url
from guides.models import BusinessModelPage
from tools.models import ToolPage

from .follow_links import MODELS as FOLLOWED_MODELS
from .follow_links import follow_path
from .models import (
    DecisionNotice,
    ModelAdaptationProposal,
    ToolComment,
    ToolProposal,
    UsageExample,
)
from .outcomes import translation_assigned


def contribution_of(obj):
    """The record holding the contributor of a workflow's object (None for other content)."""
    if isinstance(obj, (UsageExample, ToolComment)):
        # Read again: publishing it may have changed it (a revision's draft of the sheet).
        return type(obj).objects.select_related("tool", "locale").get(pk=obj.pk)
    if isinstance(obj, Page):
        obj = obj.specific
    if isinstance(obj, ToolPage):
        return ToolProposal.objects.filter(tool_id=obj.pk).select_related("locale").first()
    if isinstance(obj, BusinessModelPage):
        return (
            ModelAdaptationProposal.objects.filter(business_model_id=obj.pk)
            .select_related("locale", "business_model")
            .first()
        )
    return None


def reviewers_comments(workflow_state):
    """The comments reviewers left on the tasks of this workflow run, in order."""
    return [
        comment
        for comment in TaskState.objects.filter(workflow_state=workflow_state)
        .exclude(finished_at=None)
        .order_by("finished_at")
        .values_list("comment", flat=True)
        if comment and comment.strip()
    ]


def notify_decision(workflow_state, approved):
    obj = workflow_state.content_object
    if obj is None:
        return False
    contribution = contribution_of(obj)
    if contribution is None or not contribution.contributor_email:
        return False
    is_adaptation = isinstance(contribution, ModelAdaptationProposal)
    page = contribution.business_model if is_adaptation else contribution.tool
    outcome = "approved" if approved else "declined"
    context = {
        "contribution": contribution,
        "is_proposal": isinstance(contribution, ToolProposal),
        "is_adaptation": is_adaptation,
        "translation_assigned": isinstance(contribution, ToolComment)
        and translation_assigned(contribution),
        "tool_title": page.title,
        "comments": reviewers_comments(workflow_state),
        "site_url": site_url(),
        "follow_url": "",
    }
    with translation.override(contribution.locale.language_code):
        if isinstance(contribution, tuple(FOLLOWED_MODELS.values())):
            context["follow_url"] = site_url() + follow_path(contribution)
        subject = render_to_string(f"contributions/emails/{outcome}_subject.txt", context)
        body = render_to_string(f"contributions/emails/{outcome}.txt", context)
    send_mail(
        " ".join(subject.split()),
        body,
        settings.DEFAULT_FROM_EMAIL,
        [contribution.contributor_email],
    )
    type(contribution).objects.filter(pk=contribution.pk).update(
        decision_notice=DecisionNotice.APPROVED if approved else DecisionNotice.DECLINED
    )
    return True
