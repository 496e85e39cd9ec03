"""The reader's own pages. Before the citation exports' URLs (citation_urls.py): their
catch-all `<page>/cite.<fmt>` would otherwise take a pack's exports for a summary's."""

from django.urls import path, re_path

from . import views

FMT = "(?P<fmt>bib|ris|json)"

urlpatterns = [
    path("list/", views.reading_list, name="reading_list"),
    re_path(rf"^list/cite\.{FMT}$", views.list_citations, name="list_citations"),
    re_path(rf"^packs/(?P<slug>[-\w]+)/cite\.{FMT}$", views.pack_citations, name="pack_citations"),
    path("cpd/", views.cpd_log, name="cpd_log"),
]
