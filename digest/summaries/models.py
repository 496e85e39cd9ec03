"""A summary of one (or several, or no) research article(s), with its practice implications."""

import re

from django.db import models
from django.db.models import Prefetch, Q
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.functional import cached_property
from django.utils.text import Truncator
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from digest.evidence.extraction import html_to_text
from digest.references.forms import ReferencesPanel
from digest.taxonomy.models import ResearchType, Topic
from digest.taxonomy.widgets import TermCheckboxes


class SummaryPageQuerySet(PageQuerySet):
    # Subqueries rather than joins: no duplicate rows, so no DISTINCT, and facets compose.
    def in_topics(self, topics):
        """Summaries tagged with any of `topics` (OR within the facet)."""
        if not topics:
            return self
        through = SummaryPage.topics.through
        ids = through.objects.filter(topic__in=list(topics)).values("summarypage_id")
        return self.filter(pk__in=ids)

    def of_types(self, types):
        """Summaries of any of the research `types` (OR within the facet)."""
        if not types:
            return self
        through = SummaryPage.research_types.through
        ids = through.objects.filter(researchtype__in=list(types)).values("summarypage_id")
        return self.filter(pk__in=ids)

    def filtered(self, topics=(), types=()):
        """The archive's facets: OR within a facet, AND across facets."""
        return self.in_topics(topics).of_types(types)

    def newest_first(self):
        return self.order_by("-month", "path")

    def for_listing(self, terms=True, issue=False):
        """Everything a list of summaries shows, in a fixed number of queries. With
        `terms=False` the caller sets each summary's `listed_topics` and `listed_types` itself
        (the facet index knows them); `issue=True` joins each summary's issue, which the API
        shows and the site's lists do not (joining it costs a tenth of a page's fetch)."""
        from digest.references.models import Reference

        queryset = self.prefetch_related(
            Prefetch("references", queryset=Reference.objects.order_by("sort_order"))
        )
        if issue:
            queryset = queryset.select_related("issue")
        if terms:
            queryset = queryset.prefetch_related(
                Prefetch("topics", queryset=Topic.objects.order_by("sort_order", "name")),
                Prefetch("research_types", queryset=ResearchType.objects.all()),
            )
        return queryset


SummaryPageManager = PageManager.from_queryset(SummaryPageQuerySet)


