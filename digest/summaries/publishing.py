"""A summary follows its issue. It is live only while its issue is, on every path that
publishes, unpublishes or moves a page (the admin's hooks refuse first, with a message;
these signals hold the rule for scheduled publishing, bulk actions, workflows and code).
After a move its month, address and issue are the new issue's."""

from django.utils import timezone
from wagtail.models import Revision
from wagtail.signals import page_published, page_unpublished, post_page_move


def publish_waiting_summaries(issue):
    """Summaries of `issue` whose scheduled time has come while the issue was not live go
    live with it (publish_scheduled would otherwise take them on its next run)."""
    from .models import SummaryPage

    summaries = SummaryPage.objects.child_of(issue).values_list("pk", flat=True)
    due = Revision.page_revisions.filter(
        object_id__in=[str(pk) for pk in summaries],
        approved_go_live_at__lte=timezone.now(),
    )
    for revision in due.order_by("approved_go_live_at"):
        revision.publish(log_action="wagtail.publish.scheduled")


def unpublish_summaries(issue, user=None):
    from .models import SummaryPage

    for summary in SummaryPage.objects.child_of(issue).live():
        summary.unpublish(user=user)


def _issue_published(sender, instance, **kwargs):
    publish_waiting_summaries(instance)


def _issue_unpublished(sender, instance, **kwargs):
    unpublish_summaries(instance)


def _summary_published(sender, instance, **kwargs):
    # A path that published the revision without asking SummaryPage.publish (Wagtail's edit
    # view runs the publish action itself; its hook has refused before): take it back.
    if not instance.issue_is_live():
        instance.unpublish()


def _summary_moved(sender, instance, parent_page_before, parent_page_after, **kwargs):
    """Wagtail's move saves a plain Page, so SummaryPage.save() (which copies the issue and
    its month) never ran: run it now. The old address already redirects (Wagtail's redirects
    app records one on every move); a live summary moved under a draft issue is unpublished."""
    from .models import SummaryPage

    if parent_page_before.pk == parent_page_after.pk:
        return  # reordered within its issue
    summary = SummaryPage.objects.get(pk=instance.pk)
    summary.save(update_fields=["issue", "month"], clean=False)
    if summary.live and not summary.issue_is_live():
        summary.unpublish()


def connect_signals():
    from digest.issues.models import IssuePage

    from .models import SummaryPage

    page_published.connect(_issue_published, sender=IssuePage, dispatch_uid="issue-published")
    page_unpublished.connect(_issue_unpublished, sender=IssuePage, dispatch_uid="issue-unpublished")
    page_published.connect(_summary_published, sender=SummaryPage, dispatch_uid="summary-published")
    post_page_move.connect(_summary_moved, sender=SummaryPage, dispatch_uid="summary-moved")
