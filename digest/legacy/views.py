"""The old blog's addresses (`/blog?p=8&cat_1=26&cat_2=36`) moved for good to the archive.

cat_2 is a topic (Topic.legacy_id, or TopicAlias.legacy_id once a topic was merged away),
cat_1 a coarse group of research types (every ResearchType sharing that legacy id: an OR),
p a page of six entries, newest first. An id nobody answers to drops that filter.

The old page number maps to the new page that holds the old page's first entry: entry
(p - 1) × 6 of the same filtered list, newest first, on pages of ARCHIVE_PAGE_SIZE. So a
bookmark of an old page lands on the page where its first summary now is. An old page past
the end showed page 1 on the old site, and does here too.
"""

from django.http import HttpResponsePermanentRedirect
from django.urls import reverse
from django.views.decorators.http import require_safe

from digest.summaries.facets import Facets
from digest.summaries.models import SummaryPage
from digest.summaries.views import ARCHIVE_PAGE_SIZE
from digest.taxonomy.models import ResearchType, Topic, TopicAlias

OLD_PAGE_SIZE = 6
MAX_IDS = 10  # the old site took one of each; a crafted URL gets no more than this


def _ids(values):
    """The integers among `values` (the old site's ids); anything else is dropped."""
    ids = []
    for value in values[:MAX_IDS]:
        value = value.strip()
        if value.isascii() and value.isdigit() and len(value) < 6:
            ids.append(int(value))
    return ids


def _topics(legacy_ids):
    if not legacy_ids:
        return []
    topics = list(Topic.objects.filter(legacy_id__in=legacy_ids))
    found = {t.legacy_id for t in topics}
    missing = [i for i in legacy_ids if i not in found]
    if missing:
        aliases = TopicAlias.objects.filter(legacy_id__in=missing).select_related("topic")
        topics += [a.topic for a in aliases if a.topic not in topics]
    return sorted(topics, key=lambda t: (t.sort_order, t.name))


def _new_page(old_page, facets):
    """The archive page holding the old page's first entry; 1 when the old page is gone."""
    if old_page is None or old_page < 2:
        return 1
    first_entry = (old_page - 1) * OLD_PAGE_SIZE
    published = facets.apply(SummaryPage.objects.live().public())
    if first_entry >= published.count():
        return 1
    return first_entry // ARCHIVE_PAGE_SIZE + 1


@require_safe
def blog(request):
    types = list(ResearchType.objects.filter(legacy_id__in=_ids(request.GET.getlist("cat_1"))))
    facets = Facets(topics=_topics(_ids(request.GET.getlist("cat_2"))), types=types)
    old_pages = _ids(request.GET.getlist("p"))
    query = facets.query(page=_new_page(old_pages[0] if old_pages else None, facets))
    return HttpResponsePermanentRedirect(reverse("archive") + (f"?{query}" if query else ""))
