"""What event pages show, built in one place with a bounded number of queries.

- `EventListing`: the agenda (upcoming or past events, filters, pagination);
- `event_context`: one event page;
- `series_context`: a cycle and its numbered events;
- the sections other domains show: the home page, a tool sheet, a training module.
"""

import zoneinfo

from django.db.models import Count, F, Prefetch, prefetch_related_objects
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from core import listing as kit
from core.cache import kept_for_page
from core.i18n_pages import localize_pages
from core.pictures import with_images_and_renditions
from core.public_pages import public
from taxonomy.models import Lever
from taxonomy.utils import (
    localize_terms,
    page_terms,
    terms_of_taxonomies,
)

from .calendars import google_calendar_url
from .forms import RegistrationForm
from .models import (
    EventFormat,
    EventIndexPage,
    EventLanguage,
    EventPage,
    EventSeriesPage,
    confirmation_period,
)
from .replays import player_url

PAGE_SIZE = 20
UPCOMING = "upcoming"
PAST = "past"
STEPLEN = Page.steplen
SWISS_TIME = zoneinfo.ZoneInfo("Europe/Zurich")


def number_in_series(events):
    """Set `series`, `series_number` and `series_total` on events that belong to a cycle.

    Two queries whatever the number of events: the cycles, then their events' start times.
    """
    parent_paths = {event.path[:-STEPLEN] for event in events}
    series_by_path = {
        series.path: series
        for series in EventSeriesPage.objects.filter(path__in=parent_paths).only(
            "pk",
            "path",
            "title",
            "url_path",
            "locale_id",
            "depth",
            "alias_of",
            "image",
            "image_alt",
        )
    }
    order = {}
    if series_by_path:
        siblings = (
            EventPage.objects.live()
            .filter(depth=next(iter(series_by_path.values())).depth + 1)
            .filter(path__regex=r"^(" + "|".join(series_by_path) + ")")
            .order_by("start", "pk")
            .values_list("path", "pk")
        )
        for path, pk in siblings:
            order.setdefault(path[:-STEPLEN], []).append(pk)
    for event in events:
        parent_path = event.path[:-STEPLEN]
        event.series = series_by_path.get(parent_path)
        members = order.get(parent_path, [])
        if event.series and event.pk in members:
            event.series_number = members.index(event.pk) + 1
            event.series_total = len(members)
        else:
            event.series_number = event.series_total = None
    return events


def with_swiss_times(events):
    """Set `swiss_start` and `swiss_end`, the times in Swiss time, for the event cards.

    Converted once here rather than by a `{% timezone %}` block in each card; naive, so that
    the template shows them as they are whatever the active time zone.
    """
    for event in events:
        event.swiss_start = timezone.make_naive(event.start, SWISS_TIME)
        event.swiss_end = timezone.make_naive(event.end, SWISS_TIME)
    return events


def decorate(events, locale, levers=None):
    """Lever names in the visitor's language, numbers in a cycle and Swiss times, for cards.

    `levers`: the locale's levers by translation key, when the caller already has them.
    """
    if levers is None:
        levers = terms_of_taxonomies([Lever], locale)[Lever]
    prefetch_related_objects(events, Prefetch("levers", queryset=Lever.objects.order_by()))
    for event in events:
        event.lever_terms = sorted(
            localize_terms(event.levers.all(), levers), key=lambda t: (t.sort_order, t.name)
        )
    return with_swiss_times(with_pictures(number_in_series(events)))


def with_pictures(events, preset="card"):
    """Set `picture` and `picture_alt`: the event's own image, or else its cycle's.

    Events numbered by `number_in_series`; the images of the events and of their cycles, with
    their renditions, come in two queries whatever the number of events (none for images
    already read with their page, such as the event page's own); those of `preset` are cut
    if they are not yet, since the pictures are kept in the cache with the events.
    """
    cycles = list({event.series.pk: event.series for event in events if event.series}.values())
    with_images_and_renditions([*events, *cycles], preset=preset)
    for event in events:
        if event.image_id:
            event.picture, event.picture_alt = event.image, event.image_alt
        elif event.series and event.series.image_id:
            event.picture, event.picture_alt = event.series.image, event.series.image_alt
        else:
            event.picture, event.picture_alt = None, ""
    return events


