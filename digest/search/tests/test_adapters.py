"""Contracts of modelsearch's internals that digest/search/adapters/ relies on: each test fails
naming the adapter module to revisit when a modelsearch (or Django) upgrade changes them."""

import importlib

import pytest
from django.db import connection
from django.db.models import F
from django.db.models.expressions import CombinedExpression
from modelsearch.query import Phrase

from digest.core.tests.factories import make_summary
from digest.search import engine
from digest.summaries.models import SummaryPage

pytestmark = pytest.mark.django_db
sqlite_only = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's FTS5 backend")
postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL's search backend"
)


def broken(what, adapter):
    where = f"digest/search/adapters/{adapter}"
    return f"modelsearch changed {what}: the adapter in {where} must be revisited"


def spy(monkeypatch, cls, name):
    calls = []
    real = getattr(cls, name)

    def wrapper(self, *args, **kwargs):
        calls.append(name)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(cls, name, wrapper)
    return calls


@pytest.fixture
def summary():
    return make_summary(title="Alliance ruptures", body="<p>Rupture repair helps.</p>")


@sqlite_only
def test_sqlite_ranks_through_the_hook_the_adapter_overrides(monkeypatch, summary):
    from digest.search.adapters.sqlite import WeightedSQLiteQueryCompiler

    calls = spy(monkeypatch, WeightedSQLiteQueryCompiler, "_build_rank_expression")
    # Without our one-pass plan, modelsearch's own runs (as for NOT queries), with our rank.
    monkeypatch.setattr(WeightedSQLiteQueryCompiler, "fast_path", False)
    results = engine.backend().search(Phrase("alliance ruptures"), SummaryPage.objects.all())
    assert [page.pk for page in results] == [summary.pk]
    assert calls, broken("how its SQLite compiler ranks (_build_rank_expression)", "sqlite.py")


@sqlite_only
def test_sqlite_results_read_and_count_through_the_methods_the_adapter_overrides(
    monkeypatch, summary
):
    from digest.search.adapters.sqlite import FastSQLiteSearchResults

    searched = spy(monkeypatch, FastSQLiteSearchResults, "_do_search")
    counted = spy(monkeypatch, FastSQLiteSearchResults, "_do_count")
    results = engine.backend().search("alliance", SummaryPage.objects.all())
    assert results.count() == 1 and [page.pk for page in results] == [summary.pk]
    assert searched and counted, broken(
        "how search results read (_do_search, _do_count)", "sqlite.py"
    )


@sqlite_only
def test_sqlite_fts_table_is_the_one_the_migration_rebuilds():
    from modelsearch.backends.database.sqlite import sqlite as modelsearch_sqlite

    migration = importlib.import_module("digest.search.migrations.0001_initial")
    fts, entries = modelsearch_sqlite.SQLiteFTSIndexEntry, modelsearch_sqlite.IndexEntry
    assert (fts._meta.db_table, entries._meta.db_table) == (migration.FTS, migration.ENTRIES), (
        broken("its index tables' names", "sqlite.py (and search migration 0001)")
    )
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {migration.FTS} LIMIT 0")  # noqa: S608 (a table name)
        columns = [column[0] for column in cursor.description]
        cursor.execute("SELECT sql FROM sqlite_master WHERE name = %s", [migration.FTS])
        (sql,) = cursor.fetchone()
    # bm25()'s weights (adapters/sqlite.py, WEIGHTS) are given in this column order.
    assert columns == ["autocomplete", "body", "title"] and "porter" in sql
    model_columns = {f.column for f in fts._meta.concrete_fields} - {"rowid"}
    assert model_columns == set(columns), broken("its FTS table's columns", "sqlite.py")


def test_django_combines_two_fields_as_the_postgres_adapter_does():
    try:
        document = F("title")._combine(F("body"), "||", False)
    except (AttributeError, TypeError) as exc:
        pytest.fail(f"Django changed F._combine ({exc}): digest/search/adapters/postgres.py")
    assert isinstance(document, CombinedExpression) and document.connector == "||"


@postgres_only
def test_postgres_compiler_still_offers_what_the_adapter_builds_on(summary):
    compiler = engine.backend().search("alliance", SummaryPage.objects.all()).query_compiler
    try:
        ranked = list(compiler.fts_ranked_ids)
    except AttributeError as exc:
        pytest.fail(broken(f"its PostgreSQL compiler ({exc})", "postgres.py"))
    assert ranked == [summary.pk], broken("its PostgreSQL compiler's query", "postgres.py")
