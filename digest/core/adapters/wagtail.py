"""Wagtail internals: how a request's site is found and remembered (digest/core/sites.py)."""

from django.http.request import split_domain_port


def site_lookup_key(request) -> str:
    """What Wagtail matches a request's site on: the host's name as sent, and the port."""
    # Wagtail reads the raw host (Django's private `_get_raw_host`: no ALLOWED_HOSTS check), so
    # that a host no site names still finds the default site; `get_host()` would raise there.
    return f"{split_domain_port(request._get_raw_host())[0]}:{request.get_port()}"


def knows_site(request) -> bool:
    return hasattr(request, "_wagtail_site")


def remember_site(request, site) -> None:
    """Make `Site.find_for_request(request)` answer `site` without a query."""
    # Wagtail keeps a request's site in `request._wagtail_site` (its docstring says so) and
    # reads it there first; it has no public setter.
    request._wagtail_site = site
