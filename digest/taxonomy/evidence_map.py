"""The evidence map: how many summaries each topic × research type pair holds, shaded.

Counted by the facet index (the archive's own, so a cell's number is what its link gives),
in memory: the map costs no query with a warm index, one for the year range and one for the
years offered, at any archive size.
"""

import math
from dataclasses import dataclass

import numpy as np

SHADES = 4  # shade-1 … shade-4; shade-0 is an empty cell


@dataclass
class Cell:
    topic: object
    research_type: object
    count: int
    shade: int


@dataclass
class Row:
    topic: object
    cells: list
    total: int


def pair_counts(index, mask):
    """(topics × types array of counts, topic totals, type totals) within `mask`.

    On the index's bit-packed rows (a summary a bit), read as 64-bit words: every pair is an
    AND and a population count, all 396 pairs in one vectorised pass."""
    within = _words(np.packbits(mask))
    topics = _words(index.by_topic.packed) & within  # (topics, words)
    types = _words(index.by_type.packed) & within  # (types, words)
    pairs = np.bitwise_count(topics[:, None, :] & types[None, :, :]).sum(axis=2, dtype=np.int64)
    return (
        pairs,
        np.bitwise_count(topics).sum(axis=-1, dtype=np.int64),
        np.bitwise_count(types).sum(axis=-1, dtype=np.int64),
    )


def _words(packed):
    """Packed bytes as 64-bit words (padded with zero bits): an eighth as many elements."""
    padding = (-packed.shape[-1]) % 8
    if padding:
        packed = np.pad(packed, [(0, 0)] * (packed.ndim - 1) + [(0, padding)])
    return np.ascontiguousarray(packed).view(np.uint64)


def shade(count, largest):
    """0 for an empty cell, else 1 (thin) … SHADES (richest) in equal steps up to `largest`."""
    if count <= 0 or largest <= 0:
        return 0
    return min(SHADES, max(1, math.ceil(SHADES * count / largest)))


def legend(largest):
    """[(shade, lowest count, highest count)] for the cells' shades, as the legend shows them."""
    steps = [(0, 0, 0)]
    low = 1
    for level in range(1, SHADES + 1):
        high = math.floor(largest * level / SHADES)
        if high >= low:
            steps.append((level, low, high))
            low = high + 1
    return steps


def build(index, mask):
    pairs, topic_totals, type_totals = pair_counts(index, mask)
    largest = int(pairs.max(initial=0))
    rows = [
        Row(
            topic,
            [
                Cell(topic, research_type, int(pairs[i, j]), shade(int(pairs[i, j]), largest))
                for j, research_type in enumerate(index.types)
            ],
            int(topic_totals[i]),
        )
        for i, topic in enumerate(index.topics)
    ]
    columns = list(zip(index.types, (int(n) for n in type_totals), strict=True))
    return rows, columns, legend(largest), largest
