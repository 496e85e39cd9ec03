"""The in-memory facet index: the same counts and order as SQL, and never stale after a change."""

import itertools

import pytest
from django.db.models import Count
from hypothesis import given, settings
from hypothesis import strategies as st
from wagtail.models import PageViewRestriction

from digest.core.tests.factories import make_issue, make_summary
from digest.summaries.facet_index import FacetIndex, SummaryList
from digest.summaries.facets import Facets
from digest.summaries.models import SummaryPage
from digest.taxonomy.models import ResearchType, Topic

pytestmark = pytest.mark.django_db

TOPICS = ["alliance", "empathy", "termination", "attendance-attrition-dropout"]
TYPES = ["rct", "meta-analysis", "qualitative"]


@pytest.fixture
def archive():
    """Summaries over three months with every mix of 0–2 topics and 0–1 types, plus a draft."""
    combos = [
        (topics, types)
        for topics in [(), *itertools.combinations(TOPICS, 1), *itertools.combinations(TOPICS, 2)]
        for types in [(), *((t,) for t in TYPES)]
    ]
    issues = [make_issue(m) for m in ("2019-03", "2021-07", "2024-11")]
    for n, (topics, types) in enumerate(combos):
        make_summary(issues[n % 3], f"Summary {n}", topics=topics, types=types)
    make_summary(issues[0], "A draft", topics=TOPICS[:1], types=TYPES[:1], live=False)


def sql_counts(facets, queryset):
    """The same counts in SQL, the reference: topics over the type selection, types over the
    topic selection."""
    topic_counts = dict(
        SummaryPage.topics.through.objects.filter(summarypage__in=queryset.of_types(facets.types))
        .values_list("topic_id")
        .annotate(n=Count("summarypage_id"))
    )
    type_counts = dict(
        SummaryPage.research_types.through.objects.filter(
            summarypage__in=queryset.in_topics(facets.topics)
        )
        .values_list("researchtype_id")
        .annotate(n=Count("summarypage_id"))
    )
    return (
        {t.pk: topic_counts.get(t.pk, 0) for t in Topic.objects.all()},
        {t.pk: type_counts.get(t.pk, 0) for t in ResearchType.objects.all()},
    )


def index_counts(index, facets, ids):
    topic_counts, type_counts = index.counts(ids, facets.topics, facets.types)
    return (
        {t.pk: topic_counts.get(t.pk, 0) for t in Topic.objects.all()},
        {t.pk: type_counts.get(t.pk, 0) for t in ResearchType.objects.all()},
    )


@pytest.mark.parametrize(
    ("topics", "types"),
    [
        ([], []),
        (["alliance"], []),
        (["alliance", "empathy"], []),
        ([], ["rct"]),
        ([], ["rct", "qualitative"]),
        (["termination"], ["meta-analysis"]),
        (["alliance", "attendance-attrition-dropout"], ["rct", "meta-analysis"]),
    ],
)
def test_counts_and_selection_match_sql(archive, topics, types):
    facets = Facets(
        topics=list(Topic.objects.filter(slug__in=topics)),
        types=list(ResearchType.objects.filter(slug__in=types)),
    )
    published = SummaryPage.objects.live().public()
    index = FacetIndex.build()
    every = index.mask(SummaryPage.objects.values_list("pk", flat=True))
    selected = index.within(every, facets.topics, facets.types)
    expected = list(facets.apply(published).newest_first().values_list("pk", flat=True))
    assert index.ids_of(selected) == expected and index.count(selected) == len(expected)
    assert index.newest_first(selected, 1, 3) == expected[1:3]
    assert index_counts(index, facets, every) == sql_counts(facets, published)
    # Over a subset, as for a search's matches.
    some = list(published.filter(title__endswith="1").values_list("pk", flat=True))
    assert index_counts(index, facets, index.mask(some)) == sql_counts(
        facets, published.filter(pk__in=some)
    )
    ranked = some[::-1]
    assert index.in_order(
        ranked, index.within(index.mask(some), facets.topics, facets.types), 0, 100
    ) == [pk for pk in ranked if pk in set(expected)]


