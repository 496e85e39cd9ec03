"""Which imported summaries still need a person, and why: the queries behind the review queue
and the dashboard's "still needs review" panel."""

from django.db.models import Count, Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from digest.references.models import Reference
from digest.summaries.models import SummaryPage

from .models import ImportedEntry
from .parsing import NO_HEADLINE_ON_PAGE

# The parser's problem notes (digest/legacy/parsing.py, plain English by design: it imports no
# Django) as the editor reads them; "text cut off mid-sentence" is an older run's wording.
PROBLEM_LABELS = {
    "text cut off mid-sentence": _("cut off mid-sentence"),
    "cut off: the saved page ends mid-sentence": _("cut off mid-sentence"),
    "cut off: the saved page ends mid-entry, before Practice Implications": _(
        "cut off before the practice implications"
    ),
    "no Practice Implications heading": _("no practice implications"),
    "no Practice Implications text": _("no practice implications"),
    "no headline": _("no headline"),
    f"{NO_HEADLINE_ON_PAGE} (it opens on its reference)": _("no headline on the old page"),
    f"{NO_HEADLINE_ON_PAGE} (it opens on its text)": _("no headline on the old page"),
    "no summary": _("no summary text"),
}


def _with_reasons(queryset):
    uncertain = Reference.objects.filter(summary_id=OuterRef("summary_id")).filter(
        ~Q(unparsed=[]) | Q(title="")
    )
    tagged = SummaryPage.topics.through.objects.filter(summarypage_id=OuterRef("summary_id"))
    return queryset.annotate(uncertain_reference=Exists(uncertain), has_topic=Exists(tagged))


def _needs_a_person():
    return (
        Q(status=ImportedEntry.Status.INCOMPLETE) | Q(uncertain_reference=True) | Q(has_topic=False)
    )


def flagged_entries():
    """Imported summaries that need, or needed, a person: the queue's whole extent.

    An entry stays counted once reviewed, whatever was changed since; one whose problem the
    editor fixed without marking it (a topic added) no longer needs anybody and drops out.
    """
    queryset = _with_reasons(ImportedEntry.objects.filter(summary__isnull=False))
    return queryset.filter(_needs_a_person() | Q(reviewed_at__isnull=False))


def to_review():
    return flagged_entries().filter(reviewed_at__isnull=True)


def progress() -> dict[str, int]:
    """{"reviewed": n, "total": m} in one query."""
    return flagged_entries().aggregate(
        reviewed=Count("pk", filter=Q(reviewed_at__isnull=False)), total=Count("pk")
    )


def reasons(entry) -> list[str]:
    """Why `entry` (from `flagged_entries()`, annotated) was left for a person."""
    found = []
    for problem in entry.problems:
        label = str(PROBLEM_LABELS.get(problem, problem))
        if label not in found:
            found.append(label)
    if entry.uncertain_reference:
        found.append(str(_("reference fields uncertain")))
    if not entry.has_topic:
        found.append(str(_("no topic")))
    return found
