"""Test data built in code: issues, summaries and references placed in the real page tree."""

import datetime
import itertools

from digest.home.models import HomePage
from digest.issues.models import IssuePage
from digest.references.models import Reference
from digest.summaries.models import SummaryPage
from digest.taxonomy.models import ResearchType, Topic

_counter = itertools.count(1)


def home_page() -> HomePage:
    return HomePage.objects.get(depth=2)


def as_month(value) -> datetime.date:
    if isinstance(value, datetime.date):
        return value.replace(day=1)
    year, month = (int(part) for part in str(value).split("-")[:2])
    return datetime.date(year, month, 1)


def make_issue(month="2018-02", *, intro="", live=True, **fields) -> IssuePage:
    month = as_month(month)
    existing = IssuePage.objects.filter(month=month).first()
    if existing:
        return existing
    issue = IssuePage(
        title=fields.pop("title", IssuePage.default_title(month)),
        month=month,
        intro=intro,
        live=live,
        **fields,
    )
    home_page().add_child(instance=issue)
    if live:
        issue.save_revision().publish()
    return issue


def make_summary(
    issue=None,
    title=None,
    *,
    topics=(),
    types=(),
    references=(),
    body="<p>Body text of the summary.</p>",
    implications="<p>Clinicians may want to act on this.</p>",
    live=True,
    **fields,
) -> SummaryPage:
    """A summary under `issue`; `topics`/`types` are slugs or objects, `references` raw texts
    or dicts of Reference fields."""
    issue = issue or make_issue()
    number = next(_counter)
    summary = SummaryPage(
        title=title or f"Summary number {number}",
        body=body,
        implications=implications,
        live=live,
        **fields,
    )
    for position, reference in enumerate(references):
        data = {"raw": reference} if isinstance(reference, str) else dict(reference)
        summary.references.add(Reference(sort_order=position, **data))
    summary.topics = [_term(Topic, t) for t in topics]
    summary.research_types = [_term(ResearchType, t) for t in types]
    issue.add_child(instance=summary)
    if live:
        summary.save_revision().publish()
    return summary


def _term(model, value):
    return value if isinstance(value, model) else model.objects.get(slug=value)
