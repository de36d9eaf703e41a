"""The directory's listing: combinable filters with counts, a daily shuffle, pagination.

Everything is computed from two small queries whatever the number of providers: one for each
provider's filterable values (services, regions, languages), one for the tools they practised.
Filtering, counting and ordering then happen in Python, which keeps the query count bounded
and works the same on SQLite and PostgreSQL. Only the providers of the current page are loaded
in full (one more query, plus one for their images). The reading of the filters, the notices,
the pagination and the links are the listing kit's (`core.listing.Listing`); the filters are
selects (one value each: `tool`, `region`, `language`, `service`, and `page`).

Order: no provider is always first. The providers are shuffled with a random generator seeded by
today's date, so the order is stable for a day (pagination and shared links stay coherent) and
changes the next day, giving each provider its turn at the top.
"""

import datetime
import random

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.images import get_image_model

from core import listing as kit
from core.pictures import preset_specs
from taxonomy.utils import active_locale

from .models import LANGUAGES, REGIONS, ProviderPage, Service

PER_PAGE = 12
FILTER_NAMES = ("tool", "region", "language", "service")


def daily_order(ids, day: datetime.date):
    """The ids shuffled with a generator seeded by the date: same order all day, new each day."""
    ordered = sorted(ids)
    random.Random(day.isoformat()).shuffle(ordered)  # noqa: S311 - fairness, not security
    return ordered


class Directory(kit.Listing):
    """The providers under one directory page, filtered by the request's query string."""

    def __init__(self, index_page, request, today: datetime.date | None = None):
        self.index_page = index_page
        self.request = request
        self.today = today or timezone.localdate()
        self.notices = []
        self._load()
        self.filters = self._read_filters(request.GET)
        self.facets = self._facets()
        matching = [pk for pk in self.order if self._matches(pk, self.chosen)]
        self.page = kit.paginate(matching, PER_PAGE, request.GET.get("page"), self.notices)
        self.providers = self._providers(list(self.page.object_list))

    def _load(self):
        rows = (
            ProviderPage.objects.live()
            .child_of(self.index_page)
            .values_list("pk", "services", "regions", "languages")
        )
        self.values = {
            pk: {
                "service": set(services or []),
                "region": set(regions or []),
                "language": set(languages or []),
                "tool": set(),
            }
            for pk, services, regions, languages in rows
        }
        tool_titles = {}
        tool_keys = {}
        links = ProviderPage.tools.through.objects.filter(
            providerpage__in=ProviderPage.objects.live().child_of(self.index_page),
            toolpage__live=True,
        ).values_list(
            "providerpage_id",
            "toolpage__sheet_number",
            "toolpage__title",
            "toolpage__translation_key",
        )
        for provider_id, sheet_number, title, key in links:
            if provider_id in self.values:
                self.values[provider_id]["tool"].add(sheet_number)
                tool_titles.setdefault(sheet_number, title)
                tool_keys.setdefault(sheet_number, key)
        self.tool_labels = self._localized_tool_labels(tool_titles, tool_keys)
        self.order = daily_order(self.values, self.today)

    def _localized_tool_labels(self, titles, keys):
        # The tool sheets through the relation: the directory needs no import of the tools app.
        tool_model = ProviderPage._meta.get_field("tools").related_model
        if keys:
            localized = dict(
                tool_model.objects.live()
                .filter(locale=active_locale(), translation_key__in=set(keys.values()))
                .values_list("translation_key", "title")
            )
        else:
            localized = {}
        return {
            number: f"{number} · {localized.get(keys[number], title)}"
            for number, title in titles.items()
        }

    def _choices(self, name):
        if name == "tool":
            return sorted(self.tool_labels.items())
        if name == "region":
            return REGIONS
        if name == "language":
            return LANGUAGES
        return Service.choices

    def _read_filters(self, query):
        """{name: [value]}, known values only: an unknown one is dropped with a notice, never
        an error."""
        filters = {}
        for name in FILTER_NAMES:
            known = {code for code, _label in self._choices(name)}
            value = kit.read_choice(query, name, known, self.notices)
            filters[name] = [value] if value else []
        return filters

    @property
    def chosen(self):
        """{name: value} of the filters in use."""
        return {name: values[0] for name, values in self.filters.items() if values}

    def _matches(self, pk, filters):
        values = self.values[pk]
        return all(value in values[name] for name, value in filters.items())

    def _facets(self):
        labels = {
            "tool": (_("Tool practised"), _("All tools")),
            "region": (_("Region"), _("All regions")),
            "language": (_("Language"), _("All languages")),
            "service": (_("Service"), _("All services")),
        }
        facets = []
        chosen_values = self.chosen
        for name in FILTER_NAMES:
            others = {key: value for key, value in chosen_values.items() if key != name}
            candidates = [pk for pk in self.values if self._matches(pk, others)]
            counts = {}
            for pk in candidates:
                for value in self.values[pk][name]:
                    counts[value] = counts.get(value, 0) + 1
            legend, all_label = labels[name]
            chosen = chosen_values.get(name)
            facets.append(
                kit.Facet(
                    name,
                    legend,
                    options=[
                        kit.Option(value, str(label), counts.get(value, 0), checked=value == chosen)
                        for value, label in self._choices(name)
                        if counts.get(value) or value == chosen
                    ],
                    selected=[chosen] if chosen else [],
                    all_label=all_label,
                )
            )
        return facets

    def _providers(self, ids):
        Image = get_image_model()
        pages = ProviderPage.objects.filter(pk__in=ids).prefetch_related(
            Prefetch("image", queryset=Image.objects.prefetch_renditions(*preset_specs("logo")))
        )
        by_pk = {page.pk: page for page in pages}
        return [by_pk[pk] for pk in ids if pk in by_pk]

    @property
    def active_filters(self):
        """(facet legend, chosen option's label, query string without it) of each filter in use."""
        return [
            (facet.legend, option.label, self.query(**{facet.param: None}))
            for facet in self.facets
            for option in facet.options
            if option.checked
        ]

    def query(self, **changes):
        """The query string of the current filters with `changes` (None removes a filter)."""
        return "?" + kit.query_string(self.params(), **changes)
