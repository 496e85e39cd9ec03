"""Which published summaries carry which topics and types, held in memory for facet counts.

Counting the archive's facets over a search's matches in SQL means joining the through tables
once per facet against every match: at 100 000 summaries a broad query ("dropout") matches tens
of thousands and each count took a tenth of a second. Here every set of summaries (the live
ones, each topic's, each type's, a search's matches) is a mask indexed by page id: one byte per
id, 1 or 0, read as one big integer. `&`, `|` and `int.bit_count()` then work on a whole set at
C speed (microseconds at 100 000 summaries), and turning a search's 70 000 matching ids into a
mask is one pass of byte stores (3 ms).

The index is built by five queries (live summaries newest first, their topics, their types,
the topics, the types) and kept per process: the archive's order (a list of ids) and one byte
per page id for each topic and type (5 MB at 100 000 summaries). Any change that can alter it
(a page saved, published, moved or deleted; a view restriction; a topic or type edited or
merged) stamps a new generation in the shared cache, immediately and again when the
transaction commits; the next request that sees another generation rebuilds. The processes
must share the cache to see each other's stamps (the default file cache, or Redis); MAX_AGE
bounds how stale a process can be when they do not.
"""

import threading
import time
import uuid
from collections.abc import Sequence

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

GENERATION_KEY = "summaries:facet-index"
MAX_AGE = 300  # seconds

_lock = threading.Lock()
_current = None


class FacetIndex:
    def __init__(self, generation, newest_first, topic_pairs, type_pairs):
        self.generation = generation
        self.built_at = time.monotonic()
        self.order = list(newest_first)  # live summary ids in the archive's order
        self.size = max(self.order, default=-1) + 1  # masks have one byte per id below this
        self.live = self._flags(self.order)
        self.by_topic = self._masks(topic_pairs)
        self.by_type = self._masks(type_pairs)

    @classmethod
    def build(cls, generation=None):
        from digest.summaries.models import SummaryPage
        from digest.taxonomy.models import ResearchType, Topic

        live = SummaryPage.objects.live().public()
        live_ids = live.order_by().values("pk")
        topics = SummaryPage.topics.through.objects.filter(summarypage_id__in=live_ids)
        types = SummaryPage.research_types.through.objects.filter(summarypage_id__in=live_ids)
        index = cls(
            generation,
            live.newest_first().values_list("pk", flat=True).iterator(chunk_size=10_000),
            topics.values_list("topic_id", "summarypage_id").iterator(chunk_size=10_000),
            types.values_list("researchtype_id", "summarypage_id").iterator(chunk_size=10_000),
        )
        # The terms themselves, in their display order, for the facet lists.
        index.topics, index.types = list(Topic.objects.all()), list(ResearchType.objects.all())
        return index

    @classmethod
    def current(cls):
        """This process's index, rebuilt if anything changed since it was built."""
        global _current
        generation = cache.get(GENERATION_KEY)
        if generation is None:
            generation = _stamp()
        if _current is None or _current.stale(generation):
            with _lock:  # one thread rebuilds; the others then find it fresh
                if _current is None or _current.stale(generation):
                    _current = cls.build(generation)
        return _current

    def stale(self, generation):
        return self.generation != generation or time.monotonic() - self.built_at > MAX_AGE

    # ---- masks ------------------------------------------------------------------------------

    def mask(self, ids):
        """The live summaries among `ids`, as a mask (ids of drafts and other pages drop out)."""
        return self._flags(ids) & self.live

    def _flags(self, ids):
        flags, size = bytearray(self.size), self.size
        for pk in ids:
            if pk < size:
                flags[pk] = 1
        return int.from_bytes(flags, "little")

    def _masks(self, pairs):
        groups = {}
        for key, pk in pairs:
            groups.setdefault(key, []).append(pk)
        return {key: self._flags(ids) & self.live for key, ids in groups.items()}

    def _union(self, chosen, masks):
        union = 0
        for term in chosen:
            union |= masks.get(term.pk, 0)
        return union

    def within(self, mask, topics=(), types=()):
        """`mask` narrowed to any of `topics` and any of `types` (OR within, AND across)."""
        if topics:
            mask &= self._union(topics, self.by_topic)
        if types:
            mask &= self._union(types, self.by_type)
        return mask

    def counts(self, mask, topics=(), types=()):
        """({topic id: count}, {type id: count}) within `mask`: each facet's counts apply the
        other facet's selection only (within a facet, choices are alternatives)."""
        for_topics = self.within(mask, types=types)
        for_types = self.within(mask, topics=topics)
        return (
            {pk: (for_topics & member).bit_count() for pk, member in self.by_topic.items()},
            {pk: (for_types & member).bit_count() for pk, member in self.by_type.items()},
        )

    def ids_of(self, mask):
        """Every summary in `mask`, newest first."""
        return self.newest_first(mask, 0, self.size)

    def newest_first(self, mask, start, stop):
        """The ids of the summaries in `mask` from the `start`-th to before the `stop`-th,
        newest first."""
        return self._slice(self.order, mask, start, stop)

    def in_order(self, ranked, mask, start, stop):
        """The ids of `ranked` that are in `mask`, from the `start`-th to before the `stop`-th."""
        return self._slice(ranked, mask, start, stop)

    def _slice(self, ids, mask, start, stop):
        flags = mask.to_bytes(self.size, "little")
        found, n = [], 0
        for pk in ids:
            if pk < self.size and flags[pk]:
                if n >= start:
                    found.append(pk)
                n += 1
                if n >= stop:
                    break
        return found


class SummaryList(Sequence):
    """The summaries of a facet-index mask, best first (in `ranked`'s order) or newest first,
    loaded a page at a time (for Django's Paginator)."""

    def __init__(self, index, mask, ranked=None):
        self.index, self.mask, self.ranked = index, mask, ranked

    def __len__(self):
        return self.mask.bit_count()

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

        found = SummaryPage.objects.filter(pk__in=ids).for_listing().in_bulk()
        return [found[pk] for pk in ids if pk in found]


def _stamp():
    generation = uuid.uuid4().hex
    cache.set(GENERATION_KEY, generation, None)
    return generation


def invalidate(**kwargs):
    """Any change that may alter the index: stamp now, and again once it is committed (a
    rebuild in between could otherwise read the old rows under the new stamp)."""
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
