"""The editor's "merge this topic into another" screen, next to the Topics snippet listing.

Merging retags every summary, keeps the old slug and legacy id answering (as aliases of the
target), then deletes the merged topic; see Topic.merge_into.
"""

from django import forms
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.permission_policies import ModelPermissionPolicy

from .models import Topic


class MergeTopicForm(forms.Form):
    target = forms.ModelChoiceField(
        queryset=Topic.objects.none(),
        label=_("Merge into"),
        help_text=_(
            "Its summaries are tagged with this topic instead; the old address and legacy id "
            "keep working and lead here."
        ),
    )

    def __init__(self, *args, source, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].queryset = Topic.objects.exclude(pk=source.pk)


class MergeTopicView(PermissionCheckedMixin, WagtailAdminTemplateMixin, FormView):
    # Merging deletes a topic, so it asks for the delete permission.
    permission_policy = ModelPermissionPolicy(Topic)
    permission_required = "delete"
    template_name = "wagtailadmin/generic/form.html"
    form_class = MergeTopicForm
    header_icon = "tag"
    index_url_name = None
    merge_url_name = None

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.source = get_object_or_404(Topic, pk=kwargs["pk"])

    def get_page_title(self):
        return _("Merge topic")

    def get_page_subtitle(self):
        return self.source.name

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "source": self.source}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            action_url=reverse(self.merge_url_name, args=[self.source.pk]),
            submit_button_label=_("Merge"),
            submit_button_active_label=_("Merging…"),
            **kwargs,
        )

    def form_valid(self, form):
        target = form.cleaned_data["target"]
        name = self.source.name
        self.source.merge_into(target)
        messages.success(
            self.request,
            _("“%(source)s” was merged into “%(target)s”.") % {"source": name, "target": target},
        )
        return redirect(self.index_url_name)
