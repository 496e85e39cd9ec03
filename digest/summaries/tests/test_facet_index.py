"""The in-memory facet index: the same counts and order as SQL, and never stale after a change."""

import itertools

import pytest
from django.db.models import Count
from wagtail.models import PageViewRestriction

from digest.core.tests.factories import make_issue, make_summary
from digest.summaries.facet_index import FacetIndex
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
    assert index.ids_of(selected) == expected and selected.bit_count() == len(expected)
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
    assert index.mask([draft]) == 0 and index.mask([]) == 0


def test_an_empty_archive_has_an_empty_index():
    index = FacetIndex.build()
    assert index.size == 0 and index.ids_of(index.live) == []
    assert index.counts(index.live) == ({}, {})


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