class SummaryPage(Page):
    """The page title is the editor's headline ("Experts Agree on Strategies to Repair…")."""

    # Denormalised from the parent issue so the archive sorts and groups without joins.
    month = models.DateField(_("month"), null=True, blank=True, editable=False, db_index=True)
    issue = models.ForeignKey(
        "issues.IssuePage",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="summary_pages",  # the issue lists its summaries without importing them
    )
    preamble = RichTextField(
        _("preamble"), blank=True, help_text=_("Optional short lead-in before the reference.")
    )
    body = RichTextField(_("summary"), blank=True)
    implications = RichTextField(
        _("practice implications"), blank=True, help_text=_("What this means for practice.")
    )
    author_email = models.EmailField(_("corresponding author's e-mail"), blank=True)
    topics = ParentalManyToManyField(
        Topic, related_name="summaries", blank=True, verbose_name=_("topics")
    )
    research_types = ParentalManyToManyField(
        ResearchType, related_name="summaries", blank=True, verbose_name=_("research types")
    )

    # The evidence card: suggested from the text, confirmed by the editor (SPEC §2).
    design = models.CharField(_("design"), max_length=120, blank=True)
    n_clients = models.PositiveIntegerField(_("clients"), null=True, blank=True)
    n_therapists = models.PositiveIntegerField(_("therapists"), null=True, blank=True)
    n_studies = models.PositiveIntegerField(_("studies"), null=True, blank=True)
    setting = models.CharField(_("setting"), max_length=160, blank=True)
    effect_sizes = models.CharField(
        _("headline effect sizes"), max_length=255, blank=True, help_text=_("e.g. d = 0.45")
    )
    follow_up = models.CharField(_("follow-up"), max_length=120, blank=True)
    evidence_confirmed = models.BooleanField(
        _("evidence card confirmed"),
        default=False,
        help_text=_("Only a confirmed evidence card is shown to readers."),
    )

    objects = SummaryPageManager()

    content_panels = [
        *Page.content_panels,
        ReferencesPanel("references", label=_("References"), heading=_("References")),
        FieldPanel("preamble"),
        FieldPanel("body"),
        FieldPanel("implications"),
        # The evidence app adds its Suggestions panel here (EvidenceConfig.ready): the
        # content model does not import the editor's tools built on it.
        FieldPanel("author_email"),
        MultiFieldPanel(
            [
                FieldPanel("topics", widget=TermCheckboxes),
                FieldPanel("research_types", widget=TermCheckboxes),
            ],
            heading=_("Classification"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("design"),
                FieldPanel("n_clients"),
                FieldPanel("n_therapists"),
                FieldPanel("n_studies"),
                FieldPanel("setting"),
                FieldPanel("effect_sizes"),
                FieldPanel("follow_up"),
                FieldPanel("evidence_confirmed"),
            ],
            heading=_("Evidence card"),
        ),
    ]
    parent_page_types = ["issues.IssuePage"]
    subpage_types = []
    # Headline (Page.title, boost 2), implications and the reference's authors, title and
    # journal weigh more than the body (digest.search.backend explains how on each engine).
    search_fields = [
        *Page.search_fields,
        index.SearchField("preamble"),
        index.SearchField("body"),
        index.SearchField("implications", boost=2),
        index.SearchField("reference_authors", boost=2),
        index.RelatedFields(
            "references",
            [
                index.SearchField("title", boost=2),
                index.SearchField("container_title", boost=2),
                index.SearchField("raw"),
            ],
        ),
        index.FilterField("month"),
        # Topic and type names are searchable: a summary filed under "Attendance, Attrition,
        # and Drop-Out" answers "dropout" even when its text says "discontinued".
        index.RelatedFields("topics", [index.FilterField("slug"), index.SearchField("name")]),
        index.RelatedFields(
            "research_types", [index.FilterField("slug"), index.SearchField("name")]
        ),
    ]
    # The search app folds their text as it folds queries (search/folding.py, from its ready()).

    class Meta:
        verbose_name = _("summary")
        verbose_name_plural = _("summaries")

    def publish(self, revision, *args, **kwargs):
        """Never a live summary under a non-live issue (README, "Publishing a summary"): one
        whose issue is not live yet stays as it is (a scheduled one stays scheduled) and goes
        live with its issue. The admin refuses with a message before it gets here."""
        go_live_at = revision.as_object().go_live_at
        scheduling = go_live_at is not None and go_live_at > timezone.now()
        if not (scheduling or self.issue_is_live()):
            return None
        return super().publish(revision, *args, **kwargs)

    def issue_is_live(self):
        # Read afresh: a parent cached on this instance may predate the issue's publishing.
        parent = self.get_parent(update=True) if self.path else None
        return parent is not None and parent.live

    def save(self, *args, **kwargs):
        parent = self.get_parent() if self.path else None
        if parent is not None:
            parent = parent.specific
            self.issue_id = parent.pk
            self.month = getattr(parent, "month", None)
            if self._state.adding and not parent.live:
                self.live = False  # Wagtail's create view saves a page to publish as live
        super().save(*args, **kwargs)

    @cached_property
    def listed_topics(self):
        """Its topics in display order, as lists show them (prefetched by `for_listing`)."""
        return list(self.topics.all())

    @cached_property
    def listed_types(self):
        return list(self.research_types.all())

    def get_context(self, request, *args, loaded=None, **kwargs):
        """The page's context; `loaded` (a `LoadedSummaries`) answers from memory what a
        single page would query, when many pages are rendered in one run (the static export)."""
        context = super().get_context(request, *args, **kwargs)
        preview = getattr(request, "is_preview", False)
        context["related"] = self.related(preview=preview, loaded=loaded)
        context["issue_siblings"] = self.issue_siblings(loaded)
        return context

    def issue_siblings(self, loaded=None):
        """The other published summaries of this summary's issue, in the issue's order."""
        if not self.issue_id:
            return []
        if loaded is not None:
            pk = self.pk
            return [s for s in loaded.of_issue(self.issue_id) if s.pk != pk]
        siblings = SummaryPage.objects.live().public().filter(issue_id=self.issue_id)
        return list(siblings.exclude(pk=self.pk).order_by("path").only("title", "url_path"))

    def related(self, limit=5, preview=False, loaded=None):
        """Other published summaries sharing this one's topics or research types, most shared
        first: the facet index scores every summary at once, and only the winners are read."""
        ids = self.related_ids(limit, preview)
        if loaded is not None:
            found = loaded.summaries
        else:
            found = SummaryPage.objects.filter(pk__in=ids).in_bulk()
        return [found[pk] for pk in ids if pk in found]

    def related_ids(self, limit=5, preview=False):
        """The ids of `related`'s summaries. A published summary's terms are in the facet
        index; a preview's are its own (unsaved)."""
        from .facet_index import FacetIndex

        index = FacetIndex.current()
        if preview or not index.has(self.pk):
            topic_ids = [topic.pk for topic in self.topics.all()]
            type_ids = [research_type.pk for research_type in self.research_types.all()]
        else:
            topics, types = index.terms_of(self.pk)
            topic_ids, type_ids = [t.pk for t in topics], [t.pk for t in types]
        return index.related(self.pk, topic_ids, type_ids, limit)

    def reference_authors(self):
        """Every author's family name and initials, for search ("Wampold", "Safran J")."""
        return " ".join(
            f"{a.get('family', '')} {a.get('given', '')}".strip()
            for reference in self.references.all()
            for a in reference.authors or ()
            if isinstance(a, dict)
        )

    @property
    def description(self):
        """Plain text for the meta description and Open Graph: the editor's, else the
        practice implications (what a reader most wants to preview), else the summary."""
        if self.search_description:
            return self.search_description
        source = self.implications or self.body
        # A page shows it twice (description, og:description): worked out once per text.
        kept = self.__dict__.get("_description")
        if kept is not None and kept[0] is source:
            return kept[1]
        text = html_to_text(source)
        description = Truncator(" ".join(text.split())).words(40)
        self._description = (source, description)
        return description

    @property
    def evidence_parts(self):
        """The evidence card as short phrases in the reader's language ("605 clients",
        "primary care"; "1 868 clients", "soins primaires" on /fr/). The design and setting
        the extraction writes are in the catalogue; other wording stays as the editor typed it."""
        parts = [gettext(self.design)] if self.design else []
        for n, singular, plural in (
            (self.n_studies, "%(n)s study", "%(n)s studies"),
            (self.n_clients, "%(n)s client", "%(n)s clients"),
            (self.n_therapists, "%(n)s therapist", "%(n)s therapists"),
        ):
            if n:
                parts.append(
                    ngettext(singular, plural, n) % {"n": number_format(n, force_grouping=True)}
                )
        if self.setting:
            parts.append(gettext(self.setting))
        if self.effect_sizes:
            parts.append(self.effect_sizes)
        if self.follow_up:
            parts.append(_follow_up(self.follow_up))
        return parts

    @property
    def evidence_card(self):
        return " · ".join(self.evidence_parts) if self.evidence_confirmed else ""


