"""Which published summaries carry which topics and types, held in memory for facet counts;
and the generation stamp every cache of the published content is keyed on.

Counting the archive's facets over a search's matches in SQL means joining the through tables
once per facet against every match, which grows with the matches (docs/benchmarks.md has the
figures). Here every set of summaries (the live ones, each topic's, each type's, a search's
matches) is a mask: a NumPy array of booleans, one per live summary, in the archive's order
(newest first), so that

- a search's matching ids become a mask in one vectorised lookup, not a Python loop,
- filters are `&` and `|` of masks, and a page of the archive is the `start`-th to `stop`-th
  set position, read off in archive order with no sort,
- every facet option's count is one pass over the terms' masks packed eight to a byte
  (`np.bitwise_count`).

The index is built by five queries (live summaries newest first, their topics, their types,
the topics, the types) and kept per process: just over a byte per summary per term, and 16 per
summary (under 10 MB at 100 000 summaries).

The generation stamp is the one invalidation of every cache of published content: this index,
the search's entry map, ranked ids and did-you-mean vocabulary, the editor's suggester fits, the
about link and the page cache all key on it (issue 18 in docs/benchmarks.md: what each one
saves). Any change that can alter them (a page saved, published, moved or deleted; a view
restriction; a topic or type edited or merged) stamps a new generation in the shared cache,
through the one set of signal handlers below, immediately and again when the transaction
commits; the next request that sees another generation rebuilds. The processes must share the
cache to see each other's stamps (the default file cache, or Redis); MAX_AGE bounds how stale a
process's index can be when they do not. (The site map, `digest/core/sites.py`, is not content:
a page saved leaves it alone.)
"""

import copy
import threading
import time
import uuid
from collections.abc import Sequence
from contextlib import contextmanager

import numpy as np
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

GENERATION_KEY = "summaries:facet-index"
MAX_AGE = 300  # seconds
FIRST_CHUNK = 1024  # ranked ids examined at first when looking for a page of results

_lock = threading.Lock()
_current = None
_pinned = threading.local()


def as_ids(ids):
    """Page ids as a NumPy int64 array (from an array, a list, or any iterable)."""
    if isinstance(ids, np.ndarray):
        return ids.astype(np.int64, copy=False)
    return np.fromiter(ids, dtype=np.int64)


class Positions:
    """Where each live summary stands in the archive's order (newest first)."""

    def __init__(self, newest_first):
        self.order = as_ids(newest_first)  # position -> page id
        self.lookup = np.full(int(self.order.max(initial=-1)) + 1, -1, dtype=np.int64)
        self.lookup[self.order] = np.arange(len(self.order))
        self.live = np.ones(len(self.order), dtype=bool)

    def of(self, ids):
        """Each id's position, or -1 for an id that is not a live summary."""
        ids = as_ids(ids)
        known = (ids >= 0) & (ids < len(self.lookup))
        where = np.full(len(ids), -1, dtype=np.int64)
        where[known] = self.lookup[ids[known]]
        return where


class Terms:
    """One facet's terms (topics, or research types) and which live summaries carry each."""

    def __init__(self, terms, pairs, positions):
        self.terms = terms  # in display order
        row_of = {term.pk: row for row, term in enumerate(terms)}
        self.matrix = np.zeros((len(terms), len(positions.live)), dtype=bool)
        rows, ids = [], []
        for term_id, pk in pairs:
            if term_id in row_of:
                rows.append(row_of[term_id])
                ids.append(pk)
        where = positions.of(np.array(ids, dtype=np.int64))
        kept = where >= 0
        self.matrix[np.array(rows, dtype=np.intp)[kept], where[kept]] = True
        self.packed = np.packbits(self.matrix, axis=1)  # for counting
        self.row_of = row_of

    def any_of(self, chosen):
        """The mask of the summaries carrying any of `chosen` (OR within a facet)."""
        return self.shared([term.pk for term in chosen]) > 0

    def shared(self, term_ids):
        """How many of `term_ids` each live summary carries, by position."""
        rows = [self.row_of[pk] for pk in term_ids if pk in self.row_of]
        return self.matrix[rows].sum(axis=0, dtype=np.int32)

    def of(self, where):
        """The terms the summary at position `where` carries, in display order."""
        return [self.terms[row] for row in np.flatnonzero(self.matrix[:, where])]

    def counts(self, mask):
        """{term id: how many summaries of `mask` carry it}."""
        if not self.terms:
            return {}
        per_row = np.bitwise_count(self.packed & np.packbits(mask)).sum(axis=1, dtype=np.int64)
        return {term.pk: int(n) for term, n in zip(self.terms, per_row, strict=True)}


