"""The review queue of the legacy import: every imported summary still needing a person, with
the reason, the old address and a link to edit it; the editor marks each one reviewed."""

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import review
from .models import ImportedEntry

PER_PAGE = 50
PERMISSION = "legacy.change_importedentry"


def can_review(user) -> bool:
    return user.has_perm(PERMISSION)


class ReviewQueueView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "legacy/admin/review_queue.html"
    page_title = gettext_lazy("Legacy import: review queue")
    header_icon = "tasks"

    def dispatch(self, request, *args, **kwargs):
        if not can_review(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        show_reviewed = self.request.GET.get("show") == "reviewed"
        if show_reviewed:
            entries = review.flagged_entries().filter(reviewed_at__isnull=False)
            entries = entries.order_by("-reviewed_at", "pk")
        else:
            entries = review.to_review().order_by("month", "pk")
        entries = entries.select_related("summary")
        page = Paginator(entries, PER_PAGE).get_page(self.request.GET.get("p"))
        context.update(
            page_obj=page,
            rows=[
                {
                    "entry": entry,
                    "reasons": review.reasons(entry),
                    "sources": [
                        (source, source.startswith(("http://", "https://")))
                        for source in entry.sources
                    ],
                }
                for entry in page
            ],
            progress=review.progress(),
            show_reviewed=show_reviewed,
            here=self.request.get_full_path(),
        )
        return context


@require_POST
def mark(request, entry_id):
    """Mark one entry reviewed (or, with `undo`, not reviewed) and go back to the list."""
    if not can_review(request.user):
        raise PermissionDenied
    entry = get_object_or_404(ImportedEntry.objects.select_related("summary"), pk=entry_id)
    if request.POST.get("undo"):
        entry.reviewed_at, entry.reviewed_by = None, ""
        message = _("“%(title)s” is back in the review queue.")
    else:
        entry.reviewed_at, entry.reviewed_by = timezone.now(), request.user.get_username()
        message = _("“%(title)s” is marked reviewed.")
    # Only these two fields: the importer may be updating the rest of the row meanwhile.
    entry.save(update_fields=["reviewed_at", "reviewed_by"])
    title = entry.summary.title if entry.summary else str(entry)
    messages.success(request, message % {"title": title})
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        back = reverse("legacy_review")
    return redirect(back)
