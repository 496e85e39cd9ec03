"""A reader's own: a shared reading list, its citation exports, teaching-pack exports and the
CPD log page. Nothing a reader keeps is stored here: lists travel in the address, the CPD log
stays in the reader's browser."""

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from digest.summaries.models import SummaryPage

from .citations import download_citations
from .lists import MAX_IDS, read_ids
from .models import TeachingPack


def _listed(ids):
    """The live, public summaries among `ids`, in the order given."""
    found = SummaryPage.objects.live().public().for_listing().in_bulk(ids)
    return [found[pk] for pk in ids if pk in found]


@require_safe
def reading_list(request):
    given = read_ids(request.GET.get("ids", ""))
    summaries = _listed(given.ids)
    return render(
        request,
        "reading/list.html",
        {
            "summaries": summaries,
            "ids": ",".join(str(s.pk) for s in summaries),
            "skipped": len(given.ids) - len(summaries),
            "unreadable": given.unreadable,
            "over_limit": given.over_limit,
            "max_ids": MAX_IDS,
            "shared": "ids" in request.GET,
        },
    )


@require_safe
def list_citations(request, fmt):
    ids = read_ids(request.GET.get("ids", "")).ids
    summaries = SummaryPage.objects.live().public().filter(pk__in=ids)
    return download_citations(summaries, fmt, "practice-digest-reading-list", order=ids)


@require_safe
def pack_citations(request, slug, fmt):
    pack = get_object_or_404(TeachingPack.objects.live().public(), slug=slug)
    ids = list(pack.items.order_by("sort_order").values_list("summary_id", flat=True))
    summaries = SummaryPage.objects.live().public().filter(pk__in=ids)
    if not summaries.exists():
        raise Http404
    return download_citations(summaries, fmt, f"practice-digest-pack-{pack.slug}", order=ids)


@require_safe
def cpd_log(request):
    return render(request, "reading/cpd.html")
