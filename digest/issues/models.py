"""A monthly issue: the unit of the newsletter, holding an ordered list of summaries."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from .forms import IssueForm


def publication_time(month: datetime.date) -> datetime.datetime:
    """When a page of `month` built by a program (the demo content, the old site's import)
    says it was first published: mid-month, so feeds and dates read like a monthly archive."""
    return timezone.make_aware(datetime.datetime(month.year, month.month, 15, 9, 0))


class IssuePage(Page):
    month = models.DateField(
        _("month"), unique=True, help_text=_("Any day of the issue's month; stored as the 1st.")
    )
    intro = RichTextField(_("introduction"), blank=True)

    # A plain, labelled title field: Wagtail's title panel syncs the title into a slug field,
    # which an issue's form does not have (the month sets the address), and its script fails
    # on that; its heading style also hides an empty, optional title.
    content_panels = [
        FieldPanel("month"),
        FieldPanel("title"),
        FieldPanel("intro"),
    ]
    base_form_class = IssueForm
    promote_panels = [FieldPanel("seo_title"), FieldPanel("search_description")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["summaries.SummaryPage"]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    class Meta:
        verbose_name = _("issue")
        verbose_name_plural = _("issues")
        ordering = ["-month"]

    def clean(self):
        if self.month:
            self.month = self.month.replace(day=1)
            # The month decides the address, so title and slug follow it.
            self.slug = self.month.strftime("%Y-%m")
            if not self.title:
                self.title = self.default_title(self.month)
        super().clean()
        clash = IssuePage.objects.filter(month=self.month).exclude(pk=self.pk)
        if self.month and clash.exists():
            raise ValidationError({"month": _("There is already an issue for this month.")})

    @staticmethod
    def default_title(month: datetime.date) -> str:
        return formats.date_format(month, "F Y")

    def save(self, *args, **kwargs):
        if self.month:
            self.month = self.month.replace(day=1)
            self.slug = self.month.strftime("%Y-%m")
        month_changed = (
            self.pk and IssuePage.objects.filter(pk=self.pk).exclude(month=self.month).exists()
        )
        super().save(*args, **kwargs)
        if month_changed:
            self.summary_pages.update(month=self.month)

    def set_url_path(self, parent):
        # Readers know issues as /2018/02/, not /2018-02/; HomePage.route resolves it back.
        if parent and self.month:
            self.url_path = parent.url_path + self.month.strftime("%Y/%m/")
            return self.url_path
        return super().set_url_path(parent)

    def summaries(self):
        # summary_pages: SummaryPage.issue's reverse side, the children of this issue (a
        # summary's issue is its parent, kept so by its save and by a move).
        return self.summary_pages.live().public().for_listing().order_by("path")

    def neighbours(self):
        """(previous issue, next issue) among the published ones, by month."""
        published = IssuePage.objects.live().public().only("month", "url_path")
        previous = published.filter(month__lt=self.month).order_by("-month").first()
        following = published.filter(month__gt=self.month).order_by("month").first()
        return previous, following

    def get_context(self, request, *args, loaded=None, **kwargs):
        """The page's context; `loaded` (the summaries' `LoadedSummaries`) answers from memory
        when many pages are rendered in one run (the static export)."""
        context = super().get_context(request, *args, **kwargs)
        if loaded is not None:
            context["summaries"] = loaded.of_issue(self.pk)
            context["previous_issue"], context["next_issue"] = loaded.neighbours(self)
        else:
            context["summaries"] = self.summaries()
            context["previous_issue"], context["next_issue"] = self.neighbours()
        context["byline"] = IssueSettings.for_request(request).intro_byline
        return context


@register_setting(icon="user")
class IssueSettings(BaseSiteSetting):
    """What every issue shares, set once by the editor (Settings → Issues)."""

    intro_byline = models.CharField(
        _("intro byline"),
        max_length=200,
        blank=True,
        help_text=_(
            "Who writes the issues' introductions, shown under each one, e.g. "
            "“Jane Doe, PhD, director of the network”."
        ),
    )

    panels = [FieldPanel("intro_byline")]

    class Meta:
        verbose_name = _("issues")
