"""Search quality and speed: recall@10, nDCG@10 and precision@5 of the judged query set, and
/search/ latency (full page, rendering included) beside a raw FTS query, at 10 000 and 100 000
summaries on SQLite and PostgreSQL; then the clinician-style set (bench/judged_clinical.py:
recall@10 on its tuning two thirds and on the third set aside, precision@5, the share of queries
that find nothing).

Each (engine, size) runs in its own process on its own fresh database (SQLite file under
/tmp, PostgreSQL database `bench_search_<size>`): judged summaries (bench/judged.py),
then the seeded synthetic corpus (`generate_corpus`), then the search index; after the timings,
the demo content and the clinician-style set's summaries, and the abbreviations they define.

    make bench                                      # every benchmark
    .venv/bin/python -m bench bench_search          # this one
    BENCH_SEARCH_SIZES=2000 BENCH_SEARCH_ENGINES=sqlite .venv/bin/python -m bench bench_search
    BENCH_SEARCH_REUSE=1 .venv/bin/python -m bench bench_search   # keep databases built before

With BENCH_SEARCH_REUSE=1 a database left by an earlier run (same engine, same size) is measured
again without being rebuilt: building 100 000 summaries takes minutes, measuring seconds.
"""

import datetime
import gc
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SEED = 7
ROUNDS = 5  # each judged query is timed once cold, then this many times again
PG_SERVER = os.environ.get("BENCH_PG_SERVER", "postgres://postgres@127.0.0.1:5432")
REUSE = os.environ.get("BENCH_SEARCH_REUSE") == "1"
# Not judged and not in the percentiles: words nearly every summary contains, timed on their
# first request, to show what the broadest possible query costs (FTS5 scores every match).
BROAD_QUERIES = ("clients", "therapy outcome")
AFTER_CHANGE_QUERY = "Safran"  # one judged summary's author: one match, no ranking to speak of


def main():
    sizes = [int(s) for s in os.environ.get("BENCH_SEARCH_SIZES", "10000,100000").split(",")]
    engines = os.environ.get("BENCH_SEARCH_ENGINES", "sqlite,postgresql").split(",")
    rows = []
    for engine in engines:
        if engine == "postgresql" and not _postgres_reachable():
            print("PostgreSQL not reachable at", PG_SERVER, "- skipped", flush=True)
            continue
        for size in sizes:
            started = time.perf_counter()
            result = _run_worker(engine, size)
            if result is None:
                continue
            result["wall_s"] = time.perf_counter() - started
            rows.append(result)
            _print_row(result)
    if rows:
        print("\n" + _table(rows), flush=True)


def _postgres_reachable():
    try:
        import psycopg

        psycopg.connect(f"{PG_SERVER}/postgres", connect_timeout=3).close()
        return True
    except Exception:  # noqa: BLE001 (any failure means: skip PostgreSQL)
        return False


def _run_worker(engine, size):
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="digest.settings.test")
    if engine == "sqlite":
        path = Path(tempfile.gettempdir()) / f"bench_search_{size}.sqlite3"
        if not REUSE:
            path.unlink(missing_ok=True)
        env["DATABASE_URL"] = f"sqlite:///{path}"
    else:
        env["DATABASE_URL"] = f"{PG_SERVER}/bench_search_{size}"
    print(f"-- {engine}, {size:,} summaries: building…", flush=True)
    process = subprocess.run(
        [sys.executable, "-m", "bench.bench_search", "--worker", engine, str(size)],
        env=env,
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parent.parent,
    )
    if process.returncode != 0:
        print(process.stdout[-2000:], process.stderr[-4000:], flush=True)
        return None
    return json.loads(process.stdout.strip().splitlines()[-1])


