"""Running a parsed query through the configured Wagtail search backend, and the archive's own
vocabulary for "did you mean" suggestions."""

import difflib
import hashlib
from collections import Counter
from dataclasses import dataclass
from functools import cache as once

import numpy as np
from django.core.cache import cache
from django.db import connections
from wagtail.search.backends import get_search_backend

from digest.summaries.facet_index import FacetIndex, SummaryList, as_ids, current_generation
from digest.summaries.models import SummaryPage

from .models import SearchSynonym
from .query import STOP_WORDS, parse, words_of
from .ranked_cache import RankedIdsCache

VOCABULARY_KEY = "search:vocabulary"
VOCABULARY_SIZE = 40_000
MAX_MATCHES = 10_000  # the best matches an external engine gives for facets and counts
# Ranked ids of recent queries (ranked_cache.py): at most 1 MB (131 072 ids) for one query,
# 32 MB for all of them in one process, least recently used out first.
RANKED = RankedIdsCache(max_bytes_per_query=1 << 20, max_bytes_total=32 << 20)


@once
def backend():
    """The configured backend, built once: choosing it costs a query on SQLite."""
    return get_search_backend()


def parse_query(raw, *, fallback=False):
    """The reader's query with the synonym groups (and learned abbreviations); with `fallback`,
    also the neighbouring words searched only when nothing else is found."""
    groups = SearchSynonym.groups()
    if fallback:
        groups = [*groups, *SearchSynonym.groups(fallback=True)]
    return parse(raw, groups)


def search(queryset, parsed, *, by_date=False, any_of=None):
    """Wagtail search results for `parsed` within `queryset`, best first or newest first."""
    if by_date:
        queryset = queryset.order_by("-month", "path")
    return backend().search(parsed.search_query(any_of), queryset, order_by_relevance=not by_date)


@dataclass
class Found:
    """What a search found: the summaries to page through, and every published match."""

    results: SummaryList  # the summaries in the facets, best first or newest first
    index: FacetIndex  # the facet index the search used, for the facet counts
    matches: np.ndarray  # every published match, whatever the facets (a mask of `index`)
    parsed: object = None  # the query as finally searched (for highlighting)
    relaxation: str = ""  # "" as typed; "any": any of the words; "neighbours": fallback groups

    @property
    def relaxed(self):
        """No summary had every word as typed, so the search was widened."""
        return bool(self.relaxation)

    @property
    def total(self):
        return len(self.results)


def find(parsed, facets, *, by_date=False):
    """Published summaries matching `parsed` within `facets`.

    Every word must match. When no summary has them all, the search relaxes, step by step,
    until something is found: first to any of the words, then through the neighbouring words
    of the fallback synonym groups (all of them, then any); `relaxation` says which step found
    the results."""
    index = FacetIndex.current()
    found = _find(index, parsed, facets, by_date=by_date)
    if found.total:
        return found
    several = len(parsed.clauses) > 1 and not parsed.any_of
    if several:
        relaxed = _find(index, parsed, facets, by_date=by_date, any_of=True, relaxation="any")
        if relaxed.total:
            return relaxed
    wider = parse_query(parsed.text, fallback=True)
    if repr(wider.search_query()) != repr(parsed.search_query()):
        for any_of in (None, True) if several else (None,):
            relaxed = _find(
                index, wider, facets, by_date=by_date, any_of=any_of, relaxation="neighbours"
            )
            if relaxed.total:
                return relaxed
    return found


def _find(index, parsed, facets, *, by_date, any_of=None, relaxation=""):
    # The engine gives the matches, best first; the facet index filters, counts and orders.
    ranked = _ranked_ids(parsed, index.generation, any_of)
    matches = index.mask(ranked)
    selected = index.within(matches, facets.topics, facets.types)
    ranked_or_dated = SummaryList(index, selected, None if by_date else ranked)
    return Found(ranked_or_dated, index, matches, parsed, relaxation)


