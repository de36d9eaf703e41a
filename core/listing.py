"""The faceted-listing kit: what every filterable page (tools, events, providers, search, guides)
does the same way, written once (issue 22).

A listing goes through the same steps, each a function here:

1. read its filters from the query string: `read_choices` for a group of checkboxes (several
   values add up), `read_choice` for a <select>; unknown values are dropped, with a notice for
   the visitor where the listing shows notices (a listing that must refuse a forged value, such
   as the tool library's language, raises `BadRequest` itself);
2. filter its queryset (its own code: the domain knows its fields);
3. count each facet's options in one query, `union_counts` (a UNION ALL of grouped counts),
   kept until the next publication by `published_counts` for a listing whose counts depend on
   published pages only (not on the clock nor on visitors' actions);
   a listing of what a search backend found, across page types, counts over the facts of the
   found items instead (`found_counts`), and gets the items that pass its filters in the same
   query;
4. sort (its own code) and paginate, `paginate`, forgiving a bad page number with a notice;
5. write its links: `query_string`, and `pagination` for the pages.

Facets are `Facet`s of `Option`s. Templates, in `core/templates/includes/`:
`filter_form.html` (the filter panel of every listing: count, form, submit and clear),
`facet_group.html` (a group of checkboxes), `facet_select.html` (a <select>, with counts where
options have them) and `pagination.html` (numbered pages with previous and next links).
docs/architecture.md, "Listings", shows a listing built on it.
"""

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.core.paginator import EmptyPage, Page, PageNotAnInteger, Paginator
from django.db import connection
from django.db.models import Aggregate, QuerySet, Value
from django.utils.translation import gettext_lazy as _

from core.cache import CHROME, PAGES, cached

NOT_RECOGNISED = _("Some filters were not recognised and were ignored.")
INVALID_PAGE = _("This page number is not valid; here is the first page.")
NO_SUCH_PAGE = _("There is no such page; here is the last page.")


@dataclass
class Option:
    """One value of a facet: what the URL carries, what the visitor reads, how many results
    ticking it would give, whether it is ticked; `lang` when the label is in another language
    (a language's own name)."""

    value: str
    label: str
    count: int | None = None
    checked: bool = False
    lang: str = ""

    @property
    def selected(self) -> bool:
        return self.checked


@dataclass
class Facet:
    """One group of options: its URL parameter, its legend, its options and chosen values;
    `all_label` names the empty choice of a facet shown as a <select>."""

    param: str
    legend: str
    options: list[Option] = field(default_factory=list)
    selected: list = field(default_factory=list)
    all_label: str = ""


def note(notices: list, notice) -> None:
    """Add `notice` once: the same problem in several parameters is said once."""
    if notice not in notices:
        notices.append(notice)


def read_choices(query, param: str, allowed, notices: list | None = None) -> list[str]:
    """The known values of a multi-valued parameter, in the visitor's order, without repeats.

    Unknown values are dropped; `notices`, when given, receives `NOT_RECOGNISED` once."""
    values = [value for value in dict.fromkeys(query.getlist(param)) if value]
    if notices is not None and any(value not in allowed for value in values):
        note(notices, NOT_RECOGNISED)
    return [value for value in values if value in allowed]


def read_choice(query, param: str, allowed, notices: list | None = None) -> str:
    """The value of a single-valued parameter (a <select>) if it is known, else "".

    `notices`, when given, receives `NOT_RECOGNISED` once for an unknown (not empty) value."""
    value = query.get(param, "").strip()
    if value in allowed:
        return value
    if value and notices is not None:
        note(notices, NOT_RECOGNISED)
    return ""


def union_counts(groups: Iterable[tuple[str, QuerySet, Aggregate]]) -> dict[str, dict]:
    """{facet: {option: count}} for every facet in one query.

    `groups`: (facet, queryset giving an `option` column through `.values(option=...)`, the
    count to make of each option). Several groups may fill the same facet."""
    groups = list(groups)
    parts = [
        queryset.annotate(facet=Value(position), total=count).values("facet", "option", "total")
        for position, (_facet, queryset, count) in enumerate(groups)
    ]
    counts = {facet: {} for facet, _queryset, _count in groups}
    for row in parts[0].union(*parts[1:], all=True):
        counts[groups[row["facet"]][0]][row["option"]] = row["total"]
    return counts


