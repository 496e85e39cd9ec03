"""The archive: every published summary under month headings, filtered by topic and type."""

from functools import cache
from itertools import groupby

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404
from django.shortcuts import render
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _

from .facet_index import FacetIndex, SummaryList
from .facets import Facets

ARCHIVE_PAGE_SIZE = 20


def paginate(request, queryset, per_page=ARCHIVE_PAGE_SIZE):
    """A page of `queryset`; a page number that is not a page is a 404, as the issue asks."""
    paginator = Paginator(queryset, per_page)
    number = request.GET.get("page", "1")
    try:
        return paginator.page(number)
    except (PageNotAnInteger, EmptyPage, ValueError) as error:
        raise Http404(_("There is no such page of results.")) from error


def group_by_month(summaries):
    return [(month, list(items)) for month, items in groupby(summaries, key=lambda s: s.month)]


def archive(request):
    # The facet index answers which summaries are in the filters and how many each option
    # would give; only the page's own summaries are read from the database.
    index = FacetIndex.current()
    facets = Facets.from_query(request.GET, index)
    live = facets.live_mask(index)
    selected = index.within(live, facets.topics, facets.types)
    # A run rendering every page (the static export) has read every summary already.
    loaded = getattr(request, "loaded_summaries", None)
    page = paginate(request, SummaryList(index, selected, loaded=loaded))
    # Counted only when the facet column is rendered: a run rendering every page (the static
    # export) renders it once per filter (`{% shared "facets" %}`), not once per page.
    options = cache(lambda: facets.options(index, live))
    return render(
        request,
        "summaries/archive.html",
        {
            "facets": facets,
            "page_obj": page,
            "months": group_by_month(page.object_list),
            "topic_options": SimpleLazyObject(lambda: options()[0]),
            "type_options": SimpleLazyObject(lambda: options()[1]),
            "filter_query": facets.query(),
            # The year range is not a checkbox: the filter form carries it along.
            "facet_hidden": [(key, year) for key, year in facets.years.items() if year],
            "without_years": _query_without_years(facets),
        },
    )


def _query_without_years(facets):
    return Facets(topics=facets.topics, types=facets.types).query()