class FacetIndex:
    def __init__(self, generation, newest_first, topic_pairs, type_pairs, topics=(), types=()):
        self.generation = generation
        self.built_at = time.monotonic()
        self.positions = Positions(newest_first)
        self.size = len(self.positions.order)  # live summaries
        self.live = self.positions.live
        self.by_topic = Terms(list(topics), topic_pairs, self.positions)
        self.by_type = Terms(list(types), type_pairs, self.positions)
        self.topics, self.types = self.by_topic.terms, self.by_type.terms  # display order

    @classmethod
    def build(cls, generation=None):
        from digest.summaries.models import SummaryPage
        from digest.taxonomy.models import ResearchType, Topic

        live = SummaryPage.objects.live().public()
        live_ids = live.order_by().values("pk")
        topics = SummaryPage.topics.through.objects.filter(summarypage_id__in=live_ids)
        types = SummaryPage.research_types.through.objects.filter(summarypage_id__in=live_ids)
        return cls(
            generation,
            live.newest_first().values_list("pk", flat=True).iterator(chunk_size=10_000),
            topics.values_list("topic_id", "summarypage_id").iterator(chunk_size=10_000),
            types.values_list("researchtype_id", "summarypage_id").iterator(chunk_size=10_000),
            Topic.objects.all(),
            ResearchType.objects.all(),
        )

    @classmethod
    def current(cls):
        """This process's index, rebuilt if anything changed since it was built (or the one
        pinned in this thread, see `pinned`)."""
        global _current
        pinned = getattr(_pinned, "index", None)
        if pinned is not None:
            return pinned
        generation = current_generation()
        if _current is None or _current.stale(generation):
            with _lock:  # one thread rebuilds; the others then find it fresh
                if _current is None or _current.stale(generation):
                    _current = cls.build(generation)
        return _current

    @classmethod
    @contextmanager
    def pinned(cls):
        """Every `current()` in this thread answers the index as it is now until the block
        ends: a run that renders thousands of pages from one reading of the content (the
        static export) asks on every page, and then needs neither the generation stamp's read
        from the shared cache each time nor a rebuild halfway through (MAX_AGE)."""
        index = cls.current()
        previous = getattr(_pinned, "index", None)
        _pinned.index = index
        try:
            yield index
        finally:
            _pinned.index = previous

    def stale(self, generation):
        return self.generation != generation or time.monotonic() - self.built_at > MAX_AGE

    # ---- masks ------------------------------------------------------------------------------

    def mask(self, ids):
        """The live summaries among `ids`, as a mask (ids of drafts and other pages drop out)."""
        where = self.positions.of(ids)
        mask = np.zeros(self.size, dtype=bool)
        mask[where[where >= 0]] = True
        return mask

    @staticmethod
    def count(mask):
        return int(np.count_nonzero(mask))

    def within(self, mask, topics=(), types=()):
        """`mask` narrowed to any of `topics` and any of `types` (OR within, AND across)."""
        if topics:
            mask = mask & self.by_topic.any_of(topics)
        if types:
            mask = mask & self.by_type.any_of(types)
        return mask

    def counts(self, mask, topics=(), types=()):
        """({topic id: count}, {type id: count}) within `mask`: each facet's counts apply the
        other facet's selection only (within a facet, choices are alternatives)."""
        return (
            self.by_topic.counts(self.within(mask, types=types)),
            self.by_type.counts(self.within(mask, topics=topics)),
        )

    def _position(self, pk):
        """Where summary `pk` stands in the archive, or -1 (a draft; a new page has no id).
        One id is looked up directly: a summary page asks three times, and an array made for
        one id costs several times the lookup."""
        lookup = self.positions.lookup
        return int(lookup[pk]) if pk is not None and 0 <= pk < len(lookup) else -1

    def has(self, pk):
        return self._position(pk) >= 0

    def terms_of(self, pk):
        """(topics, types) of the live summary `pk`, in display order."""
        where = self._position(pk)
        return self.by_topic.of(where), self.by_type.of(where)

    def related(self, pk, topic_ids, type_ids, limit=5):
        """Ids of the live summaries sharing most topics and research types with summary `pk`
        (which carries `topic_ids` and `type_ids`), best first: a shared topic weighs twice a
        shared type (readers follow topics), ties newest first; never `pk` itself."""
        score = np.zeros(self.size, dtype=np.int16)
        for terms, weight, term_ids in ((self.by_topic, 2, topic_ids), (self.by_type, 1, type_ids)):
            for term_id in term_ids:
                row = terms.row_of.get(term_id)
                for _ in range(weight if row is not None else 0):
                    score += terms.matrix[row]
        itself = self._position(pk)
        if itself >= 0:
            score[itself] = 0
        # Scores are a few small integers: the best are read level by level, each level's in
        # position order (newest first), rather than by sorting every candidate.
        found = []
        for level in range(int(score.max(initial=0)), 0, -1):
            if len(found) >= limit:
                break
            found += np.flatnonzero(score == level)[: limit - len(found)].tolist()
        return self.positions.order[found].tolist()

    def ids_of(self, mask):
        """Every summary in `mask`, newest first."""
        return self.newest_first(mask, 0, self.size)

    def newest_first(self, mask, start, stop):
        """The ids of the summaries in `mask` from the `start`-th to before the `stop`-th,
        newest first."""
        return self.positions.order[np.flatnonzero(mask)[start:stop]].tolist()

    def in_order(self, ranked, mask, start, stop):
        """The ids of `ranked` that are in `mask`, from the `start`-th to before the `stop`-th.

        A page of results is usually found among the first ranked ids: they are looked at in
        growing chunks rather than all 70 000 of a broad query at once."""
        ranked = as_ids(ranked)
        found, seen, begin, chunk = [], 0, 0, max(FIRST_CHUNK, 2 * stop)
        while begin < len(ranked) and seen < stop:
            ids = ranked[begin : begin + chunk]
            where = self.positions.of(ids)
            live = where >= 0
            hits = ids[live][mask[where[live]]]
            found.extend(hits[max(0, start - seen) : stop - seen].tolist())
            seen += len(hits)
            begin, chunk = begin + chunk, chunk * 4
        return found


