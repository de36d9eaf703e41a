"""Events: webinars, workshops, conferences and training sessions, their cycles and registrations.

Times are stored as timezone-aware datetimes (UTC in the database) and shown in Europe/Zurich,
the site's TIME_ZONE. Registrations always belong to the event in the default language (the
source page): a visitor registering on the German alias takes a seat in the same event.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.admin import display as admin_display
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from rest_framework.fields import Field
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.images import HeroImageMixin, alt_text_field, image_field, image_panels
from core.lazy import helper_at
from core.licences import (
    Credit,
    Licence,
    LicenceChooser,
    LicensedMixin,
    attribution_field,
    licence_field,
)
from core.panels import page_tabs
from core.public_fields import LivePageIdsField, SlugListField
from core.public_pages import public
from core.site_data import default_locale
from home.models import BasePage
from taxonomy.fields import audiences_field, levers_field

RICH_TEXT = ["h3", "bold", "italic", "link", "ul", "ol"]


class EventFormat(models.TextChoices):
    WEBINAR = "webinar", _("Webinar")
    WORKSHOP = "workshop", _("Workshop")
    CODEVELOPMENT = "codevelopment", _("Co-development workshop")
    CONFERENCE = "conference", _("Conference")
    TRAINING = "training", _("Training session")
    DAILY_POST = "daily_post", _("Daily post")


class EventLanguage(models.TextChoices):
    FRENCH = "fr", _("French")
    GERMAN = "de", _("German")
    ITALIAN = "it", _("Italian")
    ENGLISH = "en", _("English")


class EventIndexPage(HeroImageMixin, BasePage):
    """The agenda: upcoming and past events, filtered by format, lever and language."""

    content_panels = [*Page.content_panels, FieldPanel("intro"), *HeroImageMixin.hero_panels]
    edit_handler = page_tabs(content_panels)
    subpage_types = ["events.EventPage", "events.EventSeriesPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("event agenda")
        verbose_name_plural = _("event agendas")

    listing_class = helper_at("events.listing.EventListing")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["listing"] = self.listing_class(self, request)
        return context


class EventDocumentsField(Field):
    """An event's slides and documents in the API: title, address, licence and credits."""

    def to_representation(self, manager):
        return [
            {
                "title": item.display_label,
                "url": item.document.url,
                "licence": item.licence,
                "attribution": item.attribution,
            }
            for item in manager.all()
        ]


class EventSeriesPage(BasePage):
    """A cycle of events (12 monthly webinars, 21 daily posts...) whose events are its children."""

    description = RichTextField(
        _("description"),
        features=RICH_TEXT,
        blank=True,
        help_text=_(
            "What the cycle is about, who it is for and how it runs (rhythm, duration). "
            "Its events are listed below this text."
        ),
    )
    levers = levers_field(_("The levers the cycle works on; visitors find it through them."))
    image = image_field(
        _("image of the cycle"),
        _(
            "Shown at the top of the cycle and on its events that have no image of their own, "
            "at least 1200 × 675 pixels (landscape, JPEG or PNG). Set its focal point in the "
            "image library so that the crop keeps what matters."
        ),
    )
    image_alt = alt_text_field()

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        image_panels(),
        FieldPanel("description"),
    ]
    classification_panels = [FieldPanel("levers")]
    edit_handler = page_tabs(content_panels, classification=classification_panels)
    search_fields = [*BasePage.search_fields, index.SearchField("description")]

    api_fields = [
        "intro",
        "description",
        "last_published_at",
        APIField("levers", serializer=SlugListField()),
    ]
    parent_page_types = ["events.EventIndexPage"]
    subpage_types = ["events.EventPage"]

    class Meta:
        verbose_name = _("cycle of events")
        verbose_name_plural = _("cycles of events")

    def events(self):
        """The live events of the cycle, in chronological order."""
        return public(EventPage.objects.child_of(self).live()).order_by("start", "pk")

    series_context = helper_at("events.listing.series_context")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.series_context(self))
        return context


