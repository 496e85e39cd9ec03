"""Every public address. Reader pages sit in i18n_patterns: /fr/… serves the French interface."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from digest.core import views as core_views

urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("robots.txt", core_views.robots_txt, name="robots_txt"),
    path("sitemap.xml", core_views.sitemap, name="sitemap"),
    path("api/", include("digest.api.urls")),
    path("", include("digest.legacy.urls")),
]

urlpatterns += i18n_patterns(
    path("", include("digest.reading.urls")),
    path("", include("digest.reading.citation_urls")),
    path("", include("digest.summaries.urls")),
    path("", include("digest.search.urls")),
    path("", include("digest.newsletter.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

if settings.DEBUG:
    from django.conf.urls.static import static

    from digest.core.debug import serve_media

    media = static(settings.MEDIA_URL, serve_media, document_root=settings.MEDIA_ROOT)
    urlpatterns = media + urlpatterns
