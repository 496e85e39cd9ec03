"""Site-wide plain views: robots.txt and the sitemap."""

from django.contrib.sitemaps.views import sitemap as django_sitemap
from django.http import HttpResponse
from django.views.decorators.http import require_GET

from .sitemaps import PublishedPagesSitemap


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /django-admin/",
        "Disallow: /search/",
        "Disallow: /fr/search/",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


@require_GET
def sitemap(request):
    # Past 50,000 addresses Django pages the sitemap (?p=2…), as the protocol requires.
    return django_sitemap(request, {"pages": PublishedPagesSitemap(request)})
