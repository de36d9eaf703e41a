"""What the public contributes to the tool library, kept as draft content inside a workflow.

Usage examples and comments (observations, suggested revisions, offers to translate) are
snippets with drafts, revisions, a workflow and locking: a public submission is saved as a
draft revision and submitted to the "Modération" workflow; only a moderator's approval
publishes it. A proposed tool is a draft tool sheet submitted to the "Relecture en
co-création" workflow; `ToolProposal` keeps who proposed it. A proposed adaptation of a tool
is a proposed tool whose sheet is adapted from another; a proposed adaptation of a shared
model is a draft model page in its index's workflow, `ModelAdaptationProposal` keeping who
proposed it.

Each contribution points at the tool sheet in the default language (the tool, whatever
language the visitor read it in) and carries the visitor's language as its locale.
"""

import uuid
from pathlib import PurePath

from django.contrib.contenttypes.fields import GenericRelation
from django.core.files.storage import default_storage
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)
from wagtail.search import index

from core.private_media import private_storage
from core.translation_review import LocaleWorkflowMixin

from .panels import RevisionDraftPanel


class CommentKind(models.TextChoices):
    COMMENT = "comment", _("Comment or observation")
    REVISION = "revision", _("Suggested revision")
    TRANSLATION = "translation", _("Offer to translate")


class RevisablePart(models.TextChoices):
    """The parts of a tool sheet a visitor may propose a new wording for (ToolPage fields)."""

    SUMMARY = "summary", _("The tool in brief")
    TARGET_GROUPS = "target_groups", _("Who it is for")
    REASONS = "reasons", _("Reasons to use it")
    EXPECTED_RESULTS = "expected_results", _("Expected results and impacts")
    HUMAN_RESOURCES = "human_resources", _("People needed")
    EFFORT = "effort", _("Estimated effort")


class DecisionNotice(models.TextChoices):
    NONE = "", _("Not sent")
    APPROVED = "approved", _("Approval sent")
    DECLINED = "declined", _("Decline sent")


class Contributor(models.Model):
    """Who proposed a contribution, and what they allow us to do with their name and e-mail."""

    contributor_name = models.CharField(
        _("name of the contributor"),
        max_length=120,
        help_text=_("As the person gave it in the form."),
    )
    contributor_email = models.EmailField(
        _("e-mail of the contributor"),
        max_length=254,
        blank=True,
        help_text=_(
            "Never shown on the site. Used to tell the person about the decision "
            "(and to contact them if they agreed)."
        ),
    )
    consent_to_credit = models.BooleanField(
        _("agrees to be credited"),
        default=False,
        help_text=_("If ticked, the name appears among the tool's contributors once approved."),
    )
    consent_to_contact = models.BooleanField(
        _("agrees to be contacted"),
        default=False,
        help_text=_("If ticked, the team may write to the person about this contribution."),
    )
    submitted_at = models.DateTimeField(_("submitted on"), auto_now_add=True)
    decision_notice = models.CharField(
        _("decision e-mail"),
        max_length=10,
        choices=DecisionNotice.choices,
        default=DecisionNotice.NONE,
        blank=True,
        editable=False,
    )

    contributor_panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("contributor_name"), FieldPanel("contributor_email")]),
                FieldRowPanel([FieldPanel("consent_to_credit"), FieldPanel("consent_to_contact")]),
            ],
            heading=_("Contributor"),
        )
    ]

    class Meta:
        abstract = True

    @property
    def credited_name(self):
        return self.contributor_name if self.consent_to_credit else ""


def example_upload_path(instance, filename):
    # A random folder: the file name the visitor chose never decides where it lands.
    extension = PurePath(filename).suffix.lower()
    return f"contributions/examples/{uuid.uuid4().hex}/example{extension}"


class ModeratedContribution(
    TranslatableMixin,
    LocaleWorkflowMixin,
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    Contributor,
):
    class Meta(TranslatableMixin.Meta):
        abstract = True

    @property
    def revisions(self):
        # The generic relation deletes the revisions together with the contribution.
        return self._revisions


