"""The shapes the open data API answers with (they become the OpenAPI description)."""

from typing import Any

from ninja import Schema


class Error(Schema):
    detail: str


class ValidationErrors(Schema):
    """A parameter that is not what its description says (Ninja's own shape)."""

    detail: list[dict[str, Any]]


class Term(Schema):
    slug: str
    name: str
    url: str


class TermDetail(Term):
    description: str
    summaries: int


class Reference(Schema):
    raw: str
    kind: str
    authors: list[dict[str, Any]]
    editors: list[dict[str, Any]]
    year: int | None
    status: str
    title: str
    container_title: str
    volume: str
    issue: str
    pages: str
    article_number: str
    publisher: str
    doi: str
    url: str
    csl: dict[str, Any]


class EvidenceCard(Schema):
    text: str
    design: str
    n_clients: int | None
    n_therapists: int | None
    n_studies: int | None
    setting: str
    effect_sizes: str
    follow_up: str


class IssueRef(Schema):
    month: str
    title: str
    url: str


class Summary(Schema):
    id: int
    headline: str
    url: str
    month: str | None
    issue: IssueRef | None
    first_published_at: str | None
    references: list[Reference]
    topics: list[Term]
    research_types: list[Term]
    evidence_card: EvidenceCard | None
    preamble_html: str
    body_html: str
    practice_implications_html: str
    practice_implications_text: str
    author_email: str


class SummaryLink(Schema):
    id: int
    headline: str
    url: str


class Issue(Schema):
    month: str
    title: str
    url: str
    intro_html: str
    summaries: list[SummaryLink]


class Page(Schema):
    count: int
    page: int
    pages: int
    page_size: int


class SummaryPage(Page):
    unknown_filters: list[str]
    results: list[Summary]


class IssuePage(Page):
    results: list[Issue]


class SearchHit(Schema):
    passage_html: str
    summary: Summary


class SearchPage(Page):
    query: str
    relaxed: bool
    unknown_filters: list[str]
    results: list[SearchHit]
