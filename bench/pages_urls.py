"""The site's addresses plus a bare view: the reference a reader page's time is compared with.

The bare view passes through the same middleware (sessions, CSP, locale, ETag) and returns a
body of the requested size, so the difference from a real page is our views and templates.
"""

from django.http import HttpResponse
from django.urls import path

from digest.urls import urlpatterns as site_urlpatterns


def bare(request, size):
    return HttpResponse(b"x" * size, content_type="text/html; charset=utf-8")


urlpatterns = [path("__bench__/bare/<int:size>/", bare), *site_urlpatterns]
