"""Addresses served by the search app."""

from django.urls import path

from . import views

urlpatterns = [
    path("search/", views.search, name="search"),
    path("search/suggest", views.suggest, name="search_suggest"),
]
