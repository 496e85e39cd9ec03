"""Wagtail admin screens of the newsletter: subscribers (list, search, filters, CSV export and
import, delivery history) and sending an issue (preview, test send, the one send, progress)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton

from digest.issues.models import IssuePage

from .delivery import SendRefused
from .emails import IssueEmail
from .forms import ImportForm
from .importing import import_file
from .models import Delivery, IssueSend, Subscriber
from .tasks import start_send

# Subscribers ------------------------------------------------------------------------------


class SubscriberIndexView(IndexView):
    @cached_property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        if self.request.user.has_perm("newsletter.add_subscriber"):
            buttons.append(
                HeaderButton(
                    _("Import CSV"),
                    url=reverse("newsletter_subscribers:import"),
                    icon_name="upload",
                )
            )
        return buttons


class SubscriberInspectView(InspectView):
    template_name = "newsletter/admin/subscriber_inspect.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["deliveries"] = self.object.deliveries.select_related("issue").order_by(
            "-issue__month"
        )[:120]
        return context


class SubscriberImportView(WagtailAdminTemplateMixin, FormView):
    template_name = "newsletter/admin/import.html"
    form_class = ImportForm
    page_title = gettext_lazy("Import subscribers")
    header_icon = "upload"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("newsletter.add_subscriber"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        upload = form.cleaned_data["file"]
        source = _("%(source)s (CSV import of %(file)s by %(user)s)") % {
            "source": form.cleaned_data["consent_source"],
            "file": upload.name,
            "user": self.request.user.get_username(),
        }
        report = import_file(upload.file, source)
        if not report.imported:
            # All or nothing: show every problem beside the form, so the editor can correct
            # the file and import it again.
            messages.error(self.request, report.summary())
            context = self.get_context_data(form=form, problems=report.problems)
            return self.render_to_response(context, status=400)
        messages.success(self.request, report.summary())
        return redirect("newsletter_subscribers:index")


class SubscriberViewSet(ModelViewSet):
    model = Subscriber
    icon = "user"
    menu_label = gettext_lazy("Subscribers")
    index_view_class = SubscriberIndexView
    inspect_view_class = SubscriberInspectView
    inspect_view_enabled = True
    list_display = ["email", "status", "language", "created_at", "consent_source"]
    list_filter = ["status", "language", "topics"]
    list_export = [
        "email",
        "status",
        "language",
        "created_at",
        "confirmed_at",
        "unsubscribed_at",
        "consent_requested_at",
        "consent_given_at",
        "consent_source",
        "consent_text",
        "consent_language",
    ]
    export_filename = "subscribers"
    search_fields = ["email"]
    search_backend_name = None
    form_fields = ["email", "status", "language", "topics"]

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("import/", SubscriberImportView.as_view(), name="import"),
        ]


# Sending an issue ---------------------------------------------------------------------------


def _require_send_permission(request):
    if not request.user.has_perm("newsletter.add_issuesend"):
        raise PermissionDenied


class SendIndexView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "newsletter/admin/send_index.html"
    page_title = gettext_lazy("Issue sends")
    header_icon = "mail"

    def dispatch(self, request, *args, **kwargs):
        _require_send_permission(request)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        issues = IssuePage.objects.order_by("-month").select_related("newsletter_send")
        page = Paginator(issues, 24).get_page(self.request.GET.get("p"))
        context["page_obj"] = page
        context["rows"] = [
            {
                "issue": issue,
                "send": getattr(issue, "newsletter_send", None),
                "progress": issue.newsletter_send.progress()
                if hasattr(issue, "newsletter_send")
                else None,
            }
            for issue in page
        ]
        return context


class SendDetailView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "newsletter/admin/send_detail.html"
    header_icon = "mail"

    def dispatch(self, request, *args, **kwargs):
        _require_send_permission(request)
        self.issue = get_object_or_404(IssuePage, pk=kwargs["issue_id"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Send %(issue)s") % {"issue": self.issue.title}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        send = IssueSend.objects.filter(issue=self.issue).first()
        context.update(
            issue=self.issue,
            send=send,
            progress=send.progress() if send else None,
            failures=Delivery.objects.filter(
                issue=self.issue, status=Delivery.Status.FAILED_PERMANENT
            ).select_related("subscriber")[:50],
            recipients=Subscriber.objects.confirmed().count(),
            text_preview=IssueEmail(self.issue).message(self._preview_subscriber()).body,
            languages=Subscriber._meta.get_field("language").choices,
        )
        return context

    def _preview_subscriber(self, language="en"):
        # Unsaved: its links are well-formed but lead nowhere.
        return Subscriber(
            email=self.request.user.email or "editor@example.org", language=language, key="preview"
        )

    def post(self, request, *args, **kwargs):
        if request.POST.get("action") == "test":
            address = request.user.email
            if not address:
                messages.error(request, _("Your account has no e-mail address to send a test to."))
            else:
                subscriber = self._preview_subscriber(request.POST.get("language", "en"))
                message = IssueEmail(self.issue).message(subscriber, subject_prefix=_("[Test] "))
                try:
                    message.send()
                except Exception as exc:  # shown to the editor
                    messages.error(
                        request, _("The test could not be sent: %(error)s") % {"error": exc}
                    )
                else:
                    messages.success(request, _("Test sent to %(address)s.") % {"address": address})
        elif request.POST.get("action") == "send":
            if request.POST.get("confirm") != "yes":
                messages.error(request, _("Tick the box to confirm the send."))
            else:
                try:
                    start_send(self.issue, user=request.user)
                except SendRefused as exc:
                    messages.error(request, str(exc))
                else:
                    messages.success(request, _("The issue is being sent."))
        return redirect("newsletter_sends:detail", issue_id=self.issue.pk)


def preview_email(request, issue_id, kind):
    """The issue's e-mail as HTML or text, as a subscriber in `?language=` would get it."""
    _require_send_permission(request)
    if kind not in ("html", "txt"):
        raise Http404
    issue = get_object_or_404(IssuePage, pk=issue_id)
    language = request.GET.get("language", "en")
    subscriber = Subscriber(
        email=request.user.email or "editor@example.org", language=language, key="preview"
    )
    message = IssueEmail(issue).message(subscriber)
    if kind == "html":
        return HttpResponse(message.alternatives[0][0])
    return HttpResponse(message.body, content_type="text/plain; charset=utf-8")


class SendViewSet(ViewSet):
    name = "newsletter_sends"
    icon = "mail"
    menu_label = gettext_lazy("Issue sends")

    def get_urlpatterns(self):
        return [
            path("", SendIndexView.as_view(), name="index"),
            path("<int:issue_id>/", SendDetailView.as_view(), name="detail"),
            path("<int:issue_id>/preview.<str:kind>", preview_email, name="preview"),
        ]


class NewsletterGroup(ViewSetGroup):
    menu_label = gettext_lazy("Newsletter")
    menu_icon = "mail"
    items = (SubscriberViewSet("newsletter_subscribers"), SendViewSet())
