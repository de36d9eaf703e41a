"""The facts of the search's matches for the kit's facet counts: one query, whatever the matches.

The facts of the matched pages (their type, the slugs of the taxonomy terms they carry, from
the many-to-many table of every page model that has the field, and the languages of the pages
whose model names its files in `search_language_files`: see `_language_tables`) are gathered
in one `UNION ALL`, the `facts` table that the listing kit counts (`core.listing.found_counts`):
each facet counts, per value, the matched pages that pass the filters chosen in the *other*
facets (so a facet still offers its alternatives), and the same query returns the pages that
pass every filter. Plain SQL that PostgreSQL and SQLite both run.
"""

# ruff: noqa: S608 - table and column names come from the models, every value is a parameter

from functools import cache

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db import connection
from wagtail.models import Locale, Page, get_page_models

from core import listing as kit

TYPE_PARAMETER = "type"
LANGUAGE_PARAMETER = "language"
# A page model sets this to the name of its files' relation (a model with a `language` field)
# to be found by the language facet, as the tool sheets are (tools/models.py).
LANGUAGE_FILES_ATTRIBUTE = "search_language_files"


def taxonomy_field(model, field_name, taxonomy_model):
    """The model's many-to-many field to `taxonomy_model` called `field_name`, if it has one."""
    try:
        model_field = model._meta.get_field(field_name)
    except FieldDoesNotExist:
        return None
    if model_field.many_to_many and model_field.related_model is taxonomy_model:
        return model_field
    return None


@cache
def _term_tables(taxonomy_facets):
    """[(parameter, through table, page column, term column, term table)] of every page model."""
    tables = []
    for parameter, field_name, taxonomy in taxonomy_facets:
        for model in get_page_models():
            model_field = taxonomy_field(model, field_name, taxonomy)
            if model_field is None or model_field.model is not model:
                continue
            through = model_field.remote_field.through
            source = through._meta.get_field(model_field.m2m_field_name())
            target = through._meta.get_field(model_field.m2m_reverse_field_name())
            tables.append(
                (
                    parameter,
                    through._meta.db_table,
                    source.column,
                    target.column,
                    taxonomy._meta.db_table,
                )
            )
    return tuple(tables)


@cache
def _language_tables():
    """[(page model table, its page column, files table, files' page column, files' language
    column)] of the page models with a language facet.

    Such a page is in language L when one of its live language versions (same translation
    key) is written in L, not an alias showing another language's text, or when a file of a
    live language version is in L: the tool library counts the same way
    (`tools.listing.in_languages`), so a German alias of a French sheet with a German
    translation elsewhere, or with a German file, is found."""
    tables = []
    for model in get_page_models():
        relation = vars(model).get(LANGUAGE_FILES_ATTRIBUTE)
        if not relation:
            continue
        files = model._meta.get_field(relation)
        tables.append(
            (
                model._meta.db_table,
                model._meta.pk.column,
                files.related_model._meta.db_table,
                files.field.column,
                files.related_model._meta.get_field("language").column,
            )
        )
    return tuple(tables)


def _language_selects():
    quote = connection.ops.quote_name
    page = quote(Page._meta.db_table)
    alias_of = quote(Page._meta.get_field("alias_of").column)
    locale = quote(Locale._meta.db_table)
    selects = []
    for model_table, model_column, files_table, files_column, language in _language_tables():
        matched = (
            f"FROM matched m JOIN {quote(model_table)} s ON s.{quote(model_column)} = m.page_id "
            f"JOIN {page} p ON p.id = m.page_id "
            f"JOIN {page} v ON v.translation_key = p.translation_key AND v.live"
        )
        selects.append(
            f"SELECT m.page_id, '{LANGUAGE_PARAMETER}', loc.language_code {matched} "  # nosec B608
            f"AND v.{alias_of} IS NULL JOIN {locale} loc ON loc.id = v.locale_id"
        )
        selects.append(
            f"SELECT m.page_id, '{LANGUAGE_PARAMETER}', f.{quote(language)} {matched} "  # nosec B608
            f"JOIN {quote(files_table)} f ON f.{quote(files_column)} = v.id "
            f"WHERE f.{quote(language)} <> ''"
        )
    return selects


def _facts_sql(page_ids, taxonomy_facets, *, languages=False):
    """SQL of the `facts` table (item_id: a page id, facet: a parameter, facet_value) for
    `page_ids`, with its parameters; with `languages`, the rows of the language facet too."""
    quote = connection.ops.quote_name
    values = ", ".join(["(%s)"] * len(page_ids))
    params = list(page_ids)
    selects = [
        f"SELECT p.id AS item_id, '{TYPE_PARAMETER}' AS facet, "  # nosec B608
        f"ct.app_label || '.' || ct.model AS facet_value "
        f"FROM matched m JOIN {quote(Page._meta.db_table)} p ON p.id = m.page_id "
        f"JOIN {quote(ContentType._meta.db_table)} ct ON ct.id = p.content_type_id"
    ]
    for parameter, through, page_column, term_column, term_table in _term_tables(taxonomy_facets):
        selects.append(
            f"SELECT t.{quote(page_column)}, '{parameter}', term.slug "  # nosec B608
            f"FROM matched m JOIN {quote(through)} t ON t.{quote(page_column)} = m.page_id "
            f"JOIN {quote(term_table)} term ON term.id = t.{quote(term_column)}"
        )
    if languages:
        selects += _language_selects()
    sql = f"WITH matched(page_id) AS (VALUES {values}), facts AS ({' UNION ALL '.join(selects)})"
    return sql, params


def counts_and_passing(page_ids, selected, taxonomy_facets):
    """({parameter: {value: count}}, {ids of pages passing every filter}) in one query: the
    facts of the matched pages, counted by the listing kit (`core.listing.found_counts`)."""
    if not page_ids:
        return {}, set()
    sql, params = _facts_sql(page_ids, taxonomy_facets, languages=True)
    return kit.found_counts(sql, params, selected)


def terms_of(page_ids, taxonomy_facets):
    """{page id: {parameter: {slugs}}} of a few pages (one query)."""
    terms = {page_id: {} for page_id in page_ids}
    if not page_ids:
        return terms
    sql, params = _facts_sql(page_ids, taxonomy_facets)
    sql += f" SELECT item_id, facet, facet_value FROM facts WHERE facet <> '{TYPE_PARAMETER}'"  # nosec B608
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for page_id, parameter, value in cursor.fetchall():
            terms[page_id].setdefault(parameter, set()).add(value)
    return terms


def published_terms(locale, taxonomy_facets):
    """[(parameter, slug, name)] of the published terms of every taxonomy in `locale`."""
    quote = connection.ops.quote_name
    selects, params = [], []
    for parameter, _field_name, taxonomy in taxonomy_facets:
        selects.append(
            f"SELECT CAST(%s AS VARCHAR(20)), slug, name FROM {quote(taxonomy._meta.db_table)} "  # nosec B608
            "WHERE locale_id = %s AND live"
        )
        params += [parameter, locale.pk]
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(selects), params)
        return cursor.fetchall()
