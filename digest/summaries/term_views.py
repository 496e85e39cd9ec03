"""Topic and research-type pages: their summaries and the topic's practice-implications digest;
the evidence map. Here rather than in taxonomy: the vocabulary sits below the summaries that
use it and imports none of them."""

from urllib.parse import urlencode

from django.db.models import Count, Prefetch, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render

from digest.issues.models import IssuePage
from digest.references.models import Reference
from digest.taxonomy import evidence_map as grid
from digest.taxonomy.models import ResearchType, Topic, TopicAlias

from .facet_index import FacetIndex, SummaryList
from .facets import Facets
from .models import SummaryPage
from .views import group_by_month, paginate


def _live_count(relation="summaries"):
    return Count(
        relation,
        filter=Q(**{f"{relation}__live": True}) & ~Q(**{f"{relation}__pk__in": _private_ids()}),
    )


def _private_ids():
    return SummaryPage.objects.live().not_public().values("pk")


def topic_list(request):
    # Meta.ordering is dropped from aggregate queries, so the network's order is explicit.
    topics = Topic.objects.annotate(n=_live_count()).order_by("sort_order", "name")
    types = ResearchType.objects.annotate(n=_live_count()).order_by("sort_order", "name")
    return render(request, "taxonomy/topic_list.html", {"topics": topics, "types": types})


def _term_context(request, term, facet):
    """A topic's or type's list, as the archive filtered by it: the facet index answers which
    summaries and how many, and only the page's own are read (none, in a run that has read
    every summary already: the static export)."""
    index = FacetIndex.current()
    mask = index.within(index.live, **{f"{facet}s": [term]})
    loaded = getattr(request, "loaded_summaries", None)
    page = paginate(request, SummaryList(index, mask, loaded=loaded))
    return {
        "term": term,
        "page_obj": page,
        "months": group_by_month(page.object_list),
        "filter_query": "",
        # The same list as an archive filter and as a feed: ?topic=… or ?type=…
        "feed_query": urlencode({facet: term.slug}),
    }, mask


# The topic page shows the newest implications; the handout page holds every one of them,
# so the topic page stays the same size however large the archive grows.
DIGEST_ON_TOPIC_PAGE = 20


def _topic_or_redirect(slug, url_name):
    """The topic, or a permanent redirect when `slug` is a renamed or merged topic's."""
    topic = Topic.objects.filter(slug=slug).first()
    if topic is not None:
        return topic, None
    alias = TopicAlias.objects.select_related("topic").filter(slug=slug).first()
    if alias is None:
        raise Http404
    # reverse() inside i18n_patterns keeps the reader's language prefix.
    return None, redirect(url_name, alias.topic.slug, permanent=True)


def _implications(request, topic, mask, limit=None):
    """The topic's summaries that have practice implications, newest first."""
    loaded = getattr(request, "loaded_summaries", None)
    if loaded is not None:
        found = loaded.summaries
        summaries = (found[pk] for pk in FacetIndex.current().ids_of(mask) if pk in found)
        return [summary for summary in summaries if summary.implications][:limit]
    summaries = SummaryPage.objects.live().public().in_topics([topic])
    summaries = summaries.exclude(implications="").newest_first()
    if getattr(request, "fragments", None) is not None:
        return _Entries(list(summaries.values_list("pk", flat=True)[:limit]))
    return _entries_of(summaries[:limit])


def _entries_of(summaries):
    return list(
        summaries.only("title", "implications", "month", "url_path").prefetch_related(
            Prefetch("references", queryset=Reference.objects.order_by("sort_order"))
        )
    )


class _Entries:
    """A topic's summaries with implications, for a run of many pages (the static
    snapshot's after a publish), which keeps each entry once rendered (`{% shared
    "digest_entry" %}`) and so asks most summaries for their `pk` alone: their ids are read
    at once, and a summary in full only when its entry is rendered, with the next ones (as
    many as were read already, at least CHUNK: few queries when none was kept). A handout of
    a large topic lists thousands."""

    CHUNK = 50

    def __init__(self, ids):
        self.ids = ids
        self.read = {}

    def __len__(self):
        return len(self.ids)

    def __iter__(self):
        return (_Entry(self, at) for at in range(len(self.ids)))

    def summary(self, at):
        pk = self.ids[at]
        if pk not in self.read:
            size = max(self.CHUNK, len(self.read))
            chunk = [pk for pk in self.ids[at : at + size] if pk not in self.read]
            self.read |= {s.pk: s for s in _entries_of(SummaryPage.objects.filter(pk__in=chunk))}
        return self.read[pk]


class _Entry:
    def __init__(self, entries, at):
        self.pk = entries.ids[at]
        self._entries, self._at = entries, at

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self._entries.summary(self._at), name)


def topic_detail(request, slug):
    topic, moved = _topic_or_redirect(slug, "topic_detail")
    if moved:
        return moved
    context, mask = _term_context(request, topic, "topic")
    context["implications"] = _implications(request, topic, mask, DIGEST_ON_TOPIC_PAGE)
    context["implications_shown"] = len(context["implications"])
    # The implications are in the digest below the list: each is shown once on the page.
    context["hide_implications"] = True
    return render(request, "taxonomy/topic_detail.html", context)


def topic_implications(request, slug):
    """The practice-implications digest: every implication on the topic, to print."""
    topic, moved = _topic_or_redirect(slug, "topic_implications")
    if moved:
        return moved
    index = FacetIndex.current()
    mask = index.within(index.live, topics=[topic])
    return render(
        request,
        "taxonomy/topic_implications.html",
        {"term": topic, "implications": _implications(request, topic, mask)},
    )


def type_detail(request, slug):
    research_type = get_object_or_404(ResearchType, slug=slug)
    context, _mask = _term_context(request, research_type, "type")
    return render(request, "taxonomy/type_detail.html", context)


def evidence_map(request):
    """Topics (rows) × research types (columns): how many summaries each pair has, each count
    a link to the archive filtered by the pair and the same years."""

    years = Facets.from_query(request.GET)
    # Only the years apply: the map is every topic by every type.
    facets = Facets(year_from=years.year_from, year_to=years.year_to)
    index = FacetIndex.current()
    mask = facets.live_mask(index)
    rows, columns, legend, largest = grid.build(index, mask)
    for row in rows:
        for cell in row.cells:
            cell.query = Facets([cell.topic], [cell.research_type], **_years(facets)).query()
        row.query = Facets([row.topic], **_years(facets)).query()
    columns = [
        (term, total, Facets(types=[term], **_years(facets)).query()) for term, total in columns
    ]
    # Years that have a published issue (a private one's year at worst offers an empty map).
    offered = [d.year for d in IssuePage.objects.live().dates("month", "year")]
    return render(
        request,
        "taxonomy/evidence_map.html",
        {
            "rows": rows,
            "columns": columns,
            "legend": legend,
            "largest": largest,
            "facets": facets,
            "total": FacetIndex.count(mask),
            "years_offered": offered,
            "archive_query": facets.query(),
        },
    )


def _years(facets):
    return {"year_from": facets.year_from, "year_to": facets.year_to}
