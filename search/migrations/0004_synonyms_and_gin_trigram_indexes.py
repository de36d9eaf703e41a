"""Synonyms kept by editors; on PostgreSQL, the indexes the site search uses.

- `pg_trgm` (trusted since PostgreSQL 13, like `unaccent` in 0002) and a trigram GIN index on
  the plain titles of Wagtail's index table: "did you mean" candidates (`search.postgres`).
- A GIN index on `title || body`, the very expression the search filters on, so that PostgreSQL
  finds the matching index entries with a `Bitmap Index Scan` instead of testing every row.
Other databases skip both.
"""

import uuid

import django.db.models.deletion
from django.db import migrations, models

INDEXES = {
    "search_indexentry_title_body": "USING gin ((title || body))",
    "search_indexentry_title_text_trgm": "USING gin (title_text gin_trgm_ops)",
}


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, definition in INDEXES.items():
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON wagtailsearch_indexentry {definition}"
        )


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0003_alter_zeroresultquery_date_and_more"),
        ("wagtailsearch", "0010_add_text_fields"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.CreateModel(
            name="SearchSynonym",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("translation_key", models.UUIDField(default=uuid.uuid4, editable=False)),
                (
                    "word",
                    models.CharField(
                        help_text='A word visitors type in the search box, e.g. "canvas" or a frequent misspelling such as "budjet". Capitals and accents do not matter.',
                        max_length=100,
                        verbose_name="word typed",
                    ),
                ),
                (
                    "synonyms",
                    models.CharField(
                        help_text='The words the search also looks for, separated by commas, e.g. "canevas, business model".',
                        max_length=500,
                        verbose_name="words searched as well",
                    ),
                ),
                (
                    "locale",
                    models.ForeignKey(
                        editable=False,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="wagtailcore.locale",
                        verbose_name="locale",
                    ),
                ),
            ],
            options={
                "verbose_name": "search synonym",
                "verbose_name_plural": "search synonyms",
                "ordering": ["word"],
                "abstract": False,
                "unique_together": {("translation_key", "locale")},
            },
        ),
        migrations.RunPython(create_indexes, drop_indexes),
    ]
