"""The page cache: anonymous readers get a stored copy of a page instead of a fresh render.

It sits first in MIDDLEWARE, so a hit costs two cache reads and none of the middleware or
views behind it. A copy is stored only when the rest of the stack made the response public
(`PublicCacheMiddleware`: no cookie set, no Vary on Cookie, not the admin, not a preview),
so the page cache never keeps what a CDN could not. Every copy carries the facet index's
generation stamp, which any publish, unpublish, move, deletion, or change to a topic or type
renews (`digest/summaries/facet_index.py`): a copy from an older generation is never served.

Why not Django's cache middleware or wagtail-cache (README, "Decisions"): both build the key
from Django's `get_cache_key`, i.e. the language active when they run and the `Vary` headers,
so our English pages (which vary on Accept-Language although the path sets their language)
split into one copy per browser. Django's middleware cannot drop every page at once on a
backend without key patterns (the file cache, Memcached) other than by expiry, and serves a
stored page to a request holding an editor's session cookie unless the page varies on Cookie;
wagtail-cache purges through a list of keys kept in the cache itself, rewritten by every
process on every store. A stamp in every copy needs neither.
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from django.utils.cache import get_conditional_response
from django.utils.translation import get_language_from_path

from digest.summaries.facet_index import current_generation

# Responses stored, and for how long at most (seconds; None: the page timeout).
STORED_STATUSES = {200: None, 301: None, 308: None, 404: "errors", 410: "errors"}
# Hop-by-hop or per-response headers that a stored copy must not repeat.
UNSTORED_HEADERS = {"age", "x-cache", "date", "set-cookie", "connection"}
MAX_QUERY_LENGTH = 512  # longer query strings are rendered but never stored


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not self.applies_to(request):
            response = self.get_response(request)
            response.headers.setdefault("X-Cache", "bypass")
            return response
        store = caches[settings.PAGE_CACHE_ALIAS]
        key = self.key(request)
        generation = current_generation()
        entry = store.get(key)
        if entry is not None and entry["generation"] == generation:
            return self.replay(request, entry)
        response = self.get_response(request)
        timeout = self.timeout(request, response)
        if timeout:
            store.set(key, self.entry(response, generation), timeout)
        response["X-Cache"] = "miss"
        return response

    @staticmethod
    def applies_to(request):
        """Anonymous reads of reader pages: never an editor, a form post or the admin."""
        return (
            settings.PAGE_CACHE_SECONDS > 0
            and request.method in ("GET", "HEAD")
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and settings.CSRF_COOKIE_NAME not in request.COOKIES
            and "HTTP_AUTHORIZATION" not in request.META
            and len(request.META.get("QUERY_STRING", "")) <= MAX_QUERY_LENGTH
            and not request.path_info.startswith(settings.PAGE_CACHE_EXCLUDED_PREFIXES)
        )

    @staticmethod
    def key(request):
        """The whole address: scheme, host, path and query, and the language the path gives."""
        language = get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
        address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}|{language}"
        return "page:" + hashlib.sha256(address.encode()).hexdigest()

    @staticmethod
    def timeout(request, response):
        """How long to keep `response`, or 0 to keep nothing."""
        if request.method != "GET" or response.streaming or response.cookies:
            return 0
        if response.status_code not in STORED_STATUSES:
            return 0
        cache_control = response.get("Cache-Control", "")
        if "public" not in cache_control or "cookie" in response.get("Vary", "").lower():
            return 0
        if STORED_STATUSES[response.status_code] == "errors":
            return settings.PAGE_CACHE_ERROR_SECONDS
        if request.META.get("QUERY_STRING"):
            # Searches and filtered lists: countless distinct addresses, so kept briefly.
            return settings.PAGE_CACHE_QUERY_SECONDS
        return settings.PAGE_CACHE_SECONDS

    @staticmethod
    def entry(response, generation):
        return {
            "generation": generation,
            "stored": time.time(),
            "status": response.status_code,
            "headers": [
                (name, value)
                for name, value in response.items()
                if name.lower() not in UNSTORED_HEADERS
            ],
            "content": response.content,
        }

    @staticmethod
    def replay(request, entry):
        response = HttpResponse(entry["content"], status=entry["status"])
        for name, value in entry["headers"]:
            response[name] = value
        response["Age"] = str(max(0, int(time.time() - entry["stored"])))
        response["X-Cache"] = "hit"
        if request.method == "HEAD":
            response.content = b""
            response["Content-Length"] = str(len(entry["content"]))
        if response.status_code == 200:
            # The ETag stored with the copy still answers If-None-Match with a 304.
            response = get_conditional_response(
                request, etag=response.get("ETag"), response=response
            )
            response["X-Cache"] = "hit"
        return response
