"""Wagtail's SQLite FTS5 backend with field weights and a query plan that scales (only imported
on SQLite: its models exist only there). See digest/search/backend.py for why.

Wagtail's SQLite backend joins the FTS table from the index-entry side, so SQLite evaluates the
MATCH once per indexed object (and again per result for the score), so a query grows with the
whole index (docs/benchmarks.md). Here the FTS table drives (CROSS JOIN fixes the order), is
ranked by bm25 in the same pass, and the page's own filters (live, public, facets) apply
through one subquery.
"""

from functools import cached_property
from itertools import chain

import numpy as np
from django.core.cache import cache
from django.db import connections
from django.db.models.expressions import Func, RawSQL
from django.db.models.fields import FloatField
from modelsearch.backends.database.sqlite import sqlite as wagtail_sqlite
from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
from modelsearch.index import SearchField
from modelsearch.utils import get_content_type_pk, get_descendants_content_types_pks

from ..query import is_plain

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


ENTRIES = wagtail_sqlite.IndexEntry._meta.db_table
WEIGHTS = f"0.0, 1.0, {BOOSTED_WEIGHT}"  # bm25() column weights: autocomplete, body, title


class WeightedSQLiteQueryCompiler(wagtail_sqlite.SQLiteSearchQueryCompiler):
    def _build_rank_expression(self, vectors, config):
        # bm25() is negative, better matches lower: Wagtail orders this score ascending.
        return WeightedBM25()

    @property
    def fast_path(self):
        return is_plain(self.query)

    @property
    def fts(self):
        """The full-text SQL and its parameters: what the results depend on."""
        return self._fts

    @cached_property
    def _fts(self):
        """(SQL selecting matching object ids, best first; its params)."""
        search_query = self.build_search_query(normalize(self.query))
        match = MatchExpression(self.fields or self.FTS_TABLE_FIELDS, search_query)
        connection = connections[self.queryset.db]
        sql_compiler = self.queryset.query.get_compiler(connection=connection)
        _, (match_text,) = match.as_sql(sql_compiler, connection)
        content_types = get_descendants_content_types_pks(self.queryset.model)
        marks = ", ".join(["%s"] * len(content_types))
        # Only table names are interpolated; the reader's words travel as a parameter.
        sql = (
            f"SELECT CAST(e.object_id AS INTEGER) FROM {FTS_TABLE} "  # noqa: S608
            f"CROSS JOIN {ENTRIES} e ON e.id = {FTS_TABLE}.rowid "
            f"WHERE {FTS_TABLE} MATCH %s AND e.content_type_id IN ({marks})"
        )
        return sql, [match_text, *content_types]

    def matching_queryset(self):
        sql, params = self._fts
        return self.queryset.filter(pk__in=RawSQL(sql, params))  # noqa: S611 (parameters)

    @property
    def ranking(self):
        """(SQL selecting the FTS rowid of every match, best first; its params): the one pass
        `fts_ranked_ids` makes over the full-text index."""
        _, (match, *_content_types) = self._fts
        sql = (
            f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s "  # noqa: S608
            f"ORDER BY bm25({FTS_TABLE}, {WEIGHTS})"
        )
        return sql, [match]

    @cached_property
    def fts_ranked_ids(self):
        """Ids of every indexed object of the model that matches, best match first, whatever
        the queryset's own filters: one pass over the full-text index, as a NumPy array."""
        _, (_match, *content_types) = self._fts
        connection = connections[self.queryset.db]
        with connection.cursor() as cursor:
            cursor.execute(*self.ranking)
            rowids = np.fromiter((row[0] for row in cursor.fetchall()), dtype=np.int64)
        return EntryObjects.current(connection, content_types).of(connection, rowids)

    @cached_property
    def ranked_ids(self):
        """Ids of the matching objects the queryset allows, best match first."""
        allowed = set(self.matching_queryset().order_by().values_list("pk", flat=True))
        return [pk for pk in self.fts_ranked_ids if pk in allowed]


