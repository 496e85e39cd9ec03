"""Topic and research-type pages: their summaries and the topic's practice-implications digest."""

from urllib.parse import urlencode

from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render

from digest.summaries.models import SummaryPage
from digest.summaries.views import group_by_month, paginate

from .models import ResearchType, Topic, TopicAlias


def _live_count(relation="summaries"):
    return Count(
        relation,
        filter=Q(**{f"{relation}__live": True}) & ~Q(**{f"{relation}__pk__in": _private_ids()}),
    )


def _private_ids():
    return SummaryPage.objects.live().not_public().values("pk")


def topic_list(request):
    topics = Topic.objects.annotate(n=_live_count())
    types = ResearchType.objects.annotate(n=_live_count())
    return render(request, "taxonomy/topic_list.html", {"topics": topics, "types": types})


def _term_context(request, term, summaries, facet):
    page = paginate(request, summaries.newest_first().for_listing())
    return {
        "term": term,
        "page_obj": page,
        "months": group_by_month(page.object_list),
        "filter_query": "",
        # The same list as an archive filter and as a feed: ?topic=… or ?type=…
        "feed_query": urlencode({facet: term.slug}),
    }


def topic_detail(request, slug):
    topic = Topic.objects.filter(slug=slug).first()
    if topic is None:
        # A renamed or merged topic's old address moves for good to the topic it became.
        alias = TopicAlias.objects.select_related("topic").filter(slug=slug).first()
        if alias is None:
            raise Http404
        # reverse() inside i18n_patterns keeps the reader's language prefix.
        return redirect(alias.topic.get_absolute_url(), permanent=True)
    summaries = SummaryPage.objects.live().public().in_topics([topic])
    context = _term_context(request, topic, summaries, "topic")
    context["implications"] = (
        summaries.exclude(implications="")
        .newest_first()
        .only("title", "implications", "month", "url_path")
    )
    return render(request, "taxonomy/topic_detail.html", context)


def type_detail(request, slug):
    research_type = get_object_or_404(ResearchType, slug=slug)
    summaries = SummaryPage.objects.live().public().of_types([research_type])
    context = _term_context(request, research_type, summaries, "type")
    return render(request, "taxonomy/type_detail.html", context)
