"""A generous per-client rate limit for the expensive public reads (search, suggestions, the
API): a client over it gets `429 Too Many Requests` with `Retry-After`, everyone else is
unaffected. The client is `digest.core.clients.client_ip` (through trusted proxies only); the
counts live in the rate-limit cache (atomic: Redis, or counters in the database)."""

from functools import wraps

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django_ratelimit.core import get_usage


def per_client(group: str, *, json: bool = False):
    """Limit the view to `settings.CLIENT_RATE_LIMITS[group]` requests per client ("120/m")."""

    def decorate(view):
        @wraps(view)
        def limited(request, *args, **kwargs):
            usage = get_usage(
                request,
                group=f"client.{group}",
                key="ip",
                rate=settings.CLIENT_RATE_LIMITS.get(group),
                increment=True,
            )
            if usage is None or not usage["should_limit"]:
                return view(request, *args, **kwargs)
            wait = max(1, usage["time_left"])
            if json:
                detail = _("Too many requests: wait %(seconds)d seconds.") % {"seconds": wait}
                response = JsonResponse({"detail": detail}, status=429)
            else:
                response = render(request, "core/rate_limited.html", {"wait": wait}, status=429)
            response["Retry-After"] = str(wait)
            response["Cache-Control"] = "no-store"
            return response

        return limited

    return decorate
