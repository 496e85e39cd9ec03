"""Admin wiring: the suggestion views, and a warning after saving a summary whose reference
was already summarised (saving goes ahead: the editor may mean to write a follow-up)."""

from django.urls import path
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin import messages

from digest.evidence import views
from digest.evidence.services import find_duplicates
from digest.summaries.models import SummaryPage


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("evidence/suggest/", views.suggest_json, name="evidence_suggest"),
        path("evidence/summary/<int:page_id>/", views.review, name="evidence_review"),
        path(
            "evidence/reference-preview/",
            views.reference_preview,
            name="evidence_reference_preview",
        ),
    ]


def _warn_about_duplicates(request, page):
    page = page.specific
    if not isinstance(page, SummaryPage):
        return
    for duplicate in find_duplicates(page.references.all(), exclude_page_id=page.pk):
        messages.warning(
            request,
            _("This article may already be summarised in “%(title)s” (%(reason)s).")
            % {"title": duplicate.summary.title, "reason": duplicate.reason},
            buttons=[messages.button(duplicate.edit_url, _("Open the earlier summary"))],
        )


hooks.register("after_create_page", _warn_about_duplicates)
hooks.register("after_edit_page", _warn_about_duplicates)
