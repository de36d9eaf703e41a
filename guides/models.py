"""Guides ("fils rouges"), training modules and openly shared business models.

- A guide is an ordered path through tool sheets for an audience and/or a life-cycle phase; it
  downloads as one PDF (introduction, then every tool sheet in order).
- A training module teaches tools; trainers get their own section (train-the-trainer). Its
  upcoming sessions come from the events app through the "training_module" section target
  (see docs/guides.md).
- A shared business model tells an organisation's model with the association's nine-block
  canvas; it downloads as a PDF and as JSON, and links to the model it was adapted from.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from rest_framework.fields import Field
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
)
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from core.images import HeroImageMixin, alt_text_field, image_field, image_panels
from core.lazy import helper_at
from core.licences import LicenceChooser, LicensedMixin, attribution_field, licence_field
from core.panels import page_tabs
from core.public_fields import LivePageIdField, LivePageIdsField, SlugListField
from home.lineage import ADAPTATION_FIELDS, AdaptationMixin
from home.models import BasePage
from taxonomy.fields import audiences_field, levers_field, phases_field

from .roles import TRAINER_COLLECTION

RICH_TEXT = ["bold", "italic", "link", "document-link", "ul", "ol", "h3"]
SIMPLE_RICH_TEXT = ["bold", "italic", "link", "ul", "ol"]


# --- Guides ("fils rouges") -----------------------------------------------------------------


class GuideIndexPage(HeroImageMixin, BasePage):
    """Every guide, filtered by audience and by life-cycle phase."""

    content_panels = [*Page.content_panels, FieldPanel("intro"), *HeroImageMixin.hero_panels]
    edit_handler = page_tabs(content_panels)
    subpage_types = ["guides.GuidePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("guide index")
        verbose_name_plural = _("guide indexes")

    guide_index_context = helper_at("guides.listings.guide_index_context")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.guide_index_context(self, request))
        return context


class GuideStepsField(Field):
    """A guide's path in the API: each step's tool (its id, live tools only) and expected output."""

    def to_representation(self, manager):
        return [
            {"tool": step.tool_id, "expected_output": step.expected_output}
            for step in manager.all()
            if step.tool.live
        ]


class GuidePage(LicensedMixin, RoutablePageMixin, BasePage):
    """A "fil rouge": an ordered path through tool sheets, with our commentary at each step."""

    introduction = RichTextField(
        _("introduction to the path"),
        features=RICH_TEXT,
        blank=True,
        help_text=_("Who the path is for, what it leads to and how to follow it."),
    )
    audiences = audiences_field(_("The people this path is made for."))
    phases = phases_field(_("The moments of an organisation's life when this path helps."))
    partner_name = models.CharField(
        _("partner organisation"),
        max_length=200,
        blank=True,
        help_text=_('When the guide was made with a partner, its name ("guide made with ...").'),
    )
    partner_logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("partner's logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The logo of the partner organisation the guide was made with, if any."),
    )
    partner_url = models.URLField(
        _("partner's website"), blank=True, help_text=_("Full address, starting with https://.")
    )
    licence = licence_field(
        _(
            "Under which conditions others may reuse the guide's own text (each tool sheet keeps "
            "its licence). Keep the default unless the authors chose another."
        )
    )
    attribution = attribution_field(
        _('Who wrote the guide, as they must be credited, e.g. "Social Business Models and ...".')
    )

    search_fields = [
        *BasePage.search_fields,
        index.AutocompleteField("title"),
        index.SearchField("introduction"),
        index.SearchField("partner_name"),
        index.FilterField("locale_id"),
    ]

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("introduction"),
        InlinePanel("steps", label=_("steps"), min_num=1),
    ]
    classification_panels = [
        FieldPanel("audiences"),
        FieldPanel("phases"),
        MultiFieldPanel(
            [FieldPanel("partner_name"), FieldPanel("partner_logo"), FieldPanel("partner_url")],
            heading=_("Made with a partner"),
        ),
    ]
    credits_panels = [FieldPanel("licence", widget=LicenceChooser), FieldPanel("attribution")]
    edit_handler = page_tabs(
        content_panels,
        classification=classification_panels,
        extra=[(_("Credits and licence"), credits_panels)],
    )

    api_fields = [
        "intro",
        "introduction",
        "partner_name",
        "partner_url",
        "licence",
        "attribution",
        "last_published_at",
        APIField("steps", serializer=GuideStepsField()),
        APIField("audiences", serializer=SlugListField()),
        APIField("phases", serializer=SlugListField()),
    ]
    parent_page_types = ["guides.GuideIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("guide")
        verbose_name_plural = _("guides")

    guide_context = helper_at("guides.listings.guide_context")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.guide_context(self))
        return context

    guide_pdf_response = helper_at("guides.pdf.guide_pdf_response")
    stored_pdf = helper_at("guides.pdf.guide_pdf")

    @path("pdf/", name="pdf")
    def guide_pdf(self, request):
        return self.guide_pdf_response(self, request)


def total_effort_hours(tools):
    """The sum of the tools' estimated hours; tools without an estimate count for nothing."""
    return sum((tool.effort_hours or Decimal(0) for tool in tools), Decimal(0))


