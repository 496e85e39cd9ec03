"""The site's addresses plus a bare view: the reference a reader page's time is compared with.

The bare view passes through the same middleware (sessions, CSP, locale, ETag) and returns a
body of the requested size, so the difference from a real page is our views and templates.
"""

import os
from pathlib import Path

from django.http import HttpResponse
from django.urls import path

from digest.urls import urlpatterns as site_urlpatterns


def bare(request, size):
    return HttpResponse(b"x" * size, content_type="text/html; charset=utf-8")


# bench_http: a bare view returning the very bytes of a saved page (read once, at start).
SAVED_PAGE = Path(os.environ["BENCH_SAVED_PAGE"]) if os.environ.get("BENCH_SAVED_PAGE") else None
SAVED_BYTES = SAVED_PAGE.read_bytes() if SAVED_PAGE and SAVED_PAGE.exists() else b""


def saved(request):
    return HttpResponse(SAVED_BYTES, content_type="text/html; charset=utf-8")


urlpatterns = [
    path("__bench__/bare/<int:size>/", bare),
    path("__bench__/saved/", saved),
    *site_urlpatterns,
]
