"""The tool library's listing: facets that combine, counts, sorting and pagination.

Everything the index page needs is built here, with a number of queries that does not depend
on the number of tools: one query for the counts of every facet, one for the page of results, one
for the term names of every taxonomy in the visitor's language, and the prefetches of the
page.
Filters use the terms' slugs (the same in every language) so that URLs can be shared.
"""

import uuid

from django.conf import settings
from django.db.models import (
    CharField,
    Count,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Sum,
    Value,
    prefetch_related_objects,
)
from django.db.models.functions import Cast, Coalesce
from django.utils.translation import gettext_lazy as _

from core import listing as kit
from core.pictures import with_images_and_renditions
from core.public_pages import public
from taxonomy.models import Audience, Lever, Phase, Theme
from taxonomy.utils import localize_terms, terms_of_taxonomies

from .models import Complexity, DownloadCount, ToolPage
from .sheet import illustration

PAGE_SIZE = 12


FACETS = [
    ("lever", _("Lever"), "levers", Lever),
    ("phase", _("Life-cycle phase"), "phases", Phase),
    ("audience", _("Audience"), "audiences", Audience),
    ("theme", _("Theme"), "themes", Theme),
]

SORTS = {
    "sheet": (_("Sheet number"), ["sheet_number", "title"]),
    "title": (_("Title"), ["title", "sheet_number"]),
    "newest": (_("Newest first"), [F("first_published_at").desc(nulls_last=True), "sheet_number"]),
    "downloads": (_("Most downloaded"), ["-download_total", "sheet_number"]),
}
DEFAULT_SORT = "sheet"

# The language facet: the site's languages, each named in its own language.
LANGUAGES = settings.WAGTAIL_CONTENT_LANGUAGES


def in_languages(codes):
    """Tools readable in one of `codes`: a live sheet written in it (a translation, not an
    alias showing another language's text) or a file in it (an instrument's language), in
    any live language version of the tool. The site search counts the same way
    (`search/facets.py`, `ToolPage.search_language_files`)."""
    sheets = ToolPage.objects.live().filter(alias_of__isnull=True, locale__language_code__in=codes)
    files = ToolPage.objects.live().filter(instruments__language__in=codes)
    return Q(translation_key__in=sheets.values("translation_key")) | Q(
        translation_key__in=files.values("translation_key")
    )


def download_totals():
    """A subquery: every download of a tool, in every language, since the beginning."""
    return Coalesce(
        Subquery(
            DownloadCount.objects.filter(tool_key=OuterRef("translation_key"))
            .order_by()
            .values("tool_key")
            .annotate(total=Sum("count"))
            .values("total"),
            output_field=IntegerField(),
        ),
        0,
    )