class GuideStep(TranslatableMixin, Orderable):
    """One step of a guide: a tool sheet, why and how to use it now, and what it produces."""

    guide = ParentalKey(GuidePage, on_delete=models.CASCADE, related_name="steps")
    # Deleting a tool sheet removes its steps: Wagtail lists the guides that use it (reference
    # index) before an editor confirms, and a guide is still a path without that step.
    tool = models.ForeignKey(
        "tools.ToolPage",
        verbose_name=_("tool sheet"),
        on_delete=models.CASCADE,
        related_name="guide_steps",
        help_text=_("The tool sheet this step of the guide leads to."),
    )
    commentary = RichTextField(
        _("why and how to use it at this step"),
        features=SIMPLE_RICH_TEXT,
        blank=True,
        help_text=_("Our advice: why this tool comes now and how to use it in this path."),
    )
    expected_output = models.TextField(
        _("expected output"),
        blank=True,
        max_length=1000,
        help_text=_("What the organisation has in hand at the end of this step."),
    )

    panels = [FieldPanel("tool"), FieldPanel("commentary"), FieldPanel("expected_output")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("step")
        verbose_name_plural = _("steps")


# --- Training modules -----------------------------------------------------------------------


class TrainingIndexPage(HeroImageMixin, BasePage):
    """Every training module."""

    content_panels = [*Page.content_panels, FieldPanel("intro"), *HeroImageMixin.hero_panels]
    edit_handler = page_tabs(content_panels)
    subpage_types = ["guides.TrainingPathPage", "guides.TrainingModulePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("training index")
        verbose_name_plural = _("training indexes")

    training_index_context = helper_at("guides.listings.training_index_context")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.training_index_context(self, request))
        return context


class TrainingModulePage(BasePage):
    """A training module that helps apply tools, with a section for the people who give it."""

    learning_objectives = RichTextField(
        _("learning objectives"),
        features=SIMPLE_RICH_TEXT,
        help_text=_("What participants can do at the end, one objective per bullet."),
    )
    audiences = audiences_field(_("Who the module is meant for."))
    duration = models.CharField(
        _("duration"),
        max_length=120,
        help_text=_('In words, e.g. "one day" or "two half-days".'),
    )
    duration_hours = models.DecimalField(
        _("duration in hours"),
        max_digits=5,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("Total length of the module in hours, e.g. 3.5."),
    )
    prerequisites = RichTextField(
        _("prerequisites"),
        features=SIMPLE_RICH_TEXT,
        blank=True,
        help_text=_("What participants should know or bring. Leave empty if nothing is needed."),
    )
    tools = ParentalManyToManyField(
        "tools.ToolPage",
        verbose_name=_("tools taught"),
        blank=True,
        related_name="training_modules",
        help_text=_("The tool sheets the module teaches how to use."),
    )
    for_trainers = models.BooleanField(
        _("suited to train trainers"),
        default=False,
        help_text=_(
            "Tick when the module also trains consultants and trainers to give it themselves."
        ),
    )
    facilitation_notes = RichTextField(
        _("facilitation notes"),
        features=RICH_TEXT,
        blank=True,
        help_text=_("How to lead the module: sequence, pitfalls, questions that work."),
    )
    timing = RichTextField(
        _("timing"),
        features=SIMPLE_RICH_TEXT,
        blank=True,
        help_text=_("The schedule of the module, part by part, with durations."),
    )
    preparation = RichTextField(
        _("what to prepare"),
        features=SIMPLE_RICH_TEXT,
        blank=True,
        help_text=_("Room, equipment, printed documents, what to send participants beforehand."),
    )

    search_fields = [
        *BasePage.search_fields,
        index.AutocompleteField("title"),
        index.SearchField("learning_objectives"),
        index.SearchField("prerequisites"),
        index.FilterField("locale_id"),
    ]

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("learning_objectives"),
        FieldRowPanel([FieldPanel("duration"), FieldPanel("duration_hours")]),
        FieldPanel("prerequisites"),
        FieldPanel("tools"),
        InlinePanel("materials", label=_("materials to download")),
    ]
    trainer_panels = [
        FieldPanel("for_trainers"),
        FieldPanel("facilitation_notes"),
        FieldPanel("timing"),
        FieldPanel("preparation"),
    ]
    edit_handler = page_tabs(
        content_panels,
        classification=[FieldPanel("audiences")],
        extra=[(_("For trainers"), trainer_panels)],
    )

    api_fields = [
        "intro",
        "learning_objectives",
        "duration",
        "duration_hours",
        "prerequisites",
        "for_trainers",
        "last_published_at",
        APIField("audiences", serializer=SlugListField()),
        APIField("tools", serializer=LivePageIdsField()),
    ]
    parent_page_types = ["guides.TrainingIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("training module")
        verbose_name_plural = _("training modules")

    @property
    def has_trainer_section(self):
        return bool(self.facilitation_notes or self.timing or self.preparation)

    training_module_context = helper_at("guides.listings.training_module_context")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.training_module_context(self, request))
        return context


