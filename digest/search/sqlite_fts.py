"""Wagtail's SQLite FTS5 backend with field weights (only imported on SQLite: its models exist
only there). See digest/search/backend.py for why."""

from django.db.models.expressions import Func
from django.db.models.fields import FloatField
from modelsearch.backends.database.sqlite import sqlite as wagtail_sqlite
from modelsearch.index import SearchField
from modelsearch.utils import get_content_type_pk

# How much a word in the headline, implications or reference counts against one in the body.
BOOSTED_WEIGHT = 4.0
FTS_TABLE = wagtail_sqlite.SQLiteFTSIndexEntry._meta.db_table


def is_boosted(field):
    return isinstance(field, SearchField) and (field.boost or 1) > 1


class WeightedObjectIndexer(wagtail_sqlite.ObjectIndexer):
    """Puts boosted fields in the FTS `title` column and everything else in `body`."""

    def _texts(self, boosted):
        texts = []
        for field in self.search_fields:
            for current_field, value in self.prepare_field(self.obj, field):
                if isinstance(current_field, SearchField) and is_boosted(current_field) == boosted:
                    texts.append(value)
        return " ".join(t for t in texts if t)

    @property
    def title(self):
        return self._texts(boosted=True)

    @property
    def body(self):
        return self._texts(boosted=False)


class WeightedSQLiteIndex(wagtail_sqlite.SQLiteIndex):
    def add_items(self, model, objs):
        if not model.get_search_fields():
            return
        indexers = {i.id: i for i in (WeightedObjectIndexer(obj, self.backend) for obj in objs)}
        if not indexers:
            return
        entries = self.entries.filter(content_type_id=get_content_type_pk(model))
        indexed = set(entries.filter(object_id__in=indexers).values_list("object_id", flat=True))
        for object_id in indexed:
            indexer = indexers[object_id]
            entries.filter(object_id=object_id).update(
                title=indexer.title, body=indexer.body, autocomplete=indexer.autocomplete
            )
        self.entries.bulk_create(
            [
                self.entries.model(
                    content_type_id=get_content_type_pk(model),
                    object_id=object_id,
                    title=indexer.title,
                    body=indexer.body,
                    autocomplete=indexer.autocomplete,
                )
                for object_id, indexer in indexers.items()
                if object_id not in indexed
            ]
        )


class WeightedBM25(Func):
    """FTS5's bm25() with per-column weights, in the table's column order."""

    output_field = FloatField()

    def __init__(self, autocomplete=0.0, body=1.0, title=BOOSTED_WEIGHT):
        self.weights = (autocomplete, body, title)
        super().__init__()

    def as_sql(self, compiler, connection, **extra):
        return f"bm25({FTS_TABLE}, %s, %s, %s)", list(self.weights)


class WeightedSQLiteQueryCompiler(wagtail_sqlite.SQLiteSearchQueryCompiler):
    def _build_rank_expression(self, vectors, config):
        # bm25() is negative, better matches lower: Wagtail orders this score ascending.
        return WeightedBM25()


class WeightedSQLiteSearchBackend(wagtail_sqlite.SQLiteSearchBackend):
    query_compiler_class = WeightedSQLiteQueryCompiler
    index_class = WeightedSQLiteIndex