# What a summary's line in a list of headlines shows (related and sibling summaries,
# summary_page.html): its address needs the page's path.
LINE_FIELDS = (
    "title",
    "slug",
    "url_path",
    "path",
    "depth",
    "locale_id",
    "month",
    "issue_id",
)


class LoadedSummaries:
    """Every published summary with what its page and the lists show (references, topics,
    types, issue), and every published issue, read in a handful of queries: a run that
    renders thousands of pages (the static export) reads them once, not per page.

    `issues` (ids) reads only those issues' summaries instead, for a run of a few pages (the
    snapshot after one publish), which `include` and `include_lines` complete with what
    those pages show."""

    def __init__(self, issues=None):
        from digest.issues.models import IssuePage

        summaries = SummaryPage.objects.live().public().for_listing().order_by("path")
        if issues is not None:
            summaries = summaries.filter(issue_id__in=issues)
        self.summaries = {summary.pk: summary for summary in summaries}
        self._by_issue = {}
        for summary in self.summaries.values():
            self._by_issue.setdefault(summary.issue_id, []).append(summary)
        self.issues = list(IssuePage.objects.live().public().order_by("month"))
        self._issue_at = {issue.pk: where for where, issue in enumerate(self.issues)}
        self._attach_issues(self.summaries.values())

    def _attach_issues(self, summaries):
        for summary in summaries:
            if summary.issue_id in self._issue_at:
                summary.issue = self.issues[self._issue_at[summary.issue_id]]

    def include(self, pks):
        """Read the published summaries among `pks` not read yet, in full (for their pages)."""
        self._add(SummaryPage.objects.live().public().for_listing(), pks)

    def include_lines(self, pks=(), issues=()):
        """Read, with only what a line of a list shows (headline, address, month), the
        summaries among `pks` and every summary of `issues`: a page's related summaries and
        its issue's other summaries, for a run of a few pages. A few hundred lines cost a
        tenth of what reading those summaries for a list would."""
        issues = set(issues) - set(self._by_issue)
        lines = SummaryPage.objects.live().public().only(*LINE_FIELDS).order_by("path")
        found = self._add(lines.filter(Q(pk__in=pks) | Q(issue_id__in=issues)), None)
        for summary in found:
            if summary.issue_id in issues:
                self._by_issue.setdefault(summary.issue_id, []).append(self.summaries[summary.pk])

    def _add(self, queryset, pks):
        """The summaries of `queryset` (among `pks`, if given), each kept unless read already."""
        if pks is not None:
            missing = set(pks) - set(self.summaries)
            queryset = queryset.filter(pk__in=missing) if missing else queryset.none()
        found = list(queryset)
        for summary in found:
            self.summaries.setdefault(summary.pk, summary)
        self._attach_issues(found)
        return found

    def of_issue(self, issue_id):
        """The issue's published summaries, in the issue's order."""
        return self._by_issue.get(issue_id, [])

    def issue(self, pk):
        """The published issue `pk`, or None."""
        where = self._issue_at.get(pk)
        return None if where is None else self.issues[where]

    def neighbours(self, issue):
        """(previous issue, next issue) among the published ones, by month."""
        where = self._issue_at[issue.pk]
        previous = self.issues[where - 1] if where > 0 else None
        following = self.issues[where + 1] if where + 1 < len(self.issues) else None
        return previous, following


FOLLOW_UP = re.compile(r"(\d+)[- ](month|year)s?[- ]follow[- ]up", re.IGNORECASE)


def _follow_up(text):
    """ "12-month follow-up" in the reader's language; any other wording as typed."""
    match = FOLLOW_UP.fullmatch(text.strip())
    if not match:
        return text
    n = int(match[1])
    if match[2].lower() == "year":
        return ngettext("%(n)s-year follow-up", "%(n)s-year follow-up", n) % {"n": n}
    return ngettext("%(n)s-month follow-up", "%(n)s-month follow-up", n) % {"n": n}