class EventPage(RoutablePageMixin, BasePage):
    """One event: when, where, who, what; registration before, replay and report after."""

    event_format = models.CharField(
        _("format"),
        max_length=20,
        choices=EventFormat.choices,
        default=EventFormat.WEBINAR,
        help_text=_("The kind of event; visitors can filter the agenda by format."),
    )
    start = models.DateTimeField(_("start"), help_text=_("Date and time, in Swiss time."))
    end = models.DateTimeField(
        _("end"), help_text=_("Date and time, in Swiss time; after the start.")
    )
    language = models.CharField(
        _("language of the event"),
        max_length=2,
        choices=EventLanguage.choices,
        default=EventLanguage.FRENCH,
        help_text=_("The language spoken during the event."),
    )
    online_url = models.URLField(
        _("online meeting link"),
        blank=True,
        help_text=_(
            "The address of the video conference, sent to participants. "
            "Leave empty for an event on site."
        ),
    )
    venue_name = models.CharField(
        _("venue"),
        max_length=200,
        blank=True,
        help_text=_("The name of the place, e.g. a room or a building. Leave empty online."),
    )
    venue_street = models.CharField(
        _("street and number"),
        max_length=200,
        blank=True,
        help_text=_("E.g. Rue de la Borde 13. Leave empty online."),
    )
    venue_postal_code = models.CharField(
        _("postcode"), max_length=12, blank=True, help_text=_("E.g. 1018.")
    )
    venue_locality = models.CharField(
        _("town"), max_length=100, blank=True, help_text=_("E.g. Lausanne.")
    )
    venue_region = models.CharField(
        _("canton or region"),
        max_length=100,
        blank=True,
        help_text=_("The canton's abbreviation in Switzerland, e.g. VD. Optional."),
    )
    venue_country = models.CharField(
        _("country"),
        max_length=2,
        blank=True,
        default="CH",
        help_text=_("Two-letter code of the country, e.g. CH or FR."),
    )
    audience_text = models.CharField(
        _("who it is for"),
        max_length=255,
        blank=True,
        help_text=_('In a few words, e.g. "associations starting their activity".'),
    )
    audiences = audiences_field(
        _("The audiences the event is meant for; visitors find it through them.")
    )
    levers = levers_field(
        _("The levers the event works on; visitors can filter the agenda by lever.")
    )
    related_tools = ParentalManyToManyField(
        "tools.ToolPage",
        verbose_name=_("tools presented"),
        blank=True,
        related_name="events",
        help_text=_(
            "Tool sheets presented or used during the event; the event page links to them."
        ),
    )
    related_guides = ParentalManyToManyField(
        "guides.GuidePage",
        verbose_name=_("related guides"),
        blank=True,
        related_name="events",
        help_text=_("Guides that go further on the subject of the event."),
    )
    training_module = models.ForeignKey(
        "guides.TrainingModulePage",
        verbose_name=_("training module"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="sessions",
        help_text=_("When the event is a session of a training module."),
    )
    description = RichTextField(
        _("description"),
        features=RICH_TEXT,
        blank=True,
        help_text=_("The programme: what participants will learn or do, and how to prepare."),
    )

    registration_open = models.BooleanField(
        _("registration on this site"),
        default=True,
        help_text=_("Untick when nobody needs to register, or when registration is elsewhere."),
    )
    external_registration_url = models.URLField(
        _("external registration address"),
        blank=True,
        help_text=_("Only when people register on another site; the form here is then hidden."),
    )
    capacity = models.PositiveIntegerField(
        _("number of seats"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Leave empty for no limit. When full, people join a waiting list."),
    )

    replay_url = models.URLField(
        _("replay video"),
        blank=True,
        help_text=_("The address of the recording (YouTube, Vimeo, PeerTube...)."),
    )
    replay_licence = licence_field(
        _(
            'Under which conditions others may reuse the recording. Keep "All rights '
            'reserved" unless the speakers agreed to a free licence.'
        ),
        verbose_name=_("licence of the replay"),
        default=Licence.ALL_RIGHTS_RESERVED,
    )
    replay_attribution = attribution_field(
        _("Who must be credited for the recording, e.g. the speakers and who filmed it."),
        verbose_name=_("credits of the replay"),
    )
    report = RichTextField(
        _("short report"),
        features=RICH_TEXT,
        blank=True,
        help_text=_("What was said and decided, for those who could not attend."),
    )
    image = image_field(
        _("image of the event"),
        _(
            "Shown at the top of the event and on its card in the agenda, at least "
            "1200 × 675 pixels (landscape, JPEG or PNG). Without one, the cycle's image is "
            "used. Only photos of people who agreed to appear on the site."
        ),
    )
    image_alt = alt_text_field()

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("description"),
        index.SearchField("report"),
        index.FilterField("event_format"),
        index.FilterField("start"),
        index.FilterField("language"),
    ]

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        image_panels(),
        FieldRowPanel([FieldPanel("event_format"), FieldPanel("language")]),
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
        MultiFieldPanel(
            [
                FieldPanel("online_url"),
                FieldPanel("venue_name"),
                FieldPanel("venue_street"),
                FieldRowPanel([FieldPanel("venue_postal_code"), FieldPanel("venue_locality")]),
                FieldRowPanel([FieldPanel("venue_region"), FieldPanel("venue_country")]),
            ],
            heading=_("Where"),
        ),
        FieldPanel("description"),
        InlinePanel("people", label=_("speakers and organisers")),
    ]
    registration_panels = [
        FieldPanel("registration_open"),
        FieldPanel("capacity"),
        FieldPanel("external_registration_url"),
    ]
    classification_panels = [
        FieldPanel("audience_text"),
        FieldPanel("audiences"),
        FieldPanel("levers"),
        FieldPanel("related_tools"),
        FieldPanel("related_guides"),
        FieldPanel("training_module"),
    ]
    after_panels = [
        MultiFieldPanel(
            [
                FieldPanel("replay_url"),
                FieldPanel("replay_licence", widget=LicenceChooser),
                FieldPanel("replay_attribution"),
            ],
            heading=_("Replay"),
        ),
        InlinePanel("documents", label=_("slides and documents")),
        FieldPanel("report"),
    ]
    edit_handler = page_tabs(
        content_panels,
        classification=classification_panels,
        extra=[
            (_("Registration"), registration_panels),
            (_("After the event"), after_panels),
        ],
    )

    # Postcodes and codes are the same in every language; the street and town are translated
    # (Genève, Genf, Ginevra, Geneva).
    override_translatable_fields = [
        SynchronizedField("venue_postal_code"),
        SynchronizedField("venue_region"),
        SynchronizedField("venue_country"),
    ]

    # Never the online meeting link (sent to registered participants only), the seats or
    # anything about registrations.
    api_fields = [
        "intro",
        "event_format",
        "start",
        "end",
        "language",
        APIField("is_online"),
        "venue_name",
        APIField("venue_address"),
        "venue_street",
        "venue_postal_code",
        "venue_locality",
        "venue_region",
        "venue_country",
        "audience_text",
        "description",
        "replay_url",
        "replay_licence",
        "replay_attribution",
        APIField("documents", serializer=EventDocumentsField()),
        "report",
        "last_published_at",
        APIField("audiences", serializer=SlugListField()),
        APIField("levers", serializer=SlugListField()),
        APIField("related_tools", serializer=LivePageIdsField()),
        APIField("related_guides", serializer=LivePageIdsField()),
    ]
    parent_page_types = ["events.EventIndexPage", "events.EventSeriesPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        indexes = [models.Index(fields=["start"])]

    def clean(self):
        super().clean()
        if self.start and self.end and self.end <= self.start:
            raise ValidationError({"end": _("The end must come after the start.")})

    @property
    def is_past(self):
        return self.end < timezone.now()

    @property
    def is_online(self):
        return bool(self.online_url)

    @property
    def replay_credit(self):
        return Credit(self.replay_licence, self.replay_attribution)

    @property
    def venue_address(self):
        """The postal address on lines, as on an envelope: street, then postcode and town."""
        town = " ".join(part for part in (self.venue_postal_code, self.venue_locality) if part)
        return "\n".join(line for line in (self.venue_street, town) if line)

    @property
    def duration(self):
        return self.end - self.start

    @property
    def takes_registrations(self):
        return self.registration_open and not self.external_registration_url and not self.is_past

    def source_event(self):
        """The event in the default language, which holds the registrations (read once per
        instance: the page and its JSON-LD both ask)."""
        if "_source_event" not in self.__dict__:
            self._source_event = self._find_source_event()
        return self._source_event

    def _find_source_event(self):
        if self.alias_of_id:
            return EventPage.objects.get(pk=self.alias_of_id)
        default = default_locale()
        if self.locale_id == default.pk:
            return self
        return (
            EventPage.objects.filter(translation_key=self.translation_key, locale=default).first()
            or self
        )

    def seats_taken(self):
        """Confirmed seats and seats held for addresses still to confirm."""
        return self.registrations.holding_seat().count()

    def seats_left(self):
        if self.capacity is None:
            return None
        return max(self.capacity - self.seats_taken(), 0)

    @path("")
    def event_view(self, request):
        return self.render(request)

    registration_view = helper_at("events.views.register")

    @path("register/")
    def register_view(self, request):
        return self.registration_view(request, self)

    event_context = helper_at("events.listing.event_context")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.event_context(self, request))
        return context


