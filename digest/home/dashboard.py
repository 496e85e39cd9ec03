"""The admin dashboard's panels: this month's issue and its state, the imported summaries still
needing review, and the newsletter's last send. Each panel reads a few rows, whatever the
archive's size, and is shown only to those allowed to act on it."""

from django.urls import reverse
from django.utils import timezone
from wagtail.admin.ui.components import Component

from digest.issues.models import IssuePage
from digest.legacy import review
from digest.legacy.admin_views import can_review
from digest.newsletter.models import IssueSend
from digest.summaries.models import SummaryPage

from .models import HomePage

REVIEW_ROWS = 5


class IssueState:
    DRAFT = "draft"
    SCHEDULED = "scheduled"
    LIVE = "live"
    SENDING = "sending"
    SENT = "sent"


def issue_state(issue: IssuePage, send: IssueSend | None) -> tuple[str, object]:
    """(state, when): draft; scheduled (go-live time); live (since); sending or sent (when)."""
    if send is not None:
        if send.finished_at:
            return IssueState.SENT, send.finished_at
        return IssueState.SENDING, send.requested_at
    if issue.live:
        return IssueState.LIVE, issue.last_published_at or issue.first_published_at
    scheduled = issue.scheduled_revision
    if scheduled is not None:
        return IssueState.SCHEDULED, scheduled.approved_go_live_at
    return IssueState.DRAFT, None


class ThisMonthPanel(Component):
    name = "digest_this_month"
    template_name = "home/dashboard/this_month.html"
    order = 50

    class Media:
        css = {"all": ["home/dashboard.css"]}

    def get_context_data(self, parent_context=None):
        request = parent_context["request"]
        month = timezone.localdate().replace(day=1)
        issue = IssuePage.objects.filter(month=month).first()
        context = {"month": month, "issue": issue, "request": request}
        if issue is None:
            home = HomePage.objects.first()
            if home is not None and home.permissions_for_user(request.user).can_add_subpage():
                context["add_url"] = reverse(
                    "wagtailadmin_pages:add", args=["issues", "issuepage", home.pk]
                )
            context["latest"] = IssuePage.objects.order_by("-month").first()
            return context
        send = IssueSend.objects.filter(issue=issue).first()
        context["state"], context["when"] = issue_state(issue, send)
        summaries = SummaryPage.objects.child_of(issue)
        context["summaries_live"] = summaries.live().count()
        context["summaries_draft"] = summaries.not_live().count()
        context["can_edit"] = issue.permissions_for_user(request.user).can_edit()
        context["can_send"] = request.user.has_perm("newsletter.add_issuesend")
        return context


class ReviewPanel(Component):
    name = "digest_needs_review"
    template_name = "home/dashboard/needs_review.html"
    order = 60

    def render_html(self, parent_context=None):
        if not can_review(parent_context["request"].user):
            return ""
        return super().render_html(parent_context)

    def get_context_data(self, parent_context=None):
        entries = review.to_review().select_related("summary").order_by("month", "pk")
        rows = [
            {"entry": entry, "reasons": review.reasons(entry)} for entry in entries[:REVIEW_ROWS]
        ]
        return {"rows": rows, "progress": review.progress()}


class LastSendPanel(Component):
    name = "digest_last_send"
    template_name = "home/dashboard/last_send.html"
    order = 70

    def render_html(self, parent_context=None):
        user = parent_context["request"].user
        if not (
            user.has_perm("newsletter.add_issuesend") or user.has_perm("newsletter.view_issuesend")
        ):
            return ""
        return super().render_html(parent_context)

    def get_context_data(self, parent_context=None):
        send = IssueSend.objects.select_related("issue").order_by("-requested_at").first()
        return {"send": send, "progress": send.progress() if send else None}


def dashboard_panels():
    return [ThisMonthPanel(), ReviewPanel(), LastSendPanel()]
