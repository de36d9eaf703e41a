"""Backend configuration: one analysis per language, for the database and Elasticsearch."""

from search.backends import backend_for_language
from search.backends.config import search_backends
from search.highlight import find_terms, highlight


def test_postgresql_has_a_query_alias_per_language_sharing_the_default_index():
    backends = search_backends(database_engine="django.db.backends.postgresql")
    assert backends["default"]["SEARCH_CONFIG"] == "sbm_french"
    for code, config in (("de", "sbm_german"), ("it", "sbm_italian"), ("en", "sbm_english")):
        assert backends[code]["SEARCH_CONFIG"] == config
        assert backends[code]["QUERY_ONLY"] is True
        assert backends[code]["AUTO_UPDATE"] is False


def test_sqlite_has_a_single_backend():
    assert list(search_backends(database_engine="django.db.backends.sqlite3")) == ["default"]


def test_elasticsearch_has_one_index_per_language_with_its_analyser():
    backends = search_backends(
        database_engine="django.db.backends.postgresql",
        elasticsearch_url="http://127.0.0.1:9200",
        index_prefix="sbm_",
    )
    assert sorted(backends) == ["de", "default", "en", "it"]
    assert backends["default"]["INDEX_PREFIX"] == "sbm_fr_"
    german = backends["de"]["INDEX_SETTINGS"]["settings"]["analysis"]
    assert german["filter"]["de_stemmer"] == {"type": "stemmer", "language": "light_german"}
    assert german["analyzer"]["default"]["filter"] == ["lowercase", "asciifolding", "de_stemmer"]
    french = backends["default"]["INDEX_SETTINGS"]["settings"]["analysis"]
    assert "fr_elision" in french["analyzer"]["default"]["filter"]


def test_a_language_without_an_alias_uses_the_default_backend(settings):
    settings.WAGTAILSEARCH_BACKENDS = {"default": {}, "de": {}}
    assert backend_for_language("de") == "de"
    assert backend_for_language("it") == "default"


def test_highlighting_finds_words_by_prefix_whatever_their_case_and_accents():
    text = "Un Modèle, des modeles et des MODÈLES ; pas un remodelage."
    assert [text[s:e] for s, e in find_terms(text, ["modele"])] == [
        "Modèle",
        "modeles",
        "MODÈLES",
    ]


def test_highlighting_escapes_the_text_and_cuts_long_text_around_the_first_match():
    long_text = "mot " * 200 + "R&D trouvée " + "suite " * 200
    excerpt = highlight(long_text, ["trouvee"], length=80)
    assert excerpt.startswith("…") and excerpt.endswith("…")
    assert "R&amp;D <mark>trouvée</mark>" in excerpt
    assert len(excerpt) < 140
