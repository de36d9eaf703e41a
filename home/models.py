"""The home page, standard pages, site-wide settings and the editable menu and footer."""

import json
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import (
    FieldPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    PageChooserPanel,
    TabbedInterface,
)
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Orderable, Page, PageViewRestriction, TranslatableMixin
from wagtail.search import index

from core.cache import CHROME, PAGES, cached
from core.images import HeroImageMixin
from core.panels import page_tabs
from core.sections import sections_for
from core.site_data import any_view_restriction, language_of_locale, translations_by_language

from .blocks import BodyBlock, MenuGroupBlock
from .forms import LocalisedChoicesPageForm


class BasePage(Page):
    """Fields and behaviour every visitor-facing page of the site shares."""

    base_form_class = LocalisedChoicesPageForm

    intro = models.TextField(
        _("introduction"),
        blank=True,
        max_length=600,
        help_text=_("A few sentences shown under the title and in listings."),
    )

    search_fields = [*Page.search_fields, index.SearchField("intro")]

    class Meta:
        abstract = True

    @property
    def content_language(self):
        """The language the content is written in: an alias shows its source's text.

        An alias's source is among the page's translations, which the request has read (and
        cached) for the language switcher already: no query of its own.
        """
        if self.alias_of_id:
            for language, translation in translations_by_language(self).items():
                if translation.pk == self.alias_of_id:
                    return language
            return language_of_locale(self.alias_of.locale_id)
        return language_of_locale(self.locale_id)

    def permissions_for_user(self, user):
        # What the admin offers is what it accepts: the site's tester (translations/
        # page_permissions.py, named by a setting since the shared apps import no domain).
        return import_string(settings.SBM_PAGE_PERMISSION_TESTER)(user, self)

    def get_view_restrictions(self):
        # Wagtail checks the page and its ancestors on every visit (three queries); a site
        # without any private section needs none.
        if not any_view_restriction():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    def get_meta_description(self):
        return self.search_description or self.intro


class HomePage(HeroImageMixin, BasePage):
    body = StreamField(
        BodyBlock(),
        verbose_name=_("content"),
        blank=True,
        help_text=_(
            "The blocks of the home page below the introduction: text, highlighted tools, "
            "calls to action. Add a block with the + button."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        *HeroImageMixin.hero_panels,
        FieldPanel("body"),
    ]
    edit_handler = page_tabs(content_panels)
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = sections_for("home", self, request)
        return context


class StandardPage(BasePage):
    body = StreamField(
        BodyBlock(),
        verbose_name=_("content"),
        blank=True,
        help_text=_(
            "The text of the page, in blocks (paragraphs, images, quotes, buttons). "
            "Add a block with the + button."
        ),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    edit_handler = page_tabs(content_panels)
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    """Contact details and links that appear on every page; the same in every language."""

    organisation_name = models.CharField(
        _("name of the association"),
        max_length=120,
        default="Social Business Models",
        help_text=_("As it appears in the footer and in the page titles."),
    )
    contact_email = models.EmailField(
        _("contact e-mail"),
        blank=True,
        help_text=_("Public address shown in the footer. Leave empty to show none."),
    )
    phone = models.CharField(
        _("telephone"),
        max_length=40,
        blank=True,
        help_text=_("In international form, e.g. +41 21 000 00 00. Leave empty to show none."),
    )
    postal_address = models.TextField(
        _("postal address"),
        blank=True,
        help_text=_("Shown in the footer, one line per line of the address."),
    )
    linkedin_url = models.URLField(
        _("LinkedIn page"),
        blank=True,
        help_text=_(
            "Full address, starting with https://. Leave empty if the association has none."
        ),
    )
    facebook_url = models.URLField(
        _("Facebook page"),
        blank=True,
        help_text=_(
            "Full address, starting with https://. Leave empty if the association has none."
        ),
    )
    instagram_url = models.URLField(
        _("Instagram account"),
        blank=True,
        help_text=_(
            "Full address, starting with https://. Leave empty if the association has none."
        ),
    )
    youtube_url = models.URLField(
        _("YouTube channel"),
        blank=True,
        help_text=_(
            "Full address, starting with https://. Leave empty if the association has none."
        ),
    )
    mastodon_url = models.URLField(
        _("Mastodon account"),
        blank=True,
        help_text=_(
            "Full address, starting with https://. Leave empty if the association has none."
        ),
    )
    modelling_app_url = models.URLField(
        _("My-SBM Design address"),
        blank=True,
        help_text=_("The companion web application where members model online."),
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("organisation_name"),
                FieldPanel("contact_email"),
                FieldPanel("phone"),
                FieldPanel("postal_address"),
            ],
            heading=_("Contact"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("linkedin_url"),
                FieldPanel("facebook_url"),
                FieldPanel("instagram_url"),
                FieldPanel("youtube_url"),
                FieldPanel("mastodon_url"),
                FieldPanel("modelling_app_url"),
            ],
            heading=_("Social networks and applications"),
        ),
    ]

    class Meta:
        verbose_name = _("site settings")

    @classmethod
    def for_site(cls, site):
        """The settings of `site`, from the cache while nobody saves them (every page shows
        them)."""
        if site is None:
            return super().for_site(site)
        return cached(
            (PAGES, CHROME),
            f"settings:{cls._meta.label_lower}:{site.pk}",
            lambda: super(SiteSettings, cls).for_site(site),
        )

    def social_links(self):
        return [
            (label, url)
            for label, url in (
                ("LinkedIn", self.linkedin_url),
                ("Facebook", self.facebook_url),
                ("Instagram", self.instagram_url),
                ("YouTube", self.youtube_url),
                ("Mastodon", self.mastodon_url),
            )
            if url
        ]


