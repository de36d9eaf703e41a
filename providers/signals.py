"""Tell applicants and owners of the moderators' decision on their profile."""

from django.db import transaction
from django.dispatch import receiver
from wagtail.signals import workflow_approved, workflow_rejected

from . import emails
from .models import ProviderPage


def _provider(workflow_state):
    content = workflow_state.content_object
    specific = getattr(content, "specific", content)
    return specific if isinstance(specific, ProviderPage) else None


def _comment(workflow_state):
    task_state = workflow_state.current_task_state
    return task_state.get_comment() if task_state else ""


@receiver(workflow_approved)
def tell_owner_of_approval(sender, instance, user=None, **kwargs):
    page = _provider(instance)
    if page is not None and page.owner_email:
        comment = _comment(instance)
        transaction.on_commit(lambda: emails.send_decision(page, approved=True, comment=comment))


@receiver(workflow_rejected)
def tell_owner_of_requested_changes(sender, instance, user=None, **kwargs):
    page = _provider(instance)
    if page is not None and page.owner_email:
        comment = _comment(instance)
        transaction.on_commit(lambda: emails.send_decision(page, approved=False, comment=comment))
