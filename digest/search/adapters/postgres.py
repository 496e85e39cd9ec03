"""Wagtail's PostgreSQL search backend, with the site's searches ranked in one query (only
imported on PostgreSQL).

Wagtail's backend filters on `(title || body) @@ query`, an expression its GIN indexes (one on
`title`, one on `body`) cannot serve, so every search read every index entry; and /search/ ran
it three times (the page, the count, the ids for facet counts; docs/benchmarks.md has the
figures). Migration search.0002 adds a GIN index on that very expression, and
`fts_ranked_ids` returns every match, best first, in one query; the facet index does the rest,
as on SQLite.

The rank differs from Wagtail's. Wagtail adds a rank of the `title` vector multiplied by a
title-length norm (average length / this length) to a rank of the `body` vector, which lifts
the shortest headlines ("Rethinking Client Reactance") over the summaries that answer the
query: recall@10 0.896 on the judged set at 10 000 summaries. Here it is one `ts_rank` over
the whole weighted document (`title || body`, boosted fields keeping their higher weight)
divided by 1 + log of its length (normalization 1), the length correction BM25 makes on
SQLite: recall@10 0.981, nDCG@10 0.968 (docs/benchmarks.md, with the variants tried).
"""

from functools import cached_property

from django.contrib.postgres.search import SearchRank
from django.db.models import F, IntegerField, Value
from django.db.models.functions import Cast
from modelsearch.backends.database.postgres.postgres import (
    IndexEntry,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from modelsearch.utils import get_descendants_content_types_pks

from ..query import is_plain

LOG_LENGTH = 1  # ts_rank normalization: divide by 1 + the logarithm of the document's length


class RankedPostgresQueryCompiler(PostgresSearchQueryCompiler):
    config = "english"  # the backend sets its own on a subclass

    @property
    def fast_path(self):
        return self.fields is None and is_plain(self.query)

    @cached_property
    def _ranked(self):
        """Index entries of the model's pages matching the query, best first, as ids."""
        search_query = self.build_tsquery(self.query, config=self.config)
        document = F("title")._combine(F("body"), "||", False)
        rank = SearchRank(
            document, search_query, weights=self.sql_weights, normalization=Value(LOG_LENGTH)
        )
        content_types = get_descendants_content_types_pks(self.queryset.model)
        return (
            IndexEntry.objects.filter(content_type_id__in=content_types)
            .annotate(_vector_=document)
            .filter(_vector_=search_query)
            .annotate(_rank_=rank, _id_=Cast("object_id", IntegerField()))
            .order_by("-_rank_", "-_id_")
            .values_list("_id_", flat=True)
        )

    @property
    def fts(self):
        """The full-text SQL and its parameters: what the results depend on."""
        return self._ranked.query.sql_with_params()

    @cached_property
    def fts_ranked_ids(self):
        """Ids of every indexed object of the model that matches, best match first, whatever
        the queryset's own filters: one query over the `title || body` GIN index."""
        return list(self._ranked)


class RankedPostgresSearchBackend(PostgresSearchBackend):
    def __init__(self, params):
        super().__init__(params)
        self.query_compiler_class = type(
            "RankedPostgresQueryCompiler",
            (RankedPostgresQueryCompiler,),
            {"config": self.config or RankedPostgresQueryCompiler.config},
        )
