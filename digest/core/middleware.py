"""HTTP caching for anonymous reader pages: public Cache-Control so browsers and a CDN keep them.

ETags and 304 answers come from Django's ConditionalGetMiddleware, which runs inside this one.
"""

from django.conf import settings
from django.utils.cache import patch_cache_control

PRIVATE_PREFIXES = ("/admin/", "/django-admin/", "/documents/")
CACHEABLE_STATUSES = {200, 301, 304, 404, 410}


class PublicCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if self.is_public(request, response):
            max_age = settings.PUBLIC_CACHE_SECONDS
            if response.status_code in (404, 410):
                max_age = min(max_age, 60)
            patch_cache_control(response, public=True, max_age=max_age)
        elif settings.SESSION_COOKIE_NAME in request.COOKIES and not response.has_header(
            "Cache-Control"
        ):
            # An editor's copy must never be stored by a shared cache in between.
            patch_cache_control(response, private=True)
        return response

    @staticmethod
    def is_public(request, response):
        # Anything personal (a cookie being set, a Vary on Cookie, a view's own
        # Cache-Control such as Wagtail's previews) is left alone. A request with a session
        # cookie (a logged-in editor) is never answered with a shareable copy; looking at the
        # cookie rather than request.user keeps the session unread, so anonymous pages do
        # not gain a Vary: Cookie.
        return (
            request.method in ("GET", "HEAD")
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and response.status_code in CACHEABLE_STATUSES
            and not request.path.startswith(PRIVATE_PREFIXES)
            and not response.has_header("Cache-Control")
            and not response.cookies
            and "cookie" not in response.get("Vary", "").lower()
        )
