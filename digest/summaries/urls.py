"""The archive and its feeds."""

from django.urls import path

from . import feeds, views

urlpatterns = [
    path("archive/", views.archive, name="archive"),
    path("feeds/rss/", feeds.SummaryRssFeed(), name="feed_rss"),
    path("feeds/atom/", feeds.SummaryAtomFeed(), name="feed_atom"),
]