class UsageExample(ModeratedContribution):
    """How an organisation used a tool, told by someone who was there."""

    tool = models.ForeignKey(
        "tools.ToolPage",
        verbose_name=_("tool"),
        on_delete=models.CASCADE,
        related_name="usage_examples",
        help_text=_("The tool sheet the example is about."),
    )
    title = models.CharField(
        _("title"),
        max_length=160,
        help_text=_(
            'A short sentence that says what happened, e.g. "A cooperative tests the canvas".'
        ),
    )
    organisation = models.CharField(
        _("organisation"),
        max_length=160,
        help_text=_("The organisation that used the tool."),
    )
    description = models.TextField(
        _("how the tool was used"),
        max_length=5000,
        help_text=_("Plain text: what the organisation did with the tool and what came of it."),
    )
    attachment = models.FileField(
        _("attached file"),
        upload_to=example_upload_path,
        storage=private_storage,
        blank=True,
        max_length=255,
        help_text=_(
            "Checked on upload: PDF, Word, OpenDocument, Excel, PNG or JPEG. Kept out of the "
            "public site until the example is approved."
        ),
    )

    panels = [
        FieldPanel("tool"),
        FieldPanel("title"),
        FieldPanel("organisation"),
        FieldPanel("description"),
        FieldPanel("attachment"),
        *Contributor.contributor_panels,
    ]
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="usageexample")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="usageexample",
        for_concrete_model=False,
    )
    search_fields = [
        index.SearchField("title"),
        index.SearchField("organisation"),
        index.SearchField("description"),
        index.FilterField("locale_id"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("usage example")
        verbose_name_plural = _("usage examples")
        ordering = ["-submitted_at"]

    def __str__(self):
        return f"{self.title} ({self.organisation})"

    @property
    def public_attachment_url(self):
        """Where visitors download the attachment: its public copy, made on approval."""
        return default_storage.url(self.attachment.name) if self.attachment else ""

    def attachment_names(self):
        """Every file name this example has had: the current one and those of its revisions."""
        names = {self.attachment.name} if self.attachment else set()
        for content in self.revisions.values_list("content", flat=True):
            names.add((content or {}).get("attachment") or "")
        return names - {""}


class ToolComment(ModeratedContribution):
    """A comment or observation, a suggested revision, or an offer to translate a tool."""

    tool = models.ForeignKey(
        "tools.ToolPage",
        verbose_name=_("tool"),
        on_delete=models.CASCADE,
        related_name="comments",
        help_text=_("The tool sheet the comment is about."),
    )
    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=CommentKind.choices,
        default=CommentKind.COMMENT,
        help_text=_("What the person offers: a comment, a revision of the text, or to translate."),
    )
    message = models.TextField(
        _("message"),
        max_length=5000,
        blank=True,
        help_text=_("The text the person wrote. Correct spelling if needed, but keep the meaning."),
    )
    section = models.CharField(
        _("part of the sheet"),
        max_length=160,
        blank=True,
        help_text=_("For a suggested revision: which part of the sheet it is about."),
    )
    target_locale = models.ForeignKey(
        "wagtailcore.Locale",
        verbose_name=_("language to translate into"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("For an offer to translate."),
    )
    proposed_part = models.CharField(
        _("part to reword"),
        max_length=40,
        choices=RevisablePart.choices,
        blank=True,
        help_text=_(
            "For a suggested revision: the part of the sheet the new wording below replaces. "
            "On approval, the sheet gets a draft with this wording, for the reviewers."
        ),
    )
    proposed_text = models.TextField(
        _("proposed wording"),
        max_length=5000,
        blank=True,
        help_text=_("For a suggested revision: the new text the person proposes for that part."),
    )
    page_revision = models.ForeignKey(
        "wagtailcore.Revision",
        verbose_name=_("draft of the sheet"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The draft of the tool sheet made from this suggestion when it was approved."),
    )

    panels = [
        FieldPanel("tool"),
        FieldPanel("kind"),
        FieldPanel("section"),
        FieldPanel("proposed_part"),
        FieldPanel("proposed_text"),
        RevisionDraftPanel(heading=_("Draft of the sheet")),
        FieldPanel("target_locale"),
        FieldPanel("message"),
        *Contributor.contributor_panels,
    ]
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="toolcomment")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="toolcomment",
        for_concrete_model=False,
    )
    search_fields = [index.SearchField("message"), index.FilterField("locale_id")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("comment on a tool")
        verbose_name_plural = _("comments on tools")
        ordering = ["-submitted_at"]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.message[:60]}"


class ToolProposal(Contributor):
    """Who proposed a new tool; the proposal itself is a draft tool sheet."""

    tool = models.OneToOneField(
        "tools.ToolPage",
        verbose_name=_("proposed tool sheet"),
        on_delete=models.CASCADE,
        related_name="proposal",
        help_text=_("The draft tool sheet created from the proposal."),
    )
    locale = models.ForeignKey(
        "wagtailcore.Locale",
        verbose_name=_("language of the proposal"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The language the person wrote the proposal in."),
    )

    class Meta:
        verbose_name = _("tool proposal")
        verbose_name_plural = _("tool proposals")

    def __str__(self):
        return str(self.tool)


class ModelAdaptationProposal(Contributor):
    """Who proposed an adaptation of a shared model; the adaptation is a draft model page."""

    business_model = models.OneToOneField(
        "guides.BusinessModelPage",
        verbose_name=_("proposed adaptation"),
        on_delete=models.CASCADE,
        related_name="adaptation_proposal",
        help_text=_("The draft shared model created from the proposal."),
    )
    locale = models.ForeignKey(
        "wagtailcore.Locale",
        verbose_name=_("language of the proposal"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The language the person wrote the proposal in."),
    )

    class Meta:
        verbose_name = _("proposed adaptation of a shared model")
        verbose_name_plural = _("proposed adaptations of shared models")

    def __str__(self):
        return str(self.business_model)
