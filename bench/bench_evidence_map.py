"""The evidence map's counting: every topic × research type pair over N live summaries (the
facet index's packed rows, random tags at the archive's density), as `/evidence-map/` does."""

import time
from types import SimpleNamespace

import numpy as np

from digest.taxonomy.evidence_map import pair_counts

SIZES = (1_000, 10_000, 100_000)
REPEAT = 20


def main():
    rng = np.random.default_rng(15)
    for size in SIZES:
        topics, types = rng.random((36, size)) < 0.06, rng.random((11, size)) < 0.12
        index = SimpleNamespace(
            by_topic=SimpleNamespace(packed=np.packbits(topics, axis=1)),
            by_type=SimpleNamespace(packed=np.packbits(types, axis=1)),
        )
        for label, mask in (
            ("all years", np.ones(size, bool)),
            ("a year range", rng.random(size) < 0.5),
        ):
            pair_counts(index, mask)
            started = time.perf_counter()
            for _ in range(REPEAT):
                pair_counts(index, mask)
            ms = (time.perf_counter() - started) / REPEAT * 1000
            print(f"{size:>7} summaries, {label:<12}: {ms:6.2f} ms for 396 pairs and the totals")
