"""Wagtail's database search backend, made to understand the site's four languages.

PostgreSQL: every page is analysed with the text search configuration of its own locale
(`sbm_french`, `sbm_german`, `sbm_italian`, `sbm_english`, created by this app's migration:
the language's Snowball stemmer after the `unaccent` dictionary, so "modèle", "modele" and
"modèles" meet). The index table is shared by every locale; the backend alias a query goes to
(`"default"` for French, `"de"`, `"it"`, `"en"`) only decides which configuration analyses
the visitor's words. Aliases other than `"default"` declare `"QUERY_ONLY": True`: they read the
shared index and neither update nor rebuild it.

SQLite (the embedded default): FTS5's `unicode61` tokenizer already folds accents; it has no
stemmer, so every word of a query matches as a prefix, without a final "s" or "x" ("modèle"
and "modèles" both find "modèle" and "modèles"), and titles
weigh more than the body in the BM25 ranking.

Other databases get Wagtail's plain database backend.
"""

from contextlib import contextmanager
from functools import cache

from django.db import connection
from modelsearch.backends.database import SearchBackend as WagtailDatabaseSearchBackend
from modelsearch.query import PlainText

DEFAULT_LANGUAGE_CONFIGS = {
    "fr": "sbm_french",
    "de": "sbm_german",
    "it": "sbm_italian",
    "en": "sbm_english",
}
# Title matches count this many times more than body matches on SQLite (FTS5's bm25()).
SQLITE_TITLE_WEIGHT = 10.0


@cache
def _postgres_backend_class():
    # Imported for the database in use only, as modelsearch's own SearchBackend() does: the
    # PostgreSQL module needs django.contrib.postgres, the SQLite one its FTS5 model.
    from modelsearch.backends.database.postgres.postgres import (  # noqa: PLC0415
        PostgresIndex,
        PostgresSearchBackend,
    )

    class LanguageAwarePostgresIndex(PostgresIndex):
        def add_items(self, model, objs):
            by_config = {}
            for obj in objs:
                by_config.setdefault(self.backend.config_for(obj), []).append(obj)
            for config, group in by_config.items():
                with self.backend.analysing_with(config):
                    super().add_items(model, group)

    class LanguageAwarePostgresSearchBackend(PostgresSearchBackend):
        index_class = LanguageAwarePostgresIndex

        def __init__(self, params):
            super().__init__(params)
            self.language_configs = {
                **DEFAULT_LANGUAGE_CONFIGS,
                **params.get("LANGUAGE_CONFIGS", {}),
            }
            self.config = params.get("SEARCH_CONFIG") or self.language_configs["fr"]
            self.default_config = self.config
            self.autocomplete_config = params.get("AUTOCOMPLETE_CONFIG", "sbm_simple")
            if params.get("QUERY_ONLY"):
                self.rebuilder_class = None

        def config_for(self, obj):
            """The configuration that analyses `obj`: its locale's language, if it has one."""
            locale = getattr(obj, "locale", None)
            if locale is None:
                return self.default_config
            return self.language_configs.get(locale.language_code, self.default_config)

        @contextmanager
        def analysing_with(self, config):
            # A backend instance serves one caller (get_search_backend builds a new one).
            previous, self.config = self.config, config
            try:
                yield
            finally:
                self.config = previous

    return LanguageAwarePostgresSearchBackend


@cache
def _sqlite_backend_class():
    # For the database in use only (see _postgres_backend_class).
    from modelsearch.backends.database.sqlite.query import (  # noqa: PLC0415
        BM25,
        Lexeme,
        SearchQueryExpression,
    )
    from modelsearch.backends.database.sqlite.sqlite import (  # noqa: PLC0415
        SQLiteFTSIndexEntry,
        SQLiteSearchBackend,
        SQLiteSearchQueryCompiler,
        SQLiteSearchResults,
    )

    class TitleWeightedBM25(BM25):
        def as_sql(self, compiler, connection, function=None, template=None):
            # Columns of the FTS table, in order: autocomplete, body, title.
            table = SQLiteFTSIndexEntry._meta.db_table
            return f"bm25({table}, 0.0, 1.0, {SQLITE_TITLE_WEIGHT})", []

    def prefix(term):
        # No stemmer in FTS5: "modèles" searches "modèle*", which finds both forms.
        if len(term) > 3 and term[-1].lower() in "sx":
            term = term[:-1]
        return Lexeme(term, prefix=True)

    class PrefixSearchQueryCompiler(SQLiteSearchQueryCompiler):
        def build_search_query_content(self, query, config=None):
            if not isinstance(query, PlainText):
                return super().build_search_query_content(query, config=config)
            terms = query.query_string.split()
            if not terms:
                return None
            lexemes = prefix(terms[0])
            for term in terms[1:]:
                if query.operator.upper() == "AND":
                    lexemes &= prefix(term)
                else:
                    lexemes |= prefix(term)
            return SearchQueryExpression(lexemes, config=config)

        def build_tsrank(self, vector, query, config=None, boost=1.0):
            rank = super().build_tsrank(vector, query, config=config, boost=boost)
            if isinstance(rank, BM25):
                return TitleWeightedBM25()
            return rank

    class PrefixSQLiteSearchBackend(SQLiteSearchBackend):
        query_compiler_class = PrefixSearchQueryCompiler
        results_class = SQLiteSearchResults

        def __init__(self, params):
            super().__init__(params)
            if params.get("QUERY_ONLY"):
                self.rebuilder_class = None

    return PrefixSQLiteSearchBackend


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks up in a backend module
    if connection.vendor == "postgresql":
        return _postgres_backend_class()(params)
    backend = WagtailDatabaseSearchBackend(params)
    if type(backend).__name__ == "SQLiteSearchBackend":  # FTS5 is available
        return _sqlite_backend_class()(params)
    return backend
