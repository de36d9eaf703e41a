"""The site search: matches from every page type, facets with counts, editors' picks.

Every live, public page of the visitor's locale is searched at once (`Page.objects...search`),
so page types added later join without change. The search backend returns the best
`MAX_MATCHES` pages in order of relevance; the facets and filters then work on that list in a
constant number of queries: one per page type that has a taxonomy field and taxonomy, whatever
the number of pages.
"""

import re
from collections import Counter
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.core.paginator import Paginator
from django.utils.translation import gettext as _
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Locale, Page, get_page_models
from wagtail.search.utils import normalise_query_string

from home.i18n_pages import localize_pages
from taxonomy.models import Audience, Lever, Phase

from .backends import backend_for_language
from .highlight import excerpt, fold
from .models import ZeroResultQuery

MAX_QUERY_LENGTH = 200
MAX_TERMS = 12
MAX_MATCHES = 500
RESULTS_PER_PAGE = 10
# (URL parameter, field name on page models, taxonomy model)
TAXONOMY_FACETS = (
    ("lever", "levers", Lever),
    ("phase", "phases", Phase),
    ("audience", "audiences", Audience),
)
TYPE_PARAMETER = "type"
FILTER_PARAMETERS = (TYPE_PARAMETER, *(parameter for parameter, _, _ in TAXONOMY_FACETS))
WORD = re.compile(r"[^\W_]+")


@dataclass
class CleanQuery:
    text: str = ""  # what the visitor typed, shortened, shown back in the form
    terms: list[str] = field(default_factory=list)  # the words searched for
    messages: list[str] = field(default_factory=list)

    @property
    def search_string(self):
        return " ".join(self.terms)


def clean_query(raw: str) -> CleanQuery:
    """Words only: punctuation, quotes and operators never reach the search backend."""
    cleaned = CleanQuery(text=" ".join((raw or "").split()))
    if len(cleaned.text) > MAX_QUERY_LENGTH:
        cleaned.text = cleaned.text[:MAX_QUERY_LENGTH]
        cleaned.messages.append(
            _("Your search was shortened to %(count)s characters.") % {"count": MAX_QUERY_LENGTH}
        )
    terms = WORD.findall(cleaned.text)
    if len(terms) > MAX_TERMS:
        terms = terms[:MAX_TERMS]
        cleaned.messages.append(
            _("Only the first %(count)s words were searched for.") % {"count": MAX_TERMS}
        )
    cleaned.terms = terms
    if cleaned.text and not terms:
        cleaned.messages.append(_("Type at least one letter or digit to search."))
    return cleaned


def type_key(model) -> str:
    return f"{model._meta.app_label}.{model._meta.model_name}"


def taxonomy_field(model, field_name, taxonomy_model):
    """The model's many-to-many field to `taxonomy_model` called `field_name`, if it has one."""
    try:
        model_field = model._meta.get_field(field_name)
    except FieldDoesNotExist:
        return None
    if model_field.many_to_many and model_field.related_model is taxonomy_model:
        return model_field
    return None


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class Facet:
    parameter: str
    label: str
    options: list[FacetOption]


@dataclass
class Result:
    page: Page
    url: str
    type_label: str
    excerpt: str
    terms: dict  # {facet label: [term names]}


