"""The article(s) a summary is about: structured fields beside the raw text the editor typed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.validators import URLValidator
from django.db import models
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable

from .formatting import (
    SAFE_SCHEMES,
    csl_item,
    format_key,
    format_reference,
    has_structure,
    safe_url,
    stored_formatting,
)

if TYPE_CHECKING:
    from .parsing import ParsedReference


class Reference(Orderable):
    class Kind(models.TextChoices):
        ARTICLE = "article-journal", _("Journal article")
        CHAPTER = "chapter", _("Book chapter")
        BOOK = "book", _("Book")
        REPORT = "report", _("Report")
        WEBPAGE = "webpage", _("Web page")
        OTHER = "other", _("Other")

    summary = ParentalKey(
        "summaries.SummaryPage", on_delete=models.CASCADE, related_name="references"
    )
    # Exactly what the editor pasted: the parser may be wrong, this never is.
    raw = models.TextField(_("reference as typed"))
    kind = models.CharField(_("kind"), max_length=32, choices=Kind.choices, default=Kind.ARTICLE)
    authors = models.JSONField(
        _("authors"), default=list, blank=True, help_text=_('[{"family": "…", "given": "…"}]')
    )
    editors = models.JSONField(_("editors"), default=list, blank=True)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    status = models.CharField(
        _("publication status"),
        max_length=64,
        blank=True,
        help_text=_('"advance online publication" or "in press"'),
    )
    title = models.TextField(_("title"), blank=True)
    container_title = models.CharField(_("journal or book"), max_length=500, blank=True)
    volume = models.CharField(_("volume"), max_length=32, blank=True)
    issue = models.CharField(_("issue"), max_length=32, blank=True)
    pages = models.CharField(_("pages"), max_length=32, blank=True)
    article_number = models.CharField(_("article number"), max_length=32, blank=True)
    edition = models.CharField(_("edition"), max_length=32, blank=True)
    publisher = models.CharField(_("publisher"), max_length=255, blank=True)
    publisher_place = models.CharField(_("place of publication"), max_length=255, blank=True)
    doi = models.CharField(_("DOI"), max_length=255, blank=True, db_index=True)
    url = models.URLField(
        _("URL"),
        max_length=500,
        blank=True,
        # Only web addresses: a reference link must never run script in a reader's browser.
        validators=[URLValidator(schemes=SAFE_SCHEMES)],
        help_text=_("An http:// or https:// address."),
    )
    unparsed = models.JSONField(
        _("unplaced text"),
        default=list,
        blank=True,
        help_text=_("Parts the parser could not place."),
    )
    # APA 7 as formatted when the reference was last saved, and the fields it was formatted
    # from (formatting.format_key): citeproc takes ~10 ms a reference, and pages, feeds and
    # the static snapshot show the same references again and again.
    formatted_key = models.CharField(max_length=64, blank=True, editable=False)
    formatted_html = models.TextField(blank=True, editable=False)
    formatted_text = models.TextField(blank=True, editable=False)

    panels = [
        FieldPanel("raw"),
        FieldPanel("kind"),
        FieldPanel("authors"),
        FieldRowPanel([FieldPanel("year"), FieldPanel("status")]),
        FieldPanel("title"),
        FieldPanel("container_title"),
        FieldRowPanel(
            [
                FieldPanel("volume"),
                FieldPanel("issue"),
                FieldPanel("pages"),
                FieldPanel("article_number"),
            ]
        ),
        FieldPanel("editors"),
        FieldRowPanel(
            [FieldPanel("edition"), FieldPanel("publisher"), FieldPanel("publisher_place")]
        ),
        FieldRowPanel([FieldPanel("doi"), FieldPanel("url")]),
        # Editable (not read-only) so the admin script's findings are saved with the form.
        FieldPanel("unparsed"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("reference")
        verbose_name_plural = _("references")

    def __str__(self):
        return self.raw[:80]

    @property
    def doi_url(self):
        return f"https://doi.org/{self.doi}" if self.doi else ""

    @property
    def short_authors(self):
        """ "Eubanks, Muran & Safran" — for lists where the full reference is too long."""
        names = [a.get("family", "") for a in self.authors if a.get("family")]
        if len(names) > 2:
            return _("%(first)s et al.") % {"first": names[0]}
        return " & ".join(names)

    def to_csl(self) -> dict:
        """This reference as a CSL-JSON item (citeproc, Zotero, the API)."""
        return csl_item(self)

    def as_html(self):
        """APA 7 in HTML: italics where APA puts them, DOI as a link (citeproc escapes text)."""
        if not self.has_structure():
            return ""
        return mark_safe(self._formatted(html_output=True))  # citeproc escapes every value

    def as_text(self):
        """APA 7 in plain text (e-mails, clipboard); the raw text when nothing is structured."""
        if not self.has_structure():
            return self.raw
        return self._formatted(html_output=False)

    def _formatted(self, html_output):
        # The stored copy only while it matches the fields: a preview, a revision being
        # compared or a row written without save() is formatted afresh.
        csl = self.to_csl()
        if self.formatted_key and self.formatted_key == format_key(csl):
            return self.formatted_html if html_output else self.formatted_text
        return format_reference(csl, html_output=html_output)

    def store_formatted(self):
        """Format the reference now and keep the result with it (see `formatted_key`)."""
        self.formatted_key, self.formatted_html, self.formatted_text = stored_formatting(
            self, self.formatted_key
        )

    def has_structure(self):
        return has_structure(self)

    def fill_from(self, parsed: ParsedReference):
        """Copy the parser's fields; `raw` is never touched."""
        self.kind = parsed.type
        self.authors = parsed.author
        self.editors = parsed.editor
        self.year = parsed.year
        self.status = parsed.status
        self.title = parsed.title
        self.container_title = parsed.container_title[:500]
        self.volume = parsed.volume[:32]
        self.issue = parsed.issue[:32]
        self.pages = parsed.page[:32]
        self.article_number = parsed.number[:32]
        self.edition = parsed.edition[:32]
        self.publisher = parsed.publisher[:255]
        self.publisher_place = parsed.publisher_place[:255]
        self.doi = parsed.DOI[:255]
        self.url = safe_url(parsed.URL)[:500]
        self.unparsed = parsed.unparsed

    def fill_from_raw_if_empty(self):
        """Parse `raw` into the structured fields when the editor left them all empty."""
        if self.raw and not (self.has_structure() or self.doi):
            # Imported here: the parser compiles some 200 patterns, which every process
            # (an export, the task worker) would pay for at start-up without parsing anything.
            from .parsing import parse_reference

            self.fill_from(parse_reference(self.raw))

    def clean(self):
        # Runs in the admin form too, so a draft already shows the parsed fields for review.
        super().clean()
        self.fill_from_raw_if_empty()

    def save(self, *args, **kwargs):
        self.fill_from_raw_if_empty()
        self.store_formatted()
        super().save(*args, **kwargs)
