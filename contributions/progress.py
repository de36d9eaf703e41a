"""Where each contribution stands, for the public board and the contributor's private link.

Stages, read from the workflow and the published content:
- received: waiting in its workflow, nobody has acted on it yet;
- in review: a volunteer is on it (it is locked, or a first step of its workflow is approved);
- accepted: approved, and what it offered is on its way (a suggested wording is a draft of the
  sheet, an offer to translate is the person's task);
- published: on the site (the contribution, the proposed tool, the draft made from a revision
  once the sheet is published again, or the translation the person offered);
- declined: its latest workflow run was rejected (only the contributor's link shows it).

The board shows no name, address or text written by the public: the kind of contribution,
the tool it is about (a proposed tool only once published), the month and the stage. The
contributor's link is a signed token (no address in it) that names one contribution.
"""

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Exists, F, OuterRef, Subquery, Value
from django.db.models.functions import Cast, Coalesce
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.models import Locale, Page, TaskState, WorkflowState

from core.i18n_pages import localize_pages
from tools.models import ToolPage

from .emails import reviewers_comments
from .follow_links import MODELS
from .models import (
    CommentKind,
    ModelAdaptationProposal,
    ToolComment,
    ToolProposal,
    UsageExample,
)

BOARD_PAGE_SIZE = 20


def public_workflow_states():
    """Workflow runs in progress on what the public sent: examples and comments (revisions and
    translation offers are comments), and the draft sheets and shared models made from a
    proposal. An editor's own sheet in review is not a contribution from the public: it waits
    in Wagtail's "Awaiting your review" panel only."""
    shared_model = ModelAdaptationProposal._meta.get_field("business_model").related_model
    types = ContentType.objects.get_for_models(UsageExample, ToolComment, ToolPage, shared_model)
    proposed = {
        ToolPage: ToolProposal.objects.values_list(Cast("tool_id", models.CharField()), flat=True),
        shared_model: ModelAdaptationProposal.objects.values_list(
            Cast("business_model_id", models.CharField()), flat=True
        ),
    }
    public = models.Q(content_type__in=[types[UsageExample], types[ToolComment]])
    for model, object_ids in proposed.items():
        public |= models.Q(content_type=types[model], object_id__in=object_ids)
    return WorkflowState.objects.filter(public, status=WorkflowState.STATUS_IN_PROGRESS)


class Stage(models.TextChoices):
    RECEIVED = "received", pgettext_lazy("contribution stage", "Received")
    IN_REVIEW = "in_review", pgettext_lazy("contribution stage", "In review")
    ACCEPTED = "accepted", pgettext_lazy("contribution stage", "Accepted")
    PUBLISHED = "published", pgettext_lazy("contribution stage", "Published")
    DECLINED = "declined", pgettext_lazy("contribution stage", "Declined")


KIND_LABELS = {
    "example": _("Usage example"),
    CommentKind.COMMENT: _("Comment"),
    CommentKind.REVISION: _("Suggested revision"),
    CommentKind.TRANSLATION: _("Offer to translate"),
    "proposal": _("New tool"),
    "adaptation": _("Adaptation of a shared model"),
}
# What a row is about, by kind: a tool sheet, or the shared model an adaptation made.
SUBJECT_LABELS = {"adaptation": _("Shared model")}
UNPUBLISHED_SUBJECT_LABELS = {"adaptation": _("A shared model not published yet")}


@dataclass
class Row:
    kind: str
    pk: int
    submitted_at: object
    tool_id: int
    live: bool
    locked: bool
    workflow_status: str | None
    step_approved: bool
    stage: str = ""
    tool: object = None
    tool_is_public: bool = False
    language: str = ""
    extra: dict = field(default_factory=dict)

    @property
    def kind_label(self):
        return KIND_LABELS[self.kind]

    @property
    def stage_label(self):
        return Stage(self.stage).label

    @property
    def subject_label(self):
        return SUBJECT_LABELS.get(self.kind, _("Tool"))

    @property
    def unpublished_subject_label(self):
        return UNPUBLISHED_SUBJECT_LABELS.get(self.kind, _("A tool not published yet"))


