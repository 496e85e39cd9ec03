"""Topics and research types are edited as Wagtail snippets; topics can also be merged."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.admin.widgets.button import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .admin_views import MergeTopicView
from .models import ResearchType, Topic


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = _("Topics")
    list_display = ["name", "name_fr", "slug", "sort_order", "legacy_id"]
    search_fields = ["name", "name_fr", "slug"]
    ordering = ["sort_order", "name"]
    panels = [
        FieldPanel("name"),
        FieldPanel("name_fr"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
        FieldPanel("legacy_id"),
    ]

    @property
    def merge_view(self):
        return MergeTopicView.as_view(
            index_url_name=self.get_url_name("list"),
            merge_url_name=self.get_url_name("merge"),
        )

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("merge/<int:pk>/", self.merge_view, name="merge"),
        ]


class ResearchTypeViewSet(SnippetViewSet):
    model = ResearchType
    icon = "list-ul"
    menu_label = _("Research types")
    list_display = ["name", "name_fr", "slug", "sort_order", "legacy_id"]
    search_fields = ["name", "name_fr", "slug"]
    ordering = ["sort_order", "name"]
    panels = [
        FieldPanel("name"),
        FieldPanel("name_fr"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
        FieldPanel("legacy_id"),
    ]


class TaxonomyGroup(SnippetViewSetGroup):
    items = (TopicViewSet, ResearchTypeViewSet)
    menu_icon = "tag"
    menu_label = _("Taxonomy")
    menu_name = "taxonomy"


register_snippet(TaxonomyGroup)


@hooks.register("register_snippet_listing_buttons")
def merge_topic_button(snippet, user, next_url=None):
    """A "Merge into…" entry in each topic's "More" menu, for editors who may delete topics."""
    if isinstance(snippet, Topic) and user.has_perm("taxonomy.delete_topic"):
        url = reverse(Topic.snippet_viewset.get_url_name("merge"), args=[snippet.pk])
        yield Button(_("Merge into…"), url, icon_name="resubmit", priority=25)
