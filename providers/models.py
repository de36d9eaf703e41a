"""The provider directory: consultants and trainers who have practised the association's tools.

A provider's profile is a `ProviderPage` under the `ProviderIndexPage`. Profiles come from the
public (self-application, secure-link updates) as draft revisions that go through the
"Vérification des prestataires" (provider vetting) workflow; nothing a provider sends is
public before a moderator approves it.
The owner's e-mail address is stored on the page but never rendered: visitors write to a
provider through the contact form, which forwards the message.
"""

import datetime

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.i18n_pages import localize_pages
from core.images import HeroImageMixin
from core.lazy import helper_at
from core.panels import page_tabs
from core.public_fields import LivePageIdsField
from home.models import BasePage
from taxonomy.utils import active_locale

STALE_AFTER = datetime.timedelta(days=365)


class ProviderKind(models.TextChoices):
    PERSON = "person", _("Independent person")
    ORGANISATION = "organisation", _("Organisation")


class Service(models.TextChoices):
    CONSULTING = "consulting", _("Consulting")
    TRAINING = "training", _("Training")
    FACILITATION = "facilitation", _("Facilitation of workshops")
    COACHING = "coaching", _("Coaching")
    EVALUATION = "evaluation", _("Evaluation and impact measurement")
    MENTORING = "mentoring", _("Mentoring")
    RESEARCH = "research", _("Research and studies")


CANTONS = [
    ("CH-AG", _("Aargau")),
    ("CH-AI", _("Appenzell Innerrhoden")),
    ("CH-AR", _("Appenzell Ausserrhoden")),
    ("CH-BE", _("Bern")),
    ("CH-BL", _("Basel-Landschaft")),
    ("CH-BS", _("Basel-Stadt")),
    ("CH-FR", _("Fribourg")),
    ("CH-GE", _("Geneva")),
    ("CH-GL", _("Glarus")),
    ("CH-GR", _("Graubünden")),
    ("CH-JU", _("Jura")),
    ("CH-LU", _("Lucerne")),
    ("CH-NE", _("Neuchâtel")),
    ("CH-NW", _("Nidwalden")),
    ("CH-OW", _("Obwalden")),
    ("CH-SG", _("St. Gallen")),
    ("CH-SH", _("Schaffhausen")),
    ("CH-SO", _("Solothurn")),
    ("CH-SZ", _("Schwyz")),
    ("CH-TG", _("Thurgau")),
    ("CH-TI", _("Ticino")),
    ("CH-UR", _("Uri")),
    ("CH-VD", _("Vaud")),
    ("CH-VS", _("Valais")),
    ("CH-ZG", _("Zug")),
    ("CH-ZH", _("Zurich")),
]
COUNTRIES = [
    ("FR", _("France")),
    ("DE", _("Germany")),
    ("IT", _("Italy")),
    ("AT", _("Austria")),
    ("BE", _("Belgium")),
    ("LU", _("Luxembourg")),
    ("CA", _("Canada")),
    ("OTHER", _("Other countries")),
]
REGIONS = CANTONS + COUNTRIES

LANGUAGES = [
    ("fr", _("French")),
    ("de", _("German")),
    ("it", _("Italian")),
    ("en", _("English")),
    ("rm", _("Romansh")),
    ("es", _("Spanish")),
    ("pt", _("Portuguese")),
]


class ChoiceListField(models.JSONField):
    """A list of codes picked from fixed options, edited as checkboxes.

    Stored as a JSON list so that revisions and translations copy it as it is; the directory
    filters these lists in Python (see `providers.directory`), so no database-specific JSON
    lookup is needed and SQLite and PostgreSQL behave the same.
    """

    def __init__(self, *args, options=(), **kwargs):
        self.options = list(options)
        kwargs.setdefault("default", list)
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs):
        return forms.MultipleChoiceField(
            choices=self.options,
            required=not self.blank,
            # As Django's own fields do: the label starts with a capital, like its neighbours'.
            label=capfirst(self.verbose_name),
            help_text=self.help_text,
            widget=forms.CheckboxSelectMultiple,
        )

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        known = {code for code, _label in self.options}
        unknown = [code for code in value or [] if code not in known]
        if unknown:
            raise ValidationError(_("Unknown choice: %(codes)s"), params={"codes": unknown})

    def labels(self, codes):
        names = dict(self.options)
        return [names[code] for code in codes if code in names]


