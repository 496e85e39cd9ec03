from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EvidenceConfig(AppConfig):
    name = "digest.evidence"
    label = "evidence"
    verbose_name = _("Evidence cards")

    def ready(self):
        add_suggestions_panel()


def add_suggestions_panel():
    """The summary editor's Suggestions panel, registered from this app (built on summaries)
    rather than imported by the content model: after the author's e-mail, just before the
    topics, research types and evidence card it suggests. Wagtail builds the editor's form
    from `content_panels` on first use, after every app is ready."""
    from digest.summaries.models import SummaryPage

    from .panels import SuggestionsPanel

    panels = SummaryPage.content_panels
    fields = [getattr(panel, "field_name", None) for panel in panels]
    if "author_email" not in fields:
        raise LookupError(
            "SummaryPage.content_panels lost FieldPanel('author_email'), the "
            "place of the Suggestions panel: update EvidenceConfig."
        )
    at = fields.index("author_email") + 1
    SummaryPage.content_panels = [
        *panels[:at],
        SuggestionsPanel(heading=_("Suggestions")),
        *panels[at:],
    ]
