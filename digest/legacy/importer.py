"""Brings pages of the old blog into the page tree: an issue per month, its summaries with their
references, and the topics and research types named by the old addresses (cat_2, cat_1).

Wraps the pure parser (`digest.legacy.parsing`). Every entry is recorded as an ImportedEntry,
keyed on its fingerprint (month, headline, first reference or opening text): the same entry
listed on several pages is imported once and gathers every topic it was listed under, and a
second run over the same pages changes nothing.
"""

from __future__ import annotations

import codecs
import datetime
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import translation
from django.utils.html import escape
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.models import Site

from digest.issues.models import IssuePage, publication_time
from digest.references.models import Reference
from digest.summaries.models import SummaryPage
from digest.taxonomy.models import ResearchType, Topic, TopicAlias

from .models import ImportedEntry
from .parsing import (
    NO_HEADLINE_PROBLEMS,
    LegacyAddress,
    LegacyEntry,
    LegacyPage,
    decode_page,
    is_reference,
    parse_page_bytes,
)

PAGE_SUFFIXES = {".html", ".htm", ".txt", ".text", ".xhtml"}


@dataclass
class Occurrence:
    entry: LegacyEntry
    source: str
    address: LegacyAddress
    page_number: int  # the n-th page read, to keep the first-seen order
    path: str = ""  # the file it was read from


@dataclass
class FileReport:
    """What one saved page gave: what an editor reads to know what to check."""

    path: str
    address: str = ""
    created: list[str] = field(default_factory=list)
    merged: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    drafts: list[tuple[str, list[str]]] = field(default_factory=list)
    unparsed: list[str] = field(default_factory=list)
    # Why the file needs a person: unreadable, not a saved page, nothing recognisable.
    warnings: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        lines = [f"{self.path}" + (f"  ({self.address})" if self.address else "")]
        for label, items in (
            (_("created"), self.created),
            (_("merged with the same entry on another page"), self.merged),
            (_("given new topics or completed"), self.updated),
            (_("already imported, unchanged"), self.unchanged),
        ):
            lines.extend(f"  {label}: {item}" for item in items)
        for item, problems in self.drafts:
            lines.append(
                _("  left as a draft: %(entry)s: %(why)s")
                % {"entry": item, "why": "; ".join(problems)}
            )
        for text in self.unparsed:
            lines.append(_("  not understood, kept in the import log:"))
            lines.extend(f"    | {line}" for line in text.splitlines())
        lines.extend(_("  WARNING: %(why)s") % {"why": why} for why in self.warnings)
        return lines


def _label(entry: LegacyEntry) -> str:
    month = f"{entry.year or 0:04d}-{entry.month or 0:02d}"
    return f"{month} “{entry.headline}”" if entry.headline else f"{month} {_title(entry)}"


@dataclass
class Group:
    """All the copies of one entry found in this run."""

    entry: LegacyEntry
    occurrences: list[Occurrence] = field(default_factory=list)
    # What the run did with it: "created", "updated" or "unchanged"; and its import record.
    outcome: str = "unchanged"
    record: ImportedEntry | None = None
    # The copy that speaks for the entry (its page is the one the entry is "created" from).
    lead: Occurrence | None = None

    def add(self, occurrence: Occurrence) -> None:
        self.occurrences.append(occurrence)
        # The fullest copy speaks for the entry: a complete one over a cut one, then the longer.
        best = (self.entry.complete, len(self.entry.raw_text))
        if (occurrence.entry.complete, len(occurrence.entry.raw_text)) > best:
            self.entry = occurrence.entry
            self.lead = occurrence
        elif self.lead is None:
            self.lead = occurrence
        if not self.entry.headline:
            # A page that shows no headline for the entry: another page's copy may show it.
            titled = next((o.entry for o in self.occurrences if o.entry.headline), None)
            if titled is not None:
                self.entry = self.entry.titled_as(titled)

    @property
    def topic_ids(self) -> set[int]:
        return {o.address.cat_2 for o in self.occurrences if o.address.cat_2 is not None}

    @property
    def type_ids(self) -> set[int]:
        return {o.address.cat_1 for o in self.occurrences if o.address.cat_1 is not None}

    @property
    def sources(self) -> list[str]:
        return sorted({o.source for o in self.occurrences})

    def order_key(self):
        """Issue order: as the unfiltered listing showed it, else as first met."""
        unfiltered = [o for o in self.occurrences if not o.address.is_filtered]
        best = min(unfiltered or self.occurrences, key=lambda o: o.page_number)
        return (
            self.entry.year,
            self.entry.month,
            0 if unfiltered else 1,
            best.address.p or 1,
            best.entry.position,
            best.page_number,
        )


