"""The evidence map: how many summaries each topic × research type pair holds, shaded.

Counted by the facet index (the archive's own, so a cell's number is what its link gives):
the pairs are one matrix product over the live summaries, so the map costs no query with a
warm index, one for the year range and one for the years offered, at any archive size.
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
    """(topics × types array of counts, topic totals, type totals) within `mask`."""
    topics = index.by_topic.matrix[:, mask].astype(np.float32)
    types = index.by_type.matrix[:, mask].astype(np.float32)
    # float32 products go through BLAS and are exact for counts below 2**24.
    pairs = np.rint(topics @ types.T).astype(np.int64)
    return pairs, topics.sum(axis=1).astype(np.int64), types.sum(axis=1).astype(np.int64)


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
