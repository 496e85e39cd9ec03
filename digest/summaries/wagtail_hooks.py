"""Admin: publishing a summary follows its issue (refused, with an offer to publish both,
while the issue is not live), and Publish is the main action once the issue is live."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin import messages

from digest.issues.models import IssuePage

from .models import SummaryPage


def _refusal(request, summary):
    issue = summary.get_parent()
    messages.error(
        request,
        _(
            "“%(summary)s” was saved as a draft but not published: its issue, %(issue)s, is "
            "not live yet, and a summary goes live with its issue."
        )
        % {"summary": summary.title, "issue": issue.title},
        buttons=[
            messages.button(
                reverse("summaries_publish_with_issue", args=[summary.pk]),
                _("Publish the issue and this summary"),
            )
        ],
    )


@hooks.register("before_publish_page")
def refuse_a_summary_before_its_issue(request, page):
    if not isinstance(page, SummaryPage) or page.issue_is_live():
        return None
    if page.go_live_at and page.go_live_at > timezone.now():
        return None  # scheduled: it waits for its issue (SummaryPage.publish)
    _refusal(request, page)
    return redirect("wagtailadmin_pages:edit", page.pk)


@hooks.register("before_bulk_action")
def refuse_bulk_publishing_summaries_before_their_issues(request, action_type, objects, action):
    if action_type != "publish":
        return None
    chosen = {page.pk for page in objects}
    waiting = [
        page
        for page in objects
        if page.specific_class is SummaryPage
        and not page.get_parent().live
        and page.get_parent().pk not in chosen
    ]
    if waiting:
        messages.error(
            request,
            _(
                "Nothing was published: these summaries' issues are not live yet, and a "
                "summary goes live with its issue. Publish the issues first, or select them "
                "too: %(titles)s"
            )
            % {"titles": ", ".join(page.title for page in waiting)},
        )
        return redirect(request.GET.get("next") or "wagtailadmin_explore_root")
    # Issues first, so their summaries find them live.
    objects.sort(key=lambda page: page.depth)
    return None


@hooks.register("construct_page_action_menu")
def publish_first_once_the_issue_is_live(menu_items, request, context):
    page, parent = context.get("page"), context.get("parent_page")
    if not isinstance(page, SummaryPage):
        return
    issue = parent if parent is not None else page.get_parent()
    if issue is None or not issue.live:
        return  # Publish would be refused: Save draft stays the main action
    for index, item in enumerate(menu_items):
        if item.name == "action-publish":
            menu_items.insert(0, menu_items.pop(index))
            break


@login_required
def publish_with_issue(request, summary_id):
    summary = get_object_or_404(SummaryPage, pk=summary_id)
    issue = get_object_or_404(IssuePage, pk=summary.get_parent().pk)
    user = request.user
    if not (
        summary.permissions_for_user(user).can_publish()
        and issue.permissions_for_user(user).can_publish()
    ):
        raise PermissionDenied
    if request.method == "POST":
        if not issue.live or issue.has_unpublished_changes:
            (issue.get_latest_revision() or issue.save_revision(user=user)).publish(user=user)
        summary = SummaryPage.objects.get(pk=summary.pk)
        (summary.get_latest_revision() or summary.save_revision(user=user)).publish(user=user)
        messages.success(
            request,
            _("The issue %(issue)s and “%(summary)s” are live.")
            % {"issue": issue.title, "summary": summary.title},
        )
        return redirect("wagtailadmin_pages:edit", summary.pk)
    return TemplateResponse(
        request,
        "summaries/admin/publish_with_issue.html",
        {"summary": summary, "issue": issue, "page_title": _("Publish the issue too")},
    )


@hooks.register("register_admin_urls")
def register_publish_with_issue():
    return [
        path(
            "summaries/<int:summary_id>/publish-with-issue/",
            publish_with_issue,
            name="summaries_publish_with_issue",
        )
    ]
