"""Addresses served by the api app: the Ninja API (open CORS for reading, set up in settings
with django-cors-headers) and its docs page."""

from django.urls import URLPattern, path

from digest.core.ratelimits import per_client

from . import views
from .api import api


def _rate_limited(patterns):
    # Every API address is limited per client (generously).
    return [
        URLPattern(p.pattern, per_client("api", json=True)(p.callback), p.default_args, p.name)
        if isinstance(p, URLPattern)
        else p
        for p in patterns
    ]


ninja_patterns = api.urls[0]
app_name = "api"  # names: api:docs, api:openapi-json, api:list_summaries…

urlpatterns = [
    path("", views.docs, name="docs"),
    *_rate_limited(ninja_patterns),
]
