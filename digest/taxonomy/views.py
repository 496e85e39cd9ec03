"""Topic and research-type pages: their summaries and the topic's practice-implications digest."""

from django.db.models import Count, Q
from django.shortcuts import redirect, render

from digest.core.urls import localize_path
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


def topic_detail(request, slug):
    topic = Topic.objects.filter(slug=slug).first()
    if topic is None:
        alias = TopicAlias.objects.select_related("topic").filter(slug=slug).first()
        if alias is None:
            from django.http import Http404

            raise Http404
        return redirect(localize_path(alias.topic.get_absolute_url()), permanent=True)
    summaries = SummaryPage.objects.live().public().in_topics([topic]).newest_first()
    page = paginate(request, summaries.for_listing())
    implications = summaries.exclude(implications="").only(
        "title", "implications", "month", "url_path"
    )
    return render(
        request,
        "taxonomy/topic_detail.html",
        {
            "term": topic,
            "page_obj": page,
            "months": group_by_month(page.object_list),
            "implications": implications,
            "filter_query": "",
        },
    )


def type_detail(request, slug):
    from django.shortcuts import get_object_or_404

    research_type = get_object_or_404(ResearchType, slug=slug)
    summaries = SummaryPage.objects.live().public().of_types([research_type]).newest_first()
    page = paginate(request, summaries.for_listing())
    return render(
        request,
        "taxonomy/type_detail.html",
        {
            "term": research_type,
            "page_obj": page,
            "months": group_by_month(page.object_list),
            "filter_query": "",
        },
    )