def _print_row(r):
    print(
        f"   built in {r['build_s']:.0f}s "
        f"(corpus {r['corpus_s']:.0f}s, index {r['index_s']:.0f}s); "
        f"recall@10 {r['recall']:.3f}, nDCG@10 {r['ndcg']:.3f}, "
        f"precision@5 {r['precision']:.3f}; "
        f"/search/ first request median {r['cold_ms'][0]:.1f} ms, p95 {r['cold_ms'][1]:.1f} ms; "
        f"repeated median {r['page_ms'][0]:.1f} ms, p95 {r['page_ms'][1]:.1f} ms; "
        f"raw FTS, site's statement median {r['site_ms'][0]:.2f} ms, p95 {r['site_ms'][1]:.2f} ms; "
        f"raw FTS, plain words median {r['raw_ms'][0]:.2f} ms, p95 {r['raw_ms'][1]:.2f} ms",
        flush=True,
    )
    print(
        "   slowest first requests (page / site's statement):",
        "; ".join(f"{q!r} {ms:.0f} / {site:.0f} ms" for ms, site, q in r["slowest"]),
        flush=True,
    )
    print(
        f"   after a change: facet index rebuilt in {r['facet_index_ms']:.0f} ms; then the "
        f"first search (one match; on SQLite it loads the entry map) {r['after_change_ms']:.0f} ms",
        flush=True,
    )
    for query, (ms, matches) in r["broad"].items():
        print(
            f"   broad query {query!r}: {matches:,} matches, first request {ms:.0f} ms", flush=True
        )
    if r["misses"]:
        print("   queries missing something:", r["misses"], flush=True)
    c = r["clinical"]
    print(
        f"   clinician-style set ({c['queries']} queries): recall@10 {c['recall']:.3f} "
        f"(tuning {c['tuning_recall']:.3f}, set-aside third {c['held_out_recall']:.3f}), "
        f"precision@5 {c['precision']:.3f} (set-aside {c['held_out_precision']:.3f}), "
        f"zero results {c['empty_share']:.1%}; {c['learned']} abbreviation pairs learned "
        f"({c['learn_s']:.0f}s with loading its summaries)",
        flush=True,
    )
    if c["tuning_misses"]:
        print("   clinician-style tuning queries missing something:", c["tuning_misses"])


