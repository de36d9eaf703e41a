"""The site search: matches from every page type, facets with counts, editors' picks.

Every live, public page of the visitor's locale is searched at once, so page types added later
join without change. The best `MAX_MATCHES` pages come back in order of relevance: on
PostgreSQL from the index table through its GIN index (`search.postgres`), elsewhere (SQLite,
Elasticsearch) through the backend's `.search()`. The visitor's words are widened with the
editors' synonyms, a word naming a page type puts that type first, and a search that finds
nothing is tried again with the spelling corrected, then with any of the words (`search.words`).
Facets, their counts, the notices and the pages are the listing kit's (`core.listing`): the
counts and filters are one SQL query over the facts of the matches (`search.facets`,
`core.listing.found_counts`). The whole answer is cached for
the search generation (`search.generation`): a publication makes every cached answer stale.
"""

import hashlib
import re
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.utils.translation import gettext as _
from modelsearch.backends.database.postgres.postgres import PostgresSearchBackend
from modelsearch.query import And, Or, PlainText
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page, get_page_models
from wagtail.search.backends import get_search_backend
from wagtail.search.utils import normalise_query_string

from core import listing as kit
from core.cache import CHROME, PAGES, cached
from core.i18n_pages import localize_pages
from core.site_data import active_locale
from taxonomy.models import Audience, Lever, Phase

