"""The judged query set keeps its quality: recall@10 and nDCG@10 over the judged summaries."""

import pytest

from bench import judged
from digest.summaries.models import SummaryPage

pytestmark = pytest.mark.django_db


def test_judged_set_is_large_enough_and_consistent():
    assert len(judged.QUERIES) >= 40
    for _, keys, _ in judged.QUERIES:
        assert set(keys) <= set(judged.SUMMARIES)


def test_metrics():
    assert judged.recall_at([1, 2, 3], {3, 4}) == 0.5
    assert judged.ndcg_at([1], {1}) == 1.0
    assert judged.ndcg_at([2, 1], {1}) < 1.0


def test_recall_and_ndcg_on_the_judged_summaries():
    ids = judged.load()
    scores = judged.evaluate(SummaryPage.objects.live().public(), ids)
    recall, ndcg, misses = scores
    # Printed for docs/benchmarks.md (pytest -s); bench_search gives them at 10 000 summaries.
    print(
        f"\njudged set, {len(scores.rows)} queries over {len(ids)} summaries: recall@10 "
        f"{recall:.3f}, nDCG@10 {ndcg:.3f}, precision@5 {scores.precision:.3f}; misses {misses}"
    )
    assert recall >= 0.95, misses
    assert ndcg >= 0.9, misses