def _table(rows):
    lines = [
        "| engine | summaries | recall@10 | nDCG@10 | precision@5 "
        "| clinician set: recall@10 all / set-aside | zero results "
        "| /search/ first: median / p95 "
        "| repeated: median / p95 | raw, site's statement: median / p95 "
        "| raw, plain words: median / p95 |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in rows:
        lines.append(
            f"| {r['engine']} | {r['size']:,} | {r['recall']:.3f} | {r['ndcg']:.3f} "
            f"| {r['precision']:.3f} "
            f"| {r['clinical']['recall']:.3f} / {r['clinical']['held_out_recall']:.3f} "
            f"| {r['clinical']['empty_share']:.1%} "
            f"| {r['cold_ms'][0]:.1f} / {r['cold_ms'][1]:.1f} ms "
            f"| {r['page_ms'][0]:.1f} / {r['page_ms'][1]:.1f} ms "
            f"| {r['site_ms'][0]:.1f} / {r['site_ms'][1]:.1f} ms "
            f"| {r['raw_ms'][0]:.2f} / {r['raw_ms'][1]:.2f} ms |"
        )
    return "\n".join(lines)


# ---- the worker: one engine, one size, one fresh database ------------------------------------


def _median_p95(samples):
    samples = sorted(samples)
    p95 = samples[min(len(samples) - 1, round(0.95 * (len(samples) - 1)))]
    return statistics.median(samples), p95


def _fresh_postgres(url):
    import psycopg

    name = url.rsplit("/", 1)[1]
    with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def _built(engine, url, size):
    """Whether the database at `url` already holds a finished build of `size` summaries."""
    try:
        if engine == "sqlite":
            import sqlite3

            path = url.removeprefix("sqlite:///")
            if not os.path.exists(path):
                return False
            connection = sqlite3.connect(path)
        else:
            import psycopg

            connection = psycopg.connect(url, connect_timeout=3)
        with connection:
            count = connection.execute(
                "SELECT (SELECT count(*) FROM summaries_summarypage), "
                "(SELECT count(*) FROM wagtailsearch_indexentry)"
            ).fetchone()
        return count[0] >= size and count[1] >= size
    except Exception:  # noqa: BLE001 (no database, no tables: build it)
        return False


def _index_summaries():
    from wagtail.search.backends import get_search_backend

    from digest.summaries.models import SummaryPage

    backend = get_search_backend()
    index = backend.get_index_for_model(SummaryPage)
    ids = list(SummaryPage.objects.order_by("pk").values_list("pk", flat=True))
    chunk = 2000
    for start in range(0, len(ids), chunk):
        objects = SummaryPage.get_indexed_objects().filter(pk__in=ids[start : start + chunk])
        index.add_items(SummaryPage, list(objects))


def _site_statement(connection, query):
    """The full-text statement the site runs to rank `query` (its synonyms, phrases and
    weights), cut to the top 10: what the engine alone costs for the query the site runs.
    (The site reads every match, ranked, once: the facet counts need them all.)"""
    from digest.search import engine
    from digest.summaries.models import SummaryPage

    parsed = engine.parse_query(query)
    results = engine.backend().search(
        parsed.search_query(None), SummaryPage.objects.all(), order_by_relevance=True
    )
    compiler = results.query_compiler
    if connection.vendor == "sqlite":  # FTS rowids, which the site maps to pages in memory
        sql, params = compiler.ranking
        return f"{sql} LIMIT 10", params
    sql, params = compiler.fts
    return f"SELECT * FROM ({sql}) AS ranked LIMIT 10", params


def _learn_abbreviations():
    """What `manage.py learn_abbreviations` does after an import (publishing learns one
    summary's pairs; the generated corpus is inserted without publishing)."""
    try:
        from digest.search.learning import learn
    except ImportError:  # a checkout from before abbreviations were learned
        return 0
    from digest.summaries.models import SummaryPage

    return learn(SummaryPage.objects.live().prefetch_related("references").iterator(500))


def _run(connection, statement):
    with connection.cursor() as cursor:
        cursor.execute(*statement)
        return cursor.fetchall()


def _raw_fts(connection, query):
    """The engine's own full-text query for the plain words (no synonyms), top 10 by its own
    rank, no Django."""
    from digest.search.query import STOP_WORDS, words_of

    words = [w for w in words_of(query) if w not in STOP_WORDS] or words_of(query)
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            match = " AND ".join(f'"{w}"' for w in words)
            cursor.execute(
                "SELECT rowid FROM wagtailsearch_indexentry_fts "
                "WHERE wagtailsearch_indexentry_fts MATCH %s ORDER BY rank LIMIT 10",
                [match],
            )
        else:
            cursor.execute(
                "SELECT object_id FROM wagtailsearch_indexentry, "
                "plainto_tsquery('english', %s) AS q "
                "WHERE (title || body) @@ q ORDER BY ts_rank(title || body, q) DESC LIMIT 10",
                [" ".join(words)],
            )
        return cursor.fetchall()


def worker(engine, size):
    reuse = REUSE and _built(engine, os.environ["DATABASE_URL"], size)
    if engine == "postgresql" and not reuse:
        _fresh_postgres(os.environ["DATABASE_URL"])
    import django

    django.setup()
    from django.core.cache import cache
    from django.core.management import call_command
    from django.db import connection
    from django.http import QueryDict
    from django.test import Client

    from bench import judged, judged_clinical
    from digest.core.corpus import generate_corpus
    from digest.search import engine as search
    from digest.summaries.facets import Facets
    from digest.summaries.models import SummaryPage

    started = time.perf_counter()
    if reuse:
        call_command("migrate", verbosity=0)  # a database built by an older checkout
        ids = {
            key: SummaryPage.objects.get(title=fields["title"]).pk
            for key, fields in judged.SUMMARIES.items()
        }
        corpus_started = index_started = built = started
    else:
        call_command("migrate", verbosity=0)
        ids = judged.load()
        corpus_started = time.perf_counter()
        generate_corpus(size - len(ids), SEED, until=datetime.date(2025, 12, 1))
        index_started = time.perf_counter()
        _index_summaries()
        built = time.perf_counter()
    # The first search after a change builds the facet index; build it before timing.
    from digest.summaries.facet_index import FacetIndex

    FacetIndex.current()

    published = SummaryPage.objects.live().public()
    scores = judged.evaluate(published, ids)
    recall, ndcg, misses = scores
    # Judging ran every query through the site's search, which keeps each ranking in the cache:
    # empty it, so that the first timed round is each query's first since the archive changed.
    cache.clear()
    t0 = time.perf_counter()
    FacetIndex.current()  # the cache held its generation stamp: rebuild before timing
    facet_index_ms = (time.perf_counter() - t0) * 1000

    client = Client()
    queries = [q for q, _, _ in judged.QUERIES]
    client.get("/search/", {"q": "warm up templates"})  # load templates and code once
    # The first search that finds something after a change also loads, once per process, the
    # map from index entries to pages (SQLite): timed apart, with a one-match query.
    t0 = time.perf_counter()
    client.get("/search/", {"q": AFTER_CHANGE_QUERY})
    after_change_ms = (time.perf_counter() - t0) * 1000
    # As gunicorn.conf.py does before forking workers: what start-up loaded is never garbage,
    # so full collections need not walk it (else one query in forty pays a ~100 ms pause).
    gc.freeze()
    statements = {query: _site_statement(connection, query) for query in queries}
    cold_ms, page_ms, raw_ms, site_ms = [], [], [], []
    for round_number in range(ROUNDS + 1):
        for query in queries:
            t0 = time.perf_counter()
            response = client.get("/search/", {"q": query})
            t1 = time.perf_counter()
            _raw_fts(connection, query)
            t2 = time.perf_counter()
            _run(connection, statements[query])
            t3 = time.perf_counter()
            assert response.status_code == 200, (query, response.status_code)
            # The first round is each query's first request since the archive last changed
            # (nothing of it cached); the later rounds find its ranking in the cache.
            (page_ms if round_number else cold_ms).append((t1 - t0) * 1000)
            raw_ms.append((t2 - t1) * 1000)
            site_ms.append((t3 - t2) * 1000)
    broad = {}
    cache.clear()  # as after a change to the archive
    FacetIndex.current()
    client.get("/search/", {"q": AFTER_CHANGE_QUERY})
    for query in BROAD_QUERIES:
        t0 = time.perf_counter()
        response = client.get("/search/", {"q": query})
        ms = (time.perf_counter() - t0) * 1000
        assert response.status_code == 200, (query, response.status_code)
        found = search.find(search.parse_query(query), Facets.from_query(QueryDict("")))
        broad[query] = (ms, found.total)
    # The clinician-style set (bench/judged_clinical.py): its summaries join the archive only
    # now, so the figures above stay comparable with runs before it existed.
    t0 = time.perf_counter()
    clinical_ids = judged_clinical.load()
    learned = _learn_abbreviations()
    learn_s = time.perf_counter() - t0
    clinical = judged.evaluate(published, clinical_ids, judged_clinical.QUERIES)
    held_out = clinical.only(judged_clinical.held_out())
    tuning = clinical.only(judged_clinical.tuning())
    result = {
        "clinical": {
            "queries": len(judged_clinical.QUERIES),
            "recall": clinical.recall,
            "precision": clinical.precision,
            "empty_share": clinical.empty_share,
            "tuning_recall": tuning.recall,
            "held_out_recall": held_out.recall,
            "held_out_precision": held_out.precision,
            "tuning_misses": tuning.misses,
            "learned": learned,
            "learn_s": learn_s,
        },
        "engine": engine,
        "broad": broad,
        "after_change_ms": after_change_ms,
        "facet_index_ms": facet_index_ms,
        "size": SummaryPage.objects.count(),
        "build_s": built - started,
        "corpus_s": index_started - corpus_started,
        "index_s": built - index_started,
        "recall": recall,
        "ndcg": ndcg,
        "precision": scores.precision,
        "misses": misses,
        "page_ms": _median_p95(page_ms),
        "cold_ms": _median_p95(cold_ms),
        # The slowest first requests, with what the site's statement took for the same query.
        "slowest": sorted(
            zip(cold_ms, site_ms[: len(queries)], queries, strict=True), reverse=True
        )[:4],
        "raw_ms": _median_p95(raw_ms),
        "site_ms": _median_p95(site_ms),
        "queries": len(queries),
    }
    print(json.dumps(result))


if __name__ == "__main__":
    if sys.argv[1:2] == ["--worker"]:
        worker(sys.argv[2], int(sys.argv[3]))
    else:
        main()