class EventListing(kit.Listing):
    def __init__(self, index_page, request):
        self.index_page = index_page
        self.request = request
        self.notices = []
        self.now = timezone.now()
        # Names and slugs only: the cards and the filters show no lever picture.
        self.levers = terms_of_taxonomies([Lever], index_page.locale)[Lever]
        self._read(request.GET)
        self.base = public(EventPage.objects.descendant_of(index_page).live())
        self.results = self._filtered(self.base)
        self.page = self._paginate(request.GET.get("page"))
        self.events = decorate(list(self.page.object_list), index_page.locale, self.levers)

    def _read(self, query):
        self.when = query.get("when") or UPCOMING
        if self.when not in (UPCOMING, PAST):
            kit.note(self.notices, kit.NOT_RECOGNISED)
            self.when = UPCOMING
        known = {
            "format": set(EventFormat.values),
            "lever": {term.slug for term in self.levers.values()},
            "language": set(EventLanguage.values),
        }
        self.filters = {
            param: kit.read_choices(query, param, allowed, self.notices)
            for param, allowed in known.items()
        }

    def _filtered(self, queryset, ignore=None):
        if self.filters["format"] and ignore != "format":
            queryset = queryset.filter(event_format__in=self.filters["format"])
        if self.filters["language"] and ignore != "language":
            queryset = queryset.filter(language__in=self.filters["language"])
        if self.filters["lever"] and ignore != "lever":
            queryset = queryset.filter(
                pk__in=EventPage.objects.filter(levers__slug__in=self.filters["lever"]).values("pk")
            )
        if self.when == PAST:
            return queryset.filter(end__lt=self.now).order_by("-start", "-pk")
        return queryset.filter(end__gte=self.now).order_by("start", "pk")

    def _paginate(self, number):
        return kit.paginate(self.results, PAGE_SIZE, number, self.notices)

    COUNTED = ("format", "lever", "language")

    def _counts(self):
        """{group: {option: events}}: how many events each option of a group would give, the
        other groups applied. One query for every group (a UNION ALL of one grouped count per
        group), whatever the number of events.
        """
        groups = []
        for param in self.COUNTED:
            matching = self._filtered(self.base, ignore=param).order_by()
            if param == "lever":
                groups.append(
                    (
                        param,
                        EventPage.levers.through.objects.filter(eventpage__in=matching.values("pk"))
                        .order_by()
                        .values(option=F("lever__slug")),
                        Count("eventpage", distinct=True),
                    )
                )
            else:
                column = {"format": "event_format", "language": "language"}[param]
                groups.append((param, matching.values(option=F(column)), Count("pk")))
        return kit.union_counts(groups)

    @cached_property
    def filter_groups(self):
        levers = sorted(self.levers.values(), key=lambda term: (term.sort_order, term.name))
        groups = [
            kit.Facet(
                "format",
                _("Format"),
                [
                    kit.Option(value, label, checked=value in self.filters["format"])
                    for value, label in EventFormat.choices
                ],
            ),
            kit.Facet(
                "lever",
                _("Lever"),
                [
                    kit.Option(t.slug, t.name, checked=t.slug in self.filters["lever"])
                    for t in levers
                ],
            ),
            kit.Facet(
                "language",
                _("Language of the event"),
                [
                    kit.Option(value, label, checked=value in self.filters["language"])
                    for value, label in EventLanguage.choices
                ],
            ),
        ]
        counts = self._counts()
        for group in groups:
            for option in group.options:
                option.count = counts[group.param].get(option.value, 0)
        return groups

    def kept_params(self):
        """The tab (upcoming or past events) stays when the filters change."""
        return [("when", self.when)]

    @property
    def upcoming_query(self):
        return kit.query_string(self.params(), when=UPCOMING, page=None)

    @property
    def past_query(self):
        return kit.query_string(self.params(), when=PAST, page=None)


def calendar_links(event, request):
    return {
        "ics_url": reverse("events:event_ics", args=[event.pk]),
        "google_url": google_calendar_url(event, request),
    }


def related_in_language(event, locale):
    """(tools, guides, training module or None) the event points at, in `locale`: their
    translations come in one query for the three."""
    tools = list(event.related_tools.live().order_by("title"))
    guides = list(event.related_guides.live().order_by("title"))
    module = event.training_module if event.training_module_id else None
    modules = [module] if module is not None and module.live else []
    localized = localize_pages([*tools, *guides, *modules], locale)
    return (
        localized[: len(tools)],
        localized[len(tools) : len(tools) + len(guides)],
        localized[-1] if modules else None,
    )


# What `number_in_series` and `with_pictures` set on an event, kept with its published parts.
DECORATIONS = ("series", "series_number", "series_total", "picture", "picture_alt")


