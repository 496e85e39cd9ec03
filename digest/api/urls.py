"""Addresses served by the api app."""

urlpatterns = []
