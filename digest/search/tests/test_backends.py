"""Our one-pass ranking on each database agrees with what the engine itself would answer."""

import pytest
from django.db import connection
from modelsearch.backends.database.postgres.postgres import PostgresSearchBackend

from digest.core.tests.factories import make_summary
from digest.search import engine
from digest.summaries.models import SummaryPage

pytestmark = pytest.mark.django_db
postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL's search backend"
)

QUERIES = ["alliance", "alliance rupture", '"rupture repair"', "empathy OR alliance", "dropout"]


@pytest.fixture
def corpus():
    texts = [
        ("Alliance ruptures and their repair", "<p>Rupture repair helps the alliance.</p>"),
        ("Empathy in brief therapy", "<p>The alliance matters less than empathy here.</p>"),
        ("Attrition in trials", "<p>Clients who dropped out had a weaker alliance.</p>"),
        ("A note on homework", "<p>Nothing about the other topics at all.</p>"),
        ("Alliance, alliance, alliance", "<p>A rupture now and then; repair follows.</p>"),
    ]
    return [make_summary(title=title, body=body).pk for title, body in texts]


@postgres_only
@pytest.mark.parametrize("query", QUERIES)
def test_postgres_finds_what_wagtail_finds(corpus, query):
    parsed = engine.parse_query(query)
    ours = engine.backend().search(parsed.search_query(), SummaryPage.objects.all())
    assert ours.query_compiler.fast_path
    wagtails = PostgresSearchBackend({"SEARCH_CONFIG": "english"}).search(
        parsed.search_query(), SummaryPage.objects.all()
    )
    ranked = ours.query_compiler.fts_ranked_ids
    assert sorted(ranked) == sorted(page.pk for page in wagtails) and ranked


@postgres_only
def test_postgres_rank_does_not_favour_short_headlines():
    """Wagtail's title-length norm put any short headline with the word first."""
    answer = make_summary(
        title="Matching the therapist's style to the person in the room",
        body="<p>Resistant clients did better when therapists were less directive; directive "
        "therapists met more resistance from resistant clients, and clients who were not "
        "resistant did well either way.</p>",
    )
    for n in range(3):
        make_summary(
            title=f"Clients {n}",
            body="<p>A long note on many other matters of practice, of which one is that some "
            "resistant people meet a directive therapist, among supervision, training, fees, "
            "waiting lists, rooms, notes, letters and much else.</p>",
        )
    ranked = engine.backend().search(
        engine.parse_query("resistant clients directive").search_query(),
        SummaryPage.objects.all(),
    )
    assert ranked.query_compiler.fts_ranked_ids[0] == answer.pk


@postgres_only
def test_postgres_filters_through_a_title_body_index():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = 'digest_indexentry_title_body_gin'"
        )
        (definition,) = cursor.fetchone()
    assert "gin" in definition and "(title || body)" in definition


@pytest.mark.parametrize("query", QUERIES)
def test_one_pass_ranking_agrees_with_the_results_page(client, corpus, query):
    parsed = engine.parse_query(query)
    ranked = engine.backend().search(parsed.search_query(), SummaryPage.objects.all())
    response = client.get("/search/", {"q": query})
    shown = [hit["summary"].pk for hit in response.context["hits"]]
    assert shown == list(ranked.query_compiler.fts_ranked_ids)[: len(shown)] and shown


sqlite_only = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's FTS5 backend")


def matches_in_sql(query):
    """What the FTS table matches for `query`, joined back to the entries in SQL: the
    reference the in-memory entry map must agree with."""
    compiler = engine.backend().search(query, SummaryPage.objects.all()).query_compiler
    sql, params = compiler.fts
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return sorted(row[0] for row in cursor.fetchall())


@sqlite_only
@pytest.mark.parametrize("query", QUERIES)
def test_sqlite_ranking_finds_what_the_fts_table_matches(corpus, query):
    search_query = engine.parse_query(query).search_query()
    ranked = engine.backend().search(search_query, SummaryPage.objects.all()).query_compiler
    assert sorted(ranked.fts_ranked_ids.tolist()) == matches_in_sql(search_query)


@sqlite_only
def test_sqlite_finds_a_page_indexed_after_its_process_loaded_the_entry_map(corpus):
    """A page indexed without a change stamp this process has seen (another process's stamp
    not read yet, `update_index`) has an entry id past the end of the map: it is loaded, not
    dropped."""
    from django.core.cache import cache

    from digest.summaries.facet_index import GENERATION_KEY

    def found():
        query = engine.parse_query("alliance").search_query()
        compiler = engine.backend().search(query, SummaryPage.objects.all()).query_compiler
        return sorted(compiler.fts_ranked_ids.tolist())

    before = found()
    generation = cache.get(GENERATION_KEY)
    late = make_summary(title="A late alliance study", body="<p>The alliance again.</p>")
    cache.set(GENERATION_KEY, generation)  # as if the save had not been stamped
    assert found() == sorted([*before, late.pk])


@sqlite_only
def test_sqlite_loads_the_whole_entry_map_from_an_index_without_reading_the_texts(corpus):
    """The first search after a change maps every entry to its page: from the (content type,
    object id) index alone, not from the rows that hold each summary's whole text."""
    from django.test.utils import CaptureQueriesContext
    from modelsearch.utils import get_descendants_content_types_pks

    from digest.search.adapters.sqlite import EntryObjects

    content_types = get_descendants_content_types_pks(SummaryPage)
    entries = EntryObjects(generation=None, content_types=content_types)
    with CaptureQueriesContext(connection) as queries:
        entries._load(connection)
    load = queries.captured_queries[-1]["sql"]
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {load}")
        plan = " ".join(str(row[-1]) for row in cursor.fetchall())
    assert "COVERING INDEX" in plan, plan
    mapped = {int(e) for e in entries.objects if e >= 0}
    assert set(corpus) <= mapped


@pytest.mark.parametrize("query", ["alliance", "rupture repair", "dropout"])
def test_an_engine_without_one_pass_ranking_gets_the_same_filters_and_counts(
    client, corpus, query, monkeypatch
):
    """Elasticsearch and OpenSearch give their best matches as results, not one ranked pass:
    the facet index filters and counts them all the same (shown here with Wagtail's own
    database search standing in for the cluster)."""
    from digest.taxonomy.models import Topic

    alliance = Topic.objects.get(slug="alliance")
    for pk in corpus[:3]:
        summary = SummaryPage.objects.get(pk=pk)
        summary.topics.add(alliance)
        summary.save()

    def page(**params):
        context = client.get("/search/", {"q": query, **params}).context
        counts = {o["term"].slug: o["count"] for o in context["topic_options"] if o["count"]}
        return sorted(hit["summary"].pk for hit in context["hits"]), counts

    one_pass = [page(), page(topic="alliance"), page(sort="date")]
    monkeypatch.setattr(engine.backend().query_compiler_class, "fast_path", False)
    assert [page(), page(topic="alliance"), page(sort="date")] == one_pass
    assert one_pass[0][0] and one_pass[1][1] == {"alliance": len(one_pass[1][0])}
