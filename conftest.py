"""Project-wide pytest fixtures."""

import pytest


@pytest.fixture(autouse=True)
def _clear_cache():
    # Page and rate-limit caches must not leak from one test into the next.
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
