"""PostgreSQL only: one text search configuration per language that ignores accents.

`sbm_french` (and German, Italian, English) = the language's Snowball stemmer after the
`unaccent` dictionary, so that "modèle", "modele" and "modèles" share one lexeme. The
`unaccent` extension ships with PostgreSQL (contrib) and is "trusted" since PostgreSQL 13: the
database owner may create it. Other databases skip this migration.
"""

from django.db import migrations

CONFIGURATIONS = {
    "sbm_french": "french",
    "sbm_german": "german",
    "sbm_italian": "italian",
    "sbm_english": "english",
    # Autocomplete: no stemming (a prefix is not a word), accents still ignored.
    "sbm_simple": "simple",
}
DICTIONARIES = {
    "french": "french_stem",
    "german": "german_stem",
    "italian": "italian_stem",
    "english": "english_stem",
    "simple": "simple",
}
WORD_TOKENS = "asciiword, asciihword, hword_asciipart, word, hword, hword_part"


def create_configurations(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
    for name, language in CONFIGURATIONS.items():
        schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}")
        schema_editor.execute(f"CREATE TEXT SEARCH CONFIGURATION {name} (COPY = {language})")
        schema_editor.execute(
            f"ALTER TEXT SEARCH CONFIGURATION {name} "
            f"ALTER MAPPING FOR {WORD_TOKENS} WITH unaccent, {DICTIONARIES[language]}"
        )


def drop_configurations(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in CONFIGURATIONS:
        schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(create_configurations, drop_configurations)]
