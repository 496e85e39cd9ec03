"""Citation exports: one summary's references, or every reference of an archive, topic,
research-type or search list (same filters as the page), as BibTeX, RIS or CSL-JSON."""

from django.db.models import Prefetch
from django.http import Http404, HttpResponse, HttpResponseBadRequest, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_POST
from wagtail.admin.auth import require_admin_access
from wagtail.models import Site

from digest.summaries.facets import Facets
from digest.summaries.models import SummaryPage
from digest.taxonomy.models import ResearchType, Topic, TopicAlias

from .exports import FORMATS
from .models import Reference
from .parsing import parse_reference, split_references

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
    from digest.search import engine
    from digest.search.query import QueryTooLong

    try:
        parsed = engine.parse_query(request.GET.get("q", ""))
    except QueryTooLong:
        return HttpResponseBadRequest(_("That query is too long."))
    if not parsed:
        return HttpResponseBadRequest(_("Please search for at least one word."))
    facets = Facets.from_query(request.GET)
    matching = engine.matching(facets.apply(_published()), parsed)
    return download_citations(matching.newest_first(), fmt, "practice-digest-search")


@require_admin_access
@require_POST
def parse_for_admin(request):
    """Staff-only: the structured fields for a pasted reference, to fill the admin form."""
    raw = request.POST.get("raw", "")
    if len(raw) > 10_000:
        return JsonResponse({"error": _("That text is too long to be one reference.")}, status=400)
    # Several references pasted at once: this box keeps the first, the script adds the others.
    pieces = split_references(raw) or [raw]
    raw = pieces[0]
    parsed = parse_reference(raw)
    reference = Reference(raw=raw)
    reference.fill_from(parsed)
    crossref = []
    if reference.doi:
        from .lookup import differences, lookup_doi

        found = lookup_doi(reference.doi)  # None unless REFERENCES_DOI_LOOKUP is on
        if found is not None and not reference.has_structure():
            # A DOI alone: Crossref's record fills the empty form (nothing typed is lost).
            reference.fill_from(found)
            reference.raw = raw
        elif found is not None:
            crossref = differences(_form_fields(reference), found)
    fields = _form_fields(reference)
    return JsonResponse(
        {
            "fields": fields,
            "raw": raw,
            "others": pieces[1:],
            "confidence": parsed.confidence,
            "style": parsed.style,
            "style_label": str(STYLE_LABELS.get(parsed.style, "")),
            "to_check": _to_check(parsed, fields),
            "crossref": [
                {**d, "label": str(Reference._meta.get_field(d["field"]).verbose_name)}
                for d in crossref
            ],
            "formatted": reference.as_text() if reference.has_structure() else "",
        }
    )


# The style a pasted reference was written in, as the admin names it.
STYLE_LABELS = {
    "apa": _lazy("APA"),
    "harvard": _lazy("Harvard (author–date)"),
    "vancouver": _lazy("NLM/Vancouver (PubMed, AMA)"),
    "chicago": _lazy("Chicago"),
    "mla": _lazy("MLA"),
}
# Parser field → reference form field, for the confidence the parser reports per field.
_CONFIDENCE_FIELDS = {
    "author": "authors",
    "editor": "editors",
    "issued": "year",
    "status": "status",
    "title": "title",
    "container-title": "container_title",
    "volume": "volume",
    "issue": "issue",
    "page": "pages",
    "number": "article_number",
    "edition": "edition",
    "publisher": "publisher",
    "DOI": "doi",
    "URL": "url",
}
CHECK_BELOW = 0.8  # a field the parser is less sure of than this is highlighted for review


def _to_check(parsed, fields) -> list[str]:
    """Form fields the editor should look at: filled with low confidence, or left empty when
    a reference of this kind needs them (a year, a title, a journal for an article)."""
    check = {
        _CONFIDENCE_FIELDS[name]
        for name, value in parsed.confidence.items()
        if name in _CONFIDENCE_FIELDS and value < CHECK_BELOW
    }
    needed = ["title", "authors", "year"]
    if fields["kind"] == "article-journal":
        needed.append("container_title")
    check.update(name for name in needed if fields.get(name) in (None, "", []))
    if fields["year"] is None and fields["status"]:
        check.discard("year")  # "in press" has no year yet
    if fields["unparsed"]:
        check.add("unparsed")
    return sorted(check)


def _form_fields(reference) -> dict:
    return {
        "kind": reference.kind,
        "authors": reference.authors,
        "editors": reference.editors,
        "year": reference.year,
        "status": reference.status,
        "title": reference.title,
        "container_title": reference.container_title,
        "volume": reference.volume,
        "issue": reference.issue,
        "pages": reference.pages,
        "article_number": reference.article_number,
        "edition": reference.edition,
        "publisher": reference.publisher,
        "publisher_place": reference.publisher_place,
        "doi": reference.doi,
        "url": reference.url,
        "unparsed": reference.unparsed,
    }
