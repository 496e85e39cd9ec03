"""Addresses served by the newsletter app."""

urlpatterns = []
