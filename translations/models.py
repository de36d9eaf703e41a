"""The translators' workflow: review by a second translator, claims, and the glossary.

- `TranslationReviewTask`: a workflow task whose approvers are the translators of the object's
  language and the moderators, never the person who submitted it. `setup_site` builds the
  "Relecture de la traduction" workflow from it (home/roles.py) and attaches it to the page
  trees of the other languages; translated snippets reach it through `core.translation_review`.
- `TranslationAssignment`: who took care of translating an item into a language, and since when.
- `GlossaryTerm`: the association's own words and their equivalents, which machine translation
  respects (translations/machine_translation.py).
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Locale, Page, Task, TaskState, WorkflowState
from wagtail.search import index
from wagtail.signals import workflow_approved
from wagtail_localize.models import TranslatableObject, Translation

from home.roles import MODERATORS, translator_group_name

from .permissions import translator_language_codes


def _content_object(obj):
    return obj.specific if hasattr(obj, "specific") and hasattr(obj, "path") else obj


class TranslationReviewTask(Task):
    """Approved by another translator of the object's language, or by a moderator."""

    admin_form_fields = Task.admin_form_fields

    class Meta:
        verbose_name = _("translation review by another translator")
        verbose_name_plural = _("translation reviews by another translator")

    @classmethod
    def get_description(cls):
        return _(
            "The translators of the language of the page or item (and the moderators) approve; "
            "the person who submitted it cannot approve their own translation."
        )

    def reviewer_groups(self, obj):
        return Group.objects.filter(
            name__in=[translator_group_name(obj.locale.language_code), MODERATORS]
        )

    def submitter(self, obj):
        state = obj.current_workflow_state
        return state.requested_by if state is not None else None

    def user_may_review(self, obj, user):
        if not user.is_active:
            return False
        submitter = self.submitter(obj)
        if submitter is not None and submitter.pk == user.pk:
            return False
        if user.is_superuser:
            return True
        return user.groups.filter(pk__in=self.reviewer_groups(obj)).exists()

    def reviewers(self, obj):
        """Everyone who may approve, for the notification."""
        submitter = self.submitter(obj)
        users = get_user_model().objects.filter(
            Q(groups__in=self.reviewer_groups(obj)) | Q(is_superuser=True), is_active=True
        )
        if submitter is not None:
            users = users.exclude(pk=submitter.pk)
        return users.distinct()

    def user_can_access_editor(self, obj, user):
        return self.user_may_review(obj, user)

    def locked_for_user(self, obj, user):
        # The submitter may go on correcting; anyone else needs to be a reviewer.
        submitter = self.submitter(obj)
        if submitter is not None and submitter.pk == user.pk:
            return False
        return not (user.is_superuser or self.user_may_review(obj, user))

    def user_can_lock(self, obj, user):
        return self.user_may_review(obj, user)

    def get_actions(self, obj, user):
        if self.user_may_review(obj, user):
            return [
                ("reject", _("Request changes"), True),
                ("approve", _("Approve and publish"), False),
                ("approve", _("Approve with comment and publish"), True),
            ]
        return []

    @transaction.atomic
    def on_action(self, task_state, user, action_name, **kwargs):
        obj = _content_object(task_state.workflow_state.content_object)
        if not self.user_may_review(obj, user):
            raise PermissionDenied
        if action_name != "approve":
            return super().on_action(task_state, user, action_name, **kwargs)
        # What the reviewer corrected in the translation editor becomes the revision that goes
        # live.
        translation = translation_of(obj)
        if translation is not None:
            translation.save_target(user=user, publish=False)
            task_state.revision = obj.get_latest_revision()
            task_state.save(update_fields=["revision"])
        task_state.approve(user=user, update=False, comment=kwargs.get("comment", ""))
        workflow_state = task_state.workflow_state
        if workflow_state.get_next_task() is not None:
            workflow_state.update(user=user)
            return None
        # The approval is what allows publication: a translator approves without holding the
        # publish permission (which Wagtail's own finishing step would require of them).
        workflow_state.status = WorkflowState.STATUS_APPROVED
        workflow_state.save(update_fields=["status"])
        obj.get_latest_revision().publish(user=user, skip_permission_checks=True)
        workflow_approved.send(sender=WorkflowState, instance=workflow_state, user=user)
        return None

    def get_task_states_user_can_moderate(self, user, **kwargs):
        states = TaskState.objects.filter(task=self, status=TaskState.STATUS_IN_PROGRESS)
        if not user.is_superuser:
            states = states.exclude(workflow_state__requested_by=user)
        if user.is_superuser or user.groups.filter(name=MODERATORS).exists():
            return states
        languages = translator_language_codes(user)
        wanted = [
            state.pk
            for state in states.select_related("workflow_state")
            if _content_object(state.workflow_state.content_object).locale.language_code
            in languages
        ]
        return TaskState.objects.filter(pk__in=wanted)


