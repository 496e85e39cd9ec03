"""The site's root page: shows the latest issue and routes dated addresses to issues."""

import re

from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

ISSUE_SLUG = re.compile(r"\d{4}-\d{2}")


class HomePage(Page):
    tagline = RichTextField(
        _("tagline"), blank=True, help_text=_("One or two sentences under the site name.")
    )

    content_panels = [*Page.content_panels, FieldPanel("tagline")]
    subpage_types = ["issues.IssuePage", "home.AboutPage", "reading.PackIndexPage"]
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
        if path_components and ISSUE_SLUG.fullmatch(path_components[0]):
            # An issue's one address is the dated one: its tree slug (/2026-07/) would be a
            # second address. (Other children, such as the About page, answer at their slug.)
            raise Http404
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        from digest.issues.models import IssuePage, IssueSettings

        context = super().get_context(request, *args, **kwargs)
        issue = IssuePage.objects.live().public().order_by("-month").first()
        context["issue"] = issue
        context["summaries"] = issue.summaries() if issue else []
        context["byline"] = IssueSettings.for_request(request).intro_byline if issue else ""
        return context


class AboutPage(Page):
    """Who writes the summaries, how articles are chosen, how to suggest one: written by the
    editor, at /about/ (its slug) and /fr/about/. One per site."""

    intro = models.TextField(
        _("introduction"), blank=True, help_text=_("One or two sentences under the title.")
    )
    body = RichTextField(_("body"))

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    class Meta:
        verbose_name = _("about page")
