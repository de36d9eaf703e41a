"""A translation goes live after review: submitting it, and what the reviewers are told.

Translators have no publish permission in their language (home/roles.py): the translation
editor's own "Publish" button is gone for them, and `submit_for_review` saves the translated
page or snippet as a draft and starts the workflow of its locale ("Relecture de la
traduction"). Wagtail's notifications only know its group approval task: the e-mails of the
translation review are sent here.
"""

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import F
from django.dispatch import receiver
from django.template.loader import render_to_string
from django.utils import translation as django_translation
from django.utils.translation import gettext as _
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import Page, TaskState, WorkflowState
from wagtail.signals import task_submitted, workflow_approved
from wagtail_localize.models import StringSegment, StringTranslation

from core.urls import absolute_url

from .models import TranslationReviewTask, translation_of

MACHINE = StringTranslation.TRANSLATION_TYPE_MACHINE


class NoWorkflow(Exception):
    """The object's locale has no active workflow: run setup_site."""


def target_instance(translation):
    instance = translation.get_target_instance()
    return instance.specific if isinstance(instance, Page) else instance


def save_draft(translation, user):
    """Save the translation as a new revision, leaving what visitors see as it was.

    wagtail-localize's draft save also writes the translated texts into the page or snippet
    row and its inline items (and takes a snippet offline): a published translation would
    change before anybody reviewed it. The row and its inline items are put back to their
    published version; the new revision waits.
    """
    try:
        before = target_instance(translation)
    except ObjectDoesNotExist:
        before = None
    # What visitors see: a live page's or snippet's row and its inline items (Wagtail keeps the
    # published content there; drafts wait in revisions). For an alias of the French page it is
    # the French text, which it keeps showing until the German one is approved.
    shown = before.serializable_data() if before is not None and before.live else None
    translation.save_target(user=user, publish=False)
    if shown is None:
        return
    draft = target_instance(translation)
    published = draft.with_content_json(shown)
    if isinstance(published, Page):
        published.alias_of_id = None
    published.live = True
    published.has_unpublished_changes = True
    published.latest_revision_id = draft.latest_revision_id
    published.save()


@transaction.atomic
def submit_for_review(translation, user):
    """Save the translation as a draft and send it to review; return the workflow state."""
    save_draft(translation, user)
    instance = target_instance(translation)
    state = instance.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user=user)
        return state
    if state is not None:
        return state
    workflow = instance.get_workflow()
    if workflow is None:
        raise NoWorkflow
    return workflow.start(instance, user)


def machine_made_count(translation):
    """How many texts of the translation are still as the machine translated them."""
    return StringSegment.objects.filter(
        source=translation.source,
        string__translations__locale=translation.target_locale,
        string__translations__context_id=F("context_id"),
        string__translations__translation_type=MACHINE,
    ).count()


def string_counts(translation):
    total = StringSegment.objects.filter(source=translation.source).count()
    return total, machine_made_count(translation)


def _admin_url(instance):
    url = AdminURLFinder().get_edit_url(instance)
    return absolute_url(url) if url else ""


def _send(users, subject, template, context):
    for user in users:
        if not user.email:
            continue
        # The administration speaks French to volunteers unless they chose another language.
        language = getattr(getattr(user, "wagtail_userprofile", None), "preferred_language", "")
        with django_translation.override(language or settings.LANGUAGE_CODE):
            send_mail(
                subject(),
                render_to_string(template, {**context, "recipient": user}),
                settings.DEFAULT_FROM_EMAIL,
                [user.email],
            )


@receiver(task_submitted, sender=TaskState)
def tell_reviewers(sender, instance, user=None, **kwargs):
    task = instance.task.specific
    if not isinstance(task, TranslationReviewTask):
        return
    obj = instance.workflow_state.content_object
    obj = obj.specific if isinstance(obj, Page) else obj
    submitter = instance.workflow_state.requested_by
    translation = translation_of(obj)
    machine_made = machine_made_count(translation) if translation else 0
    context = {
        "object": obj,
        "language": obj.locale.get_display_name(),
        "submitter": submitter.get_full_name() or submitter.get_username() if submitter else "",
        "url": _admin_url(obj),
        "machine_made": machine_made,
    }
    _send(
        task.reviewers(obj),
        lambda: (
            _("Translation to review: %(title)s (%(language)s)")
            % {"title": obj, "language": obj.locale.get_display_name()}
        ),
        "translations/emails/review_requested.txt",
        context,
    )


@receiver(workflow_approved, sender=WorkflowState)
def tell_submitter_it_is_live(sender, instance, user=None, **kwargs):
    if not instance.workflow.workflow_tasks.filter(
        task__content_type__model="translationreviewtask"
    ).exists():
        return
    submitter = instance.requested_by
    if submitter is None:
        return
    obj = instance.content_object
    obj = obj.specific if isinstance(obj, Page) else obj
    context = {
        "object": obj,
        "language": obj.locale.get_display_name(),
        "reviewer": (user.get_full_name() or user.get_username()) if user else "",
        "url": _admin_url(obj),
        "live_url": obj.full_url if isinstance(obj, Page) else "",
    }
    _send(
        [submitter],
        lambda: (
            _("Your translation is live: %(title)s (%(language)s)")
            % {"title": obj, "language": obj.locale.get_display_name()}
        ),
        "translations/emails/translation_live.txt",
        context,
    )
