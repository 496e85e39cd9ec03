"""What the editor is offered while writing a summary: topics and research types learned from
the tagged archive (keyword rules when it is too small), an evidence card read from the text,
and earlier summaries of the same article. Nothing here changes a page; see views.apply."""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from digest.evidence.extraction import (
    DESIGN_LABELS,
    EvidenceCard,
    card_line,
    extract_evidence,
    follow_up_label,
    html_to_text,
    suggest_research_types_by_keywords,
    suggest_topics_by_keywords,
)
from digest.evidence.learning import NearestNeighbours, Suggestion, blend
from digest.summaries.facet_index import current_generation
from digest.summaries.models import SummaryPage
from digest.taxonomy.models import ResearchType, Topic

# Below this many tagged summaries the neighbours are noise and only the keyword rules speak.
MIN_ARCHIVE = 10
# Titles this alike (difflib ratio over letters and digits) are the same article.
TITLE_SIMILARITY = 0.85

# The evidence-card fields of SummaryPage, in the order the admin shows them.
EVIDENCE_FIELDS = (
    "design",
    "n_clients",
    "n_therapists",
    "n_studies",
    "setting",
    "effect_sizes",
    "follow_up",
)


@dataclass
class TermSuggestion:
    term: Topic | ResearchType
    score: float
    from_archive: bool  # False: only the keyword rules proposed it
    already_tagged: bool
    neighbours: list = field(default_factory=list)  # SummaryPages tagged alike


@dataclass
class FieldSuggestion:
    name: str
    label: str
    value: str | int
    current: str | int | None

    @property
    def differs(self) -> bool:
        return self.value != self.current


@dataclass
class Duplicate:
    reference_text: str
    summary: SummaryPage
    reason: str

    @property
    def edit_url(self) -> str:
        return reverse("wagtailadmin_pages:edit", args=[self.summary.pk])


@dataclass
class Suggestions:
    topics: list[TermSuggestion]
    research_types: list[TermSuggestion]
    evidence: list[FieldSuggestion]
    card_line: str
    duplicates: list[Duplicate]
    has_text: bool

    def as_json(self) -> dict:
        def terms(items):
            return [
                {
                    "id": s.term.pk,
                    "slug": s.term.slug,
                    "name": s.term.name,
                    "score": s.score,
                    "from_archive": s.from_archive,
                    "already_tagged": s.already_tagged,
                }
                for s in items
            ]

        return {
            "has_text": self.has_text,
            "topics": terms(self.topics),
            "research_types": terms(self.research_types),
            "evidence": [
                {"name": f.name, "label": str(f.label), "value": f.value, "differs": f.differs}
                for f in self.evidence
            ],
            "card_line": self.card_line,
            "duplicates": [
                {
                    "reference": d.reference_text,
                    "title": d.summary.title,
                    "edit_url": d.edit_url,
                    "url": d.summary.url if d.summary.live else "",
                    "reason": str(d.reason),
                }
                for d in self.duplicates
            ],
        }


# --------------------------------------------------------------------------- text


def summary_text(title="", preamble="", body="", implications="") -> str:
    """The words a suggestion is read from: headline and the rich-text fields as plain text."""
    return "\n".join(
        part for part in (title, *map(html_to_text, (preamble, body, implications))) if part
    )


def page_text(page) -> str:
    return summary_text(page.title, page.preamble, page.body, page.implications)


# --------------------------------------------------------------------------- learned labels

_MODELS: dict[tuple, NearestNeighbours] = {}  # (relation, generation) -> its fit


def _archive_model(relation: str) -> NearestNeighbours:
    """Neighbours fitted on every summary tagged through `relation` ("topics" or
    "research_types"), kept in this process until the archive's generation stamp changes."""
    key = (relation, current_generation())
    if key not in _MODELS:
        through = getattr(SummaryPage, relation).through
        label_field = "topic__slug" if relation == "topics" else "researchtype__slug"
        labels: dict[int, list[str]] = {}
        for page_id, slug in through.objects.values_list("summarypage_id", label_field):
            labels.setdefault(page_id, []).append(slug)
        rows = SummaryPage.objects.filter(pk__in=labels).values_list(
            "pk", "title", "preamble", "body", "implications"
        )
        documents = [(pk, summary_text(*texts), labels[pk]) for pk, *texts in rows]
        for stale in [k for k in list(_MODELS) if k[1] != key[1]]:  # an older archive's
            _MODELS.pop(stale, None)
        _MODELS[key] = NearestNeighbours(min_score=0).fit(documents)
    return _MODELS[key]


def _suggest_terms(model_class, relation, text, keyword_slugs, exclude, current, limit):
    model = _archive_model(relation)
    near: list[Suggestion] = []
    if len(model) >= MIN_ARCHIVE:
        near = model.suggest(text, limit=10, exclude=exclude)
    ranked = blend(near, keyword_slugs, limit=limit)
    terms = {t.slug: t for t in model_class.objects.filter(slug__in=[s.label for s in ranked])}
    neighbour_pages = SummaryPage.objects.in_bulk({pk for s in ranked for pk in s.neighbours[:3]})
    return [
        TermSuggestion(
            term=terms[s.label],
            score=s.score,
            from_archive=bool(s.neighbours),
            already_tagged=s.label in current,
            neighbours=[neighbour_pages[pk] for pk in s.neighbours[:3] if pk in neighbour_pages],
        )
        for s in ranked
        if s.label in terms
    ]


