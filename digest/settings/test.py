"""Test settings: fast hashing, in-memory e-mail, tasks run inline, no manifest needed."""

from .base import *  # noqa: F403

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "background": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "QUEUES": ["default", "newsletter", "snapshot"],
    },
}
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"},
    # Counters in the test database: each test starts from zero (its transaction rolls back).
    "ratelimit": {"BACKEND": "digest.core.ratelimit_cache.DatabaseCounterCache"},
}
WAGTAILADMIN_BASE_URL = "http://testserver"

REFERENCES_DOI_LOOKUP = False  # never call the network from tests
# Per-client limits on public reads are off unless a test sets them: the query-count tests
# count the pages' own work (digest/search/tests/test_limits.py tests the limits).
CLIENT_RATE_LIMITS = {"search": None, "suggest": None, "api": None}

# Tests read each response's context, which a stored copy has not: the page cache is off here
# and its own tests (digest/core/tests/test_pagecache.py) turn it on.
PAGE_CACHE_SECONDS = 0