# How long a selection's counts are kept when nothing is published meanwhile: selections are
# many (every combination of ticks), and an unused one should not stay in the cache for a day.
COUNTS_SECONDS = 60 * 60


def selection_key(filters: dict[str, list]) -> str:
    """A short key naming a selection of filters, the same whatever the order of the ticks."""
    selection = sorted((param, sorted(map(str, values))) for param, values in filters.items())
    return hashlib.sha256(repr(selection).encode()).hexdigest()[:32]


def published_counts(listing: str, filters: dict[str, list], groups) -> dict[str, dict]:
    """`union_counts(groups())`, computed once per selection of `filters` in `listing` (a name
    with the index page's id) until the next publication, move or view restriction (`PAGES`).

    For a listing whose counts depend only on what is published: a visitor who ticks what
    others ticked before pays no count query, and at a thousand tools the counts are the
    costliest query of the page (about 70 ms of PostgreSQL time)."""
    return cached(
        (PAGES,),
        f"facet-counts:{listing}:{selection_key(filters)}",
        lambda: union_counts(groups()),
        timeout=COUNTS_SECONDS,
    )


def page_number(number) -> int:
    """The page number a listing shows for the `page` parameter `number`: 1 for one that is
    not a page number (missing, not an integer, below 1); one past the end is left to
    `paginate`."""
    try:
        return max(int(str(number).strip()), 1) if number else 1
    except ValueError:
        return 1


PASSES = "__passes__"


def found_counts(facts_sql: str, params: list, selected: dict) -> tuple[dict[str, dict], set]:
    """({facet: {option: count}}, {ids of the items passing every filter}) in one query, over
    the facts of a set of found items (the ids a search backend returned, of any model).

    `facts_sql` (with `params`) is a WITH clause whose last table is
    `facts(item_id, facet, facet_value)`: one row per item and option it has. `selected` is
    {facet: values chosen}. As `union_counts` does, an option's count is the number of items
    that pass the filters chosen in the *other* facets (a facet still offers its alternatives).
    Plain SQL that PostgreSQL and SQLite both run."""
    params = list(params)
    chosen = {facet: sorted(values) for facet, values in selected.items() if values}
    flags = []
    for index, (facet, values) in enumerate(chosen.items()):
        placeholders = ", ".join(["%s"] * len(values))
        flags.append(
            f"MAX(CASE WHEN facet = %s AND facet_value IN ({placeholders}) THEN 1 ELSE 0 END) "
            f"AS ok_{index}"
        )
        params += [facet, *values]
    flag_columns = ", ".join(flags) if flags else "1 AS ok_all"
    # Only placeholders and the facet flags' own names are written in: every value is a
    # parameter, and `facts_sql` is the caller's own SQL.
    sql = f"{facts_sql}, passes AS (SELECT item_id, {flag_columns} FROM facts GROUP BY item_id) "  # noqa: S608  # nosec B608
    conditions = []
    for index, facet in enumerate(chosen):
        conditions.append(f"(f.facet = %s OR s.ok_{index} = 1)")
        params.append(facet)
    where = " AND ".join(conditions) or "1 = 1"
    every_filter = " AND ".join(f"ok_{index} = 1" for index in range(len(chosen))) or "1 = 1"
    sql += (
        "SELECT f.facet, f.facet_value, COUNT(DISTINCT f.item_id) "  # noqa: S608  # nosec B608
        "FROM facts f JOIN passes s ON s.item_id = f.item_id "
        f"WHERE {where} GROUP BY f.facet, f.facet_value "
        f"UNION ALL SELECT '{PASSES}', CAST(item_id AS VARCHAR(20)), 1 FROM passes "
        f"WHERE {every_filter}"
    )
    counts, passing = {}, set()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for facet, value, count in cursor.fetchall():
            if facet == PASSES:
                passing.add(int(value))
            else:
                counts.setdefault(facet, {})[value] = count
    return counts, passing


def paginate(items, per_page: int, number, notices: list | None = None) -> Page:
    """The page `number` of `items`. A number that is not one (not an integer, below 1) gives
    the first page, one past the end the last page; `notices`, when given, says so to the
    visitor."""
    paginator = Paginator(items, per_page)
    try:
        return paginator.page(number or 1)
    except PageNotAnInteger:
        problem, page = INVALID_PAGE, paginator.page(1)
    except EmptyPage:
        if page_number(number) == 1:  # below the first page
            problem, page = INVALID_PAGE, paginator.page(1)
        else:
            problem, page = NO_SUCH_PAGE, paginator.page(paginator.num_pages)
    if notices is not None:
        notices.append(problem)
    return page


