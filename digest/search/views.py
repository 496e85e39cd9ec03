"""/search/: full text over summaries with the archive's filters; /search/suggest: as-you-type."""

from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from digest.core.templatetags.digest_tags import page_url
from digest.summaries.facets import Facets
from digest.summaries.models import SummaryPage
from digest.summaries.views import paginate

from . import engine
from .highlight import mark_words, passage
from .query import MAX_QUERY_LENGTH, QueryTooLong, clean, words_of

PAGE_SIZE = 10
SORTS = ("relevance", "date")


def search(request):
    facets = Facets.from_query(request.GET)
    sort = request.GET.get("sort") if request.GET.get("sort") in SORTS else "relevance"
    raw = request.GET.get("q", "")
    context = {"facets": facets, "sort": sort, "query": raw[:MAX_QUERY_LENGTH]}
    try:
        parsed = engine.parse_query(raw)
    except QueryTooLong:
        context["error"] = _("That query is too long: please use at most %(n)s characters.") % {
            "n": MAX_QUERY_LENGTH
        }
        return render(request, "search/search.html", context, status=400)
    context["query"] = parsed.text
    if not parsed:
        if parsed.text:
            context["error"] = _("Please search for at least one word made of letters or digits.")
        return render(request, "search/search.html", context)

    found = engine.find(parsed, facets, by_date=sort == "date")
    page = paginate(request, found.results, PAGE_SIZE)
    stems = found.parsed.stems
    hits = [
        {
            "summary": summary,
            "headline": mark_words(summary.title, stems),
            "passage": passage(summary, stems),
        }
        for summary in page.object_list
    ]
    topic_options, type_options = facets.options(found.index, found.matches)
    context.update(
        parsed=parsed,
        relaxed=found.relaxed,
        relaxation=found.relaxation,
        # What the reader asked for, as the page names it: "BPD", "self harm", "sessions".
        asked_for=", ".join(f"“{clause.label}”" for clause in parsed.clauses),
        page_obj=page,
        hits=hits,
        topic_options=topic_options,
        type_options=type_options,
        filter_query=facets.query(q=parsed.text, sort=sort if sort != "relevance" else ""),
        facet_hidden=[("q", parsed.text)] + ([("sort", sort)] if sort != "relevance" else []),
        sort_links=[
            (key, label, facets.query(q=parsed.text, sort=key if key != "relevance" else ""))
            for key, label in (("relevance", _("Relevance")), ("date", _("Newest first")))
        ],
    )
    if not page.paginator.count:
        context["suggestion"] = engine.did_you_mean(parsed)
        context["helpful_filters"] = [
            option
            for option in topic_options + type_options
            if option["count"] and not option["selected"]
        ]
        if facets.active:
            context["without_filters"] = found.index.count(found.matches)
    return render(request, "search/search.html", context)


def suggest(request):
    """Headlines and topics that complete what the reader is typing (JSON, for the script)."""
    from digest.taxonomy.models import Topic

    text = clean(request.GET.get("q", "")[:100])
    suggestions = []
    words = words_of(text)
    if words:
        for topic in Topic.objects.filter(name__icontains=words[0])[:3]:
            suggestions.append({"label": topic.name, "url": topic.get_absolute_url()})
        published = SummaryPage.objects.live().public()
        context = {"request": request}
        for summary in engine.autocomplete(published, text, limit=8 - len(suggestions)):
            suggestions.append({"label": summary.title, "url": page_url(context, summary)})
    return JsonResponse({"query": text, "suggestions": suggestions})
