"""Addresses served by the references app."""

urlpatterns = []
