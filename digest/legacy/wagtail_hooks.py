"""The legacy import's log in the admin (Settings → Legacy import log): what each run brought
across, the drafts it left and the text it could not read, kept for the editor to review."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import admin_views
from .models import ImportedEntry


class ImportedEntryViewSet(SnippetViewSet):
    model = ImportedEntry
    icon = "history"
    menu_label = _("Legacy import log")
    add_to_settings_menu = True
    list_display = ["__str__", "status", "month", "summary", "imported_at"]
    list_filter = ["status"]
    search_fields = ["headline", "raw_text"]
    inspect_view_enabled = True
    # The log is the import's memory: editing it would make a re-run create duplicates.
    panels = [
        FieldPanel(name, read_only=True)
        for name in ("status", "summary", "month", "headline", "raw_text", "problems", "sources")
    ]


register_snippet(ImportedEntryViewSet)


# The review queue (admin_views.py): a menu item for those who may use it.
@hooks.register("register_admin_urls")
def register_review_urls():
    return [
        path("legacy/review/", admin_views.ReviewQueueView.as_view(), name="legacy_review"),
        path("legacy/review/<int:entry_id>/", admin_views.mark, name="legacy_review_mark"),
    ]


class _ReviewMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.can_review(request.user)


@hooks.register("register_admin_menu_item")
def register_review_menu_item():
    return _ReviewMenuItem(
        _("Review queue"), reverse("legacy_review"), icon_name="tasks", order=250
    )
