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