# The highest page number whose page is kept: beyond it (a crawler counting pages), pages are
# computed for each request rather than filling the cache.
KEPT_PAGES = 100


def published_page(listing: str, selection: str, number, compute) -> tuple[Page, list, list]:
    """(page, its items, notices) of a listing whose order and items depend only on what is
    published, kept until the next publication or snippet change (`PAGES`, `CHROME`).

    `selection` names the filters and the order; `compute(number, notices)` gives the page and
    its items as the listing shows them (decorated: names, pictures). The page kept is a
    stand-in over the results' count, for the pagination's numbers and links."""
    raw = str(number or "1")
    if not raw.isdigit() or not 1 <= int(raw) <= KEPT_PAGES:
        notices = []
        page, items = compute(number, notices)
        return page, items, notices

    def computed():
        notices = []
        page, items = compute(number, notices)
        return {
            "number": page.number,
            "count": page.paginator.count,
            "per_page": page.paginator.per_page,
            "items": items,
            "notices": notices,
        }

    kept = cached(
        (PAGES, CHROME),
        f"listing-page:{listing}:{selection}:{int(raw)}",
        computed,
        timeout=COUNTS_SECONDS,
    )
    page = Paginator(range(kept["count"]), kept["per_page"]).page(kept["number"])
    return page, kept["items"], list(kept["notices"])


def query_string(params: Iterable[tuple[str, object]], **changes) -> str:
    """`params` ((name, value) pairs) with `changes`: a value replaces every value of its
    parameter, None or "" removes the parameter."""
    params = list(params)
    for name, value in changes.items():
        params = [(key, current) for key, current in params if key != name]
        if value:
            params.append((name, value))
    return urlencode(params)


def filter_params(filters: dict[str, list]) -> list[tuple[str, object]]:
    """{parameter: [values]} as (name, value) pairs for `query_string`."""
    return [(param, value) for param, values in filters.items() for value in values]


def page_query(params, number: int) -> str:
    """The query string of page `number`; the first page carries no page parameter."""
    return query_string(params, page=number if number > 1 else None)


def page_links(page: Page, params) -> list[tuple[int | None, str]]:
    """(number, query string) of the pages around the current one, (None, "") for a gap."""
    return [
        (None, "") if number == Paginator.ELLIPSIS else (number, page_query(params, number))
        for number in page.paginator.get_elided_page_range(page.number, on_each_side=2)
    ]


@dataclass
class Pagination:
    """What `includes/pagination.html` shows: numbered links (a number of None is a gap), the
    current number, the query strings of the previous and next pages (None at either end)."""

    links: list[tuple[int | None, str]]
    current: int
    previous: str | None = None
    next: str | None = None


def pagination(page: Page, params) -> Pagination | None:
    """The links of a listing's pages, keeping `params` ((name, value) pairs); None when there
    is only one page."""
    if page.paginator.num_pages < 2:
        return None
    return Pagination(
        links=page_links(page, params),
        current=page.number,
        previous=page_query(params, page.previous_page_number()) if page.has_previous() else None,
        next=page_query(params, page.next_page_number()) if page.has_next() else None,
    )


class Listing:
    """What the template of a filtered, paginated listing reads. A listing sets `page` (the
    `Page` shown) and `filters` ({parameter: [values]}), and overrides `params` when its links
    keep more than its filters (a sort order, a tab)."""

    page: Page
    filters: dict[str, list]

    @property
    def total(self) -> int:
        return self.page.paginator.count

    @property
    def is_filtered(self) -> bool:
        return any(self.filters.values())

    def params(self) -> list[tuple[str, object]]:
        """The (name, value) pairs that the links of the listing keep."""
        return [*filter_params(self.filters), *self.kept_params()]

    def kept_params(self) -> list[tuple[str, object]]:
        """The (name, value) pairs besides the filters that the filter form keeps (a tab):
        its hidden fields, kept by its link that clears the filters."""
        return []

    @property
    def clear_query(self) -> str:
        """The query string of the link that clears the filters."""
        return query_string(self.kept_params())

    @property
    def pagination(self) -> Pagination | None:
        return pagination(self.page, self.params())