def published_event_parts(event):
    """What the event page shows that changes only with a publication or a snippet: its terms,
    cycle and picture, people, linked tools, guides and module, and documents."""
    locale = event.locale
    terms = page_terms(event, ["levers", "audiences"], locale)
    with_pictures(number_in_series([event]), preset="hero")
    tools, guides, training_module = related_in_language(event, locale)
    return {
        "decorations": {name: getattr(event, name, None) for name in DECORATIONS},
        "people": list(event.people.all()),
        "lever_terms": terms["levers"],
        "audience_terms": terms["audiences"],
        "tools": tools,
        "guides": guides,
        "training_module": training_module,
        "event_documents": list(event.documents.select_related("document")),
    }


def event_context(event, request, form=None):
    """The event page's context: its published parts from the cache (computed again for a
    preview, whose draft may differ), the seats left and the form for this request."""
    parts = kept_for_page(event, "event-page", lambda: published_event_parts(event), request)
    for name, value in parts["decorations"].items():
        setattr(event, name, value)
    people = parts["people"]
    # Kept on the event (in memory, as a preview's are): its JSON-LD names the speakers again.
    event.people = people
    source = event.source_event()
    seats_left = source.seats_left() if source.capacity else None
    context = {
        **{key: value for key, value in parts.items() if key not in ("decorations", "people")},
        "speakers": [person for person in people if person.role == "speaker"],
        "organisers": [person for person in people if person.role == "organiser"],
        "replay_player_url": player_url(event.replay_url) if event.replay_url else "",
        "seats_left": seats_left,
        "is_full": seats_left == 0,
        "registration_state": request.GET.get("registration", ""),
        "confirmation_hours": int(confirmation_period().total_seconds() // 3600),
        **calendar_links(event, request),
        # The JSON-LD in <head> (kept, sbm_site/templates/base.html) says whether seats are left.
        "head_vary": (event.is_past, seats_left, source.registration_open),
    }
    if event.takes_registrations:
        context["form"] = form or RegistrationForm()
    return context


def series_context(series):
    events = list(series.events())
    total = len(events)
    for number, event in enumerate(events, start=1):
        event.series_number = number
        event.series_total = total
    now = timezone.now()
    return {
        "series_events": events,
        "next_event": next((event for event in events if event.end >= now), None),
        "ics_url": reverse("events:series_ics", args=[series.pk]),
    }


def upcoming_in_locale(locale, limit):
    events = list(
        public(EventPage.objects.live())
        .filter(locale=locale, end__gte=timezone.now())
        .order_by("start", "pk")[:limit]
    )
    return with_swiss_times(with_pictures(number_in_series(events)))


def home_section(page, request):
    events = upcoming_in_locale(page.locale, 4)
    if not events:
        return None
    index = EventIndexPage.objects.live().filter(locale=page.locale).first()
    return {"events": events, "index": index}


def tool_section(page, request):
    keys = [page.translation_key]
    tools = EventPage.related_tools.through.objects.filter(
        toolpage__translation_key__in=keys
    ).values("eventpage__translation_key")
    events = list(
        public(EventPage.objects.live())
        .filter(locale=page.locale, end__gte=timezone.now(), translation_key__in=tools)
        .order_by("start", "pk")[:5]
    )
    if not events:
        return None
    return {"events": events}


def module_sessions_section(page, request):
    module_pages = Page.objects.filter(translation_key=page.translation_key).values("pk")
    events = list(
        public(EventPage.objects.live())
        .filter(
            locale=page.locale,
            end__gte=timezone.now(),
            translation_key__in=EventPage.objects.filter(training_module__in=module_pages).values(
                "translation_key"
            ),
        )
        .order_by("start", "pk")[:10]
    )
    if not events:
        return None
    return {"events": events}


SESSIONS_PER_MODULE = 3


def upcoming_sessions_of_modules(modules, locale):
    """{module translation key: its next public sessions in `locale`}, for a training path.

    One query for every module: the events of `locale` that are sessions of one of the modules
    (in whatever language the event points at it), soonest first, at most
    SESSIONS_PER_MODULE per module.
    """
    keys = {module.translation_key for module in modules}
    if not keys:
        return {}
    events = (
        public(EventPage.objects.live())
        .filter(locale=locale, end__gte=timezone.now(), training_module__translation_key__in=keys)
        .annotate(module_key=F("training_module__translation_key"))
        .order_by("start", "pk")[: SESSIONS_PER_MODULE * len(keys)]
    )
    sessions = {}
    for event in events:
        found = sessions.setdefault(event.module_key, [])
        if len(found) < SESSIONS_PER_MODULE:
            found.append(event)
    return sessions
