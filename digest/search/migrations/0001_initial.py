"""Synonym groups (seeded with the field's spellings and abbreviations) and a stemming FTS index."""

from django.db import migrations, models

# British/Canadian and US spellings, and the abbreviations readers type (SPEC §3, issue 4).
SEED = [
    ("behaviour, behavior", "spelling"),
    ("behavioural, behavioral", "spelling"),
    (
        "CBT, cognitive-behavioural therapy, cognitive behavioral therapy, "
        "cognitive behaviour therapy, cognitive behavior therapy",
        "abbreviation",
    ),
    ("PTSD, posttraumatic stress, post-traumatic stress", "abbreviation"),
    ("dropout, drop-out, attrition, premature termination", "same idea"),
    ("DBT, dialectical behaviour therapy, dialectical behavior therapy", "abbreviation"),
    ("IPT, interpersonal psychotherapy, interpersonal therapy", "abbreviation"),
    ("PDT, psychodynamic therapy, psychodynamic psychotherapy", "abbreviation"),
    ("RCT, randomised controlled trial, randomized controlled trial", "abbreviation"),
    ("randomised, randomized", "spelling"),
    ("counselling, counseling", "spelling"),
    ("counsellor, counselor", "spelling"),
    ("programme, program", "spelling"),
    ("ACT, acceptance and commitment therapy", "abbreviation"),
    ("EMDR, eye movement desensitization, eye movement desensitisation", "abbreviation"),
    ("ROM, routine outcome monitoring, progress monitoring", "abbreviation"),
]

FTS = "wagtailsearch_indexentry_fts"
ENTRIES = "wagtailsearch_indexentry"


def seed(apps, schema_editor):
    SearchSynonym = apps.get_model("search", "SearchSynonym")
    for terms, note in SEED:
        SearchSynonym.objects.get_or_create(terms=terms, defaults={"note": note})


def porter_fts(apps, schema_editor):
    # FTS5's default tokenizer does not stem: "rupture" would not find "ruptures". The Porter
    # tokenizer stems both what is indexed and what is searched, phrases included.
    if schema_editor.connection.vendor != "sqlite":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM sqlite_master WHERE name = %s", [FTS])
        if cursor.fetchone() is None:
            return
        cursor.execute(f"DROP TABLE {FTS}")
        cursor.execute(
            f"CREATE VIRTUAL TABLE {FTS} USING fts5(autocomplete, body, title, "
            "tokenize = 'porter unicode61 remove_diacritics 2')"
        )
        cursor.execute(
            f"INSERT INTO {FTS}(rowid, title, body, autocomplete) "
            f"SELECT id, title, body, autocomplete FROM {ENTRIES}"
        )


class Migration(migrations.Migration):
    initial = True

    dependencies = [("wagtailsearch", "0010_add_text_fields")]

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
                (
                    "terms",
                    models.TextField(
                        help_text='Comma-separated words or phrases that mean the same, e.g. "PTSD, posttraumatic stress disorder, post-traumatic stress disorder".',
                        verbose_name="equivalent terms",
                    ),
                ),
                ("note", models.CharField(blank=True, max_length=200, verbose_name="note")),
            ],
            options={
                "verbose_name": "search synonym",
                "verbose_name_plural": "search synonyms",
                "ordering": ["terms"],
            },
        ),
        migrations.RunPython(seed, migrations.RunPython.noop),
        migrations.RunPython(porter_fts, migrations.RunPython.noop),
    ]