class TrainingMaterial(LicensedMixin, TranslatableMixin, Orderable):
    """A document participants or trainers download: slides, handouts, exercises."""

    page = ParentalKey(TrainingModulePage, on_delete=models.CASCADE, related_name="materials")
    title = models.CharField(
        _("title"), max_length=200, help_text=_("The name of the file as participants see it.")
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Choose or upload the file (slides, worksheet...)."),
    )
    for_trainers_only = models.BooleanField(
        _("for trainers"),
        default=False,
        help_text=_("Tick to list the document in the trainers' section instead."),
    )
    licence = licence_field(
        _(
            'Under which conditions others may reuse the document. Choose "All rights '
            'reserved" for a document someone lent us without a free licence.'
        )
    )
    attribution = attribution_field(_("Who made the document, as they must be credited."))

    panels = [
        FieldPanel("title"),
        FieldPanel("document"),
        FieldPanel("for_trainers_only"),
        FieldPanel("licence", widget=LicenceChooser),
        FieldPanel("attribution"),
    ]

    def clean(self):
        """A trainers' document lies in a collection restricted to trainers, and only there:
        Wagtail then refuses its file to everybody else (guides/roles.py)."""
        super().clean()
        if self.document_id is None:
            return
        restricted = self.document.collection.get_view_restrictions().exists()
        if self.for_trainers_only and not restricted:
            raise ValidationError(
                {
                    "document": _(
                        "A document for trainers must be in the collection “%(collection)s”, "
                        "whose files only trainers may open. Move it there in the documents "
                        "library, or upload it into that collection."
                    )
                    % {"collection": TRAINER_COLLECTION}
                }
            )
        if not self.for_trainers_only and restricted:
            raise ValidationError(
                {
                    "for_trainers_only": _(
                        "This document is in a collection reserved for trainers: tick “for "
                        "trainers”, or choose a document that everybody may open."
                    )
                }
            )

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("material")
        verbose_name_plural = _("materials")