class ToolListing(kit.Listing):
    def __init__(self, index_page, request):
        self.index_page = index_page
        self.request = request
        self.notices = []
        self.base = public(ToolPage.objects.child_of(index_page).live())
        self._read_filters(request.GET)
        self._read_sort(request.GET)
        self.results = self._filtered(self.base)
        self.facets = self._facets()
        # What the filter panel shows follows from this alone (its HTML is kept by it).
        self.selection = f"{kit.selection_key(self.filters)}:{self.sort}"
        number = request.GET.get("page")
        if self.sort == "downloads":  # downloads change at every visit: never kept
            self.page = self._paginate(number, self.notices)
            self.tools = self._decorate(list(self.page.object_list))
        else:
            self.page, self.tools, notices = kit.published_page(
                f"tools:{index_page.pk}",
                self.selection,
                number,
                self._page_and_tools,
            )
            self.notices.extend(notices)

    # Reading the request: unknown values are dropped with a notice, never an error.

    def _read_filters(self, query):
        self.filters = {}
        self.terms = {}
        lookups = terms_of_taxonomies(
            [model for _param, _legend, _field, model in FACETS], self.index_page.locale
        )
        for param, _legend, _field_name, model in FACETS:
            self.terms[param] = lookups[model]
            known = {term.slug for term in self.terms[param].values()}
            self.filters[param] = kit.read_choices(query, param, known, self.notices)
        complexities = kit.read_choices(
            query, "complexity", {str(value) for value in Complexity.values}, self.notices
        )
        self.filters["complexity"] = [int(value) for value in complexities]
        self.filters["language"] = kit.read_choices(
            query, "language", {code for code, _name in LANGUAGES}, self.notices
        )

    def _read_sort(self, query):
        sort = query.get("sort") or DEFAULT_SORT
        if sort not in SORTS:
            kit.note(self.notices, _("This sort order does not exist; sorted by sheet number."))
            sort = DEFAULT_SORT
        self.sort = sort

    # Building the querysets.

    def _filtered(self, queryset, *, skip=None):
        for param, _legend, field_name, _model in FACETS:
            if param != skip and self.filters[param]:
                # Within a facet the values add up (OR); facets narrow each other (AND).
                queryset = queryset.filter(
                    pk__in=ToolPage.objects.filter(
                        **{f"{field_name}__slug__in": self.filters[param]}
                    ).values("pk")
                )
        if skip != "complexity" and self.filters["complexity"]:
            queryset = queryset.filter(complexity__in=self.filters["complexity"])
        if skip != "language" and self.filters["language"]:
            queryset = queryset.filter(in_languages(self.filters["language"]))
        return queryset

    def _facets(self):
        """Each option's count: the tools the current selection would show with that option.

        The count of a facet's option ignores that facet's own selection (its values add up),
        so a visitor sees how many tools each extra tick would give. Every facet's counts come
        in one query (a UNION ALL of one grouped count per facet).
        """
        counts = self._facet_counts()
        facets = []
        for param, legend, _field_name, _model in FACETS:
            options = [
                kit.Option(
                    value=term.slug,
                    label=term.name,
                    count=counts[param].get(str(key), 0),
                    checked=term.slug in self.filters[param],
                )
                for key, term in self.terms[param].items()
            ]
            options.sort(key=lambda option: self._term_position(param, option.value))
            facets.append(kit.Facet(param, legend, options=options, selected=self.filters[param]))
        facets.append(
            kit.Facet(
                "complexity",
                _("Complexity"),
                options=[
                    kit.Option(
                        value=str(value),
                        label=label,
                        count=counts["complexity"].get(str(value), 0),
                        checked=value in self.filters["complexity"],
                    )
                    for value, label in Complexity.choices
                ],
                selected=self.filters["complexity"],
            )
        )
        facets.append(
            kit.Facet(
                "language",
                _("Sheet or files in"),
                options=[
                    kit.Option(
                        value=code,
                        label=name,
                        count=counts["language"].get(code, 0),
                        checked=code in self.filters["language"],
                        lang=code,
                    )
                    for code, name in LANGUAGES
                ],
                selected=self.filters["language"],
            )
        )
        return facets

    def _facet_counts(self):
        """{facet: {option value as text: tools}}; one query for every facet, none when the
        same selection was counted since the last publication."""
        counts = kit.published_counts(
            f"tools:{self.index_page.pk}", self.filters, self._count_groups
        )
        for param, _legend, _field_name, _model in FACETS:
            # A UUID as text: hexadecimal digits on SQLite, with hyphens on PostgreSQL.
            counts[param] = {str(uuid.UUID(key)): total for key, total in counts[param].items()}
        return counts

    def _count_groups(self):
        groups = []
        for param, _legend, field_name, model in FACETS:
            scope = self._filtered(self.base, skip=param)
            through = ToolPage._meta.get_field(field_name).remote_field.through
            groups.append(
                (
                    param,
                    through.objects.filter(toolpage__in=scope.values("pk"))
                    .order_by()
                    .values(option=Cast(f"{model._meta.model_name}__translation_key", CharField())),
                    Count("toolpage", distinct=True),
                )
            )
        groups.append(
            (
                "complexity",
                self._filtered(self.base, skip="complexity")
                .order_by()
                .values(option=Cast("complexity", CharField())),
                Count("pk"),
            )
        )
        language_scope = self._filtered(self.base, skip="language").order_by()
        for code, _name in LANGUAGES:
            groups.append(
                (
                    "language",
                    language_scope.filter(in_languages([code])).values(
                        option=Cast(Value(code), CharField())
                    ),
                    Count("pk"),
                )
            )
        return groups

    def _term_position(self, param, slug):
        for term in self.terms[param].values():
            if term.slug == slug:
                return (term.sort_order, term.name)
        return (0, slug)

    def _paginate(self, number, notices):
        ordered = self.results
        if self.sort == "downloads":
            ordered = ordered.annotate(download_total=download_totals())
        return kit.paginate(ordered.order_by(*SORTS[self.sort][1]), PAGE_SIZE, number, notices)

    def _page_and_tools(self, number, notices):
        page = self._paginate(number, notices)
        return page, self._decorate(list(page.object_list))

    def _decorate(self, tools):
        """Term names in the visitor's language and illustrations for the cards, with a
        bounded number of prefetches (levers, phases, images and their renditions)."""
        prefetch_related_objects(
            tools,
            Prefetch("levers", queryset=Lever.objects.order_by()),
            Prefetch("phases", queryset=Phase.objects.order_by()),
        )
        # The levers with their illustrations, for the cards of tools without an image of
        # their own; the tools' images and the levers' come with their renditions together.
        levers = {
            lever.translation_key: lever
            for lever in Lever.objects.live()
            .filter(locale=self.index_page.locale)
            .select_related("image")
        }
        with_images_and_renditions([*tools, *levers.values()], preset="card")
        for tool in tools:
            tool.lever_terms = sorted(
                localize_terms(tool.levers.all(), levers),
                key=lambda term: (term.sort_order, term.name),
            )
            tool.illustration, tool.illustration_alt = illustration(tool, tool.lever_terms)
            tool.phase_terms = sorted(
                localize_terms(tool.phases.all(), self.terms["phase"]),
                key=lambda term: (term.sort_order, term.name),
            )
        return tools

    # What the template shows.

    @property
    def sort_options(self):
        return [(key, label, key == self.sort) for key, (label, _order) in SORTS.items()]

    def params(self):
        """The (name, value) pairs that the links of the listing keep."""
        params = kit.filter_params(self.filters)
        if self.sort != DEFAULT_SORT:
            params.append(("sort", self.sort))
        return params