# --------------------------------------------------------------------------- evidence card


def evidence_values(card: EvidenceCard) -> dict[str, str | int]:
    """The card as SummaryPage field values (only the fields the text gave)."""
    values = {
        "design": DESIGN_LABELS.get(card.design, ""),
        "n_clients": card.clients,
        "n_therapists": card.therapists,
        "n_studies": card.studies,
        "setting": card.setting,
        "effect_sizes": "; ".join(str(e) for e in card.effect_sizes[:3])[:255],
        "follow_up": follow_up_label(card.follow_up_months),
    }
    return {name: value for name, value in values.items() if value}


def _evidence_suggestions(card: EvidenceCard, page) -> list[FieldSuggestion]:
    values = evidence_values(card)
    return [
        FieldSuggestion(
            name=name,
            label=SummaryPage._meta.get_field(name).verbose_name,
            value=values[name],
            current=getattr(page, name, None) if page is not None else None,
        )
        for name in EVIDENCE_FIELDS
        if name in values
    ]


# --------------------------------------------------------------------------- duplicates


def _letters(text: str) -> str:
    text = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def _identity(reference) -> tuple[str, str, int | None, str]:
    """(DOI, first author's family name, year, title) from the structured fields, or from the
    raw text when the editor has not filled them in."""
    # Imported here: the parser's patterns are compiled on first use, not at every start-up.
    from digest.references.parsing import normalise_doi, parse_reference

    doi = normalise_doi(getattr(reference, "doi", "") or "") or normalise_doi(reference.raw)
    family = ""
    if reference.authors:
        family = (reference.authors[0] or {}).get("family", "")
    year, title = reference.year, reference.title
    if not (family and year and title) and reference.raw:
        parsed = parse_reference(reference.raw)
        family = family or (parsed.author[0].get("family", "") if parsed.author else "")
        year = year or parsed.year
        title = title or parsed.title
    return doi.lower(), _letters(family), year, _letters(title)


def find_duplicates(references, exclude_page_id=None) -> list[Duplicate]:
    """Other summaries whose references are the same article as one of `references`
    (Reference objects, saved or not): same DOI, or same first author, year and a similar title."""
    from digest.references.models import Reference

    found: list[Duplicate] = []
    seen: set[tuple[int, int]] = set()
    for position, reference in enumerate(references):
        if not (reference.raw or "").strip() and not getattr(reference, "doi", ""):
            continue
        doi, family, year, title = _identity(reference)
        candidates = Reference.objects.select_related("summary").exclude(summary_id=exclude_page_id)
        if doi:
            # Stored DOIs may carry a resolver prefix; the comparison below normalises both.
            by_doi = candidates.filter(doi__icontains=doi.split("/", 1)[-1])
        else:
            by_doi = candidates.none()
        by_author = candidates.none()
        if family and year:
            by_author = candidates.filter(year=year) | candidates.filter(
                year__isnull=True, raw__icontains=str(year)
            )
        for other in list(by_doi) + list(by_author):
            key = (position, other.summary_id)
            if key in seen:
                continue
            other_doi, other_family, other_year, other_title = _identity(other)
            if doi and doi == other_doi:
                reason = _("same DOI")
            elif (
                family
                and family == other_family
                and year == other_year
                and title
                and difflib.SequenceMatcher(None, title, other_title).ratio() >= TITLE_SIMILARITY
            ):
                reason = _("same first author, year and a similar title")
            else:
                continue
            seen.add(key)
            found.append(Duplicate(reference.raw or doi, other.summary, reason))
    return found


# --------------------------------------------------------------------------- together


def suggest(
    *,
    title="",
    preamble="",
    body="",
    implications="",
    page=None,
    references=None,
    current_topics=(),
    current_types=(),
    limit=4,
) -> Suggestions:
    """Suggestions for a summary's text (saved or still in the editor's form)."""
    exclude = page.pk if page is not None and page.pk else None
    duplicates = find_duplicates(references or [], exclude_page_id=exclude)
    # The headline alone says too little: wait for the summary itself.
    if not (html_to_text(body) or html_to_text(preamble)):
        return Suggestions([], [], [], "", duplicates, has_text=False)
    text = summary_text(title, preamble, body, implications)
    evidence_text = summary_text("", preamble, body)
    card = extract_evidence(evidence_text)
    topics = _suggest_terms(
        Topic,
        "topics",
        text,
        suggest_topics_by_keywords(text, limit=limit),
        exclude,
        set(current_topics),
        limit,
    )
    research_types = _suggest_terms(
        ResearchType,
        "research_types",
        text,
        suggest_research_types_by_keywords(evidence_text),
        exclude,
        set(current_types),
        limit=2,
    )
    return Suggestions(
        topics=topics,
        research_types=research_types,
        evidence=_evidence_suggestions(card, page),
        card_line=card_line(card),
        duplicates=duplicates,
        has_text=True,
    )


def suggest_for_page(page) -> Suggestions:
    """Suggestions for a summary as it stands (its latest revision when given one)."""
    return suggest(
        title=page.title,
        preamble=page.preamble,
        body=page.body,
        implications=page.implications,
        page=page,
        references=list(page.references.all()),
        current_topics=[t.slug for t in page.topics.all()],
        current_types=[t.slug for t in page.research_types.all()],
    )
