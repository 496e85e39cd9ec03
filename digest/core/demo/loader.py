"""Put the demo issues and summaries into the page tree, published through Wagtail's revisions.

Idempotent: an issue is recognised by its month and a summary by its slug within its issue, and
anything already there is left exactly as it is (an editor may have changed it since).
"""

import datetime
from dataclasses import dataclass

from django.db import transaction
from django.utils import translation
from wagtail.models import Site

from digest.home.models import AboutPage
from digest.issues.models import IssuePage, IssueSettings, publication_time
from digest.references.models import Reference
from digest.summaries.models import SummaryPage
from digest.taxonomy.models import ResearchType, Topic

from .content import ABOUT, INTRO_BYLINE, ISSUES, PACKS, PACKS_INDEX, SUMMARIES


@dataclass
class LoadReport:
    issues_created: int = 0
    summaries_created: int = 0
    already_present: int = 0
    packs_created: int = 0


def parse_month(value: str) -> datetime.date:
    year, month = value.split("-")
    return datetime.date(int(year), int(month), 1)


@transaction.atomic
def load_demo() -> LoadReport:
    report = LoadReport()
    home = Site.objects.get(is_default_site=True).root_page.specific
    issues = {}
    # Titles such as "June 2026" are stored text, so they must not depend on the active language.
    with translation.override("en"):
        for data in ISSUES:
            issues[data["month"]] = _ensure_issue(home, data, report)
    for data in SUMMARIES:
        _ensure_summary(issues[data["issue"]], data, report)
    _ensure_packs(home, report)
    _ensure_about(home)
    return report


def _ensure_about(home):
    """The About page (/about/) and the issues' byline, unless the editor has set them."""
    site = Site.objects.get(is_default_site=True)
    settings = IssueSettings.for_site(site)
    if not settings.intro_byline:
        settings.intro_byline = INTRO_BYLINE
        settings.save()
    if AboutPage.objects.exists():
        return
    about = AboutPage(slug="about", **ABOUT)
    home.add_child(instance=about)
    about.save_revision().publish()


def _ensure_issue(home, data, report) -> IssuePage:
    month = parse_month(data["month"])
    issue = IssuePage.objects.filter(month=month).first()
    if issue is not None:
        report.already_present += 1
        return issue
    issue = IssuePage(
        title=IssuePage.default_title(month),
        month=month,
        intro=data["intro"],
        first_published_at=publication_time(month),
    )
    home.add_child(instance=issue)
    issue.save_revision().publish()
    report.issues_created += 1
    return issue


def _ensure_summary(issue, data, report) -> SummaryPage | None:
    if SummaryPage.objects.child_of(issue).filter(slug=data["slug"]).exists():
        report.already_present += 1
        return None
    summary = SummaryPage(
        title=data["title"],
        slug=data["slug"],
        body=data["body"],
        implications=data["implications"],
        first_published_at=publication_time(issue.month),
        evidence_confirmed=True,
        **data["evidence"],
    )
    for position, fields in enumerate(data["references"]):
        summary.references.add(Reference(sort_order=position, **fields))
    summary.topics = _terms(Topic, data["topics"])
    summary.research_types = _terms(ResearchType, data["types"])
    issue.add_child(instance=summary)
    summary.save_revision().publish()
    report.summaries_created += 1
    return summary


def _ensure_packs(home, report) -> None:
    from digest.reading.models import PackIndexPage, PackItem, TeachingPack

    index = PackIndexPage.objects.first()
    if index is None:
        index = PackIndexPage(title=PACKS_INDEX["title"], slug="packs", intro=PACKS_INDEX["intro"])
        home.add_child(instance=index)
        index.save_revision().publish()
    for data in PACKS:
        if TeachingPack.objects.filter(slug=data["slug"]).exists():
            report.already_present += 1
            continue
        slugs = [slug for slug, _note in data["items"]]
        summaries = {s.slug: s for s in SummaryPage.objects.filter(slug__in=slugs)}
        pack = TeachingPack(
            title=data["title"],
            slug=data["slug"],
            search_description=data["description"],
            introduction=data["introduction"],
        )
        for position, (slug, note) in enumerate(data["items"]):
            pack.items.add(PackItem(sort_order=position, summary=summaries[slug], note=note))
        index.add_child(instance=pack)
        pack.save_revision().publish()
        report.packs_created += 1


def _terms(model, slugs):
    terms = {term.slug: term for term in model.objects.filter(slug__in=slugs)}
    missing = set(slugs) - set(terms)
    if missing:
        # The vocabulary comes from a data migration; a missing slug is a bug in content.py.
        raise LookupError(f"Unknown {model._meta.verbose_name} slug(s): {sorted(missing)}")
    return [terms[slug] for slug in slugs]
