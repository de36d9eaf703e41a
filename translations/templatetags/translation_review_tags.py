"""The review bar above wagtail-localize's translation editor: how many texts are still machine
translations, where the review stands, and the button that sends the translation to review; and
whether the sync form may offer to publish."""

from django import template
from django.contrib.admin.utils import quote
from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.models import Translation

from ..middleware import LocaleScopeMiddleware
from ..review import machine_made_count

register = template.Library()


@register.inclusion_tag("translations/admin/review_bar.html", takes_context=True)
def translation_review_bar(context, translation, instance):
    request = context["request"]
    user = request.user
    instance = instance.specific if isinstance(instance, Page) else instance
    state = getattr(instance, "current_workflow_state", None)
    task_state = state.current_task_state if state is not None else None
    task = task_state.task.specific if task_state is not None else None
    in_review = state is not None and state.status == state.STATUS_IN_PROGRESS
    actions = task.get_actions(instance, user) if task and in_review else []
    return {
        "request": request,
        "csrf_token": context.get("csrf_token"),
        "translation": translation,
        "machine_made": machine_made_count(translation),
        "state": state,
        "in_review": in_review,
        "task_state": task_state,
        "may_approve": any(name == "approve" for name, *_rest in actions),
        "approve_url": _action_url(instance, "approve", task_state) if actions else "",
        "reject_url": _action_url(instance, "reject", task_state) if actions else "",
        "may_submit": not in_review
        and getattr(instance, "has_workflow", False)
        and LocaleScopeMiddleware.may_write_translation(user, translation),
        "submitted_by_user": in_review and state.requested_by_id == user.pk,
    }


def _action_url(instance, action, task_state):
    if isinstance(instance, Page):
        return reverse(
            "wagtailadmin_pages:workflow_action", args=[instance.pk, action, task_state.pk]
        )
    url_name = instance.snippet_viewset.get_url_name("workflow_action")
    return reverse(url_name, args=[quote(instance.pk), action, task_state.pk])


@register.simple_tag
def may_publish_synced_translations(source, user):
    """Whether `user` may publish every translation that syncing `source` updates."""
    return all(
        LocaleScopeMiddleware.may_write_translation(user, translation, publish=True)
        for translation in Translation.objects.filter(source=source, enabled=True)
    )
