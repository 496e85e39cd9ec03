"""The database search backend, tuned for this archive: Wagtail's own backends, with field weights
on SQLite (Wagtail's SQLite backend ranks every column alike) and English stemming everywhere.

`SEARCH_BACKEND=digest.search.backend` (the default) picks, like Wagtail's
`wagtail.search.backends.database`, the engine of the default database:

- SQLite: Wagtail's FTS5 backend, whose index table our migration re-creates with the Porter
  tokenizer (FTS5's default `unicode61` does not stem). Fields boosted above 1 (headline,
  implications, reference authors, title and journal) go to the FTS `title` column, the rest to
  `body`, and results are ranked by BM25 with the boosted column weighing `BOOSTED_WEIGHT`.
- PostgreSQL: Wagtail's backend with the `english` text-search configuration (stemming, stop
  words); boosts become tsvector weights there. The site's own searches rank every match in
  one query over a GIN index on `title || body` (digest/search/adapters/postgres.py).
- anything else: Wagtail's choice (MySQL, or the plain fallback).

Each folds the words of every search as the indexed text is folded (folding.py), so that the
admin's page search, which does not go through query.py, finds "mentalization" too.
"""

from functools import cache

from django.db import connection
from modelsearch.backends import database as wagtail_database

from .query import fold_query


def SearchBackend(params):  # noqa: N802 (Wagtail looks this name up in the module)
    if connection.vendor == "sqlite":
        from modelsearch.backends.database.sqlite.utils import fts5_available, fts_table_exists

        if fts5_available() and fts_table_exists():
            from .adapters.sqlite import WeightedSQLiteSearchBackend

            return _folding(WeightedSQLiteSearchBackend)(params)
    if connection.vendor == "postgresql":
        from .adapters.postgres import RankedPostgresSearchBackend

        return _folding(RankedPostgresSearchBackend)({"SEARCH_CONFIG": "english", **params})
    return _folding(type(wagtail_database.SearchBackend(params)))(params)


@cache
def _folding(backend_class):
    def search(self, query, model_or_queryset, *args, **kwargs):
        return backend_class.search(self, fold_query(query), model_or_queryset, *args, **kwargs)

    return type(backend_class.__name__, (backend_class,), {"search": search})