class ProviderIndexPage(RoutablePageMixin, HeroImageMixin, BasePage):
    """The directory: filter providers by tool, region, language and service."""

    apply_intro = models.TextField(
        _("introduction of the application form"),
        blank=True,
        max_length=1000,
        help_text=_("Shown above the form where a consultant or trainer applies to be listed."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        *HeroImageMixin.hero_panels,
        FieldPanel("apply_intro"),
    ]
    edit_handler = page_tabs(content_panels)
    subpage_types = ["providers.ProviderPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("provider directory")
        verbose_name_plural = _("provider directories")

    directory_class = helper_at("providers.directory.Directory")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["directory"] = self.directory_class(self, request)
        return context

    apply_view = helper_at("providers.views.apply_view")

    @path("apply/", name="apply")
    def apply(self, request):
        return self.apply_view(request, self)

    confirm_application_view = helper_at("providers.views.confirm_application_view")

    @path("apply/confirm/", name="apply_confirm")
    def apply_confirm(self, request):
        # The token travels in the query string (see ProviderPage.update).
        return self.confirm_application_view(request, self, request.GET.get("token", ""))


class ProviderPage(RoutablePageMixin, BasePage):
    """A provider's public profile."""

    kind = models.CharField(
        _("kind of provider"),
        max_length=20,
        choices=ProviderKind.choices,
        default=ProviderKind.PERSON,
        help_text=_("A person working alone, or an organisation."),
    )
    bio = models.TextField(
        _("short presentation"),
        max_length=3000,
        help_text=_("A few paragraphs about the person or organisation and how they work."),
    )
    services = ChoiceListField(
        _("services"),
        options=Service.choices,
        help_text=_("What the provider offers."),
    )
    tools = ParentalManyToManyField(
        "tools.ToolPage",
        verbose_name=_("tools practised"),
        blank=True,
        related_name="providers",
        help_text=_("Tool sheets the provider has already applied with organisations."),
    )
    regions = ChoiceListField(
        _("regions"),
        options=REGIONS,
        help_text=_("Swiss cantons and countries where the provider works."),
    )
    languages = ChoiceListField(
        _("working languages"),
        options=LANGUAGES,
        help_text=_("Languages in which the provider can work with an organisation."),
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo or photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A square picture looks best. Only with the provider's agreement."),
    )
    image_alt = models.CharField(
        _("description of the logo or photo"),
        max_length=250,
        blank=True,
        help_text=_(
            'For people who cannot see the image, e.g. "Portrait of Anne Rochat" or '
            '"Logo of the Atelier Coopératif". Required when there is an image.'
        ),
    )
    website = models.URLField(
        _("website"), blank=True, help_text=_("Full address, starting with https://.")
    )
    references = models.TextField(
        _("references and examples of missions"),
        blank=True,
        max_length=3000,
        help_text=_("One mission per paragraph: the organisation, what was done, which tool."),
    )
    last_confirmed = models.DateField(
        _("profile last confirmed on"),
        default=datetime.date.today,
        help_text=_(
            "The date the provider last confirmed that the profile is up to date. Profiles "
            "older than twelve months are shown to the moderators and their owners reminded."
        ),
    )
    owner_email = models.EmailField(
        _("e-mail of the provider"),
        help_text=_(
            "Private: never shown on the site. Messages from the contact form and the links to "
            "update the profile are sent to this address."
        ),
    )

    search_fields = [
        *BasePage.search_fields,
        index.AutocompleteField("title"),
        index.SearchField("bio"),
        index.SearchField("references"),
        index.FilterField("locale_id"),
    ]

    content_panels = [
        *Page.content_panels,
        FieldPanel("kind"),
        FieldPanel("intro"),
        FieldPanel("bio"),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading=_("Logo or photo")),
        FieldPanel("references"),
        FieldPanel("website"),
    ]
    classification_panels = [
        FieldPanel("services"),
        FieldPanel("tools"),
        FieldPanel("regions"),
        FieldPanel("languages"),
    ]
    private_panels = [
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("owner_email"), FieldPanel("last_confirmed")])],
            heading=_("Private"),
        ),
    ]
    edit_handler = page_tabs(
        content_panels, classification=classification_panels, publishing=private_panels
    )

    override_translatable_fields = [
        SynchronizedField("services"),
        SynchronizedField("regions"),
        SynchronizedField("languages"),
        SynchronizedField("last_confirmed"),
    ]

    # The public profile only; never the owner's e-mail address.
    api_fields = [
        "intro",
        "kind",
        "bio",
        "services",
        "regions",
        "languages",
        "website",
        "references",
        "last_confirmed",
        "image_alt",
        APIField("image_url", serializer=ImageRenditionField("fill-400x400", source="image")),
        APIField("tools", serializer=LivePageIdsField()),
        "last_published_at",
    ]
    parent_page_types = ["providers.ProviderIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("provider")
        verbose_name_plural = _("providers")

    def clean(self):
        super().clean()
        if self.image_id and not self.image_alt.strip():
            raise ValidationError(
                {"image_alt": _("Describe the logo or photo for people who cannot see it.")}
            )

    @property
    def is_stale(self):
        return self.last_confirmed < timezone.localdate() - STALE_AFTER

    def service_labels(self):
        return self._meta.get_field("services").labels(self.services)

    def region_labels(self):
        return self._meta.get_field("regions").labels(self.regions)

    def language_labels(self):
        return self._meta.get_field("languages").labels(self.languages)

    contact_form_class = helper_at("providers.forms.ContactForm")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.setdefault("contact_form", self.contact_form_class())
        context["contact_sent"] = request.GET.get("contact") == "sent"
        # Called by the template only when its kept HTML is not in the cache.
        context["practised_tools"] = self.practised_tools
        return context

    def practised_tools(self):
        """The tools practised, in the visitor's language when translated; two queries."""
        tools = list(self.tools.live().order_by("sheet_number"))
        return localize_pages(tools, active_locale())

    contact_view = helper_at("providers.views.contact_view")
    update_view = helper_at("providers.views.update_view")

    @path("")
    def profile(self, request):
        if request.method == "POST":
            return self.contact_view(request, self)
        response = self.render(request)
        # The contact form carries a CSRF token tied to the visitor's cookie: never share the
        # page through the full-page cache or a CDN.
        add_never_cache_headers(response)
        return response

    @path("update/", name="update")
    def update(self, request):
        # The token travels in the query string: Wagtail's page paths allow only letters,
        # digits, "-" and "_", and a signed token contains ":".
        return self.update_view(request, self, request.GET.get("token", ""))


class StaleProfileReminder(models.Model):
    """One reminder sent to a provider for one confirmation date: keeps reminders idempotent."""

    provider = models.ForeignKey(
        ProviderPage,
        verbose_name=_("provider"),
        on_delete=models.CASCADE,
        related_name="stale_reminders",
        help_text=_("The profile the reminder was about."),
    )
    confirmed_on = models.DateField(
        verbose_name=_("last confirmed on"),
        help_text=_("The date of the last confirmation when the reminder left."),
    )
    sent_at = models.DateTimeField(
        default=timezone.now,
        verbose_name=_("sent on"),
        help_text=_("When the reminder e-mail was sent."),
    )

    class Meta:
        verbose_name = _("stale profile reminder")
        verbose_name_plural = _("stale profile reminders")
        constraints = [
            models.UniqueConstraint(
                fields=["provider", "confirmed_on"], name="one_reminder_per_confirmation"
            )
        ]

    def __str__(self):
        return f"{self.provider_id} {self.confirmed_on}"


def confirmation_period():
    """How long an application waits for its address to be confirmed."""
    return datetime.timedelta(hours=getattr(settings, "EMAIL_CONFIRMATION_HOURS", 48))


class PendingApplicationQuerySet(models.QuerySet):
    def expired_unconfirmed(self, now=None):
        """Applications whose address was not confirmed in time: to delete."""
        return self.filter(created_at__lt=(now or timezone.now()) - confirmation_period())


class PendingApplication(models.Model):
    """An application to the directory whose e-mail address is not confirmed yet.

    Double opt-in: the form's answers wait here, out of the page tree and of the moderators'
    sight, until the applicant follows the link sent to the address; then the draft profile is
    created and enters the vetting workflow (`views.create_application`), and this row is
    deleted. Unconfirmed ones are deleted after `EMAIL_CONFIRMATION_HOURS`
    (`PendingApplication.objects.expired_unconfirmed()`).
    """

    owner_email = models.EmailField(
        _("e-mail address to confirm"),
        help_text=_("The address typed in the form; the confirmation link was sent there."),
    )
    language = models.CharField(
        _("language of the applicant"),
        max_length=10,
        default=settings.LANGUAGE_CODE,
        help_text=_("The language of the form, and of the e-mails to the applicant."),
    )
    answers = models.JSONField(
        _("answers"),
        default=dict,
        help_text=_("The answers of the application form, as sent, until confirmation."),
    )
    created_at = models.DateTimeField(
        _("sent on"),
        default=timezone.now,
        help_text=_("The confirmation link expires a fixed time after this moment."),
    )

    objects = PendingApplicationQuerySet.as_manager()

    class Meta:
        verbose_name = _("application awaiting address confirmation")
        verbose_name_plural = _("applications awaiting address confirmation")

    def __str__(self):
        return f"{self.pk} {self.created_at:%Y-%m-%d %H:%M}"

    @property
    def confirmation_deadline(self):
        return self.created_at + confirmation_period()