class SummaryList(Sequence):
    """The summaries of a facet-index mask, best first (in `ranked`'s order) or newest first,
    loaded a page at a time (for Django's Paginator)."""

    def __init__(self, index, mask, ranked=None, loaded=None):
        self.index, self.mask, self.ranked = index, mask, ranked
        self.length = index.count(mask)
        self.issues = False
        self.loaded = loaded  # a LoadedSummaries, when a run has read every summary already

    def with_issues(self):
        """The same list, each summary loaded with its issue (for the API, which shows it)."""
        joined = copy.copy(self)
        joined.issues = True
        return joined

    def __len__(self):
        return self.length

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1 or None][0]
        start, stop, step = index.indices(len(self))
        if step != 1:
            raise ValueError("SummaryList slices must be contiguous")
        if self.ranked is None:
            ids = self.index.newest_first(self.mask, start, stop)
        else:
            ids = self.index.in_order(self.ranked, self.mask, start, stop)
        from digest.summaries.models import SummaryPage

        if self.loaded is not None and not self.issues:
            found = self.loaded.summaries
        else:
            # Unordered: the order is `ids`' (and Django builds no ORDER BY for SQLite to sort).
            listing = SummaryPage.objects.filter(pk__in=ids).order_by()
            found = listing.for_listing(terms=False, issue=self.issues).in_bulk()
        summaries = [found[pk] for pk in ids if pk in found]
        for summary in summaries:  # its topics and types from the index: two queries fewer
            summary.listed_topics, summary.listed_types = self.index.terms_of(summary.pk)
        return summaries


def current_generation():
    """The shared stamp of the published content's state, which every cache keys on."""
    generation = cache.get(GENERATION_KEY)
    return _stamp() if generation is None else generation


def _stamp():
    generation = uuid.uuid4().hex
    cache.set(GENERATION_KEY, generation, None)
    return generation


def invalidate(**kwargs):
    """Any change that may alter a cache of the published content: stamp now, and again once
    it is committed (a rebuild in between could otherwise read the old rows under the new
    stamp)."""
    _stamp()
    transaction.on_commit(_stamp)


def connect_signals():
    from wagtail.models import Page, PageViewRestriction
    from wagtail.signals import page_published, page_unpublished, post_page_move

    from digest.summaries.models import SummaryPage
    from digest.taxonomy.models import ResearchType, Topic

    uid = "summaries-facet-index"
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(invalidate, dispatch_uid=f"{uid}-{id(signal)}")
    for model in (Page, SummaryPage, PageViewRestriction, Topic, ResearchType):
        for signal in (post_save, post_delete):
            signal.connect(
                invalidate, sender=model, dispatch_uid=f"{uid}-{model.__name__}-{id(signal)}"
            )
    for through in (SummaryPage.topics.through, SummaryPage.research_types.through):
        m2m_changed.connect(invalidate, sender=through, dispatch_uid=f"{uid}-{through.__name__}")
