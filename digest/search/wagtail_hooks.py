"""The search vocabulary in the admin (Search vocabulary menu): synonym groups the editor
curates, and the abbreviations learned from the archive, which the editor can reject."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import LearnedAbbreviation, SearchSynonym


class SearchSynonymViewSet(SnippetViewSet):
    model = SearchSynonym
    icon = "search"
    menu_label = _("Search synonyms")
    list_display = ["terms", "fallback", "note"]
    list_filter = ["fallback"]
    search_fields = ["terms", "note"]
    panels = [FieldPanel("terms"), FieldPanel("fallback"), FieldPanel("note")]


class LearnedAbbreviationViewSet(SnippetViewSet):
    model = LearnedAbbreviation
    icon = "resubmit"
    menu_label = _("Learned abbreviations")
    list_display = ["abbreviation", "long_form", "rejected", "source", "learned_at"]
    list_filter = ["rejected"]
    search_fields = ["abbreviation", "long_form"]
    ordering = ["abbreviation", "long_form"]
    # The pair is what the archive says; the editor's decision is whether search believes it.
    panels = [
        FieldPanel("abbreviation", read_only=True),
        FieldPanel("long_form", read_only=True),
        FieldPanel("rejected"),
    ]


class SearchVocabularyGroup(SnippetViewSetGroup):
    items = (SearchSynonymViewSet, LearnedAbbreviationViewSet)
    menu_icon = "search"
    menu_label = _("Search vocabulary")
    menu_name = "search-vocabulary"


register_snippet(SearchVocabularyGroup)