@dataclass
class ImportReport:
    pages_read: int = 0
    entries_found: int = 0
    created: int = 0
    drafted: int = 0  # created as drafts: the copy was incomplete
    merged: int = 0
    updated: int = 0
    unchanged: int = 0
    incomplete: list[tuple[str, LegacyEntry, bool]] = field(default_factory=list)
    unparsed: list[tuple[str, str]] = field(default_factory=list)
    skipped_files: list[tuple[str, str]] = field(default_factory=list)
    files: dict[str, FileReport] = field(default_factory=dict)

    def file(self, path: str) -> FileReport:
        return self.files.setdefault(path, FileReport(path))

    @property
    def warnings(self) -> list[tuple[str, str]]:
        return [(f.path, why) for f in self.files.values() for why in f.warnings]

    def lines(self) -> list[str]:
        lines = [
            _("Pages read: %(n)d") % {"n": self.pages_read},
            _("Entries found on the pages: %(n)d") % {"n": self.entries_found},
            _("Entries created and published: %(n)d") % {"n": self.created},
            _("Entries created as drafts (incomplete copies): %(n)d") % {"n": self.drafted},
            _("Copies merged into one entry: %(n)d") % {"n": self.merged},
            _("Earlier imports given new topics or completed: %(n)d") % {"n": self.updated},
            _("Already imported, unchanged: %(n)d") % {"n": self.unchanged},
            _("Incomplete (kept as drafts): %(n)d") % {"n": len(self.incomplete)},
            _("Unparsed fragments: %(n)d") % {"n": len(self.unparsed)},
        ]
        for source, entry, new in self.incomplete:
            lines.append(
                _("  incomplete%(new)s: %(month)s “%(headline)s” in %(source)s (%(problems)s)")
                % {
                    "new": "" if new else _(" (draft already there)"),
                    "month": f"{entry.year}-{entry.month:02d}",
                    "headline": entry.headline or _title(entry),
                    "source": source,
                    "problems": "; ".join(entry.problems),
                }
            )
        for source, text in self.unparsed:
            lines.append(_("  unparsed text in %(source)s:") % {"source": source})
            lines.extend(f"    | {line}" for line in text.splitlines())
        for source, reason in self.skipped_files:
            lines.append(
                _("  not read: %(source)s (%(reason)s)") % {"source": source, "reason": reason}
            )
        lines.append(_("Page by page:"))
        for report in self.files.values():
            lines.extend(report.lines())
        return lines


def page_files(paths) -> list[Path]:
    """The saved pages named by `paths`; a folder stands for the pages inside it."""
    files: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            files.extend(
                sorted(p for p in path.rglob("*") if p.is_file() and p.suffix in PAGE_SUFFIXES)
            )
        else:
            files.append(path)
    return files


def import_legacy(paths) -> ImportReport:
    """Read the saved pages at `paths` and bring their entries into the site."""
    report = ImportReport()
    known = list(Topic.objects.values_list("name", flat=True)) + list(
        ResearchType.objects.values_list("name", flat=True)
    )
    pages: list[tuple[str, LegacyPage]] = []
    for path in page_files(paths):
        file = report.file(str(path))
        try:
            data = path.read_bytes()
        except OSError as error:
            reason = error.strerror or str(error)
            report.skipped_files.append((str(path), reason))
            file.warnings.append(_("could not be read: %(reason)s") % {"reason": reason})
            continue
        problem = _not_a_page(data)
        if problem:
            report.skipped_files.append((str(path), problem))
            file.warnings.append(problem)
            continue
        page = parse_page_bytes(data, known_furniture=known)
        file.address = page.address.url
        if not (page.entries or page.intros or page.unparsed) and page.described:
            file.warnings.append(
                _(
                    "a page of the old blog, but the copy ends before its first entry (nothing "
                    "after the blog's description and menus): save it again in full"
                )
            )
        elif not (page.entries or page.intros or page.unparsed):
            file.warnings.append(
                _("nothing in it is recognisable as an entry of the old blog (no month heading)")
            )
        elif not page.address.url:
            file.warnings.append(
                _(
                    "no address: a text copy's first line (or the HTML's canonical link) must "
                    "give the page's old address, or the listing's topic and type are unknown"
                )
            )
        pages.append((str(path), page))
    with transaction.atomic(), translation.override("en"):
        _Importer(report).run(pages)
    return report


