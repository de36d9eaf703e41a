"""The site search on PostgreSQL: Wagtail's index table queried so that its GIN indexes work.

Wagtail's database backend starts from the pages (`Page.objects...search()`): on a large site
PostgreSQL walks every live page of the locale, joins the index through a text cast and tests
`(title || body) @@ query` row by row. Here the index entries are found first, through the GIN
index on the stored `title || body` tsvectors (`search_indexentry_title_body`, created by
this app's migration 0004: a `Bitmap Index Scan`, see `explain()`), in a materialised
step; only those few rows are joined to their pages by integer id. A query that finds
nothing therefore costs one index probe.

The visitor's words are analysed with the text search configuration of their language
(`sbm_french`, ... : unaccent, then the Snowball stemmer; `search/migrations/0002`). Ranking:
titles count as weight A, summaries (fields boosted 2 or more) B, the rest of the text D
(weights `RANK_WEIGHTS`), and a page whose title matches gets a bonus on top.
"""

from django.db import connection
from modelsearch.conf import get_app_config
from wagtail.models import Page, PageViewRestriction

IndexEntry = get_app_config().get_model("IndexEntry", require_ready=False)

# ts_rank weights of the labels D, C, B, A: body text, -, summaries, titles and sheet numbers.
RANK_WEIGHTS = "{0.2, 0.2, 0.4, 1.0}"
TITLE_BONUS = 1.0


# The search's SQL, with the names of Wagtail's tables filled in from its models (never
# anything a visitor typed: every value is a query parameter).
SEARCH_SQL = """
        WITH hits AS MATERIALIZED (
            SELECT e.object_id::integer AS page_id,
                   MAX(ts_rank(%s::float4[], setweight(e.title, 'A') || e.body, {query_sql})
                       + CASE WHEN e.title @@ ({query_sql}) THEN %s ELSE 0 END) AS score
            FROM {entries} e
            -- "+ 0": the page types cover nearly every entry, so their B-tree index would only
            -- slow the search down; the words, through the GIN index, select the entries.
            WHERE e.content_type_id + 0 = ANY(%s)
              AND (e.title || e.body) @@ ({query_sql})
            GROUP BY e.object_id
        ),
        restricted AS MATERIALIZED (
            SELECT rp.path FROM {restrictions} r JOIN {pages} rp ON rp.id = r.page_id
        )
        SELECT p.id, p.content_type_id
        FROM {pages} p JOIN hits ON hits.page_id = p.id
        -- The pages of the hits only, by primary key, whatever the planner's estimates.
        WHERE p.id = ANY(ARRAY(SELECT page_id FROM hits))
          AND p.live AND p.locale_id = %s {type_condition}
          AND NOT EXISTS (SELECT 1 FROM restricted WHERE p.path LIKE restricted.path || '%%')
        ORDER BY hits.score DESC, p.id
        LIMIT %s
    """
TITLE_SQL = """
            WITH similar_titles AS MATERIALIZED (
                SELECT e.object_id::integer AS page_id, e.title_text,
                       word_similarity(%s, e.title_text) AS similarity
                FROM {entries} e
                WHERE e.content_type_id + 0 = ANY(%s) AND %s <%% e.title_text
            )
            SELECT s.title_text FROM similar_titles s
            JOIN {pages} p ON p.id = s.page_id
            WHERE p.id = ANY(ARRAY(SELECT page_id FROM similar_titles))
              AND p.live AND p.locale_id = %s
            ORDER BY s.similarity DESC
            LIMIT %s
            """


def tsquery(config, groups):
    """SQL and parameters of a tsquery: every group must match, through any of its words."""
    parts, params = [], []
    for alternatives in groups:
        parts.append(
            "(" + " || ".join(["plainto_tsquery(%s::regconfig, %s)"] * len(alternatives)) + ")"
        )
        for word in alternatives:
            params += [config, word]
    return " && ".join(parts), params


def _sql(config, groups, *, locale_id, page_content_types, only_content_types, limit):
    query_sql, query_params = tsquery(config, groups)
    entries = IndexEntry._meta.db_table
    pages = Page._meta.db_table
    restrictions = PageViewRestriction._meta.db_table
    type_condition = "AND p.content_type_id = ANY(%s)" if only_content_types else ""
    # Table names come from the models; every value is a parameter.
    sql = SEARCH_SQL.format(  # nosec B608
        query_sql=query_sql,
        entries=entries,
        pages=pages,
        restrictions=restrictions,
        type_condition=type_condition,
    )
    params = [
        RANK_WEIGHTS,
        *query_params,
        *query_params,
        TITLE_BONUS,
        list(page_content_types),
        *query_params,
        locale_id,
    ]
    if only_content_types:
        params.append(list(only_content_types))
    params.append(limit)
    return sql, params


def matches(config, groups, **options):
    """[(page id, content type id)] of the live, public pages of a locale, best first."""
    sql, params = _sql(config, groups, **options)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [tuple(row) for row in cursor.fetchall()]


def explain(config, groups, **options):
    """PostgreSQL's plan of `matches()` (EXPLAIN ANALYZE), one line per row."""
    sql, params = _sql(config, groups, **options)
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN ANALYZE " + sql, params)
        return [row[0] for row in cursor.fetchall()]


def title_candidates(word, *, locale_id, page_content_types, limit=30):
    """Titles of the locale with a word that looks like `word` (pg_trgm, its trigram index)."""
    entries = IndexEntry._meta.db_table
    pages = Page._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute("SELECT set_config('pg_trgm.word_similarity_threshold', '0.3', false)")
        cursor.execute(
            TITLE_SQL.format(entries=entries, pages=pages),  # nosec B608
            [word, list(page_content_types), word, locale_id, limit],
        )
        return [row[0] for row in cursor.fetchall()]
