"""The legacy import's log in the admin (Settings → Legacy import log): what each run brought
across, the drafts it left and the text it could not read, kept for the editor to review."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

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