def test_order_is_the_archives_and_drafts_are_left_out(archive):
    published = SummaryPage.objects.live().public()
    index = FacetIndex.build()
    newest = list(published.newest_first().values_list("pk", flat=True))
    draft = SummaryPage.objects.get(title="A draft").pk
    assert index.ids_of(index.mask([draft, *reversed(newest)])) == newest
    assert not index.mask([draft]).any() and not index.mask([]).any()


def test_a_summary_is_known_by_its_id_alone_and_nothing_else_is(archive):
    index = FacetIndex.build()
    newest = list(SummaryPage.objects.live().public().newest_first().values_list("pk", flat=True))
    draft = SummaryPage.objects.get(title="A draft").pk
    assert [index.has(pk) for pk in newest] == [True] * len(newest)
    assert [index.positions.of([pk])[0] for pk in newest] == list(range(len(newest)))
    beyond = len(index.positions.lookup)
    assert not any(index.has(pk) for pk in (draft, None, -1, 0, beyond, beyond + 10))


def test_lists_load_each_summary_with_its_issue_only_when_asked(archive, django_assert_num_queries):
    index = FacetIndex.build()
    everything = SummaryList(index, index.mask(index.positions.order))
    with django_assert_num_queries(2):  # the summaries, then their references
        page = everything[0:3]
    assert "issues_issuepage" not in str(SummaryPage.objects.for_listing().query)
    with django_assert_num_queries(2):  # the API's: the issue comes in the same query
        joined = everything.with_issues()[0:3]
        issues = [summary.issue.month for summary in joined]
    assert [s.pk for s in joined] == [s.pk for s in page] and all(issues)
    assert not everything.issues


def test_an_empty_archive_has_an_empty_index():
    index = FacetIndex.build()
    assert index.size == 0 and index.ids_of(index.live) == []
    topic_counts, type_counts = index.counts(index.live)
    assert set(topic_counts.values()) <= {0} and set(type_counts.values()) <= {0}


def found(client, query="empathy"):
    return [hit["summary"].title for hit in client.get(f"/search/?q={query}").context["hits"]]


def topic_count(client, slug, query="empathy"):
    options = client.get(f"/search/?q={query}").context["topic_options"]
    return next(o["count"] for o in options if o["term"].slug == slug)


def test_search_follows_every_change_without_a_restart(client):
    issue = make_issue("2022-05")
    first = make_summary(issue, "Empathy first", topics=["empathy"])
    assert found(client) == ["Empathy first"]

    second = make_summary(issue, "Empathy second", topics=["alliance"])
    assert sorted(found(client)) == ["Empathy first", "Empathy second"]
    assert topic_count(client, "alliance") == 1

    second.topics.set([Topic.objects.get(slug="termination")])
    second.save_revision().publish()
    assert topic_count(client, "alliance") == 0 and topic_count(client, "termination") == 1

    second.unpublish()
    assert found(client) == ["Empathy first"]

    PageViewRestriction.objects.create(page=issue, restriction_type="password", password="x")
    assert found(client) == []
    PageViewRestriction.objects.filter(page=issue).delete()
    assert found(client) == ["Empathy first"]

    first.delete()
    assert found(client) == []


def test_a_stamp_from_another_process_rebuilds_the_index():
    from django.core.cache import cache

    from digest.summaries.facet_index import GENERATION_KEY

    index = FacetIndex.current()
    assert FacetIndex.current() is index  # nothing changed: the same index
    cache.set(GENERATION_KEY, "stamped-by-the-worker")  # what a publish elsewhere does
    rebuilt = FacetIndex.current()
    assert rebuilt is not index and rebuilt.generation == "stamped-by-the-worker"


def test_a_pinned_index_answers_until_the_block_ends():
    from django.core.cache import cache

    from digest.summaries.facet_index import GENERATION_KEY

    with FacetIndex.pinned() as pinned:
        cache.set(GENERATION_KEY, "stamped-during-the-run")
        assert FacetIndex.current() is pinned  # the export renders from one state
    assert FacetIndex.current().generation == "stamped-during-the-run"


# ---- the index's own arithmetic, against plain Python sets (no database) ---------------------


class Term:
    def __init__(self, pk):
        self.pk = pk