from . import facets, generation, postgres, words
from .backends import backend_for_language
from .facets import LANGUAGE_PARAMETER, TYPE_PARAMETER
from .highlight import excerpt, fold
from .tasks import record_search
from .words import VOCABULARY

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
FILTER_PARAMETERS = (
    TYPE_PARAMETER,
    *(parameter for parameter, _, _ in TAXONOMY_FACETS),
    LANGUAGE_PARAMETER,
)
# The language facet's options: the site's languages, each named in its own language.
LANGUAGES = dict(settings.WAGTAIL_CONTENT_LANGUAGES)
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
        self.locale = active_locale()
        self.language = self.locale.language_code
        self.backend = backend_for_language(self.language)
        self.query = clean_query(request.GET.get("q", ""))
        self.messages = list(self.query.messages)
        self.page_models = {type_key(model): model for model in get_page_models()}
        self.selected = self._selected_filters()
        self.ran = False
        self.facets: list[kit.Facet] = []
        self.picks = []
        self.results = None
        self.total = 0
        self.correction = None

    # Input ----------------------------------------------------------------------------------

    def _selected_filters(self):
        query = self.request.GET
        known = {TYPE_PARAMETER: set(self.page_models), LANGUAGE_PARAMETER: set(LANGUAGES)}
        for parameter, _name, taxonomy in TAXONOMY_FACETS:
            # Only the slugs asked for are looked up: no query without a filter.
            requested = [value for value in query.getlist(parameter) if value]
            slugs = taxonomy.objects.filter(slug__in=requested)
            known[parameter] = set(slugs.values_list("slug", flat=True)) if requested else set()
        return {
            parameter: set(kit.read_choices(query, parameter, known[parameter], self.messages))
            for parameter in FILTER_PARAMETERS
        }

    @property
    def is_filtered(self):
        return any(self.selected.values())

    # Search ---------------------------------------------------------------------------------

    def run(self):
        if not self.query.terms:
            if "q" in self.request.GET and not self.messages:
                self.messages.append(_("Type a word to search the site."))
            return self
        self.ran = True
        answer = self._answer()
        matches = answer["matches"]
        self.correction = answer["correction"]
        if self.correction:
            self.messages.append(
                _('"%(typed)s" found nothing. Did you mean "%(corrected)s"? Its results follow.')
                % {"typed": self.query.text, "corrected": self.correction}
            )
        if answer["any_word"]:
            self.messages.append(
                _("No page contains all your words; here are the pages with some of them.")
            )
        term_labels = answer["term_labels"]
        self.facets = self._facets(answer["counts"], term_labels)
        passing = set(answer["passing"])
        ordered = [pk for pk, _ in matches if pk in passing]
        first_page = kit.page_number(self.request.GET.get("page")) == 1
        if first_page:
            self.picks = self._editors_picks()
        picked = {pick["page"].pk for pick in self.picks if pick["page"] is not None}
        ordered = [pk for pk in ordered if pk not in picked]
        self.total = len(ordered) + len(self.picks)
        self.results = self._paginate(ordered, term_labels)
        if first_page and not self.is_filtered:
            self._remember(found=bool(matches) or bool(self.picks))
        return self

    def _answer(self):
        """Matches, facet counts and labels: cached for the search generation."""
        key = generation.cache_key(
            "results",
            self.language,
            self.query.terms,
            sorted((parameter, sorted(values)) for parameter, values in self.selected.items()),
        )
        answer = generation.cached(key)
        if answer is None:
            answer = self._compute()
            generation.remember(key, answer)
        return answer

    def _compute(self):
        terms = self.query.terms
        correction, any_word = None, False
        matches = self._matches(terms)
        if not matches:
            fixed = words.corrected(terms, self.locale, self._page_content_type_ids())
            if fixed:
                matches = self._matches(fixed)
                if matches:
                    correction = " ".join(fixed)
                    terms = fixed
        if not matches and len(terms) > 1:
            matches = self._matches(terms, any_word=True)
            any_word = bool(matches)
        counts, passing = facets.counts_and_passing(
            [pk for pk, _ in matches], self.selected, TAXONOMY_FACETS
        )
        return {
            "matches": matches,
            "correction": correction,
            "any_word": any_word,
            "counts": counts,
            "passing": sorted(passing),
            "term_labels": self._term_labels() if matches else {},
        }

    def _base_queryset(self):
        return Page.objects.live().public().filter(locale=self.locale)

    def _page_content_type_ids(self):
        return [
            ContentType.objects.get_for_model(model, for_concrete_model=False).pk
            for model in self.page_models.values()
        ]

    def _matches(self, terms, any_word=False):
        """[(page pk, content type id)]: best first, the pages of a type the words name first."""
        expanded = words.expand(terms, self.locale)
        named, by_own_name, other_terms = words.named_page_types(terms, self.language)
        groups = expanded
        other_groups = [
            group for group, term in zip(expanded, terms, strict=True) if term in other_terms
        ]
        if any_word:
            groups = [[word for group in expanded for word in group]]
            other_groups = (
                [[word for group in other_groups for word in group]] if other_groups else []
            )
        found = self._text_matches(groups)
        if not named:
            return found
        type_ids = {
            ContentType.objects.get_for_model(self.page_models[key], for_concrete_model=False).pk
            for key in named
            if key in self.page_models
        }
        first = [match for match in found if match[1] in type_ids]
        if by_own_name:
            if other_groups:
                typed = self._text_matches(other_groups, only_content_types=type_ids)
            else:
                typed = list(
                    self._base_queryset()
                    .filter(content_type_id__in=type_ids)
                    .order_by("title")
                    .values_list("pk", "content_type_id")[:MAX_MATCHES]
                )
            seen = {pk for pk, _ in first}
            first += [match for match in typed if match[0] not in seen]
        seen = {pk for pk, _ in first}
        return (first + [match for match in found if match[0] not in seen])[:MAX_MATCHES]

    def _text_matches(self, groups, only_content_types=()):
        backend = get_search_backend(self.backend)
        if connection.vendor == "postgresql" and isinstance(backend, PostgresSearchBackend):
            return postgres.matches(
                backend.config,
                groups,
                locale_id=self.locale.pk,
                page_content_types=self._page_content_type_ids(),
                only_content_types=sorted(only_content_types),
                limit=MAX_MATCHES,
            )
        found = self._base_queryset().only("pk", "content_type_id")
        if only_content_types:
            found = found.filter(content_type_id__in=only_content_types)
        query = And([Or([PlainText(word) for word in group]) for group in groups])
        found = found.search(query, backend=self.backend)
        return [(page.pk, page.content_type_id) for page in found[:MAX_MATCHES]]

    def _term_labels(self):
        """{parameter: {slug: name}} of the published terms of the locale: one query, kept
        until a term changes (the taxonomy is a snippet: CHROME)."""

        def compute():
            labels = {parameter: {} for parameter, _name, _taxonomy in TAXONOMY_FACETS}
            for parameter, slug, name in facets.published_terms(self.locale, TAXONOMY_FACETS):
                labels[parameter][slug] = name
            return labels

        return cached((CHROME,), f"search-term-labels:{self.locale.pk}", compute)

    def _facets(self, counts, term_labels):
        facet_labels = {
            TYPE_PARAMETER: _("Type of content"),
            "lever": _("Lever"),
            "phase": _("Life-cycle phase"),
            "audience": _("Audience"),
            LANGUAGE_PARAMETER: _("Sheet or files in"),
        }
        result = []
        for parameter in FILTER_PARAMETERS:
            values = set(counts.get(parameter, {})) | self.selected[parameter]
            if parameter == TYPE_PARAMETER:
                values &= set(self.page_models)
            if not values:
                continue
            if parameter == LANGUAGE_PARAMETER:
                result.append(self._language_facet(counts.get(parameter, {}), facet_labels))
                continue
            options = [
                kit.Option(
                    value=value,
                    label=self._option_label(parameter, value, term_labels),
                    count=counts.get(parameter, {}).get(value, 0),
                    checked=value in self.selected[parameter],
                )
                for value in values
            ]
            options.sort(key=lambda option: (-option.count, fold(option.label)))
            result.append(
                kit.Facet(
                    parameter,
                    facet_labels[parameter],
                    options,
                    selected=sorted(self.selected[parameter]),
                )
            )
        return result

    def _language_facet(self, counts, facet_labels):
        """Every site language in the site's order, as in the tool library, once a result
        has a sheet or a file in one of them (only tool sheets have)."""
        options = [
            kit.Option(
                value=code,
                label=name,
                count=counts.get(code, 0),
                checked=code in self.selected[LANGUAGE_PARAMETER],
                lang=code,
            )
            for code, name in LANGUAGES.items()
        ]
        return kit.Facet(
            LANGUAGE_PARAMETER,
            facet_labels[LANGUAGE_PARAMETER],
            options,
            selected=sorted(self.selected[LANGUAGE_PARAMETER]),
        )

    def _option_label(self, parameter, value, term_labels):
        if parameter == TYPE_PARAMETER:
            return str(self.page_models[value]._meta.verbose_name).capitalize()
        return term_labels.get(parameter, {}).get(value, value)

    def _editors_picks(self):
        """The editors' picks for the words, kept until a promotion or a page changes."""
        words = normalise_query_string(self.query.text)
        digest = hashlib.sha256(f"{self.request.get_host()} {words}".encode()).hexdigest()
        return cached(
            (VOCABULARY, PAGES),
            f"search-picks:{self.language}:{digest}",
            self._compute_editors_picks,
        )

    def _compute_editors_picks(self):
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

    def _paginate(self, ordered, term_labels):
        current = kit.paginate(
            ordered, RESULTS_PER_PAGE, self.request.GET.get("page"), self.messages
        )
        by_pk, page_terms = self._pages_and_terms(list(current.object_list))
        facet_labels = {facet.param: facet.legend for facet in self.facets}
        current.object_list = [
            self._result(by_pk[pk], page_terms[pk], term_labels, facet_labels)
            for pk in current.object_list
            if pk in by_pk
        ]
        return current

    def _pages_and_terms(self, page_ids):
        """The result pages (specific) and their terms' slugs: cached for the search
        generation, as the matches are (a publication makes both stale)."""
        key = generation.cache_key("result-pages", self.language, self.request.get_host(), page_ids)
        found = generation.cached(key)
        if found is None:
            pages = Page.objects.filter(pk__in=page_ids).specific()
            found = (
                {page.pk: page for page in pages},
                facets.terms_of(page_ids, TAXONOMY_FACETS),
            )
            generation.remember(key, found)
        return found

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
        """Count the search for the report, in the background once the answer is committed."""
        text, language = self.query.text, self.language
        transaction.on_commit(lambda: record_search.enqueue(text, language, found))

    # Links ----------------------------------------------------------------------------------

    def filter_items(self):
        """(parameter, value) pairs of the active filters, to keep them across pages."""
        return [
            (parameter, value)
            for parameter in FILTER_PARAMETERS
            for value in sorted(self.selected[parameter])
        ]

    def kept_params(self):
        """The words searched for: the filter form keeps them, and so does its link that
        clears the filters."""
        return [("q", self.query.text)]

    @property
    def clear_query(self):
        return kit.query_string(self.kept_params())

    @property
    def pagination(self):
        """The links to the other pages of results, keeping the words and the filters."""
        if self.results is None:
            return None
        return kit.pagination(self.results, [*self.kept_params(), *self.filter_items()])
