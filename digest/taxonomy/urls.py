"""Topic and research-type pages."""

from django.urls import path

from . import views

urlpatterns = [
    path("topics/", views.topic_list, name="topic_list"),
    path("topics/<slug:slug>/", views.topic_detail, name="topic_detail"),
    path("topics/<slug:slug>/implications/", views.topic_implications, name="topic_implications"),
    path("types/<slug:slug>/", views.type_detail, name="type_detail"),
    path("evidence-map/", views.evidence_map, name="evidence_map"),
]
