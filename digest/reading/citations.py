"""Citation exports: one summary's references, or every reference of an archive, topic,
research-type, search or reading list (same filters as the page), as BibTeX, RIS or CSL-JSON.
Here, above the lists they export, rather than in references (a library the content uses)."""

from django.db.models import Prefetch
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from wagtail.models import Site

from digest.references.exports import FORMATS
from digest.references.models import Reference
from digest.search import engine
from digest.search.query import QueryTooLong
from digest.summaries.facets import Facets
from digest.summaries.models import SummaryPage
from digest.taxonomy.models import ResearchType, Topic, TopicAlias

MAX_SUMMARIES = 5000  # the whole archive is ~400; a bound keeps a crafted query cheap


def download_citations(summaries, fmt, filename, order=None):
    """The references of `summaries` as one BibTeX, RIS or CSL-JSON download; `order` (ids)
    keeps a hand-made order, such as a reading list's, instead of the queryset's."""
    writer, media_type, extension = FORMATS[fmt]
    summaries = list(
        summaries.prefetch_related(
            Prefetch("references", queryset=Reference.objects.order_by("sort_order"))
        )[:MAX_SUMMARIES]
    )
    if order is not None:
        position = {pk: i for i, pk in enumerate(order)}
        summaries.sort(key=lambda s: position.get(s.pk, len(position)))
    items = [
        reference.to_csl()
        for summary in summaries
        for reference in summary.references.all()
        if reference.has_structure() or reference.doi
    ]
    response = HttpResponse(writer(items), content_type=f"{media_type}; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.{extension}"'
    return response


def _published():
    return SummaryPage.objects.live().public()


def summary_citation(request, page_path, fmt):
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    url_path = f"{site.root_page.url_path}{page_path}"
    summary = _published().filter(url_path=url_path).first()
    if summary is None:
        raise Http404(_("There is no summary at this address."))
    return download_citations(_published().filter(pk=summary.pk), fmt, summary.slug)


def archive_citations(request, fmt):
    facets = Facets.from_query(request.GET)
    slugs = [t.slug for t in facets.topics] + [t.slug for t in facets.types]
    name = "-".join(["practice-digest", *slugs]) if slugs else "practice-digest-archive"
    return download_citations(facets.apply(_published()).newest_first(), fmt, name[:120])


def topic_citations(request, slug, fmt):
    topic = Topic.objects.filter(slug=slug).first()
    if topic is None:
        alias = get_object_or_404(TopicAlias.objects.select_related("topic"), slug=slug)
        return redirect("topic_citations", slug=alias.topic.slug, fmt=fmt, permanent=True)
    summaries = _published().in_topics([topic]).newest_first()
    return download_citations(summaries, fmt, f"practice-digest-{topic.slug}")


def type_citations(request, slug, fmt):
    research_type = get_object_or_404(ResearchType, slug=slug)
    summaries = _published().of_types([research_type]).newest_first()
    return download_citations(summaries, fmt, f"practice-digest-{research_type.slug}")


def search_citations(request, fmt):
    try:
        parsed = engine.parse_query(request.GET.get("q", ""))
    except QueryTooLong:
        return HttpResponseBadRequest(_("That query is too long."))
    if not parsed:
        return HttpResponseBadRequest(_("Please search for at least one word."))
    facets = Facets.from_query(request.GET)
    matching = engine.matching(facets.apply(_published()), parsed)
    return download_citations(matching.newest_first(), fmt, "practice-digest-search")
