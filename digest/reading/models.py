"""Teaching packs: named, ordered reading lists that an editor curates for a seminar.

A pack is a Wagtail page (drafts, preview, revisions, scheduled publishing come with it) under
one "Teaching packs" index page at /packs/; each pack lists summaries in the editor's order,
each with an optional note for the students.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, PageChooserPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page

from digest.summaries.models import SummaryPage


class PackIndexPage(Page):
    """/packs/: every published teaching pack."""

    intro = RichTextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["reading.TeachingPack"]
    max_count = 1

    class Meta:
        verbose_name = _("teaching packs index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["packs"] = TeachingPack.objects.live().public().child_of(self).order_by("title")
        return context


class TeachingPack(Page):
    """/packs/<slug>/: a title, an introduction and an ordered list of summaries."""

    introduction = RichTextField(_("introduction"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        InlinePanel("items", heading=_("Summaries"), label=_("Summary"), min_num=1),
    ]
    parent_page_types = ["reading.PackIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("teaching pack")
        verbose_name_plural = _("teaching packs")

    def entries(self):
        """(summary, note) in the editor's order; summaries no longer published are left out."""
        items = list(self.items.order_by("sort_order").values_list("summary_id", "note"))
        summaries = (
            SummaryPage.objects.live().public().for_listing().in_bulk([pk for pk, _note in items])
        )
        return [(summaries[pk], note) for pk, note in items if pk in summaries]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["entries"] = self.entries()
        return context


class PackItem(Orderable):
    pack = ParentalKey(TeachingPack, on_delete=models.CASCADE, related_name="items")
    summary = models.ForeignKey(
        SummaryPage, on_delete=models.CASCADE, related_name="+", verbose_name=_("summary")
    )
    note = models.CharField(
        _("note"),
        max_length=255,
        blank=True,
        help_text=_("Optional, for the readers: e.g. “read this one before the seminar”."),
    )

    panels = [PageChooserPanel("summary", "summaries.SummaryPage"), FieldPanel("note")]

    class Meta(Orderable.Meta):
        verbose_name = _("summary in the pack")
