"""Wagtail's PostgreSQL search backend, with the site's searches ranked in one query (only
imported on PostgreSQL).

Wagtail's backend filters on `(title || body) @@ query`, an expression its GIN indexes (one on
`title`, one on `body`) cannot serve, so every search read every index entry; and /search/ ran
it three times (the page, the count, the ids for facet counts): 230 ms a page at 10 000
summaries. Migration search.0002 adds a GIN index on that very expression, and
`fts_ranked_ids` returns every match, best first, by Wagtail's own rank (ts_rank per vector,
the title weighted by its length norm), in one query; the facet index does the rest, as on
SQLite.
"""

from functools import cached_property

from django.db.models import F, IntegerField
from django.db.models.functions import Cast
from modelsearch.backends.database.postgres.postgres import (
    IndexEntry,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from modelsearch.utils import get_descendants_content_types_pks

from .backend import is_plain


class RankedPostgresQueryCompiler(PostgresSearchQueryCompiler):
    config = "english"  # the backend sets its own on a subclass

    @property
    def fast_path(self):
        return self.fields is None and is_plain(self.query)

    @cached_property
    def _ranked(self):
        """Index entries of the model's pages matching the query, best first, as ids."""
        search_query = self.build_tsquery(self.query, config=self.config)
        title, body = F("title"), F("body")
        rank = self.build_tsrank(title, self.query, config=self.config) * F(
            "title_norm"
        ) + self.build_tsrank(body, self.query, config=self.config)
        content_types = get_descendants_content_types_pks(self.queryset.model)
        return (
            IndexEntry.objects.filter(content_type_id__in=content_types)
            .annotate(_vector_=title._combine(body, "||", False))
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
