"""Learning the archive's abbreviations when a summary is published (and, for the whole archive,
with `manage.py learn_abbreviations`): each pair a summary defines becomes a LearnedAbbreviation
that search treats as a synonym group, unless the editor rejects it."""

from django.core.cache import cache
from django.db import transaction
from wagtail.signals import page_published

from digest.evidence.extraction import html_to_text
from digest.summaries.models import SummaryPage

from .abbreviations import find_abbreviations
from .models import CACHE_KEY, LearnedAbbreviation
from .query import STOP_WORDS


def texts_of(summary):
    """Every text of a summary a definition may sit in: headline, prose and references."""
    yield summary.title
    for field in (summary.preamble, summary.body, summary.implications):
        yield html_to_text(field or "")
    for reference in summary.references.all():
        yield reference.raw


def learn(summaries):
    """Record every abbreviation `summaries` define; returns how many pairs were new."""
    rows = {}
    for summary in summaries:
        for text in texts_of(summary):
            for pair in find_abbreviations(text):
                if pair.short.lower() in STOP_WORDS:  # "(AS)", "(IT)": a word, not a name
                    continue
                key = (pair.short, pair.long.lower())
                rows.setdefault(key, summary)
    if not rows:
        return 0
    before = LearnedAbbreviation.objects.count()
    with transaction.atomic():
        LearnedAbbreviation.objects.bulk_create(
            [
                LearnedAbbreviation(abbreviation=short[:20], long_form=long[:200], source=source)
                for (short, long), source in rows.items()
            ],
            ignore_conflicts=True,  # known pairs (rejected ones included) stay as they are
        )
    created = LearnedAbbreviation.objects.count() - before
    if created:
        cache.delete(CACHE_KEY)
    return created


def _learn_on_publish(sender, instance, **kwargs):
    if isinstance(instance, SummaryPage):
        learn([instance])


page_published.connect(_learn_on_publish, dispatch_uid="search-learn-abbreviations")
