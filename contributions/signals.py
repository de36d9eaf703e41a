"""Workflow decisions on contributions: the contributor hears about them by e-mail."""

from django.dispatch import receiver
from wagtail.signals import workflow_approved, workflow_rejected

from .emails import notify_decision


@receiver(workflow_approved)
def contribution_approved(sender, instance, user=None, **kwargs):
    notify_decision(instance, approved=True)


@receiver(workflow_rejected)
def contribution_declined(sender, instance, user=None, **kwargs):
    notify_decision(instance, approved=False)