def _ranked_ids(parsed, generation, any_of=None):
    """The ids of the summaries matching `parsed`, best first.

    Summaries with the reader's own words (their spellings included) come first, those found
    only through a synonym group's other terms ("medication" for "pharmacotherapy") after them,
    each in the order the engine gave the whole query: a summary that also uses the group's
    other terms is a better answer, and ranking the reader's words alone put "How Many
    Sessions Does It Take?" behind a thousand summaries that say "sessions" once. The engines
    cannot weigh one term of a query below another (FTS5's bm25 and PostgreSQL's ts_rank weigh
    columns, not terms); which summaries match the reader's own words, every engine can say.
    (docs/benchmarks.md compares this with the other orders tried.)
    """
    ranked = _engine_ranked_ids(parsed.search_query(any_of), generation)
    if not parsed.expanded:
        return ranked
    own = np.isin(ranked, _engine_ranked_ids(parsed.search_query(any_of, literal=True), generation))
    return np.concatenate([ranked[own], ranked[~own]])


def _engine_ranked_ids(search_query, generation):
    """The ids of the summaries matching the Wagtail query `search_query`, best first.

    Our database backends (SQLite, PostgreSQL) rank every match in one pass. Ranking a broad
    query ("dropout") scores every match, which at 100 000 summaries takes a tenth of a
    second; the ranked ids are kept (bounded, see RANKED) until the archive next changes, so the
    same query's next page, another filter or another sort does not pay it again. Another engine
    (Elasticsearch, OpenSearch) gives its best MAX_MATCHES, which facets and counts then cover.
    """
    results = backend().search(
        search_query, SummaryPage.objects.only("pk"), order_by_relevance=True
    )
    compiler = results.query_compiler
    if not getattr(compiler, "fast_path", False):
        return as_ids(summary.pk for summary in results[:MAX_MATCHES])
    # The database's name too: two sites of one checkout may share the file cache.
    database = connections[compiler.queryset.db].settings_dict["NAME"]
    key = repr((generation, str(database), compiler.fts))
    key = "search:ranked:" + hashlib.sha256(key.encode()).hexdigest()
    ranked = RANKED.get(key)
    if ranked is None:
        ranked = as_ids(compiler.fts_ranked_ids)
        RANKED.put(key, ranked)
    return ranked


def matching(queryset, parsed, any_of=None):
    """`queryset` narrowed to the summaries matching `parsed`, as a queryset (for exports)."""
    results = search(queryset, parsed, by_date=True, any_of=any_of)
    as_queryset = getattr(results, "get_queryset", None)
    if as_queryset is not None:  # the database backends: one SQL subquery
        return queryset.filter(pk__in=as_queryset().values("pk"))
    return queryset.filter(pk__in=[obj.pk for obj in results[:MAX_MATCHES]])


def autocomplete(queryset, text, limit=8):
    words = words_of(text)
    if not words:
        return []
    return list(backend().autocomplete(" ".join(words[:6]), queryset)[:limit])


def vocabulary():
    """The archive's own words (headlines, reference titles, authors, topics), most used first;
    kept in the shared cache under the content's generation stamp."""
    key = f"{VOCABULARY_KEY}:{current_generation()}"
    words = cache.get(key)
    if words is None:
        from digest.references.models import Reference
        from digest.taxonomy.models import Topic

        counts = Counter()
        live = SummaryPage.objects.live().public()
        texts = [
            *live.values_list("title", flat=True).iterator(),
            *Reference.objects.filter(summary__in=live).values_list("title", flat=True),
            *Topic.objects.values_list("name", flat=True),
            *live.order_by("-month").values_list("implications", flat=True)[:2000],
        ]
        for text in texts:
            counts.update(w for w in words_of(text) if len(w) > 2 and not w.isdigit())
        for authors in Reference.objects.filter(summary__in=live).values_list("authors", flat=True):
            families = [a.get("family") or "" for a in authors or () if isinstance(a, dict)]
            counts.update(w for family in families for w in words_of(family))
        words = [w for w, _ in counts.most_common(VOCABULARY_SIZE) if w not in STOP_WORDS]
        cache.set(key, words, 3600)
    return words


def did_you_mean(parsed):
    """The query with each unknown word replaced by the closest archive word, or ""."""
    words = vocabulary()
    known = set(words)
    changed = False
    suggestion = []
    for word in parsed.text.split():
        lowered = " ".join(words_of(word))
        if lowered and lowered not in known and lowered.isalpha():
            near = [w for w in words if abs(len(w) - len(lowered)) <= 2]
            close = difflib.get_close_matches(lowered, near, n=1, cutoff=0.75)
            if close:
                suggestion.append(close[0])
                changed = True
                continue
        suggestion.append(word)
    return " ".join(suggestion) if changed else ""
