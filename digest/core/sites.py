"""The Wagtail site of a request, found once per host rather than once per request.

Nearly every reader page writes page addresses, and Wagtail finds the request's site for them
with a query whose CASE ordering takes about 2 ms to build, on every request. Sites change
rarely, so a small map in the shared cache keeps each host's site row: its fields, not its root
page, which loads only when a view asks for it (Wagtail's page views do). The map is dropped
whenever a site is saved or deleted, and kept an hour at most.
"""

from django.core.cache import cache
from django.db import router
from django.db.models.signals import post_delete, post_save
from wagtail.models import Site

from .adapters import wagtail

SITES_KEY = "digest:sites"
SITES_SECONDS = 3600
MAX_HOSTS = 64  # hosts the map keeps; others are looked up on each request, as Wagtail does


class CurrentSiteMiddleware:
    """Gives the request its site, where `Site.find_for_request` looks first."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not wagtail.knows_site(request):
            wagtail.remember_site(request, find_site(request))
        return self.get_response(request)


def find_site(request):
    """What `Site.find_for_request(request)` finds, from the map when it knows the host."""
    host = wagtail.site_lookup_key(request)
    sites = cache.get(SITES_KEY) or {}
    fields = [field.attname for field in Site._meta.concrete_fields]
    values = sites.get(host)
    if values is not None:
        return Site.from_db(router.db_for_read(Site), fields, values)
    site = Site.find_for_request(request)  # Wagtail's rules: host and port, else the default
    if site is not None and len(sites) < MAX_HOSTS:
        values = [getattr(site, name) for name in fields]
        cache.set(SITES_KEY, {**sites, host: values}, SITES_SECONDS)
    return site


def forget_sites(**kwargs):
    cache.delete(SITES_KEY)


def connect_signals():
    for signal in (post_save, post_delete):
        signal.connect(forget_sites, sender=Site, dispatch_uid=f"digest-sites-{id(signal)}")