class TrainingPathPage(BasePage):
    """A training path: modules to follow in order, what each one asks and gives, and the
    sessions coming up for each (from the events app, through TRAINING_SESSIONS_HOOK)."""

    introduction = RichTextField(
        _("introduction to the path"),
        features=RICH_TEXT,
        blank=True,
        help_text=_("Who the path is for, what it leads to and how long it takes."),
    )
    audiences = audiences_field(_("The people this path is made for."))

    search_fields = [
        *BasePage.search_fields,
        index.AutocompleteField("title"),
        index.SearchField("introduction"),
        index.FilterField("locale_id"),
    ]

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("introduction"),
        InlinePanel("steps", label=_("steps"), min_num=1),
    ]
    edit_handler = page_tabs(content_panels, classification=[FieldPanel("audiences")])

    parent_page_types = ["guides.TrainingIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("training path")
        verbose_name_plural = _("training paths")

    training_path_context = helper_at("guides.listings.training_path_context")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.training_path_context(self))
        return context


class TrainingPathStep(TranslatableMixin, Orderable):
    """One step of a training path: a module, what it asks beforehand and what it gives."""

    path = ParentalKey(TrainingPathPage, on_delete=models.CASCADE, related_name="steps")
    # Deleting a module removes its steps: Wagtail lists the paths that use it (reference
    # index) before an editor confirms.
    module = models.ForeignKey(
        TrainingModulePage,
        verbose_name=_("training module"),
        on_delete=models.CASCADE,
        related_name="path_steps",
        help_text=_("The training module of this step, in the language of the path."),
    )
    prerequisites = models.TextField(
        _("before this step"),
        blank=True,
        max_length=1000,
        help_text=_("What a participant should know or have done before this step."),
    )
    outcomes = models.TextField(
        _("after this step"),
        max_length=1000,
        help_text=_("What a participant can do after this step, in a sentence or two."),
    )

    panels = [FieldPanel("module"), FieldPanel("prerequisites"), FieldPanel("outcomes")]

    def clean(self):
        super().clean()
        training_path = getattr(self, "path", None)
        if self.module_id is None or training_path is None or training_path.alias_of_id:
            # An alias shows its original's steps, whose modules are in the original's language.
            return
        if self.module.locale_id != training_path.locale_id:
            raise ValidationError(
                {
                    "module": _(
                        "Every step must be a training module in the language of the path: "
                        "“%(module)s” is in another language."
                    )
                    % {"module": self.module.title}
                }
            )

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("step")
        verbose_name_plural = _("steps")


# --- Shared business models -----------------------------------------------------------------


class Sector(models.TextChoices):
    SOCIAL_ACTION = "social-action", _("Social action and care")
    HEALTH = "health", _("Health")
    EDUCATION = "education", _("Education and training")
    CULTURE = "culture", _("Culture and leisure")
    ENVIRONMENT = "environment", _("Environment and energy")
    FOOD = "food", _("Food and agriculture")
    HOUSING = "housing", _("Housing")
    EMPLOYMENT = "employment", _("Work integration and employment")
    MOBILITY = "mobility", _("Mobility")
    FINANCE = "finance", _("Solidarity finance")
    OTHER = "other", _("Other")


class Region(models.TextChoices):
    ROMANDIE = "romandie", _("French-speaking Switzerland")
    GERMAN_SWITZERLAND = "german-switzerland", _("German-speaking Switzerland")
    ITALIAN_SWITZERLAND = "italian-switzerland", _("Italian-speaking Switzerland")
    FRANCE = "france", _("France")
    BELGIUM = "belgium", _("Belgium")
    QUEBEC = "quebec", _("Quebec")
    EUROPE = "europe", _("Elsewhere in Europe")
    AFRICA = "africa", _("Africa")
    WORLD = "world", _("Elsewhere in the world")


