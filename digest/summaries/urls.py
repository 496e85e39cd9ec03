"""The archive, its feeds, the topic and research-type pages and the evidence map."""

from django.urls import path

from . import feeds, term_views, views

urlpatterns = [
    path("archive/", views.archive, name="archive"),
    path("feeds/rss/", feeds.SummaryRssFeed(), name="feed_rss"),
    path("feeds/atom/", feeds.SummaryAtomFeed(), name="feed_atom"),
    path("topics/", term_views.topic_list, name="topic_list"),
    path("topics/<slug:slug>/", term_views.topic_detail, name="topic_detail"),
    path(
        "topics/<slug:slug>/implications/",
        term_views.topic_implications,
        name="topic_implications",
    ),
    path("types/<slug:slug>/", term_views.type_detail, name="type_detail"),
    path("evidence-map/", term_views.evidence_map, name="evidence_map"),
]
