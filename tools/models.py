"""The tool library: structured tool sheets ("fiches") and the index that lists them."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Orderable, Page, TranslatableMixin
from wagtail.search import index

from core.images import HeroImageMixin, alt_text_field, image_field, image_panels
from core.lazy import helper_at
from core.licences import LicenceChooser, LicensedMixin, licence_field
from core.panels import page_tabs
from core.public_fields import (
    LivePageIdField,
    PublicField,
    SlugListField,
    as_choice_label,
    as_iso_datetime,
    as_number,
    as_text_items,
    content_language,
    page_address,
)
from core.sections import sections_for
from home.lineage import ADAPTATION_FIELDS, AdaptationMixin
from home.models import BasePage
from taxonomy.fields import audiences_field, levers_field, phases_field, themes_field

from .blocks import InstructionsBlock, instruction_groups

SIMPLE_RICH_TEXT = ["bold", "italic", "link", "ul", "ol"]


class Complexity(models.IntegerChoices):
    LOW = 1, _("Simple")
    MEDIUM = 2, _("Intermediate")
    HIGH = 3, _("Advanced")


class ToolStatus(models.TextChoices):
    PROPOSAL = "proposal", _("Proposal")
    PUBLISHED = "published", _("Published")
    IN_REVISION = "in_revision", _("In revision")


class ToolIndexPage(HeroImageMixin, BasePage):
    """The library: browse, filter and sort every tool sheet."""

    content_panels = [*Page.content_panels, FieldPanel("intro"), *HeroImageMixin.hero_panels]
    edit_handler = page_tabs(content_panels)
    subpage_types = ["tools.ToolPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("tool library")
        verbose_name_plural = _("tool libraries")

    listing_class = helper_at("tools.listing.ToolListing")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["listing"] = self.listing_class(self, request)
        context["sections"] = sections_for("tool_library", self, request)
        return context


class ToolPage(LicensedMixin, AdaptationMixin, RoutablePageMixin, BasePage):
    """One tool sheet, numbered (e.g. "02a"), with structured fields."""

    sheet_number = models.CharField(
        _("sheet number"),
        max_length=10,
        help_text=_('The number of the sheet, e.g. "02a". Unique in each language.'),
    )
    summary = models.TextField(
        _("the tool in brief"),
        max_length=1000,
        help_text=_("Two to four sentences: what the tool is and what it gives."),
    )
    phases = phases_field(
        _("The moments of an organisation's life when this tool helps. Tick one or more.")
    )
    levers = levers_field(
        _("Which resources of the model the tool works on: people, money, alliances.")
    )
    audiences = audiences_field(
        _("Who the tool is written for; visitors filter the library by audience.")
    )
    themes = themes_field(_("Subjects the tool deals with, to help visitors find it."))
    complexity = models.PositiveSmallIntegerField(
        _("complexity"),
        choices=Complexity.choices,
        default=Complexity.MEDIUM,
        help_text=_("How hard the tool is to use for someone who discovers it."),
    )
    human_resources = models.CharField(
        _("people needed"),
        max_length=255,
        blank=True,
        help_text=_('Who must take part, e.g. "the committee and two volunteers".'),
    )
    effort = models.CharField(
        _("estimated effort"),
        max_length=255,
        blank=True,
        help_text=_('In words, e.g. "2 to 3 hours, 2 to 4 times".'),
    )
    effort_hours = models.DecimalField(
        _("estimated effort in hours"),
        max_digits=6,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("A single number of hours used to sort and add up tools."),
    )
    target_groups = RichTextField(
        _("who it is for"),
        features=SIMPLE_RICH_TEXT,
        blank=True,
        help_text=_("Describe in a few lines the people and organisations the tool serves."),
    )
    reasons = RichTextField(
        _("reasons to use it"),
        features=SIMPLE_RICH_TEXT,
        blank=True,
        help_text=_("Why someone would take the time to use this tool: the questions it answers."),
    )
    expected_results = RichTextField(
        _("expected results and impacts"),
        features=SIMPLE_RICH_TEXT,
        blank=True,
        help_text=_(
            "What a person or a team has in hand after using the tool, and what it changes."
        ),
    )
    instructions = StreamField(
        InstructionsBlock(),
        verbose_name=_("instructions for use"),
        blank=True,
        help_text=_("The steps to follow, in order. Add a step with the + button."),
    )
    related_tools = ParentalManyToManyField(
        "self",
        verbose_name=_("related tools"),
        blank=True,
        symmetrical=False,
        related_name="related_from",
        help_text=_("Tools to use before, after or together with this one."),
    )
    adapted_from = models.ForeignKey(
        "self",
        verbose_name=_("adapted from"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="adaptations",
        help_text=_(
            "The tool sheet, in the same language, this tool was adapted from (for another "
            "audience, country, sector or language). Leave empty for an original tool."
        ),
    )
    licence = licence_field(
        _(
            "Under which conditions others may reuse the sheet. Keep the default unless "
            "the authors chose another."
        )
    )
    authors = models.CharField(
        _("authors"),
        max_length=500,
        blank=True,
        help_text=_("Names of the people who wrote the tool, separated by commas."),
    )
    contributors = models.CharField(
        _("contributors"),
        max_length=1000,
        blank=True,
        help_text=_("Names of the people who improved it, separated by commas."),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ToolStatus.choices,
        default=ToolStatus.PUBLISHED,
        help_text=_("Shown on the sheet; comments and examples are welcome in every status."),
    )
    image = image_field(
        _("illustration"),
        _(
            "A drawing or photo that illustrates the tool, at least 640 × 480 pixels (JPEG or "
            "PNG, under 80 KB is ideal). Without one, the illustration of the tool's first "
            "lever is shown."
        ),
    )
    image_alt = alt_text_field()

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("sheet_number", boost=3),
        index.AutocompleteField("title"),
        index.SearchField("summary", boost=2),
        index.SearchField("target_groups"),
        index.SearchField("reasons"),
        index.SearchField("expected_results"),
        index.SearchField("instructions"),
        index.FilterField("complexity"),
        index.FilterField("status"),
        index.FilterField("locale_id"),
    ]

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("sheet_number"), FieldPanel("status")]),
        FieldPanel("summary"),
        image_panels(heading=_("Illustration")),
        FieldPanel("target_groups"),
        FieldPanel("reasons"),
        FieldPanel("expected_results"),
        FieldPanel("instructions"),
    ]
    classification_panels = [
        FieldPanel("phases"),
        FieldPanel("levers"),
        FieldPanel("audiences"),
        FieldPanel("themes"),
        FieldPanel("complexity"),
        MultiFieldPanel(
            [FieldPanel("human_resources"), FieldPanel("effort"), FieldPanel("effort_hours")],
            heading=_("Effort"),
        ),
        FieldPanel("related_tools"),
        *AdaptationMixin.adaptation_panels(),
    ]
    files_panels = [InlinePanel("instruments", label=_("instruments to download"))]
    credits_panels = [
        FieldPanel("licence", widget=LicenceChooser),
        FieldPanel("authors"),
        FieldPanel("contributors"),
    ]
    edit_handler = page_tabs(
        content_panels,
        classification=classification_panels,
        files=files_panels,
        extra=[(_("Credits and licence"), credits_panels)],
    )

    # Public fields: the partner API and, in this order, the open-data catalogue's columns.
    api_fields = [
        PublicField("sheet_number"),
        PublicField("title", api=False),
        PublicField("url", api=False, export=page_address),
        PublicField("language", api=False, export=content_language),
        PublicField("summary"),
        PublicField("phases", serializer=SlugListField()),
        PublicField("levers", serializer=SlugListField()),
        PublicField("audiences", serializer=SlugListField()),
        PublicField("themes", serializer=SlugListField()),
        PublicField("complexity", export=as_choice_label("complexity")),
        PublicField("human_resources"),
        PublicField("effort"),
        PublicField("effort_hours", export=as_number("effort_hours")),
        PublicField("target_groups", export=as_text_items("target_groups")),
        PublicField("reasons", export=as_text_items("reasons")),
        PublicField("expected_results", export=as_text_items("expected_results")),
        PublicField("status"),
        PublicField("licence"),
        PublicField("authors", export=lambda tool, request: tool.author_names),
        PublicField("contributors", export=lambda tool, request: tool.contributor_names),
        PublicField(
            "last_published_at", column="last_updated", export=as_iso_datetime("last_published_at")
        ),
        PublicField("intro", export=False),
        PublicField("adapted_from", serializer=LivePageIdField(), export=False),
        *(PublicField(name, export=False) for name in ADAPTATION_FIELDS),
    ]
    parent_page_types = ["tools.ToolIndexPage"]
    subpage_types: list[str] = []
    adaptation_in_same_language = True
    # The site search's language facet (search/facets.py): a sheet counts for the languages
    # its live translations are written in and for those of its files (their `language`).
    search_language_files = "instruments"

    class Meta:
        verbose_name = _("tool sheet")
        verbose_name_plural = _("tool sheets")

    def clean(self):
        super().clean()
        if self.sheet_number:
            clash = (
                ToolPage.objects.filter(locale_id=self.locale_id, sheet_number=self.sheet_number)
                .exclude(pk=self.pk)
                .exclude(translation_key=self.translation_key)
            )
            if clash.exists():
                raise ValidationError(
                    {"sheet_number": _("Another tool already has this sheet number.")}
                )
        self.clean_adapted_from(_("A tool cannot be adapted from itself or its adaptations."))

    def credited(self, names):
        return [name.strip() for name in names.split(",") if name.strip()]

    @property
    def author_names(self):
        return self.credited(self.authors)

    @property
    def contributor_names(self):
        return self.credited(self.contributors)

    @property
    def instruction_groups(self):
        """The instructions as the sheet, its PDF and a guide's PDF number them."""
        return instruction_groups(self.instructions)

    sheet_context = helper_at("tools.sheet.sheet_context")
    pdf_response = helper_at("tools.pdf.pdf_response")
    stored_pdf = helper_at("tools.pdf.get_pdf")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.sheet_context(self, request))
        return context

    @path("pdf/", name="pdf")
    def pdf(self, request):
        return self.pdf_response(self, request)


