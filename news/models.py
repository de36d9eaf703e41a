"""News ("actualités"): an index page and the news items under it."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Page
from wagtail.search import index

from core.i18n_pages import localize_pages
from core.images import HeroImageMixin
from core.lazy import helper_at
from core.panels import page_tabs
from core.public_fields import LivePageIdsField, SlugListField
from core.public_pages import public
from home.blocks import BodyBlock
from home.models import BasePage
from taxonomy.fields import themes_field

NEWS_PER_PAGE = 12


def listing(queryset):
    """News items as their cards show them: image (with its renditions) and cycle joined,
    newest first."""
    return (
        public(queryset.live())
        .select_related("image", "cycle")
        .prefetch_related("image__renditions")
        .order_by("-date", "-pk")
    )


def with_cycles_in(items, locale):
    """Give each item a `cycle_in_language`: its cycle page in `locale`, in one query."""
    items = list(items)
    live_cycles = [item.cycle for item in items if item.cycle_id and item.cycle.live]
    by_key = {cycle.translation_key: cycle for cycle in localize_pages(live_cycles, locale)}
    for item in items:
        item.cycle_in_language = by_key.get(item.cycle.translation_key) if item.cycle_id else None
    return items


class NewsIndexPage(HeroImageMixin, BasePage):
    """The list of news items, newest first, filtered by theme (news/listing.py)."""

    content_panels = [*Page.content_panels, FieldPanel("intro"), *HeroImageMixin.hero_panels]
    edit_handler = page_tabs(content_panels)
    api_fields = ["intro"]
    subpage_types = ["news.NewsPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("news index")
        verbose_name_plural = _("news indexes")

    listing_class = helper_at("news.listing.NewsListing")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["listing"] = self.listing_class(self, request)
        return context


class NewsPage(BasePage):
    """One news item: a dated post, possibly one step of a cycle (e.g. "21 days to convince")."""

    date = models.DateField(
        _("date"), default=timezone.localdate, help_text=_("The date shown on the news item.")
    )
    author = models.CharField(
        _("author"), max_length=200, blank=True, help_text=_("Who wrote the news item.")
    )
    summary = models.TextField(
        _("summary"),
        max_length=500,
        help_text=_(
            "Two or three sentences shown in lists, in news feeds and when the page is shared."
        ),
    )
    body = StreamField(
        BodyBlock(),
        verbose_name=_("content"),
        blank=True,
        help_text=_(
            "The text of the news item, made of blocks: text, headings, images, quotes, "
            "videos, documents. Optional when the summary says it all."
        ),
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown at the top of the news item and when it is shared."),
    )
    image_alt = models.CharField(
        _("image description"),
        max_length=250,
        blank=True,
        help_text=_(
            "Describe what the image shows for people who cannot see it. "
            "Leave empty only if the image is purely decorative."
        ),
    )
    related_tools = ParentalManyToManyField(
        "tools.ToolPage",
        verbose_name=_("related tools"),
        blank=True,
        related_name="+",
        help_text=_("Tool sheets the news item talks about."),
    )
    related_events = ParentalManyToManyField(
        "events.EventPage",
        verbose_name=_("related events"),
        blank=True,
        related_name="+",
        help_text=_("Webinars, workshops or training sessions the news item announces."),
    )
    themes = themes_field(
        _("Subjects the news item deals with: visitors filter the news by theme.")
    )
    cycle = models.ForeignKey(
        "events.EventSeriesPage",
        verbose_name=_("cycle"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "When the news item is one step of a cycle of the agenda (e.g. "
            '"21 days to convince"), choose the cycle. Leave empty otherwise.'
        ),
    )
    cycle_position = models.PositiveSmallIntegerField(
        _("step in the cycle"),
        null=True,
        blank=True,
        help_text=_("The number of this step in the cycle, e.g. 3 for the third day."),
    )

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
        index.SearchField("author"),
        index.FilterField("date"),
        index.FilterField("locale_id"),
    ]

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("date"), FieldPanel("author")]),
        FieldPanel("summary"),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading=_("Image")),
        FieldPanel("body"),
    ]
    classification_panels = [
        FieldPanel("themes"),
        FieldPanel("related_tools"),
        FieldPanel("related_events"),
        MultiFieldPanel([FieldPanel("cycle"), FieldPanel("cycle_position")], heading=_("Cycle")),
    ]
    edit_handler = page_tabs(content_panels, classification=classification_panels)

    api_fields = [
        "date",
        "author",
        "summary",
        "body",
        "image_alt",
        APIField("image_url", serializer=ImageRenditionField("fill-1200x630", source="image")),
        APIField("related_tools", serializer=LivePageIdsField()),
        APIField("related_events", serializer=LivePageIdsField()),
        APIField("themes", serializer=SlugListField()),
        "cycle_position",
        "last_published_at",
    ]
    parent_page_types = ["news.NewsIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news items")

    def get_meta_description(self):
        return self.search_description or self.summary

    def localized_related_tools(self):
        """The related tools in this page's language when translated, live only."""
        tools = public(self.related_tools.live()).order_by("sheet_number", "pk")
        return localize_pages(tools, self.locale)

    def localized_related_events(self):
        """The related events in this page's language when translated, live only, by date."""
        events = public(self.related_events.live()).order_by("start", "pk")
        return localize_pages(events, self.locale)

    def localized_cycle(self):
        """The cycle page in this page's language when translated (None without a live cycle)."""
        if self.cycle_id is None:
            return None
        cycles = localize_pages(public(Page.objects.live()).filter(pk=self.cycle_id), self.locale)
        return cycles[0] if cycles else None

    def cycle_steps(self):
        """The other live news items of the same cycle in this index, in step order.

        A translated tree mixes aliases (pointing at the source cycle) and translations
        (pointing at the translated cycle): both share the cycle's translation key.
        """
        if self.cycle_id is None:
            return NewsPage.objects.none()
        return (
            public(NewsPage.objects.sibling_of(self, inclusive=False).live())
            .filter(cycle__translation_key=self.cycle.translation_key)
            .order_by("cycle_position", "date", "pk")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["related_tools"] = self.localized_related_tools()
        context["related_events"] = self.localized_related_events()
        context["cycle"] = self.localized_cycle()
        context["cycle_steps"] = list(self.cycle_steps())
        return context
