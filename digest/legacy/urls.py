"""Addresses served by the legacy app: the old blog's list pages."""

from django.urls import re_path

from . import views

urlpatterns = [
    # The old site answered at /blog and /blog/ alike, with any query string.
    re_path(r"^blog/?$", views.blog, name="legacy_blog"),
]
