"""The synonym list is edited as a Wagtail snippet."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import SearchSynonym


class SearchSynonymViewSet(SnippetViewSet):
    model = SearchSynonym
    icon = "search"
    menu_label = _("Search synonyms")
    list_display = ["terms", "note"]
    search_fields = ["terms", "note"]
    panels = [FieldPanel("terms"), FieldPanel("note")]


register_snippet(SearchSynonymViewSet)
