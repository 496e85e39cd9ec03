"""The archive's facets (topic, research type): read from the query string, counted, linked.

Several values in one facet widen the list (OR); two facets narrow it (AND). Unknown slugs are
reported back to the reader and otherwise ignored.
"""

import datetime
import re
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.http import QueryDict
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from digest.taxonomy.models import ResearchType, Topic

MAX_VALUES = 40  # a reader never selects more; a crafted URL cannot make the query explode
# Anything else cannot be a slug; keeping it away from the database also keeps out characters
# some databases refuse outright (PostgreSQL rejects NUL in a string parameter).
SLUG = re.compile(r"[-a-z0-9_]{1,80}")


def _slugs(values):
    """The values that look like slugs (normalised), and the others, as the reader typed them."""
    slugs, bad = [], []
    for value in values[:MAX_VALUES]:
        slug = value.strip().lower()
        if SLUG.fullmatch(slug):
            slugs.append(slug)
        elif slug:
            bad.append("".join(ch for ch in value[:80] if ch.isprintable()))
    return slugs, bad


def _year(value):
    """A year the archive can hold, or None (anything else is ignored, never an error)."""
    value = (value or "").strip()
    return int(value) if value.isdigit() and 1900 <= int(value) <= 2200 else None


@dataclass
class Facets:
    topics: list = field(default_factory=list)
    types: list = field(default_factory=list)
    unknown_topics: list = field(default_factory=list)
    unknown_types: list = field(default_factory=list)
    # Years of the issues, inclusive (`?from=2015&to=2020`): the evidence map's and archive's.
    year_from: int | None = None
    year_to: int | None = None

    @classmethod
    def from_query(cls, query: QueryDict, index=None) -> "Facets":
        """The facets a query names. `index` (the FacetIndex) holds every current term, so a
        query naming only those needs no database query; a former slug still asks."""
        topic_slugs, bad_topics = _slugs(query.getlist("topic"))
        type_slugs, bad_types = _slugs(query.getlist("type"))
        topics, unknown_topics = _terms(Topic, topic_slugs, index and index.topics)
        types, unknown_types = _terms(ResearchType, type_slugs, index and index.types)
        year_from, year_to = _year(query.get("from")), _year(query.get("to"))
        if year_from and year_to and year_from > year_to:
            year_from, year_to = year_to, year_from
        return cls(
            topics,
            types,
            unknown_topics + bad_topics,
            unknown_types + bad_types,
            year_from,
            year_to,
        )

    @property
    def active(self):
        return bool(self.topics or self.types or self.has_years)

    @property
    def has_years(self):
        return bool(self.year_from or self.year_to)

    @property
    def years(self):
        """The query parameters of the year range ({} when there is none)."""
        return {"from": self.year_from, "to": self.year_to}

    def in_years(self, queryset):
        if self.year_from:
            queryset = queryset.filter(month__gte=datetime.date(self.year_from, 1, 1))
        if self.year_to:
            queryset = queryset.filter(month__lt=datetime.date(self.year_to + 1, 1, 1))
        return queryset

    def live_mask(self, index):
        """The facet index's live summaries within the year range: no query without one,
        one query (the ids of those months) with it."""
        if not self.has_years:
            return index.live
        from .models import SummaryPage

        # The index holds only live, public summaries: the mask drops any other id, so the
        # query need not ask again (Wagtail's public() is a query of its own).
        within = self.in_years(SummaryPage.objects.order_by())
        return index.mask(within.values_list("pk", flat=True))

    @property
    def unknown(self):
        return self.unknown_topics + self.unknown_types

    def apply(self, queryset):
        return self.in_years(queryset.filtered(self.topics, self.types))

    def query(self, page=None, **extra):
        """The canonical query string for these facets (aliases resolved, order fixed)."""
        return _query(self.topics, self.types, page, **self.years, **extra)

    @property
    def only_unknown(self):
        """A facet names only unknown terms: nothing can match (a typo never widens a list)."""
        return bool(
            (self.unknown_topics and not self.topics) or (self.unknown_types and not self.types)
        )

    def options(self, index, mask):
        """Each topic and type with the count it would give among the summaries of `mask` (a
        FacetIndex mask), and the link that toggles it."""
        topic_counts, type_counts = index.counts(mask, self.topics, self.types)
        return (
            self._options(index.topics, self.topics, topic_counts, "topics"),
            self._options(index.types, self.types, type_counts, "types"),
        )

    @property
    def disclosure_label(self):
        """What the folded filters say on a phone: "Filter: 2 topics, 1 type"."""
        parts = []
        if self.topics:
            n = len(self.topics)
            parts.append(ngettext("%(n)s topic", "%(n)s topics", n) % {"n": n})
        if self.types:
            n = len(self.types)
            parts.append(ngettext("%(n)s type", "%(n)s types", n) % {"n": n})
        if not parts:
            return _("Filter by topic or research type")
        return _("Filter: %(chosen)s") % {"chosen": ", ".join(parts)}

    def _options(self, terms, selected, counts, attr):
        """Options in the vocabulary's order, those that would give nothing last (greyed,
        still there: a reader looking for a topic finds it, with its zero)."""
        selected_ids = {t.pk for t in selected}
        options = []
        for term in terms:
            chosen = term.pk in selected_ids
            toggled = [t for t in selected if t.pk != term.pk] if chosen else [*selected, term]
            facets = {"topics": self.topics, "types": self.types, attr: toggled}
            options.append(
                {
                    "term": term,
                    "count": counts.get(term.pk, 0),
                    "selected": chosen,
                    "query": _query(facets["topics"], facets["types"], **self.years),
                    "empty": not chosen and not counts.get(term.pk),
                }
            )
        options.sort(key=lambda option: option["empty"])  # stable: the order is kept
        return options

    def without(self, term):
        """The query string with one selected term removed (the "clear" link)."""
        return Facets(
            topics=[t for t in self.topics if t != term],
            types=[t for t in self.types if t != term],
            year_from=self.year_from,
            year_to=self.year_to,
        ).query()


def _terms(model, slugs, current=None):
    """`model.objects.by_slugs(slugs)`, answered from `current` (every term) when it can."""
    if current is not None:
        by_slug = {term.slug: term for term in current}
        if all(slug in by_slug for slug in slugs):
            found = {by_slug[slug].pk: by_slug[slug] for slug in slugs}.values()
            return sorted(found, key=lambda term: (term.sort_order, term.name)), []
    return model.objects.by_slugs(slugs)


def _query(topics, types, page=None, **extra):
    """What QueryDict.urlencode() gives for these parameters, at a fifth of its cost (a search
    page builds one for each of its 47 facet options)."""
    params = [("topic", t.slug) for t in topics] + [("type", t.slug) for t in types]
    params += [(key, value) for key, value in extra.items() if value]
    if page and page > 1:
        params.append(("page", page))
    return urlencode(params)