@st.composite
def archives(draw):
    """Live ids in archive order, topic and type memberships (some naming other pages), a
    ranking that mixes live ids with drafts' and unknown ids, and a chosen subset."""
    live = draw(st.lists(st.integers(0, 3000), unique=True, max_size=300))
    others = draw(st.lists(st.integers(-5, 4000).filter(lambda i: i not in live), max_size=40))
    pages = live + others
    if not pages:
        return live, [], [], [], []
    pairs = st.tuples(st.integers(1, 5), st.sampled_from(pages))
    topic_pairs = draw(st.lists(pairs, unique=True, max_size=400))
    type_pairs = draw(st.lists(pairs, unique=True, max_size=200))
    ranked = draw(st.permutations(pages))
    chosen = draw(st.lists(st.sampled_from(pages), max_size=300))
    return live, topic_pairs, type_pairs, ranked, chosen


@settings(max_examples=150, deadline=None)
@given(
    archives(),
    st.sets(st.integers(1, 5), max_size=2),
    st.sets(st.integers(1, 5), max_size=2),
    st.integers(0, 320),
    st.integers(0, 40),
)
def test_masks_counts_and_slices_agree_with_sets(archive, topic_ids, type_ids, start, length):
    live, topic_pairs, type_pairs, ranked, chosen = archive
    terms = [Term(pk) for pk in range(1, 6)]
    index = FacetIndex("g", live, topic_pairs, type_pairs, terms, terms)
    topics, types = [Term(pk) for pk in topic_ids], [Term(pk) for pk in type_ids]

    def members(pairs, wanted):
        return {pk for term, pk in pairs if term in wanted} & set(live)

    expected = set(chosen) & set(live)
    if topics:
        expected &= members(topic_pairs, topic_ids)
    if types:
        expected &= members(type_pairs, type_ids)
    selected = index.within(index.mask(chosen), topics, types)
    assert index.count(selected) == len(expected)
    newest = [pk for pk in live if pk in expected]
    assert index.newest_first(selected, start, start + length) == newest[start : start + length]
    best = [pk for pk in ranked if pk in expected]
    assert index.in_order(ranked, selected, start, start + length) == best[start : start + length]
    # Each facet's counts apply the other facet's selection only.
    topic_counts, type_counts = index.counts(index.mask(chosen), topics, types)
    for_topics = set(chosen) & set(live) & (members(type_pairs, type_ids) if types else set(live))
    assert topic_counts == {t.pk: len(members(topic_pairs, {t.pk}) & for_topics) for t in terms}
    for_types = set(chosen) & set(live) & (members(topic_pairs, topic_ids) if topics else set(live))
    assert type_counts == {t.pk: len(members(type_pairs, {t.pk}) & for_types) for t in terms}


@settings(max_examples=150, deadline=None)
@given(archives(), st.integers(1, 8))
def test_related_summaries_are_the_most_shared_newest_first(archive, limit):
    live, topic_pairs, type_pairs, _, _ = archive
    terms = [Term(pk) for pk in range(1, 6)]
    index = FacetIndex("g", live, topic_pairs, type_pairs, terms, terms)

    def terms_of(pairs, pk):
        return {term for term, page in pairs if page == pk}

    for pk in live[:5]:
        topics, types = index.terms_of(pk)
        topic_ids, type_ids = [t.pk for t in topics], [t.pk for t in types]
        assert set(topic_ids) == terms_of(topic_pairs, pk)
        assert set(type_ids) == terms_of(type_pairs, pk)
        scores = {
            other: 2 * len(terms_of(topic_pairs, other) & set(topic_ids))
            + len(terms_of(type_pairs, other) & set(type_ids))
            for other in live
            if other != pk
        }
        best = sorted((o for o, score in scores.items() if score), key=lambda o: -scores[o])
        # sorted() is stable and `live` is newest first: ties stay newest first.
        assert index.related(pk, topic_ids, type_ids, limit) == best[:limit]


def test_every_page_of_a_long_ranking_comes_out_whole():
    """The ranking is read in growing chunks (1 024 ids, then four times more each time): every
    page, including those that straddle a chunk's end, must come out whole and in order."""
    live = list(range(20_000))
    index = FacetIndex("g", live, [(1, pk) for pk in live if pk % 3 == 0], [], [Term(1)], [])
    selected = index.within(index.live, [Term(1)])
    ranked = live[::-1]
    best = [pk for pk in ranked if pk % 3 == 0]
    for start in range(0, len(best) + 25, 25):
        assert index.in_order(ranked, selected, start, start + 25) == best[start : start + 25]