class EntryObjects:
    """Which object each search-index entry stands for, by entry id (the FTS table's rowid).

    Joining every match back to its entry row (a table of long texts) is a large part of a broad
    query's time. Entry ids only grow (AUTOINCREMENT) and an entry keeps its object for life,
    so each process loads this map once and extends it when a search returns an id past its
    end (a page indexed since, `update_index`). It is rebuilt when the archive's generation
    stamp changes (any page saved or published), which also covers ids that a rolled-back
    transaction handed out again.
    """

    _current = {}  # (database, content types) -> EntryObjects

    def __init__(self, generation, content_types):
        self.generation = generation
        self.content_types = list(content_types)
        self.objects = np.full(0, -1, dtype=np.int64)  # entry id -> object id, or -1

    @classmethod
    def current(cls, connection, content_types):
        from digest.summaries.facet_index import GENERATION_KEY

        generation = cache.get(GENERATION_KEY)
        key = (connection.alias, str(connection.settings_dict["NAME"]), tuple(content_types))
        entries = cls._current.get(key)
        if entries is None or generation is None or entries.generation != generation:
            entries = cls._current[key] = cls(generation, content_types)
        return entries

    def of(self, connection, rowids):
        """The objects of the entries `rowids`, in their order; other models' entries drop."""
        if len(rowids) and rowids.max() >= len(self.objects):
            self._load(connection)
        rowids = rowids[rowids < len(self.objects)]
        objects = self.objects[rowids]
        return objects[objects >= 0]

    def _load(self, connection):
        """Add the entries made since the map was last loaded."""
        marks = ", ".join(["%s"] * len(self.content_types))
        # A few new entries are found by id. For all of them, "+id" keeps SQLite on the
        # (content type, object id) index, which holds every column read here, instead of
        # visiting each row of long texts (about three times faster; docs/benchmarks.md).
        ids = "id >= %s AND id <= %s" if len(self.objects) else "+id >= %s AND +id <= %s"
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT MAX(id) FROM {ENTRIES}")  # noqa: S608 (a table name)
            last = cursor.fetchone()[0] or 0
            cursor.execute(
                f"SELECT id, CAST(object_id AS INTEGER) FROM {ENTRIES} "  # noqa: S608
                f"WHERE content_type_id IN ({marks}) AND {ids}",
                [*self.content_types, len(self.objects), last],
            )
            rows = cursor.fetchall()
        pairs = np.fromiter(chain.from_iterable(rows), dtype=np.int64, count=2 * len(rows))
        pairs = pairs.reshape(-1, 2)
        objects = np.full(last + 1, -1, dtype=np.int64)
        objects[: len(self.objects)] = self.objects
        objects[pairs[:, 0]] = pairs[:, 1]
        self.objects = objects


class FastSQLiteSearchResults(wagtail_sqlite.SQLiteSearchResults):
    # Autocomplete keeps Wagtail's own compiler (its prefix queries): only ours has a fast path.
    def _fast(self, ranked=True):
        compiler = self.query_compiler
        return getattr(compiler, "fast_path", False) and (compiler.order_by_relevance or not ranked)

    def get_queryset(self):
        compiler = self.query_compiler
        if not self._fast(ranked=False):
            return super().get_queryset()
        queryset = compiler.matching_queryset()
        if not queryset.query.order_by:
            queryset = queryset.order_by("-pk")
        return queryset[self.start : self.stop]

    def _do_search(self):
        compiler = self.query_compiler
        if not self._fast():
            return super()._do_search()
        ids = compiler.ranked_ids[self.start : self.stop]
        found = compiler.queryset.filter(pk__in=ids).in_bulk()
        return [found[pk] for pk in ids if pk in found]

    def _do_count(self):
        if not self._fast():
            return super()._do_count()
        return len(self.query_compiler.ranked_ids[self.start : self.stop])


class WeightedSQLiteSearchBackend(wagtail_sqlite.SQLiteSearchBackend):
    query_compiler_class = WeightedSQLiteQueryCompiler
    index_class = WeightedSQLiteIndex
    results_class = FastSQLiteSearchResults