class SiteSearch:
    """Everything the search page shows for one request."""

    def __init__(self, request):
        self.request = request
        self.locale = Locale.get_active()
        self.language = self.locale.language_code
        self.backend = backend_for_language(self.language)
        self.query = clean_query(request.GET.get("q", ""))
        self.messages = list(self.query.messages)
        self.page_models = {type_key(model): model for model in get_page_models()}
        self.selected = self._selected_filters()
        self.ran = False
        self.facets: list[Facet] = []
        self.picks = []
        self.results = None
        self.total = 0

    # Input ----------------------------------------------------------------------------------

    def _selected_filters(self):
        requested = {
            parameter: {value for value in self.request.GET.getlist(parameter) if value}
            for parameter in FILTER_PARAMETERS
        }
        known = {TYPE_PARAMETER: set(self.page_models)}
        for parameter, _name, taxonomy in TAXONOMY_FACETS:
            slugs = taxonomy.objects.filter(slug__in=requested[parameter])
            known[parameter] = (
                set(slugs.values_list("slug", flat=True)) if requested[parameter] else set()
            )
        selected, unknown = {}, False
        for parameter in FILTER_PARAMETERS:
            values = requested[parameter]
            unknown |= bool(values - known[parameter])
            selected[parameter] = values & known[parameter]
        if unknown:
            self.messages.append(_("Some filters were not recognised and were left out."))
        return selected

    @property
    def has_filters(self):
        return any(self.selected.values())

    # Search ---------------------------------------------------------------------------------

    def run(self):
        if not self.query.terms:
            if "q" in self.request.GET and not self.messages:
                self.messages.append(_("Type a word to search the site."))
            return self
        self.ran = True
        matches = self._matches()
        page_types = dict(matches)
        page_terms, term_labels = self._taxonomy(page_types)
        self.facets = self._facets(page_types, page_terms, term_labels)
        ordered = [pk for pk, _ in matches if self._passes(pk, page_types, page_terms)]
        first_page = self._page_number() == 1
        if first_page:
            self.picks = self._editors_picks()
        picked = {pick["page"].pk for pick in self.picks if pick["page"] is not None}
        ordered = [pk for pk in ordered if pk not in picked]
        self.total = len(ordered) + len(self.picks)
        self.results = self._paginate(ordered, page_types, page_terms, term_labels)
        if first_page and not self.has_filters:
            self._remember(found=bool(matches) or bool(self.picks))
        return self

    def _base_queryset(self):
        return Page.objects.live().public().filter(locale=self.locale)

    def _matches(self):
        found = self._base_queryset().only("pk", "content_type_id")
        found = found.search(self.query.search_string, backend=self.backend)
        return [(page.pk, page.content_type_id) for page in found[:MAX_MATCHES]]

    def _taxonomy(self, page_types):
        """{page pk: {parameter: {slugs}}} and {parameter: {slug: name}}: a few queries."""
        page_terms = {pk: {} for pk in page_types}
        term_labels = {}
        pks_by_model = {}
        for pk, content_type_id in page_types.items():
            model = ContentType.objects.get_for_id(content_type_id).model_class()
            if model is not None:
                pks_by_model.setdefault(model, []).append(pk)
        for parameter, field_name, taxonomy in TAXONOMY_FACETS:
            models_with_field = [
                (model, taxonomy_field(model, field_name, taxonomy)) for model in pks_by_model
            ]
            models_with_field = [(model, f) for model, f in models_with_field if f is not None]
            if not models_with_field:
                continue
            labels = dict(
                taxonomy.objects.live().filter(locale=self.locale).values_list("slug", "name")
            )
            for model, model_field in models_with_field:
                through = model_field.remote_field.through
                source = model_field.m2m_field_name()
                target = model_field.m2m_reverse_field_name()
                rows = through.objects.filter(
                    **{f"{source}_id__in": pks_by_model[model]}
                ).values_list(f"{source}_id", f"{target}__slug", f"{target}__name")
                for pk, slug, name in rows:
                    page_terms[pk].setdefault(parameter, set()).add(slug)
                    labels.setdefault(slug, name)
            term_labels[parameter] = labels
        return page_terms, term_labels

    def _value_sets(self, pk, page_types, page_terms):
        content_type = ContentType.objects.get_for_id(page_types[pk])
        values = {TYPE_PARAMETER: {f"{content_type.app_label}.{content_type.model}"}}
        values.update(page_terms[pk])
        return values

    def _passes(self, pk, page_types, page_terms, ignoring=None):
        values = self._value_sets(pk, page_types, page_terms)
        for parameter, selected in self.selected.items():
            if parameter == ignoring or not selected:
                continue
            if not selected & values.get(parameter, set()):
                return False
        return True

    def _facets(self, page_types, page_terms, term_labels):
        facet_labels = {
            TYPE_PARAMETER: _("Type of content"),
            "lever": _("Lever"),
            "phase": _("Life-cycle phase"),
            "audience": _("Audience"),
        }
        facets = []
        for parameter in FILTER_PARAMETERS:
            counts = Counter()
            for pk in page_types:
                if self._passes(pk, page_types, page_terms, ignoring=parameter):
                    counts.update(self._value_sets(pk, page_types, page_terms).get(parameter, ()))
            values = set(counts) | self.selected[parameter]
            if not values:
                continue
            options = [
                FacetOption(
                    value=value,
                    label=self._option_label(parameter, value, term_labels),
                    count=counts.get(value, 0),
                    selected=value in self.selected[parameter],
                )
                for value in values
            ]
            options.sort(key=lambda option: (-option.count, fold(option.label)))
            facets.append(Facet(parameter, facet_labels[parameter], options))
        return facets

    def _option_label(self, parameter, value, term_labels):
        if parameter == TYPE_PARAMETER:
            return str(self.page_models[value]._meta.verbose_name).capitalize()
        return term_labels.get(parameter, {}).get(value, value)

    def _editors_picks(self):
        promotions = list(
            SearchPromotion.objects.filter(
                query__query_string=normalise_query_string(self.query.text)
            )
            .select_related("page")
            .order_by("sort_order")
        )
        pages = [promotion.page for promotion in promotions if promotion.page_id]
        localized = iter(localize_pages(pages, self.locale))
        picks = []
        for promotion in promotions:
            if promotion.page_id:
                page = next(localized)
                if not page.live:
                    continue
                picks.append(
                    {
                        "page": page,
                        "title": page.title,
                        "url": page.get_url(request=self.request),
                        "description": promotion.description,
                    }
                )
            elif promotion.external_link_url:
                picks.append(
                    {
                        "page": None,
                        "title": promotion.external_link_text or promotion.external_link_url,
                        "url": promotion.external_link_url,
                        "description": promotion.description,
                    }
                )
        return picks

    def _page_number(self):
        raw = self.request.GET.get("page", "1")
        try:
            return int(raw)
        except (TypeError, ValueError):
            return 1

    def _paginate(self, ordered, page_types, page_terms, term_labels):
        paginator = Paginator(ordered, RESULTS_PER_PAGE)
        raw = self.request.GET.get("page", "1")
        number = self._page_number()
        if str(number) != raw.strip() or number < 1:
            self.messages.append(_("The page number was not valid; here is the first page."))
            number = 1
        elif number > paginator.num_pages:
            self.messages.append(
                _("There are only %(count)s pages of results; here is the last one.")
                % {"count": paginator.num_pages}
            )
            number = paginator.num_pages
        current = paginator.page(number)
        pages = Page.objects.filter(pk__in=current.object_list).specific()
        by_pk = {page.pk: page for page in pages}
        facet_labels = {facet.parameter: facet.label for facet in self.facets}
        current.object_list = [
            self._result(by_pk[pk], page_terms[pk], term_labels, facet_labels)
            for pk in current.object_list
            if pk in by_pk
        ]
        return current

    def _result(self, page, terms, term_labels, facet_labels):
        shown_terms = {}
        for parameter, _field, _taxonomy in TAXONOMY_FACETS:
            slugs = terms.get(parameter)
            if slugs:
                labels = term_labels.get(parameter, {})
                shown_terms[facet_labels.get(parameter, parameter)] = sorted(
                    (labels.get(slug, slug) for slug in slugs), key=fold
                )
        return Result(
            page=page,
            url=page.get_url(request=self.request),
            type_label=str(page._meta.verbose_name).capitalize(),
            excerpt=excerpt(page, self.query.terms),
            terms=shown_terms,
        )

    def _remember(self, found):
        """Count the search for the report; nothing about the visitor is kept."""
        Query.get(self.query.text).add_hit()
        if not found:
            ZeroResultQuery.record(self.query.text, self.language)

    # Links ----------------------------------------------------------------------------------

    def filter_items(self):
        """(parameter, value) pairs of the active filters, to keep them across pages."""
        return [
            (parameter, value)
            for parameter in FILTER_PARAMETERS
            for value in sorted(self.selected[parameter])
        ]