def _latest_workflow_state(content_type, object_id):
    return WorkflowState.objects.filter(
        base_content_type=content_type, object_id=object_id
    ).order_by("-created_at", "-pk")


def _annotated(queryset, *, kind, content_type, object_id, live, locked, subject="tool_id"):
    """The columns every kind of contribution shares, in one order, for a UNION."""
    own_id = Cast(OuterRef(object_id), models.CharField())
    latest = _latest_workflow_state(content_type, own_id)
    # A first step of the running workflow approved: the reviewers have started on it.
    step_approved = TaskState.objects.filter(
        workflow_state__base_content_type=content_type,
        workflow_state__object_id=own_id,
        workflow_state__status=WorkflowState.STATUS_IN_PROGRESS,
        status=TaskState.STATUS_APPROVED,
    )
    return queryset.annotate(
        row_kind=kind,
        row_id=F("pk"),
        row_date=F("submitted_at"),
        row_tool=F(subject),
        row_live=F(live),
        row_locked=F(locked),
        row_status=Coalesce(Subquery(latest.values("status")[:1]), Value("")),
        row_step_approved=Exists(step_approved),
    ).values(
        "row_kind",
        "row_id",
        "row_date",
        "row_tool",
        "row_live",
        "row_locked",
        "row_status",
        "row_step_approved",
    )


def _originals(model):
    """Contributions as the public sent them, not the copies translated by volunteers."""
    earlier = model.objects.filter(
        translation_key=OuterRef("translation_key"), pk__lt=OuterRef("pk")
    )
    return model.objects.filter(~Exists(earlier))


def _querysets():
    types = ContentType.objects.get_for_models(UsageExample, ToolComment, Page)
    text = models.CharField()
    return {
        "example": _annotated(
            _originals(UsageExample),
            kind=Value("example", output_field=text),
            content_type=types[UsageExample],
            object_id="pk",
            live="live",
            locked="locked",
        ),
        "comment": _annotated(
            _originals(ToolComment),
            kind=Cast("kind", output_field=text),
            content_type=types[ToolComment],
            object_id="pk",
            live="live",
            locked="locked",
        ),
        "proposal": _annotated(
            ToolProposal.objects.all(),
            kind=Value("proposal", output_field=text),
            content_type=types[Page],
            object_id="tool_id",
            live="tool__live",
            locked="tool__locked",
        ),
        "adaptation": _annotated(
            ModelAdaptationProposal.objects.all(),
            kind=Value("adaptation", output_field=text),
            content_type=types[Page],
            object_id="business_model_id",
            live="business_model__live",
            locked="business_model__locked",
            subject="business_model_id",
        ),
    }


def _public(queryset):
    """Leave out what was declined and never published."""
    return queryset.exclude(row_status=WorkflowState.STATUS_NEEDS_CHANGES, row_live=False)


def board_queryset():
    """Every contribution the board lists, newest first, as rows of plain values."""
    # No ordering inside the UNION's parts (SQLite refuses it; the models have a default one).
    parts = [_public(queryset).order_by() for queryset in _querysets().values()]
    return parts[0].union(*parts[1:], all=True).order_by("-row_date", "-row_id")


def _row(values):
    return Row(
        kind=values["row_kind"],
        pk=values["row_id"],
        submitted_at=values["row_date"],
        tool_id=values["row_tool"],
        live=bool(values["row_live"]),
        locked=bool(values["row_locked"]),
        workflow_status=values["row_status"],
        step_approved=bool(values["row_step_approved"]),
    )


