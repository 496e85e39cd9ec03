"""What the legacy import has already brought across, so that running it again changes nothing."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportedEntry(models.Model):
    """One entry of the old blog (or one fragment that could not be read as an entry).

    The legacy ids record which of the old site's topic and type lists the entry was seen in
    and already applied: a later run adds only new ones, so an editor's removal of a topic is
    not undone by importing again.
    """

    class Status(models.TextChoices):
        COMPLETE = "complete", _("complete")
        INCOMPLETE = "incomplete", _("incomplete (kept as a draft)")
        UNPARSED = "unparsed", _("not readable as an entry")

    fingerprint = models.CharField(_("fingerprint"), max_length=64, unique=True)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices)
    summary = models.ForeignKey(
        "summaries.SummaryPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("summary"),
    )
    month = models.DateField(_("month"), null=True, blank=True)
    headline = models.CharField(_("headline"), max_length=255, blank=True)
    raw_text = models.TextField(_("text as read"))
    problems = models.JSONField(_("problems"), default=list, blank=True)
    topic_ids = models.JSONField(_("old topic ids (cat_2)"), default=list, blank=True)
    type_ids = models.JSONField(_("old research type ids (cat_1)"), default=list, blank=True)
    sources = models.JSONField(_("pages it was seen on"), default=list, blank=True)
    imported_at = models.DateTimeField(_("imported at"), auto_now_add=True)
    # Set from the review queue (digest/legacy/review.py) once a person has looked at the
    # summary; the importer never touches them, so a re-run keeps the editor's progress. The
    # reviewer is kept by name: the archive export (archive.py) carries no user accounts.
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    reviewed_by = models.CharField(_("reviewed by"), max_length=150, blank=True)

    class Meta:
        verbose_name = _("imported legacy entry")
        verbose_name_plural = _("imported legacy entries")
        ordering = ["-month", "pk"]

    def __str__(self):
        return self.headline or self.raw_text[:80]
