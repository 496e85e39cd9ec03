"""The "Suggestions" panel of the summary editor: suggested topics, research types and
evidence card, and earlier summaries of the same reference. It only displays; the editor
accepts a suggestion by ticking the field (a button does it when JavaScript runs) or on the
review page, so nothing is ever applied silently."""

from django import forms
from django.urls import reverse
from wagtail.admin.panels import Panel

from .services import suggest_for_page


class SuggestionsPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "evidence/panels/suggestions.html"

        @property
        def media(self):
            return forms.Media(
                js=["evidence/suggestions.js", "evidence/reference_preview.js"],
                css={"all": ["evidence/editor.css"]},
            )

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            context["suggestions"] = suggest_for_page(page)
            context["endpoint"] = reverse("evidence_suggest")
            context["preview_endpoint"] = reverse("evidence_reference_preview")
            context["page_id"] = page.pk or ""
            if page.pk:
                context["review_url"] = reverse("evidence_review", args=[page.pk])
            return context
