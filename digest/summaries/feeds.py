"""RSS and Atom feeds of summaries, filtered like the archive (`?topic=…&type=…`)."""

import re

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import escape, strip_tags
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.rich_text import expand_db_html

from .facet_index import FacetIndex, SummaryList
from .facets import Facets

FEED_SIZE = 50
# href="/…" and src="/…": the site-relative addresses expanded rich text holds.
SITE_RELATIVE = re.compile(r'(\s(?:href|src)=")(/(?!/))')


def absolute_rich_text(html):
    """Stored rich text as a page shows it, with every site address made absolute (BASE_URL)."""
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    return SITE_RELATIVE.sub(lambda m: f"{m[1]}{base}{m[2]}", expand_db_html(html or ""))


class SummaryRssFeed(Feed):
    feed_type = Rss201rev2Feed
    url_name = "feed_rss"

    def get_object(self, request):
        self.request = request
        return Facets.from_query(request.GET, FacetIndex.current())

    def title(self, facets):
        names = [t.name for t in facets.topics + facets.types]
        if names:
            return _("Practice Digest: %(filters)s") % {"filters": ", ".join(names)}
        return _("Practice Digest: all summaries")

    def description(self, facets):
        return _("Summaries of psychotherapy research with their practice implications.")

    def link(self, facets):
        query = facets.query()
        return reverse("archive") + (f"?{query}" if query else "")

    def feed_url(self, facets):
        query = facets.query()
        return reverse(self.url_name) + (f"?{query}" if query else "")

    def items(self, facets):
        # As the archive: the facet index answers which summaries are in the filters, newest
        # first, and only the first FEED_SIZE are read (none, in a run that has read them all).
        index = FacetIndex.current()
        selected = index.within(facets.live_mask(index), facets.topics, facets.types)
        loaded = getattr(self.request, "loaded_summaries", None)
        return SummaryList(index, selected, loaded=loaded)[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        # A run that renders every feed (the static export) makes each summary's once: it is
        # the same in the RSS and Atom feeds and in each of its topics' and types'.
        fragments = getattr(self.request, "fragments", None)
        if fragments is None:
            return self._description(item)
        key = (get_language(), "feed_description", item.pk)
        if key not in fragments:
            fragments[key] = self._description(item)
        return fragments[key]

    def _description(self, item):
        # The raw reference is plain text as the editor typed it: escape it into the HTML.
        # Rich text is stored with Wagtail's link placeholders (<a linktype="page" id=…>):
        # expanded as pages do, with addresses a feed reader can follow from anywhere.
        parts = [f"<p>{escape(ref.raw)}</p>" for ref in item.references.all()]
        parts += [
            absolute_rich_text(item.body),
            f"<h3>{_('Practice implications')}</h3>",
            absolute_rich_text(item.implications),
        ]
        return "".join(parts)

    def item_link(self, item):
        return item.get_url(request=self.request)

    def item_guid(self, item):
        return f"{self.request.build_absolute_uri('/')}summary/{item.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [t.name for t in item.listed_topics + item.listed_types]

    def item_author_name(self, item):
        refs = list(item.references.all())
        return strip_tags(refs[0].short_authors) if refs and refs[0].authors else None


class SummaryAtomFeed(SummaryRssFeed):
    feed_type = Atom1Feed
    url_name = "feed_atom"
    subtitle = SummaryRssFeed.description
