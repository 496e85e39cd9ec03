"""Addresses served by the search app."""

urlpatterns = []
