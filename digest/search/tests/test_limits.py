"""What one query may keep in memory and what all of them keep together are bounded (least
recently used out first); search, suggestions and the API have a generous per-client limit."""

import numpy as np
import pytest

from digest.core.tests.factories import make_summary
from digest.search import engine
from digest.search.ranked_cache import RankedIdsCache


def ids(count, start=0):
    return np.arange(start, start + count, dtype=np.int64)


def test_a_query_larger_than_its_share_is_not_kept():
    cache = RankedIdsCache(max_bytes_per_query=80, max_bytes_total=1000)
    assert cache.put("small", ids(10)) is True
    assert cache.put("large", ids(11)) is False
    assert cache.get("large") is None and cache.total_bytes == 80


def test_the_total_is_bounded_and_the_least_recently_used_goes_first():
    cache = RankedIdsCache(max_bytes_per_query=80, max_bytes_total=240)
    for name in ("a", "b", "c"):
        cache.put(name, ids(10))
    cache.get("a")  # "b" is now the least recently used
    cache.put("d", ids(10))
    assert cache.get("b") is None
    assert all(cache.get(name) is not None for name in ("a", "c", "d"))
    assert cache.total_bytes == 240 and len(cache) == 3
    cache.put("a", ids(5))  # replacing an entry counts only its new size
    assert cache.total_bytes == 200


def test_kept_ids_cannot_be_changed_by_a_reader():
    cache = RankedIdsCache(max_bytes_per_query=80, max_bytes_total=240)
    cache.put("a", ids(3))
    with pytest.raises(ValueError):
        cache.get("a")[0] = 99


@pytest.mark.django_db
def test_many_distinct_queries_stay_within_the_budget(client, monkeypatch):
    for n in range(6):
        make_summary(title=f"Alliance rupture study {n}", body=f"<p>Word{n} alliance.</p>")
    budget = RankedIdsCache(max_bytes_per_query=64, max_bytes_total=128)
    monkeypatch.setattr(engine, "RANKED", budget)
    for query in ("alliance", "rupture", "study", "alliance rupture", "word1 OR alliance"):
        assert client.get("/search/", {"q": query}).status_code == 200
    assert budget.total_bytes <= 128
    assert 1 <= len(budget) <= 2  # six ids of 8 bytes each: at most two such queries fit


@pytest.mark.django_db
def test_a_client_over_the_search_limit_gets_429_with_retry_after(client, settings):
    settings.CLIENT_RATE_LIMITS = {**settings.CLIENT_RATE_LIMITS, "search": "3/m"}
    codes = [client.get("/search/?q=alliance").status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    limited = client.get("/fr/search/?q=alliance")
    assert limited.status_code == 429
    assert 1 <= int(limited["Retry-After"]) <= 60
    assert "no-store" in limited["Cache-Control"]
    # Another reader is not affected.
    assert client.get("/search/?q=alliance", REMOTE_ADDR="203.0.113.5").status_code == 200


@pytest.mark.django_db
def test_the_api_and_suggestions_answer_429_in_json(client, settings):
    settings.CLIENT_RATE_LIMITS = {"search": "100/m", "suggest": "2/m", "api": "2/m"}
    for url in ("/api/topics", "/search/suggest?q=all"):
        assert [client.get(url).status_code for _ in range(2)] == [200, 200]
        limited = client.get(url)
        assert limited.status_code == 429 and int(limited["Retry-After"]) >= 1
        assert "detail" in limited.json()