# The nine blocks of the association's canvas, in reading order: the values at the centre first,
# then the eight questions. Field name, question, what the block answers.
CANVAS_BLOCKS = [
    ("values", _("Values"), _("What we stand for")),
    ("situation", _("Where?"), _("The context")),
    ("problem", _("Why?"), _("The problem or the opportunity")),
    ("beneficiaries", _("Who?"), _("Target audiences and beneficiaries")),
    ("channels", _("Through what?"), _("Communication and distribution")),
    ("offer", _("What?"), _("Services and goods")),
    ("resources", _("With what?"), _("Resources, financial ones included")),
    ("success_measures", _("Verifiable?"), _("Measures of success and impact")),
    ("partners", _("With whom?"), _("Partners and allies")),
]
CANVAS_FIELDS = [name for name, _question, _label in CANVAS_BLOCKS]


def canvas_field(label, help_text):
    return models.TextField(label, blank=True, max_length=3000, help_text=help_text)


class BusinessModelIndexPage(HeroImageMixin, BasePage):
    """Every shared model, filtered by sector, region and lever."""

    content_panels = [*Page.content_panels, FieldPanel("intro"), *HeroImageMixin.hero_panels]
    edit_handler = page_tabs(content_panels)
    subpage_types = ["guides.BusinessModelPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("shared model index")
        verbose_name_plural = _("shared model indexes")

    listing_class = helper_at("guides.listings.BusinessModelListing")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["listing"] = self.listing_class(self, request)
        return context


class BusinessModelPage(LicensedMixin, AdaptationMixin, RoutablePageMixin, BasePage):
    """A working social business model that an organisation shares for others to adapt."""

    organisation = models.CharField(
        _("organisation"), max_length=200, help_text=_("The organisation that shares its model.")
    )
    organisation_url = models.URLField(
        _("organisation's website"),
        blank=True,
        help_text=_("Full address, starting with https://."),
    )
    country = models.CharField(_("country"), max_length=100, help_text=_('E.g. "Switzerland".'))
    region = models.CharField(
        _("region"),
        max_length=30,
        choices=Region.choices,
        help_text=_("Where the organisation works; visitors filter the models by region."),
    )
    place = models.CharField(
        _("town or canton"), max_length=120, blank=True, help_text=_('E.g. "Fribourg".')
    )
    sector = models.CharField(
        _("sector"),
        max_length=30,
        choices=Sector.choices,
        help_text=_("The organisation's field of activity."),
    )
    year = models.PositiveSmallIntegerField(
        _("year the model started"),
        validators=[MinValueValidator(1800), MaxValueValidator(2100)],
        help_text=_("The year the organisation started working with this model, e.g. 2018."),
    )
    levers = levers_field(_("The levers the model relies on most."))

    values = canvas_field(_("values"), _("At the centre of the canvas: what the model stands for."))
    situation = canvas_field(_("where: the context"), _("The place, the situation, the moment."))
    problem = canvas_field(
        _("why: the problem or the opportunity"), _("What the organisation answers.")
    )
    beneficiaries = canvas_field(
        _("who: target audiences and beneficiaries"), _("Who uses it, who benefits from it.")
    )
    channels = canvas_field(
        _("through what: communication and distribution"),
        _("How people hear about it and how it reaches them."),
    )
    offer = canvas_field(_("what: services and goods"), _("What the organisation provides."))
    resources = canvas_field(
        _("with what: resources, financial ones included"),
        _("People, premises, equipment, and where the money comes from."),
    )
    success_measures = canvas_field(
        _("verifiable: measures of success and impact"),
        _("How the organisation knows it succeeds."),
    )
    partners = canvas_field(
        _("with whom: partners and allies"), _("Who the organisation works with.")
    )

    story = RichTextField(
        _("the story of the model"),
        features=RICH_TEXT,
        blank=True,
        help_text=_("How the model came about, what was learned, advice to whoever adapts it."),
    )
    tools = ParentalManyToManyField(
        "tools.ToolPage",
        verbose_name=_("tools used"),
        blank=True,
        related_name="business_models",
        help_text=_("The tool sheets the organisation used to build its model."),
    )
    licence = licence_field(_("Under which conditions others may take up and adapt the model."))
    attribution = attribution_field(
        _(
            "Who must be credited when the model, its canvas or its files are reused, e.g. "
            "the organisation and the people who wrote it down."
        )
    )
    adapted_from = models.ForeignKey(
        "self",
        verbose_name=_("adapted from"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="adaptations",
        help_text=_("The shared model this one was adapted from, if any."),
    )
    image = image_field(
        _("image of the model"),
        _(
            "A photo of the organisation at work or its logo, shown at the top of the model and "
            "on its card, at least 1200 × 675 pixels (landscape, JPEG or PNG). Set its focal "
            "point in the image library so that the crop keeps what matters."
        ),
    )
    image_alt = alt_text_field()

    search_fields = [
        *BasePage.search_fields,
        index.AutocompleteField("title"),
        index.SearchField("organisation", boost=2),
        *(index.SearchField(name) for name in CANVAS_FIELDS),
        index.SearchField("story"),
        index.FilterField("sector"),
        index.FilterField("region"),
        index.FilterField("locale_id"),
    ]

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        image_panels(),
        MultiFieldPanel(
            [
                FieldPanel("organisation"),
                FieldPanel("organisation_url"),
                FieldRowPanel([FieldPanel("country"), FieldPanel("region"), FieldPanel("place")]),
                FieldRowPanel([FieldPanel("sector"), FieldPanel("year")]),
            ],
            heading=_("The organisation"),
        ),
        FieldPanel("story"),
    ]
    canvas_panels = [FieldPanel(name) for name in CANVAS_FIELDS]
    impact_panels = [InlinePanel("impact_measures", label=_("impact measures"))]
    reuse_panels = [
        FieldPanel("levers"),
        FieldPanel("tools"),
        *AdaptationMixin.adaptation_panels(),
        FieldPanel("licence", widget=LicenceChooser),
        FieldPanel("attribution"),
    ]
    edit_handler = page_tabs(
        content_panels,
        extra=[
            (_("Canvas"), canvas_panels),
            (_("Impact"), impact_panels),
            (_("Classification and reuse"), reuse_panels),
        ],
    )

    api_fields = [
        "intro",
        "organisation",
        "organisation_url",
        "country",
        "region",
        "place",
        "sector",
        "year",
        *CANVAS_FIELDS,
        "story",
        "licence",
        "attribution",
        APIField("adapted_from", serializer=LivePageIdField()),
        *ADAPTATION_FIELDS,
        "last_published_at",
        APIField("levers", serializer=SlugListField()),
        APIField("tools", serializer=LivePageIdsField()),
    ]
    parent_page_types = ["guides.BusinessModelIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("shared business model")
        verbose_name_plural = _("shared business models")

    def clean(self):
        super().clean()
        self.clean_adapted_from(_("A model cannot be adapted from itself or its adaptations."))

    def canvas(self):
        """The nine blocks in reading order: [{"name", "question", "label", "text"}]."""
        return [
            {"name": name, "question": question, "label": label, "text": getattr(self, name)}
            for name, question, label in CANVAS_BLOCKS
        ]

    business_model_context = helper_at("guides.listings.business_model_context")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.business_model_context(self, request))
        return context

    business_model_pdf_response = helper_at("guides.pdf.business_model_pdf_response")
    stored_pdf = helper_at("guides.pdf.business_model_pdf")

    @path("pdf/", name="pdf")
    def canvas_pdf(self, request):
        return self.business_model_pdf_response(self, request)

    business_model_json_response = helper_at("guides.canvas_data.business_model_json_response")

    @path("json/", name="json")
    def canvas_json(self, request):
        return self.business_model_json_response(self, request)


class ImpactMeasure(TranslatableMixin, Orderable):
    """A measured result of the model: what, how much, when."""

    page = ParentalKey(BusinessModelPage, on_delete=models.CASCADE, related_name="impact_measures")
    indicator = models.CharField(
        _("indicator"), max_length=200, help_text=_('E.g. "people back in work".')
    )
    value = models.CharField(_("value"), max_length=100, help_text=_('E.g. "42" or "78 %".'))
    period = models.CharField(
        _("period"), max_length=100, blank=True, help_text=_('E.g. "2024" or "since 2019".')
    )

    panels = [FieldPanel("indicator"), FieldRowPanel([FieldPanel("value"), FieldPanel("period")])]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("impact measure")
        verbose_name_plural = _("impact measures")
