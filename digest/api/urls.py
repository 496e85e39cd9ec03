"""Addresses served by the api app: the Ninja API (open CORS for reading) and its docs page."""

from functools import wraps

from django.http import HttpResponse
from django.urls import URLPattern, path

from digest.core.ratelimits import per_client

from . import views
from .api import api


def open_cors(view):
    """Any site may read the API from a browser (GET), including a conditional GET (preflight)."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method == "OPTIONS":
            response = HttpResponse(status=204)
            response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
            response["Access-Control-Allow-Headers"] = "If-None-Match, Accept"
            response["Access-Control-Max-Age"] = "86400"
        else:
            response = view(request, *args, **kwargs)
        response["Access-Control-Allow-Origin"] = "*"
        response["Access-Control-Expose-Headers"] = "ETag"
        return response

    return wrapped


def _with_cors(patterns):
    # Every API address is open to any site, and limited per client (generously).
    return [
        URLPattern(
            p.pattern, open_cors(per_client("api", json=True)(p.callback)), p.default_args, p.name
        )
        if isinstance(p, URLPattern)
        else p
        for p in patterns
    ]


ninja_patterns = api.urls[0]
app_name = "api"  # names: api:docs, api:openapi-json, api:list_summaries…

urlpatterns = [
    path("", views.docs, name="docs"),
    *_with_cors(ninja_patterns),
]