class EventPerson(TranslatableMixin, Orderable):
    """A speaker or an organiser of an event."""

    class Role(models.TextChoices):
        SPEAKER = "speaker", _("Speaker")
        ORGANISER = "organiser", _("Organiser")

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="people")
    name = models.CharField(
        _("name"), max_length=120, help_text=_("First name and last name, as visitors see them.")
    )
    role = models.CharField(
        _("role"),
        max_length=20,
        choices=Role.choices,
        default=Role.SPEAKER,
        help_text=_("Whether the person speaks or organises the event."),
    )
    affiliation = models.CharField(
        _("organisation or function"),
        max_length=200,
        blank=True,
        help_text=_("Shown after the name, e.g. where the person works. Optional."),
    )

    panels = [FieldPanel("name"), FieldPanel("role"), FieldPanel("affiliation")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("speaker or organiser")
        verbose_name_plural = _("speakers and organisers")


class EventDocument(LicensedMixin, TranslatableMixin, Orderable):
    """Slides and documents published after an event."""

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Choose a document of the library or upload one (slides, handouts...)."),
    )
    label = models.CharField(
        _("label"), max_length=200, blank=True, help_text=_("Leave empty to use its title.")
    )
    licence = licence_field(
        _(
            'Under which conditions others may reuse the document. Keep "All rights '
            'reserved" unless its authors chose a free licence.'
        ),
        default=Licence.ALL_RIGHTS_RESERVED,
    )
    attribution = attribution_field(_("Who made the document, e.g. the speaker's name."))

    panels = [
        FieldPanel("document"),
        FieldPanel("label"),
        FieldPanel("licence", widget=LicenceChooser),
        FieldPanel("attribution"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("slides or document")
        verbose_name_plural = _("slides and documents")

    @property
    def display_label(self):
        return self.label or self.document.title


def confirmation_period():
    """How long an unconfirmed registration waits for its address to be confirmed."""
    return timedelta(hours=getattr(settings, "EMAIL_CONFIRMATION_HOURS", 48))


class RegistrationQuerySet(models.QuerySet):
    """Seats, waiting list and double opt-in.

    A registration counts against the capacity when its status is "confirmed" and its address
    is confirmed, or still within the confirmation period (`EMAIL_CONFIRMATION_HOURS`): the
    seat is held while the person opens the e-mail. Once the period is over, the seat no
    longer counts; it goes to the waiting list as soon as a registration, a confirmation, a
    cancellation or `purge_personal_data` passes by.
    """

    def address_confirmed(self):
        return self.filter(email_confirmed_at__isnull=False)

    def expired_unconfirmed(self, now=None):
        """Registrations whose address was never confirmed within the period: to delete."""
        cutoff = (now or timezone.now()) - confirmation_period()
        return self.filter(email_confirmed_at__isnull=True, created_at__lt=cutoff)

    def holding_seat(self, now=None):
        return self.filter(holding_seat_q(now=now))

    def waiting_for_seat(self):
        """The waiting list in its order; only confirmed addresses are ever promoted."""
        return (
            self.filter(status=Registration.Status.WAITING)
            .address_confirmed()
            .order_by("created_at", "pk")
        )


def holding_seat_q(prefix="", now=None):
    """The condition of `RegistrationQuerySet.holding_seat`, for annotations across relations."""
    cutoff = (now or timezone.now()) - confirmation_period()
    return models.Q(**{f"{prefix}status": Registration.Status.CONFIRMED}) & (
        models.Q(**{f"{prefix}email_confirmed_at__isnull": False})
        | models.Q(**{f"{prefix}created_at__gte": cutoff})
    )


class Registration(models.Model):
    """One person's seat (or place on the waiting list) at an event.

    Double opt-in: a registration starts with an unconfirmed address (`email_confirmed_at`
    empty); it counts only once the person follows the link sent to the address, or while the
    period to do so runs (see `RegistrationQuerySet`). Saving or deleting a registration, in
    any way, gives free seats to the waiting list (`events.registrations.fill_free_seats`).
    Deleted `RETENTION_REGISTRATIONS_DAYS` after the event (`events/retention.py`).
    """

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Confirmed")
        WAITING = "waiting", _("On the waiting list")

    event = models.ForeignKey(
        EventPage,
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        related_name="registrations",
        help_text=_("The event the person registered for."),
    )
    name = models.CharField(
        _("name"), max_length=120, help_text=_("As the person wrote it on the form.")
    )
    email = models.EmailField(
        _("e-mail"), help_text=_("The confirmation and the reminders are sent to this address.")
    )
    organisation = models.CharField(
        _("organisation"),
        max_length=200,
        blank=True,
        help_text=_("As the person wrote it on the form; may be empty."),
    )
    consent = models.BooleanField(
        _("consent to the processing of data"),
        default=False,
        help_text=_(
            "The person agreed that the association keeps these details until after the event."
        ),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=Status.choices,
        default=Status.CONFIRMED,
        help_text=_(
            "Confirmed: the person has a seat. Waiting list: the person gets a seat, "
            "in order of registration, when someone cancels."
        ),
    )
    language = models.CharField(
        _("language of the person"),
        max_length=10,
        default=settings.LANGUAGE_CODE,
        help_text=_("The e-mails to the person are written in this language."),
    )
    created_at = models.DateTimeField(
        _("registered on"),
        default=timezone.now,
        help_text=_("The waiting list follows the order of registration."),
    )
    email_confirmed_at = models.DateTimeField(
        _("address confirmed on"),
        null=True,
        blank=True,
        help_text=_(
            "When the person followed the link sent to the address. Empty: not confirmed yet; "
            "the registration is deleted if it stays so after the confirmation period."
        ),
    )

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["event", "created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "email"], name="events_one_registration_per_email"
            )
        ]

    def __str__(self):
        return f"{self.name} <{self.email}>"

    lock_event = helper_at("events.registrations.lock_event")
    fill_free_seats = helper_at("events.registrations.fill_free_seats")

    def save(self, *args, **kwargs):
        # The event row is locked before the registration changes, as the registration flow
        # does, so that an organiser's change and a visitor's registration queue up instead of
        # deadlocking; a seat freed by the change goes to the waiting list in the same
        # transaction.
        with transaction.atomic():
            event = self.lock_event(self.event_id)
            super().save(*args, **kwargs)
            self.fill_free_seats(event, exclude=self.pk if self.is_waiting else None)

    @property
    def is_waiting(self):
        return self.status == self.Status.WAITING

    @property
    def is_address_confirmed(self):
        return self.email_confirmed_at is not None

    @property
    def confirmation_deadline(self):
        return self.created_at + confirmation_period()

    def confirmation_expired(self, now=None):
        return not self.is_address_confirmed and self.confirmation_deadline <= (
            now or timezone.now()
        )

    @admin_display(description=_("state"))
    def state(self):
        """The registration's state in words, for the organisers' listing."""
        if self.confirmation_expired():
            return _("Expired: address never confirmed")
        if not self.is_address_confirmed:
            if self.is_waiting:
                return _("Address to confirm, waiting list")
            return _("Address to confirm, seat held")
        if self.is_waiting:
            return _("On the waiting list")
        return _("Seat confirmed")
