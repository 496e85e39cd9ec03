"""The site's root page: shows the latest issue and routes dated addresses to issues."""

from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page


class HomePage(Page):
    tagline = RichTextField(
        _("tagline"), blank=True, help_text=_("One or two sentences under the site name.")
    )

    content_panels = [*Page.content_panels, FieldPanel("tagline")]
    subpage_types = ["issues.IssuePage"]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = _("home page")

    def route(self, request, path_components):
        # Issues live at /<yyyy>/<mm>/ although their tree slug is "yyyy-mm" (see IssuePage).
        if len(path_components) >= 2 and path_components[0].isdigit():
            slug = f"{path_components[0]}-{path_components[1]}"
            issue = self.get_children().filter(slug=slug).first()
            if issue is not None:
                return issue.specific.route(request, path_components[2:])
            raise Http404
        if path_components:
            # Every child is an issue, whose one address is the dated one: its tree slug
            # (/2026-07/) would be a second address.
            raise Http404
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        from digest.issues.models import IssuePage

        context = super().get_context(request, *args, **kwargs)
        issue = IssuePage.objects.live().public().order_by("-month").first()
        context["issue"] = issue
        context["summaries"] = issue.summaries() if issue else []
        return context
