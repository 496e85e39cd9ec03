"""Precision and recall of the evidence-card extraction and topic suggestions, per field, on
our labelled set (digest/evidence/tests/data/labelled_evidence.json); extraction speed; and
how the nearest-neighbour suggester scales with the size of the tagged archive."""

import random
import re
import time

from digest.evidence.extraction import extract_evidence
from digest.evidence.learning import NearestNeighbours
from digest.evidence.tests.evaluation import load_entries, report


def synthetic_archive(entries, size, seed=6):
    """`size` summaries made of sentences of the labelled ones, keeping their topics."""
    rng = random.Random(seed)
    sentences = [
        (sentence, entry["topics"])
        for entry in entries
        for sentence in re.split(r"(?<=[.?!])\s+", entry["text"])
    ]
    archive = []
    for key in range(size):
        picked = rng.sample(sentences, 5)
        labels = sorted({t for _, topics in picked[:2] for t in topics})
        archive.append((key, " ".join(s for s, _ in picked), labels))
    return archive


def main():
    entries = load_entries()
    print(report(entries))

    texts = [entry["text"] for entry in entries] * 20
    started = time.perf_counter()
    for text in texts:
        extract_evidence(text)
    elapsed = time.perf_counter() - started
    print(f"extraction speed: {len(texts) / elapsed:,.0f} summaries/s ({len(texts)} extractions)")

    print(f"{'archive size':>12} {'fit (s)':>8} {'suggest (ms)':>13}")
    for size in (400, 4_000, 20_000):
        archive = synthetic_archive(entries, size)
        started = time.perf_counter()
        model = NearestNeighbours().fit(archive)
        fit = time.perf_counter() - started
        started = time.perf_counter()
        for entry in entries[:20]:
            model.suggest(entry["text"])
        suggest = (time.perf_counter() - started) / 20 * 1000
        print(f"{size:>12,} {fit:>8.2f} {suggest:>13.1f}")


if __name__ == "__main__":
    main()
