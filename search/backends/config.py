"""WAGTAILSEARCH_BACKENDS for the site, built from the environment by the settings.

Imported by `sbm_site/settings/base.py`: nothing here may import Django models.

- No ELASTICSEARCH_URL: Wagtail's database backend (`search.backends.database`). On
  PostgreSQL, `"default"` analyses French and query-only aliases `"de"`, `"it"`, `"en"` analyse
  the visitor's words in their language against the shared, per-locale analysed index.
- ELASTICSEARCH_URL: one Elasticsearch 8 backend per language, each with its own indexes
  (`<prefix>fr_`, `<prefix>de_`, ...) whose default analyser folds accents and stems in that
  language. Each holds every page; a query goes to the alias of the visitor's language.
"""

LANGUAGES = {
    # language code: (PostgreSQL text search configuration, Elasticsearch stemmer)
    "fr": ("sbm_french", "light_french"),
    "de": ("sbm_german", "light_german"),
    "it": ("sbm_italian", "light_italian"),
    "en": ("sbm_english", "light_english"),
}
ELISIONS = {"fr": ["l", "d", "j", "m", "n", "s", "t", "c", "qu"], "it": ["l", "dell", "all", "un"]}


def _alias(language_code):
    return "default" if language_code == "fr" else language_code


def elasticsearch_index_settings(language_code):
    """An index whose default analyser suits `language_code` (accents folded, light stemming)."""
    _, stemmer = LANGUAGES[language_code]
    filters = {f"{language_code}_stemmer": {"type": "stemmer", "language": stemmer}}
    chain = ["lowercase"]
    if language_code in ELISIONS:
        filters[f"{language_code}_elision"] = {
            "type": "elision",
            "articles": ELISIONS[language_code],
            "articles_case": True,
        }
        chain.append(f"{language_code}_elision")
    chain += ["asciifolding", f"{language_code}_stemmer"]
    return {
        "settings": {
            "analysis": {
                "filter": filters,
                "analyzer": {
                    "default": {"type": "custom", "tokenizer": "standard", "filter": chain}
                },
            }
        }
    }


def search_backends(*, database_engine, elasticsearch_url="", index_prefix="sbm_"):
    if elasticsearch_url:
        return {
            _alias(code): {
                "BACKEND": "wagtail.search.backends.elasticsearch8",
                "URLS": [elasticsearch_url],
                "INDEX_PREFIX": f"{index_prefix}{code}_",
                "TIMEOUT": 10,
                "OPTIONS": {},
                "INDEX_SETTINGS": elasticsearch_index_settings(code),
            }
            for code in LANGUAGES
        }
    backends = {"default": {"BACKEND": "search.backends.database", "SEARCH_CONFIG": "sbm_french"}}
    if "postgresql" in database_engine:
        for code, (config, _) in LANGUAGES.items():
            if code != "fr":
                backends[code] = {
                    "BACKEND": "search.backends.database",
                    "SEARCH_CONFIG": config,
                    "AUTO_UPDATE": False,
                    "QUERY_ONLY": True,
                }
    return backends
