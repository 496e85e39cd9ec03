"""Addresses served by the legacy app."""

urlpatterns = []
