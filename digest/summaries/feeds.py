"""RSS and Atom feeds of summaries, filtered like the archive (`?topic=…&type=…`)."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import escape, strip_tags
from django.utils.translation import gettext as _

from .facets import Facets
from .models import SummaryPage

FEED_SIZE = 50


class SummaryRssFeed(Feed):
    feed_type = Rss201rev2Feed
    url_name = "feed_rss"

    def get_object(self, request):
        self.request = request
        return Facets.from_query(request.GET)

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
        published = SummaryPage.objects.live().public()
        return list(facets.apply(published).newest_first().for_listing()[:FEED_SIZE])

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        # The raw reference is plain text as the editor typed it: escape it into the HTML.
        parts = [f"<p>{escape(ref.raw)}</p>" for ref in item.references.all()]
        parts += [item.body, f"<h3>{_('Practice implications')}</h3>", item.implications]
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
