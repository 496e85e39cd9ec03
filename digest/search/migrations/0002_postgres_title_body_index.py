"""On PostgreSQL, a GIN index on `title || body` of Wagtail's search index entries: the
expression Wagtail's backend (and ours, digest/search/adapters/postgres.py) filters on, which the
per-column GIN indexes cannot serve. Nothing happens on other databases."""

from django.db import migrations

INDEX = "digest_indexentry_title_body_gin"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailsearch_indexentry "
            "USING gin ((title || body))"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_initial"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create, drop)]
