"""Project-wide pytest fixtures."""

import pytest


@pytest.fixture(autouse=True)
def _clear_cache():
    # Page and rate-limit caches must not leak from one test into the next.
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _english_between_tests():
    # A request to /fr/… leaves French active in this thread; the next test must not
    # inherit it (page.url, issue titles and reverse() all follow the active language).
    from django.utils import translation

    translation.activate("en")
    yield
    translation.activate("en")


def pytest_collection_modifyitems(config, items):
    """Give every transactional test a serialized rollback.

    A transactional test (live_server, a real worker process) ends by flushing the database,
    which would take with it what the migrations created: Wagtail's root and home pages, the
    site, the 36 topics and the research types. Serialized rollback restores them, whatever
    order the tests run in.
    """
    for item in items:
        marker = item.get_closest_marker("django_db")
        kwargs = dict(marker.kwargs) if marker else {}
        fixtures = set(getattr(item, "fixturenames", ()))
        if kwargs.get("transaction") or fixtures & {"transactional_db", "live_server"}:
            kwargs.update(transaction=True, serialized_rollback=True)
            item.add_marker(pytest.mark.django_db(**kwargs), append=False)
