"""Workflow decisions on contributions: the contributor hears about them by e-mail. A deleted
example takes its attached file with it."""

from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver
from wagtail.signals import workflow_approved, workflow_rejected
from wagtail.tasks import delete_file_from_storage_task

from .emails import notify_decision
from .models import UsageExample


@receiver(workflow_approved)
def contribution_approved(sender, instance, user=None, **kwargs):
    notify_decision(instance, approved=True)


@receiver(workflow_rejected)
def contribution_declined(sender, instance, user=None, **kwargs):
    notify_decision(instance, approved=False)


@receiver(post_delete, sender=UsageExample)
def delete_attachment(sender, instance, **kwargs):
    """Delete the file of a deleted example once the deletion is committed, unless another row
    (a translation of the example) still uses it. Wagtail deletes image and document files the
    same way."""
    name = instance.attachment.name
    if not name or UsageExample.objects.filter(attachment=name).exists():
        return
    storage = instance.attachment.storage.deconstruct()
    transaction.on_commit(lambda: delete_file_from_storage_task.enqueue(storage, name))
