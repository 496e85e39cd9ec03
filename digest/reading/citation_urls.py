"""Citation exports beside the pages they export (…/cite.bib, …/cite.ris, …/cite.json)."""

from django.urls import re_path

from . import citations

FMT = "(?P<fmt>bib|ris|json)"

urlpatterns = [
    re_path(rf"^archive/cite\.{FMT}$", citations.archive_citations, name="archive_citations"),
    re_path(rf"^search/cite\.{FMT}$", citations.search_citations, name="search_citations"),
    re_path(
        rf"^topics/(?P<slug>[-\w]+)/cite\.{FMT}$", citations.topic_citations, name="topic_citations"
    ),
    re_path(
        rf"^types/(?P<slug>[-\w]+)/cite\.{FMT}$", citations.type_citations, name="type_citations"
    ),
    # Last: any other page address followed by cite.<fmt> is a summary's own export.
    re_path(
        rf"^(?P<page_path>(?:[-\w]+/)+)cite\.{FMT}$",
        citations.summary_citation,
        name="summary_citation",
    ),
]