def translation_of(obj):
    """The wagtail-localize translation that produced `obj`, if any."""
    return (
        Translation.objects.filter(
            source__object_id=obj.translation_key, target_locale_id=obj.locale_id
        )
        .exclude(source__locale_id=obj.locale_id)
        .select_related("source", "target_locale")
        .first()
    )


class TranslationAssignment(models.Model):
    """A translator took care of translating one source item into one language."""

    source = models.ForeignKey(
        TranslatableObject,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("source"),
        help_text=_("The original page or item to translate (all its language versions)."),
    )
    locale = models.ForeignKey(
        "wagtailcore.Locale",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("language"),
        help_text=_("The language it is translated into."),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="translation_assignments",
        verbose_name=_("translator"),
        help_text=_("Who takes care of it."),
    )
    volunteer_name = models.CharField(
        _("volunteer without an account"),
        max_length=120,
        blank=True,
        help_text=_(
            "The person whose offer to translate was accepted, when they have no account here."
        ),
    )
    claimed_at = models.DateTimeField(_("since"), auto_now_add=True)

    class Meta:
        verbose_name = _("translation assignment")
        verbose_name_plural = _("translation assignments")
        constraints = [
            models.UniqueConstraint(
                fields=["source", "locale"], name="one_translator_per_source_and_locale"
            )
        ]

    def __str__(self):
        return f"{self.source_label} → {self.locale.language_code}: {self.assignee}"

    @property
    def assignee(self):
        """Who takes care of it, as the report shows them."""
        if self.user is None:
            return self.volunteer_name
        return self.user.get_full_name() or self.user.get_username()

    @property
    def source_label(self):
        instance = self.source.get_instance(Locale.get_default())
        return str(instance.specific if isinstance(instance, Page) else instance)


class GlossaryTerm(index.Indexed, models.Model):
    """One of the association's own terms and how it is said in the other languages."""

    french = models.CharField(
        _("French term"),
        max_length=120,
        unique=True,
        help_text=_("The term as written in the French texts, e.g. « fil rouge »."),
    )
    german = models.CharField(
        _("German equivalent"),
        max_length=120,
        blank=True,
        help_text=_("How the association says it in German; empty: leave it to the translator."),
    )
    italian = models.CharField(
        _("Italian equivalent"),
        max_length=120,
        blank=True,
        help_text=_("How the association says it in Italian; empty: leave it to the translator."),
    )
    english = models.CharField(
        _("English equivalent"),
        max_length=120,
        blank=True,
        help_text=_("How the association says it in English; empty: leave it to the translator."),
    )
    note = models.CharField(
        _("note"),
        max_length=255,
        blank=True,
        help_text=_("Why this choice, for translators (not shown to visitors)."),
    )

    panels = [
        FieldPanel("french"),
        FieldPanel("german"),
        FieldPanel("italian"),
        FieldPanel("english"),
        FieldPanel("note"),
    ]
    search_fields = [
        index.SearchField("french"),
        index.AutocompleteField("french"),
        index.SearchField("german"),
        index.SearchField("italian"),
        index.SearchField("english"),
    ]

    FIELD_BY_LANGUAGE = {"de": "german", "it": "italian", "en": "english"}

    class Meta:
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary")
        ordering = ["french"]

    def __str__(self):
        return self.french

    def equivalent(self, language_code):
        field = self.FIELD_BY_LANGUAGE.get(language_code.split("-")[0])
        return getattr(self, field) if field else ""

    @classmethod
    def entries(cls, language_code):
        """{French term: equivalent} for one target language, terms without one left out."""
        field = cls.FIELD_BY_LANGUAGE.get(language_code.split("-")[0])
        if field is None:
            return {}
        return dict(cls.objects.exclude(**{field: ""}).values_list("french", field))
