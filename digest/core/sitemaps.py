"""The sitemap: every published page (home, issues, summaries) in each interface language.

Addresses are built from the request's host, not from the Wagtail Site record, so the
sitemap is right behind any host name the operator allows.
"""

from django.contrib.sitemaps import Sitemap
from django.utils.translation import get_language
from wagtail.models import Page


class PublishedPagesSitemap(Sitemap):
    i18n = True  # one entry per language: /2018/02/… and /fr/2018/02/…
    alternates = True  # each entry names its other-language twins (hreflang)
    x_default = True

    def __init__(self, request=None):
        self.request = request
        self._locations = {}

    def items(self):
        # Plain Page rows carry url_path, which is all an address needs: no per-type queries.
        return (
            Page.objects.live()
            .public()
            .filter(depth__gte=2)
            .only("url_path", "last_published_at", "latest_revision_created_at")
            .order_by("path")
        )

    def location(self, page):
        # Django asks for each entry's address again for every alternate it lists: made once
        # per page and language.
        key = (page.pk, get_language())
        if key not in self._locations:
            self._locations[key] = page.get_url(request=self.request)
        return self._locations[key]

    def lastmod(self, page):
        return page.last_published_at or page.latest_revision_created_at