def _comment_outcomes(rows):
    """Whether approved revisions and translation offers have reached the site (3 queries)."""
    ids = [row.pk for row in rows if row.kind in (CommentKind.REVISION, CommentKind.TRANSLATION)]
    if not ids:
        return {}
    comments = list(
        ToolComment.objects.filter(pk__in=ids).values(
            "pk",
            "kind",
            "target_locale_id",
            "tool__translation_key",
            "page_revision_id",
            "page_revision__object_id",
        )
    )
    sheet_ids = {int(c["page_revision__object_id"]) for c in comments if c["page_revision_id"]}
    live_revision = dict(
        Page.objects.filter(pk__in=sheet_ids).values_list("pk", "live_revision_id")
    )
    offers = [c for c in comments if c["kind"] == CommentKind.TRANSLATION]
    translated = set(
        ToolPage.objects.live()
        .filter(
            alias_of__isnull=True,
            translation_key__in={c["tool__translation_key"] for c in offers},
            locale_id__in={c["target_locale_id"] for c in offers},
        )
        .values_list("translation_key", "locale_id")
    )
    reached = {}
    for comment in comments:
        if comment["kind"] == CommentKind.REVISION:
            sheet = int(comment["page_revision__object_id"] or 0)
            live_id = live_revision.get(sheet) or 0
            reached[comment["pk"]] = bool(comment["page_revision_id"]) and (
                live_id >= comment["page_revision_id"]
            )
        else:
            key = (comment["tool__translation_key"], comment["target_locale_id"])
            reached[comment["pk"]] = key in translated
    return reached


def _stage(row, reached):
    if not row.live:
        if row.workflow_status == WorkflowState.STATUS_NEEDS_CHANGES:
            return Stage.DECLINED
        waiting = row.workflow_status == WorkflowState.STATUS_IN_PROGRESS
        if waiting and not (row.locked or row.step_approved):
            return Stage.RECEIVED
        return Stage.IN_REVIEW
    if row.kind in (CommentKind.REVISION, CommentKind.TRANSLATION):
        return Stage.PUBLISHED if reached.get(row.pk) else Stage.ACCEPTED
    return Stage.PUBLISHED


def describe(rows, locale):
    """Give each row its stage and its subject (the tool, or the shared model of an
    adaptation), in `locale` when translated (8 queries at most)."""
    reached = _comment_outcomes(rows)
    tools = {
        page.pk: page
        for page in Page.objects.filter(pk__in={row.tool_id for row in rows}).specific()
    }
    languages = dict(Locale.objects.values_list("pk", "language_code"))
    live_tools = [tool for tool in tools.values() if tool.live]
    shown = dict(
        zip(
            [tool.pk for tool in live_tools],
            localize_pages(live_tools, locale) if live_tools else [],
            strict=True,
        )
    )
    for row in rows:
        row.stage = _stage(row, reached)
        row.tool = shown.get(row.tool_id) or tools.get(row.tool_id)
        # A proposed tool is shown once published: until then its text is unmoderated.
        row.tool_is_public = row.tool_id in shown
        row.language = languages.get(row.tool.locale_id, "") if row.tool else ""
    return rows


def board_page(page_number, locale):
    """One page of the board: a Django Page of described rows."""
    paginator = Paginator(board_queryset(), BOARD_PAGE_SIZE)
    page = paginator.page(page_number)
    page.object_list = describe([_row(values) for values in page.object_list], locale)
    return page


def follow(contribution, locale):
    """Where the contribution stands, for its author; the reason when it was declined."""
    name = next(key for key, model in MODELS.items() if isinstance(contribution, model))
    values = _querysets()[name].filter(pk=contribution.pk).first()
    [row] = describe([_row(values)], locale)
    reasons = []
    if row.stage == Stage.DECLINED:
        if name in ("proposal", "adaptation"):
            content_type = ContentType.objects.get_for_model(Page)
            object_id = str(
                contribution.tool_id if name == "proposal" else contribution.business_model_id
            )
        else:
            content_type = ContentType.objects.get_for_model(type(contribution))
            object_id = str(contribution.pk)
        state = _latest_workflow_state(content_type, object_id).first()
        reasons = reviewers_comments(state) if state else []
    row.extra = {"reasons": reasons, "revision": getattr(contribution, "page_revision_id", None)}
    return row