class ToolInstrument(LicensedMixin, TranslatableMixin, Orderable):
    """A document to download with a tool: template, worksheet, poster, ...

    Translatable, so that a German sheet can offer a German version of the document
    (wagtail-localize lets translators override the document per language).
    """

    page = ParentalKey(ToolPage, on_delete=models.CASCADE, related_name="instruments")
    title = models.CharField(
        _("title"),
        max_length=200,
        help_text=_('The name of the file as visitors see it, e.g. "Canvas to print (A0 poster)".'),
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Choose or upload the file (PDF, Word, Excel...)."),
    )
    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=[
            ("template", _("Template")),
            ("worksheet", _("Worksheet")),
            ("poster", _("Poster")),
            ("guide", _("Guide")),
            ("other", _("Other")),
        ],
        default="template",
        help_text=_("What the file is, so that visitors know what they download."),
    )
    licence = licence_field(_("Keep the sheet's licence unless this file has another one."))
    attribution = models.CharField(
        _("attribution"),
        max_length=255,
        blank=True,
        help_text=_("Who made the document, as it must be credited."),
    )
    language = models.CharField(
        _("language of the file"),
        max_length=10,
        choices=settings.WAGTAIL_CONTENT_LANGUAGES,
        blank=True,
        help_text=_(
            "The language the file is written in. Visitors who look for tools in their "
            "language find the sheet through it. Leave empty if the file has no text."
        ),
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("document"),
        FieldPanel("kind"),
        FieldPanel("language"),
        FieldPanel("licence", widget=LicenceChooser),
        FieldPanel("attribution"),
    ]

    @property
    def file_format(self):
        return self.document.file_extension.upper()

    @property
    def file_size(self):
        """In bytes, as Wagtail recorded it at upload (None if unknown); never reads the file."""
        return self.document.file_size

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("instrument")
        verbose_name_plural = _("instruments")


class DownloadCount(models.Model):
    """How many times a document of a tool was downloaded, per language and per day.

    No personal data: only a counter. Rows are written with one atomic
    `INSERT ... ON CONFLICT DO UPDATE SET count = count + 1` (see `downloads.count_download`).
    `tool_key` is the tool's translation key, so that every language version of a sheet adds
    to the same tool while `locale` tells the languages apart.
    """

    tool_key = models.UUIDField(
        _("tool"), db_index=True, help_text=_("The tool, the same in every language.")
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("The file that was downloaded."),
    )
    locale = models.ForeignKey(
        Locale,
        verbose_name=_("language"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("The language of the sheet the file was downloaded from."),
    )
    day = models.DateField(_("day"), help_text=_("The day of the downloads."))
    count = models.PositiveIntegerField(
        _("downloads"), default=0, help_text=_("How many times the file was downloaded that day.")
    )

    class Meta:
        verbose_name = _("download count")
        verbose_name_plural = _("download counts")
        constraints = [
            models.UniqueConstraint(
                fields=["tool_key", "document", "locale", "day"],
                name="tools_downloadcount_unique_day",
            )
        ]
        indexes = [models.Index(fields=["day"], name="tools_downloadcount_day")]
