"""The open data API (read-only JSON): issues, summaries, topics, research types and search.

Django Ninja writes the OpenAPI description from these signatures and the schemas; list
endpoints take the archive's own parameters (`topic`, `type`, repeatable) and are paginated.
"""

import datetime
import math

from django.db.models import Count
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Field, NinjaAPI, Path, Query, Schema
from ninja.errors import HttpError

from digest.issues.models import IssuePage
from digest.search import engine
from digest.search.highlight import passage
from digest.search.query import MAX_QUERY_LENGTH, QueryTooLong
from digest.summaries.facets import Facets
from digest.summaries.models import SummaryPage
from digest.taxonomy.models import ResearchType, Topic

from . import schemas, serializers

api = NinjaAPI(
    title="Practice Digest open data API",
    version="1.0",
    description=(
        "Read-only JSON about the archive's issues, summaries, topics and research types, "
        "with full-text search. No key needed; CORS is open; responses carry an ETag."
    ),
    urls_namespace="api",
    docs_url=None,  # the human docs page is ours (/api/): no third-party script under our CSP
)

PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
MAX_ID = 2**63 - 1  # the largest id a database can hold
ERRORS = {400: schemas.Error, 404: schemas.Error, 422: schemas.ValidationErrors}


class Filters(Schema):
    """The archive's parameters (read again by Facets; declared here for the description)."""

    topic: list[str] = Field([], description="Topic slug; repeat for several (any of them).")
    type: list[str] = Field([], description="Research type slug; repeat for several (any of them).")
    page: int = Field(1, ge=1, description="Page number, from 1.")
    page_size: int = Field(PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE, description="Results per page.")


def filtered(request, queryset):
    """`queryset` narrowed by the archive's filters, and the slugs no term answers to.

    A filter naming only unknown terms matches nothing (no summary has that topic), so a typo
    never silently widens the list; the response names the unknown slugs.
    """
    facets = Facets.from_query(request.GET)
    if facets.only_unknown:
        return queryset.none(), facets.unknown
    return facets.apply(queryset), facets.unknown


def page_of(items, count, page, page_size):
    """The slice of `items` for `page` and the pagination fields; past the end is empty."""
    pages = max(1, math.ceil(count / page_size))
    start = (page - 1) * page_size
    results = list(items[start : start + page_size]) if page <= pages else []
    return results, {"count": count, "page": page, "pages": pages, "page_size": page_size}


def published():
    return SummaryPage.objects.live().public()


@api.exception_handler(HttpError)
def http_error(request, exc):
    return api.create_response(request, {"detail": exc.message}, status=exc.status_code)


@api.get("/summaries", response={200: schemas.SummaryPage, **ERRORS}, tags=["summaries"])
def list_summaries(request, filters: Filters = Query(...)):  # noqa: B008
    """Published summaries, newest first, filtered like the archive."""
    summaries, unknown = filtered(request, published())
    summaries = summaries.newest_first().for_listing(issue=True)
    items, meta = page_of(summaries, summaries.count(), filters.page, filters.page_size)
    results = [serializers.summary(request, s) for s in items]
    return {**meta, "unknown_filters": unknown, "results": results}


@api.get("/summaries/{summary_id}", response={200: schemas.Summary, **ERRORS}, tags=["summaries"])
def get_summary(
    request,
    summary_id: int = Path(..., ge=1, le=MAX_ID, description="The summary's id"),  # noqa: B008
):
    summary = published().for_listing(issue=True).filter(pk=summary_id).first()
    if summary is None:
        raise HttpError(404, _("No published summary has this id."))
    return serializers.summary(request, summary)


@api.get("/issues", response={200: schemas.IssuePage, **ERRORS}, tags=["issues"])
def list_issues(
    request,
    page: int = Query(1, ge=1),
    page_size: int = Query(PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE),
):
    """Published issues, newest first, each with its summaries in order."""
    issues = IssuePage.objects.live().public().order_by("-month")
    items, meta = page_of(issues, issues.count(), page, page_size)
    return {**meta, "results": _issues(request, items)}


@api.get("/issues/{month}", response={200: schemas.Issue, **ERRORS}, tags=["issues"])
def get_issue(request, month: str):
    """One issue by its month, written `YYYY-MM`."""
    try:
        first = datetime.datetime.strptime(month, "%Y-%m").date()
        # strptime also reads "2026-7": one issue, one address.
        if first.strftime("%Y-%m") != month:
            raise ValueError(month)
    except ValueError:
        raise HttpError(404, _("Issues are named by month: YYYY-MM.")) from None
    issue = IssuePage.objects.live().public().filter(month=first).first()
    if issue is None:
        raise HttpError(404, _("There is no published issue for this month."))
    return _issues(request, [issue])[0]


def _issues(request, issues):
    by_issue = {}
    summaries = published().filter(issue__in=[i.pk for i in issues]).order_by("path")
    for summary in summaries:
        by_issue.setdefault(summary.issue_id, []).append(summary)
    return [serializers.issue(request, i, by_issue.get(i.pk, [])) for i in issues]


@api.get("/topics", response=list[schemas.TermDetail], tags=["taxonomy"])
def list_topics(request):
    """The network's topics in its order, with how many published summaries each has."""
    return _terms(request, Topic)


@api.get("/types", response=list[schemas.TermDetail], tags=["taxonomy"])
def list_types(request):
    """The research types, with how many published summaries each has."""
    return _terms(request, ResearchType)


def _terms(request, model):
    through = SummaryPage.topics.through if model is Topic else SummaryPage.research_types.through
    key = "topic_id" if model is Topic else "researchtype_id"
    counts = dict(
        through.objects.filter(summarypage__in=published())
        .values_list(key)
        .order_by()
        .annotate(n=Count("summarypage_id"))
    )
    return [
        {
            **serializers.term(request, t),
            "description": t.description,
            "summaries": counts.get(t.pk, 0),
        }
        for t in model.objects.all()
    ]


@api.get("/search", response={200: schemas.SearchPage, **ERRORS}, tags=["search"])
def search(
    request,
    q: str = Query(..., min_length=1, max_length=MAX_QUERY_LENGTH, description="Search words"),
    sort: str = Query("relevance", pattern="^(relevance|date)$"),
    filters: Filters = Query(...),  # noqa: B008
):
    """Full-text search, as on /search/: stems, synonyms, "phrases" and OR."""
    facets = Facets.from_query(request.GET)
    try:
        parsed = engine.parse_query(q)
    except QueryTooLong:
        raise HttpError(400, _("That query is too long.")) from None
    if parsed and not facets.only_unknown:  # an unknown filter matches nothing, as in the lists
        found = engine.find(parsed, facets, by_date=sort == "date")
        results, relaxed, count = found.results.with_issues(), found.relaxed, found.total
    else:  # only punctuation or stop words, or an unknown filter: nothing can match
        results, relaxed, count = [], False, 0
    items, meta = page_of(results, count, filters.page, filters.page_size)
    stems = parsed.stems
    hits = [
        {"passage_html": passage(s, stems), "summary": serializers.summary(request, s)}
        for s in items
    ]
    return {
        **meta,
        "query": parsed.text,
        "relaxed": relaxed,
        "unknown_filters": facets.unknown,
        "results": hits,
    }


def not_found(request, exc):
    return api.create_response(request, {"detail": str(exc) or "Not found"}, status=404)


api.add_exception_handler(Http404, not_found)
