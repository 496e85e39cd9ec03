"""Addresses served by the search app."""

from django.urls import path

from digest.core.ratelimits import per_client

from . import views

urlpatterns = [
    path("search/", per_client("search")(views.search), name="search"),
    path("search/suggest", per_client("suggest", json=True)(views.suggest), name="search_suggest"),
]