def _not_a_page(data: bytes) -> str:
    """Why these bytes cannot be a saved page, or "" when they may be one."""
    if not data.strip():
        return _("empty file")
    head = data[:65536]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return ""
    text = decode_page(head)
    controls = sum(
        1 for char in text if char == "\ufffd" or (ord(char) < 32 and char not in "\t\n\r\f")
    )
    if controls > max(8, len(text) // 50):
        return _("not a saved page: binary data")
    return ""


class _Importer:
    def __init__(self, report: ImportReport) -> None:
        self.report = report
        self.home = Site.objects.get(is_default_site=True).root_page.specific
        self.intros: dict[datetime.date, str] = {}

    # Reading ---------------------------------------------------------------------------------

    def run(self, pages: list[tuple[str, LegacyPage]]) -> None:
        groups: dict[str, Group] = {}
        cut: list[Occurrence] = []
        for number, (source, page) in enumerate(pages):
            self.report.pages_read += 1
            for intro in page.intros:
                self.intros.setdefault(datetime.date(intro.year, intro.month, 1), intro.text)
            for text in page.unparsed:
                self.report.unparsed.append((source, text))
                self.report.file(source).unparsed.append(text)
                self._keep_unparsed(text, source)
            for entry in page.entries:
                self.report.entries_found += 1
                occurrence = Occurrence(
                    entry, page.address.url or source, page.address, number, path=source
                )
                if entry.complete:
                    groups.setdefault(entry.fingerprint(), Group(entry)).add(occurrence)
                else:
                    cut.append(occurrence)
        for occurrence in cut:
            self._group_cut(groups, occurrence)
        for group in sorted(groups.values(), key=Group.order_key):
            self.report.merged += len(group.occurrences) - 1
            self._apply(group)
            self._report_files(group)

    def _report_files(self, group: Group) -> None:
        """Each file that showed the entry hears what became of it."""
        entry, record, outcome = group.entry, group.record, group.outcome
        lead = group.lead
        for occurrence in group.occurrences:
            file = self.report.file(occurrence.path)
            label = _label(occurrence.entry)
            if not occurrence.entry.headline and entry.headline:
                titled_by = next(o.source for o in group.occurrences if o.entry.headline)
                label = _("%(entry)s (this page shows no headline; the one on %(source)s)") % {
                    "entry": _label(entry),
                    "source": titled_by,
                }
            if record is not None and record.status == ImportedEntry.Status.INCOMPLETE:
                if lead is not None and occurrence is not lead and lead.source != occurrence.source:
                    # Several cut copies of one entry are one draft: say so on each page.
                    label = _("%(entry)s (one draft with the copy on %(source)s)") % {
                        "entry": label,
                        "source": lead.source,
                    }
                file.drafts.append((label, list(occurrence.entry.problems or entry.problems)))
            elif occurrence is lead and outcome == "created":
                file.created.append(label)
            elif occurrence is lead and outcome == "updated":
                file.updated.append(label)
            elif outcome == "created" or (outcome == "updated" and occurrence is not lead):
                file.merged.append(label)
            else:
                file.unchanged.append(label)

    @staticmethod
    def _group_cut(groups: dict[str, Group], occurrence: Occurrence) -> None:
        """A cut-off copy joins the entry it is the start of, when that was read too."""
        entry = occurrence.entry
        group = groups.get(entry.fingerprint()) or next(
            (
                g
                for g in groups.values()
                if entry.continues(g.entry)
                or g.entry.continues(entry)
                or any(entry.same_by_reference(o.entry) for o in g.occurrences)
            ),
            None,
        )
        if group is None:
            group = groups[entry.fingerprint()] = Group(entry)
        group.add(occurrence)

    def _keep_unparsed(self, text: str, source: str) -> None:
        fingerprint = "unparsed-" + hashlib.sha256(text.encode()).hexdigest()[:32]
        record, created = ImportedEntry.objects.get_or_create(
            fingerprint=fingerprint,
            defaults={
                "status": ImportedEntry.Status.UNPARSED,
                "raw_text": text,
                "sources": [source],
            },
        )
        if not created and source not in record.sources:
            record.sources = sorted([*record.sources, source])
            record.save(update_fields=["sources"])

    # Writing ---------------------------------------------------------------------------------

    def _apply(self, group: Group) -> None:
        entry = group.entry
        record = ImportedEntry.objects.filter(fingerprint=entry.fingerprint()).first()
        if record is None:
            record = self._earlier_copy(entry)
        if record is None:
            self._create(group)
        else:
            self._update(record, group)

    def _earlier_copy(self, entry: LegacyEntry) -> ImportedEntry | None:
        """An earlier run's record of this entry under another fingerprint: a cut-off copy
        read before (which this one completes) or after (which this one starts)."""
        month = datetime.date(entry.year, entry.month, 1)
        for record in ImportedEntry.objects.filter(month=month).exclude(
            status=ImportedEntry.Status.UNPARSED
        ):
            earlier = LegacyEntry(
                entry.year, entry.month, record.headline, raw_text=record.raw_text
            )
            if entry.continues(earlier) or earlier.continues(entry):
                return record
            # A copy from a page that shows no headline for the entry: the reference tells.
            earlier.references = [
                line for line in record.raw_text.splitlines() if is_reference(line)
            ][:1]
            if entry.same_by_reference(earlier):
                return record
        return None

    def _create(self, group: Group) -> None:
        entry = group.entry
        issue = self._issue(entry, publish=entry.complete)
        summary = SummaryPage(
            title=_title(entry),
            slug=_free_slug(issue, _title(entry)),
            first_published_at=publication_time(issue.month),
            live=False,
        )
        _fill(summary, entry)
        summary.topics = self._topics(group.topic_ids)
        summary.research_types = self._types(group.type_ids, entry)
        issue.add_child(instance=summary)
        revision = summary.save_revision()
        if entry.complete:
            revision.publish()
            self.report.created += 1
        else:
            self.report.drafted += 1
            self.report.incomplete.append((group.sources[0], entry, True))
        group.outcome = "created"
        group.record = ImportedEntry.objects.create(
            fingerprint=entry.fingerprint(),
            status=_status(entry),
            summary=summary,
            month=issue.month,
            headline=entry.headline[:255],
            raw_text=entry.raw_text,
            problems=entry.problems,
            topic_ids=sorted(group.topic_ids),
            type_ids=sorted(group.type_ids),
            sources=group.sources,
        )

    def _update(self, record: ImportedEntry, group: Group) -> None:
        entry = group.entry
        new_topics = group.topic_ids - set(record.topic_ids)
        new_types = group.type_ids - set(record.type_ids)
        completes = record.status == ImportedEntry.Status.INCOMPLETE and entry.complete
        # Read before from a page that shows no headline, now from one that does.
        retitles = not record.headline and bool(entry.headline)
        sources = sorted(set(record.sources) | set(group.sources))
        group.record = record
        if not (new_topics or new_types or completes or retitles or sources != record.sources):
            self.report.unchanged += 1
            if not entry.complete:
                self.report.incomplete.append((group.sources[0], entry, False))
            return
        summary = record.summary
        # A deleted summary stays deleted: the editor removed it on purpose.
        if summary is not None and (new_topics or new_types or completes or retitles):
            title = entry.headline if retitles else None
            self._revise(summary, entry if completes else None, new_topics, new_types, title)
        if completes and (summary is None or not _edited_by_a_person(summary)):
            record.status = ImportedEntry.Status.COMPLETE
            record.raw_text, record.problems = entry.raw_text, entry.problems
            record.headline = entry.headline[:255]
        elif retitles and (summary is None or not _edited_by_a_person(summary)):
            record.headline = entry.headline[:255]
            record.problems = [p for p in record.problems if not p.startswith(NO_HEADLINE_PROBLEMS)]
        record.topic_ids = sorted(set(record.topic_ids) | group.topic_ids)
        record.type_ids = sorted(set(record.type_ids) | group.type_ids)
        record.sources = sources
        record.save()
        if new_topics or new_types or completes or retitles:
            group.outcome = "updated"
            self.report.updated += 1
        else:
            self.report.unchanged += 1
        if record.status == ImportedEntry.Status.INCOMPLETE:
            self.report.incomplete.append((group.sources[0], entry, False))

    def _revise(self, summary: SummaryPage, complete_entry, new_topics, new_types, title=None):
        """Add terms (and, for a draft nobody has touched, the complete text or the headline
        another page shows) in a new revision, published when the page was live with nothing
        pending."""
        summary = summary.specific
        publish_after = summary.live and not summary.has_unpublished_changes
        page = summary.get_latest_revision_as_object()
        if complete_entry is not None and not _edited_by_a_person(summary):
            _fill(page, complete_entry)
            publish_after = True
        elif title and not _edited_by_a_person(summary):
            page.title = title[:255]
            if summary.last_published_at is None:
                # Never served: its address can still follow the headline.
                page.slug = _free_slug(summary.get_parent(), page.title)
        page.topics = [*page.topics.all(), *self._topics(new_topics)]
        page.research_types = [*page.research_types.all(), *self._types(new_types, page)]
        revision = page.save_revision()
        if publish_after:
            # The issue first: a summary goes live only under a live issue.
            issue = summary.get_parent().specific
            if not issue.live:
                issue.save_revision().publish()
            revision.publish()

    def _issue(self, entry: LegacyEntry, *, publish: bool) -> IssuePage:
        month = datetime.date(entry.year, entry.month, 1)
        intro = self.intros.get(month, "")
        issue = IssuePage.objects.filter(month=month).first()
        if issue is None:
            issue = IssuePage(
                title=IssuePage.default_title(month),
                month=month,
                intro=_paragraphs([intro]) if intro else "",
                first_published_at=publication_time(month),
                live=False,
            )
            self.home.add_child(instance=issue)
            revision = issue.save_revision()
            if publish:
                revision.publish()
            return issue
        changed = False
        if intro and not issue.intro:
            # Nothing is lost: an intro read on a later run fills an empty one.
            issue = issue.get_latest_revision_as_object()
            issue.intro = _paragraphs([intro])
            changed = True
        if changed or (publish and not issue.live):
            revision = issue.save_revision()
            if publish or issue.live:
                revision.publish()
        return issue

    @staticmethod
    def _topics(legacy_ids) -> list[Topic]:
        if not legacy_ids:
            return []
        topics = {t.legacy_id: t for t in Topic.objects.filter(legacy_id__in=legacy_ids)}
        for alias in TopicAlias.objects.filter(legacy_id__in=set(legacy_ids) - set(topics)):
            topics[alias.legacy_id] = alias.topic
        return sorted(set(topics.values()), key=lambda t: (t.sort_order, t.name))

    @staticmethod
    def _types(legacy_ids, entry_or_page) -> list[ResearchType]:
        """The old site's type ids are groups (24 = every kind of primary study): the entry's
        own wording picks the member of the group, else the group's first type."""
        if not legacy_ids:
            return []
        text = _text_of(entry_or_page)
        try:
            from digest.evidence.extraction import suggest_research_types_by_keywords

            worded = set(suggest_research_types_by_keywords(text))
        except ImportError:  # the evidence app is optional to the import
            worded = set()
        chosen = []
        for legacy_id in sorted(legacy_ids):
            group = list(ResearchType.objects.filter(legacy_id=legacy_id).order_by("sort_order"))
            picked = [t for t in group if t.slug in worded] or group[:1]
            chosen.extend(t for t in picked if t not in chosen)
        return chosen


# --- entry to page fields -----------------------------------------------------------------------


def _status(entry: LegacyEntry) -> str:
    return ImportedEntry.Status.COMPLETE if entry.complete else ImportedEntry.Status.INCOMPLETE


def _title(entry: LegacyEntry) -> str:
    title = entry.headline or _("Untitled entry of %(month)s") % {
        "month": f"{entry.year}-{entry.month:02d}"
    }
    return title[:255]


def _free_slug(issue: IssuePage, title: str) -> str:
    base = slugify(title)[:70].strip("-") or "entry"
    taken = set(issue.get_children().values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def _paragraphs(texts) -> str:
    return "".join(f"<p>{escape(text)}</p>" for text in texts if text)


def _text_of(entry_or_page) -> str:
    if isinstance(entry_or_page, LegacyEntry):
        return entry_or_page.raw_text
    return " ".join(
        str(getattr(entry_or_page, name, "") or "")
        for name in ("title", "preamble", "body", "implications")
    )


def _edited_by_a_person(page) -> bool:
    return page.revisions.exclude(user=None).exists()


def _fill(summary: SummaryPage, entry: LegacyEntry) -> None:
    """The entry's parts as page fields. Nothing is dropped: a cut-off entry's unread rest
    and an e-mail line that holds no address go into the text for the editor to see."""
    summary.title = _title(entry)
    summary.preamble = _paragraphs(entry.preamble)
    body = list(entry.summary)
    email = entry.author_email
    try:
        validate_email(email)
    except ValidationError:
        if email:
            body.append(_("Author email: %(email)s") % {"email": email})
        email = ""
    if not entry.complete and not (entry.summary or entry.implications):
        # Too little was read to place: the draft shows the text as it was on the page.
        body = [line for line in entry.raw_text.splitlines() if line != entry.headline]
    summary.body = _paragraphs(body)
    summary.implications = _paragraphs(entry.implications)
    summary.author_email = email[:254]
    summary.references.clear()
    for position, raw in enumerate(entry.references):
        reference = Reference(sort_order=position, raw=raw)
        # The reference parser fills the structured fields; the raw text is kept regardless.
        reference.fill_from_raw_if_empty()
        summary.references.add(reference)
