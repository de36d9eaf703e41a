"""Workflow decisions on contributions: the contributor hears about them by e-mail; a usage
example's attached file follows the example (public once approved, gone once deleted); a
proposed tool published as a sheet takes the library's next free number; an approved
revision becomes a draft of the sheet and an approved offer to translate a translator's task
(contributions/outcomes.py)."""

from django.db import transaction
from django.db.models.signals import post_delete, pre_delete
from django.dispatch import receiver
from wagtail.signals import (
    page_published,
    published,
    unpublished,
    workflow_approved,
    workflow_rejected,
)

from core import private_media
from tools.models import ToolPage

from .emails import notify_decision
from .models import ToolComment, UsageExample
from .outcomes import follow_up
from .submission import number_published_proposal


@receiver(workflow_approved)
def contribution_approved(sender, instance, user=None, **kwargs):
    notify_decision(instance, approved=True)


@receiver(workflow_rejected)
def contribution_declined(sender, instance, user=None, **kwargs):
    notify_decision(instance, approved=False)


@receiver(page_published, sender=ToolPage)
def number_proposal(sender, instance, **kwargs):
    number_published_proposal(instance)


@receiver(published, sender=UsageExample)
def publish_attachment(sender, instance, **kwargs):
    """The approved example's file joins the public media; files it no longer has leave it."""
    current = instance.attachment.name if instance.attachment else ""
    for name in instance.attachment_names() - {current}:
        private_media.withdraw(name)
    if current:
        private_media.publish(current)


@receiver(published, sender=ToolComment)
def comment_published(sender, instance, **kwargs):
    follow_up(instance)


@receiver(unpublished, sender=UsageExample)
def withdraw_attachment(sender, instance, **kwargs):
    for name in instance.attachment_names():
        private_media.withdraw(name)


@receiver(pre_delete, sender=UsageExample)
def remember_attachments(sender, instance, **kwargs):
    # The revisions go before the example does: read their file names while they exist.
    instance._attachment_names = instance.attachment_names()


@receiver(post_delete, sender=UsageExample)
def delete_attachments(sender, instance, **kwargs):
    names = getattr(instance, "_attachment_names", None) or instance.attachment_names()

    def delete_files():
        for name in names:
            # A translation of the example may share the file.
            if not UsageExample.objects.filter(attachment=name).exists():
                private_media.delete(name)

    # Only once the deletion is committed: a rolled-back deletion keeps its files.
    transaction.on_commit(delete_files)
