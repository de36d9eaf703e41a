"""The self-diagnosis: a questionnaire on the three levers, or a self-recognition checklist."""

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, ObjectList, TabbedInterface
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Locale, Page
from wagtail.search import index

from core.ratelimit import over_limit
from core.urls import absolute_url
from home.models import BasePage
from taxonomy.models import Lever

from . import scoring
from .blocks import BandBlock, SectionBlock, StatementBlock
from .recommend import recommendations

MAX_QUERY_PARAMETERS = 200
# Completions one connection may add to the statistics per hour; beyond, results still show.
RECORDS_PER_HOUR = 20


class DiagnosticKind(models.TextChoices):
    SCORED = "scored", _("Questionnaire scored on the levers")
    CHECKLIST = "checklist", _("Checklist with a threshold")


class DiagnosticPage(RoutablePageMixin, BasePage):
    kind = models.CharField(
        _("kind of diagnosis"),
        max_length=20,
        choices=DiagnosticKind.choices,
        default=DiagnosticKind.SCORED,
        help_text=_(
            "A questionnaire gives a score per lever; a checklist counts the statements "
            "a visitor recognises."
        ),
    )
    sections = StreamField(
        [("section", SectionBlock())],
        verbose_name=_("steps and questions"),
        blank=True,
        help_text=_("For a scored questionnaire: each step groups a few questions."),
    )
    bands = StreamField(
        [("band", BandBlock())],
        verbose_name=_("profiles per lever"),
        blank=True,
        help_text=_("For each lever, the profile shown for a range of scores (in percent)."),
    )
    statements = StreamField(
        [("statement", StatementBlock())],
        verbose_name=_("statements of the checklist"),
        blank=True,
        help_text=_(
            "Only for a checklist: the short statements visitors tick when they "
            "recognise themselves."
        ),
    )
    threshold = models.PositiveSmallIntegerField(
        _("threshold"),
        default=5,
        validators=[MinValueValidator(1)],
        help_text=_("For a checklist: how many statements a visitor must recognise."),
    )
    result_yes = models.TextField(
        _("text when the threshold is reached"),
        blank=True,
        max_length=2000,
        help_text=_("Only for a checklist: what visitors read when they ticked enough statements."),
    )
    result_no = models.TextField(
        _("text when the threshold is not reached"),
        blank=True,
        max_length=2000,
        help_text=_(
            "Only for a checklist: what visitors read when they ticked too few statements."
        ),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("kind")]
    questionnaire_panels = [FieldPanel("sections"), FieldPanel("bands")]
    checklist_panels = [
        FieldPanel("statements"),
        FieldPanel("threshold"),
        FieldPanel("result_yes"),
        FieldPanel("result_no"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(questionnaire_panels, heading=_("Questionnaire")),
            ObjectList(checklist_panels, heading=_("Checklist")),
            ObjectList(BasePage.promote_panels, heading=_("Promotion")),
            ObjectList(BasePage.settings_panels, heading=_("Publishing")),
        ]
    )
    search_fields = [*BasePage.search_fields, index.SearchField("sections")]

    class Meta:
        verbose_name = _("self-diagnosis")
        verbose_name_plural = _("self-diagnoses")

    def clean(self):
        super().clean()
        if self.kind == DiagnosticKind.CHECKLIST:
            if not self.statements:
                raise ValidationError({"statements": _("A checklist needs statements.")})
            if self.threshold > len(self.statements):
                raise ValidationError(
                    {"threshold": _("The threshold cannot exceed the number of statements.")}
                )
        elif not self.sections:
            raise ValidationError({"sections": _("A questionnaire needs at least one step.")})

    def statistics_page_id(self):
        """Completions in every language count for the default language's page."""
        source = (
            self.get_translations(inclusive=True)
            .filter(locale=Locale.get_default())
            .only("id")
            .first()
        )
        return source.pk if source else self.pk

    # Questionnaire structure ---------------------------------------------------------------

    def steps(self):
        """[(title, intro, [Question, ...]), ...] with stable short keys per question."""
        steps = []
        for section in self.sections:
            questions = []
            for bound in section.value["questions"].bound_blocks:
                value = bound.value
                answers = []
                for answer in value["answers"]:
                    points = {
                        item["lever"].translation_key: item["points"]
                        for item in answer["points"]
                        if item["lever"] is not None
                    }
                    answers.append((answer["label"], points, answer["phase"]))
                key = (bound.id or "").replace("-", "")[:8] or str(len(questions))
                questions.append(
                    scoring.Question(
                        key=key, text=value["text"], kind=value["kind"], answers=answers
                    )
                )
                questions[-1].help_text = value["help_text"]
            steps.append((section.value["title"], section.value["intro"], questions))
        return steps

    def all_questions(self):
        return [question for _title, _intro, questions in self.steps() for question in questions]

    def levers(self):
        return list(Lever.objects.live().filter(locale=self.locale).order_by("sort_order"))

    def band_list(self):
        return [
            (
                band.value["lever"].translation_key,
                band.value["minimum"],
                band.value["maximum"],
                {"title": band.value["title"], "text": band.value["text"]},
            )
            for band in self.bands
            if band.value["lever"] is not None
        ]

    # Views ---------------------------------------------------------------------------------

    @path("")
    def questionnaire(self, request):
        if self.kind == DiagnosticKind.CHECKLIST:
            return TemplateResponse(request, "diagnostic/checklist.html", self.get_context(request))
        steps = self.steps()
        context = self.get_context(request)
        try:
            step_number = int(request.GET.get("step", "1"))
        except ValueError:
            step_number = 1
        step_number = min(max(step_number, 1), max(len(steps), 1))
        error = None
        try:
            answers = scoring.parse_answers(
                _limited(request.GET), [q for _t, _i, qs in steps for q in qs]
            )
        except scoring.InvalidAnswers:
            answers = {}
            error = _(
                "Some answers in this address do not match the questionnaire; "
                "they were left out. Please answer again."
            )
        title, intro, questions = steps[step_number - 1] if steps else ("", "", [])
        context.update(
            {
                "step_number": step_number,
                "step_count": len(steps),
                "step_title": title,
                "step_intro": intro,
                "questions": questions,
                "answers": answers,
                "previous_answers": [
                    (f"q_{key}", index)
                    for key, indexes in answers.items()
                    if key not in {q.key for q in questions}
                    for index in indexes
                ],
                "is_last_step": step_number >= len(steps),
                "error": error,
            }
        )
        return TemplateResponse(request, "diagnostic/questionnaire.html", context)

    @path("resultat/")
    def result(self, request):
        """The result, read from the answers in the address; a GET never writes.

        The last step posts its form here (with its CSRF token): the completion is counted in
        the anonymous statistics, unless the visitor opted out or their connection already
        added `RECORDS_PER_HOUR`, and the visitor is sent on to the result's shareable address.
        """
        context = self.get_context(request)
        recording = request.method == "POST"
        query = _limited(request.POST if recording else request.GET)
        if self.kind == DiagnosticKind.CHECKLIST:
            return self.checklist_result(request, query, context)
        questions = self.all_questions()
        try:
            answers = scoring.parse_answers(query, questions)
        except scoring.InvalidAnswers:
            context["error"] = _(
                "This result address has been changed or belongs to an older version of the "
                "questionnaire, so it cannot be read. Please take the diagnosis again."
            )
            return TemplateResponse(request, "diagnostic/result.html", context, status=400)
        levers = self.levers()
        outcome = scoring.score(questions, answers, levers, self.band_list())
        if recording:
            if self._may_record(request, query):
                DiagnosticCompletion.record(self, outcome)
            answers_only = [(k, v) for k, v in query.lists() if k.startswith("q_")]
            return self._redirect_to_result(answers_only)
        context.update(
            {
                "outcome": outcome,
                "chart": _chart(outcome),
                "recommendations": recommendations(outcome, self.locale)
                if outcome.answered
                else None,
                "share_url": absolute_url(request.get_full_path()),
            }
        )
        return TemplateResponse(request, "diagnostic/result.html", context)

    def checklist_result(self, request, query, context):
        ticked = []
        for value in query.getlist("s")[:MAX_QUERY_PARAMETERS]:
            if not value.isdigit() or int(value) >= len(self.statements):
                context["error"] = _(
                    "This result address has been changed, so it cannot be read. "
                    "Please go through the checklist again."
                )
                return TemplateResponse(
                    request, "diagnostic/checklist_result.html", context, status=400
                )
            ticked.append(int(value))
        recognised, belongs = scoring.checklist_result(len(self.statements), ticked, self.threshold)
        if request.method == "POST":
            if self._may_record(request, query):
                DiagnosticCompletion.record_checklist(self, recognised)
            return self._redirect_to_result([("s", index) for index in sorted(set(ticked))])
        context.update(
            {
                "recognised": recognised,
                "belongs": belongs,
                "ticked": set(ticked),
                "share_url": absolute_url(request.get_full_path()),
            }
        )
        return TemplateResponse(request, "diagnostic/checklist_result.html", context)

    def _may_record(self, request, answers):
        return answers.get("optout") != "1" and not over_limit(
            request, "diagnostic:record", RECORDS_PER_HOUR
        )

    def _redirect_to_result(self, query):
        return HttpResponseRedirect(
            self.url + self.reverse_subpage("result") + "?" + urlencode(query, doseq=True)
        )


