"""The article(s) a summary is about: structured fields beside the raw text the editor typed."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable


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
    publisher = models.CharField(_("publisher"), max_length=255, blank=True)
    doi = models.CharField(_("DOI"), max_length=255, blank=True, db_index=True)
    url = models.URLField(_("URL"), max_length=500, blank=True)
    unparsed = models.JSONField(
        _("unplaced text"),
        default=list,
        blank=True,
        help_text=_("Parts the parser could not place."),
    )

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
        FieldPanel("publisher"),
        FieldRowPanel([FieldPanel("doi"), FieldPanel("url")]),
        FieldPanel("unparsed", read_only=True),
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
        item = {"id": f"ref-{self.pk}", "type": self.kind if self.kind != "other" else "article"}
        if self.authors:
            item["author"] = self.authors
        if self.editors:
            item["editor"] = self.editors
        if self.year:
            item["issued"] = {"date-parts": [[self.year]]}
        fields = {
            "title": self.title,
            "container-title": self.container_title,
            "volume": self.volume,
            "issue": self.issue,
            "page": self.pages,
            "number": self.article_number,
            "publisher": self.publisher,
            "DOI": self.doi,
            "URL": self.url,
            "status": self.status,
        }
        item.update({k: v for k, v in fields.items() if v})
        return item
