"""The sitemap: every published page (home, issues, summaries) in each interface language.

Addresses are built from the request's host, not from the Wagtail Site record, so the
sitemap is right behind any host name the operator allows.
"""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse
from wagtail.models import Page, Site


class PublishedPagesSitemap(Sitemap):
    i18n = True  # one entry per language: /2018/02/… and /fr/2018/02/…
    alternates = True  # each entry names its other-language twins (hreflang)
    x_default = True

    def __init__(self, request=None):
        self.request = request

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
        # On an install with one site, a page's address is its url_path below the site's
        # root: Wagtail's get_url finds the page's site again for every entry in every
        # language (a tenth of a millisecond each), which at 10,000 pages took seconds.
        root = self._single_site_root()
        if root is not None and page.url_path.startswith(root):
            return reverse("wagtail_serve", args=(page.url_path.removeprefix(root),))
        return page.get_url(request=self.request)

    def _single_site_root(self):
        if not hasattr(self, "_root"):
            roots = Site.get_site_root_paths()
            self._root = roots[0].root_path if len(roots) == 1 else None
        return self._root

    def lastmod(self, page):
        return page.last_published_at or page.latest_revision_created_at
