"""Topics and research types are edited as Wagtail snippets."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import ResearchType, Topic


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = _("Topics")
    list_display = ["name", "slug", "sort_order", "legacy_id"]
    search_fields = ["name", "slug"]
    ordering = ["sort_order", "name"]
    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
        FieldPanel("legacy_id"),
    ]


class ResearchTypeViewSet(SnippetViewSet):
    model = ResearchType
    icon = "list-ul"
    menu_label = _("Research types")
    list_display = ["name", "slug", "sort_order", "legacy_id"]
    search_fields = ["name", "slug"]
    ordering = ["sort_order", "name"]


class TaxonomyGroup(SnippetViewSetGroup):
    items = (TopicViewSet, ResearchTypeViewSet)
    menu_icon = "tag"
    menu_label = _("Taxonomy")
    menu_name = "taxonomy"


register_snippet(TaxonomyGroup)