class LinkFields(models.Model):
    """A link to a page of the site or to an external address, with its label."""

    label = models.CharField(
        _("label"),
        max_length=80,
        help_text=_("The words visitors see and click, short (two or three words)."),
    )
    link_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page of the site"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Choose a page of the site; leave empty to give an external address instead."),
    )
    link_url = models.URLField(
        _("external address"),
        blank=True,
        help_text=_("Only when the link leads outside the site."),
    )

    panels = [FieldPanel("label"), PageChooserPanel("link_page"), FieldPanel("link_url")]

    class Meta:
        abstract = True

    @property
    def url(self):
        return self.url_for(None)

    def url_for(self, locale, request=None):
        """The link's address for a visitor browsing in `locale`.

        A menu shown in another language (the fallback when a language has no menu of its
        own) leads to that language's version of the page.
        """
        if not self.link_page_id:
            return self.link_url
        page = self.link_page
        if locale is None or page.locale_id != locale.pk:
            page = page.localized
        return page.get_url(request=request)

    def clean(self):
        if not self.link_page_id and not self.link_url:
            raise ValidationError(_("Choose a page of the site or give an external address."))


def _uuid():
    return str(uuid.uuid4())


class MainMenu(TranslatableMixin, ClusterableModel):
    """The main navigation, one per language: a few groups (Outils, Se former, Agenda...), each
    opening its links. Volunteers rename, reorder and fill the groups by drag and drop."""

    name = models.CharField(
        _("name"),
        max_length=80,
        default="Menu principal",
        help_text=_("Only used in the administration."),
    )
    groups = StreamField(
        [("group", MenuGroupBlock())],
        verbose_name=_("menu groups"),
        blank=True,
        max_num=6,
        help_text=_(
            "Each group is one entry of the menu bar that opens its links. Five groups hold on "
            "one row; six at most."
        ),
    )

    panels = [FieldPanel("name"), FieldPanel("groups")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("main menu")
        verbose_name_plural = _("main menus")

    def __str__(self):
        return self.name

    @classmethod
    def for_locale(cls, locale):
        menu = cls.objects.filter(locale=locale).first()
        if menu is None:
            menu = cls.objects.filter(locale=Locale.get_default()).first()
        return menu

    def add_link(self, group_label, label, *, page=None, url="", position=None):
        """Add a link to the group named `group_label` (created, at `position` among the groups
        or last, when there is none yet) and save the menu."""
        groups = list(self.groups.raw_data)
        group = next((g for g in groups if g["value"]["label"] == group_label), None)
        if group is None:
            group = {"type": "group", "value": {"label": group_label, "links": []}, "id": _uuid()}
            groups.insert(len(groups) if position is None else position, group)
        group["value"]["links"].append(
            {
                "type": "item",
                "value": {"label": label, "page": page.pk if page else None, "external_url": url},
                "id": _uuid(),
            }
        )
        self.groups = json.dumps(groups, cls=DjangoJSONEncoder)
        self.save()

    def linked_page_ids(self):
        return {
            link["value"]["page"]
            for group in self.groups.raw_data
            for link in group["value"]["links"]
            if link["value"].get("page")
        }


class Footer(TranslatableMixin, ClusterableModel):
    """The footer text and legal links, one per language."""

    text = RichTextField(
        _("footer text"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("A short sentence about the association, shown at the bottom of every page."),
    )

    panels = [FieldPanel("text"), InlinePanel("links", label=_("legal and useful links"))]
    edit_handler = TabbedInterface([ObjectList(panels, heading=_("Content"))])

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("footer")
        verbose_name_plural = _("footers")

    def __str__(self):
        return str(_("Footer (%(locale)s)") % {"locale": self.locale.get_display_name()})

    @classmethod
    def for_locale(cls, locale):
        footer = cls.objects.filter(locale=locale).first()
        if footer is None:
            footer = cls.objects.filter(locale=Locale.get_default()).first()
        return footer


class FooterLink(Orderable, LinkFields):
    footer = ParentalKey(Footer, on_delete=models.CASCADE, related_name="links")

    class Meta(Orderable.Meta):
        verbose_name = _("footer link")
        verbose_name_plural = _("footer links")
