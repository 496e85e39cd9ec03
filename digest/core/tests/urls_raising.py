"""The site's addresses plus one view that fails, to see the real 500 page."""

from django.urls import path

from digest.urls import urlpatterns as site_urlpatterns


def broken_view(request):
    raise RuntimeError("A deliberate failure for the 500 page test.")


urlpatterns = [path("broken/", broken_view), *site_urlpatterns]