def _limited(query_dict):
    """Refuse to look at absurdly many parameters (tampered links)."""
    if len(query_dict) > MAX_QUERY_PARAMETERS:
        copy = query_dict.copy()
        for key in list(copy.keys())[MAX_QUERY_PARAMETERS:]:
            del copy[key]
        return copy
    return query_dict


def _chart(outcome):
    """Bars of an SVG chart, with the figures repeated in a table for screen readers.

    Each lever's name stands on its own line above its bar, across the whole chart, so that a
    long name is never cut, on a phone as on a wide screen."""
    label_height, bar_height, gap, width = 22, 24, 14, 300
    row = label_height + bar_height + gap
    bars = []
    for position, lever_score in enumerate(outcome.scores):
        top = position * row
        bars.append(
            {
                "label": lever_score.lever.name,
                "percent": lever_score.percent,
                "text_y": top + label_height - 6,
                "y": top + label_height,
                "width": round(width * lever_score.percent / 100),
                "value_x": width + 8,
                "value_y": top + label_height + bar_height - 7,
            }
        )
    return {
        "bars": bars,
        "bar_height": bar_height,
        "height": max(1, len(bars)) * row,
        "width": width,
        "view_width": width + 56,
    }


class DiagnosticCompletion(models.Model):
    """One anonymous completion: the date, the language and the score band per lever.

    Nothing identifies the visitor: no IP, no answers, no time of day.
    """

    page = models.ForeignKey(
        DiagnosticPage,
        verbose_name=_("diagnosis"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("The diagnosis that was filled in."),
    )
    completed_on = models.DateField(
        _("date"),
        default=timezone.localdate,
        help_text=_("The day it was filled in. Nothing else about the visitor is kept."),
    )
    scores = models.JSONField(
        _("scores per lever (percent, rounded to 10)"),
        default=dict,
        help_text=_("The result of a questionnaire, lever by lever."),
    )
    checklist_recognised = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        verbose_name=_("statements recognised"),
        help_text=_("For a checklist: how many statements the visitor recognised."),
    )

    class Meta:
        verbose_name = _("completed diagnosis")
        verbose_name_plural = _("completed diagnoses")
        indexes = [models.Index(fields=["page", "completed_on"])]

    @classmethod
    def record(cls, page, outcome):
        cls.objects.create(
            page_id=page.statistics_page_id(),
            scores={s.lever.slug: (s.percent // 10) * 10 for s in outcome.scores if s.maximum},
        )

    @classmethod
    def record_checklist(cls, page, recognised):
        cls.objects.create(page_id=page.statistics_page_id(), checklist_recognised=recognised)
