"""Precision and recall of the evidence-card extraction and topic suggestions, per field, on
our labelled set (digest/evidence/tests/data/labelled_evidence.json); plus extraction speed."""

import time

from digest.evidence.evaluation import load_entries, report
from digest.evidence.extraction import extract_evidence


def main():
    entries = load_entries()
    print(report(entries))
    texts = [entry["text"] for entry in entries] * 20
    started = time.perf_counter()
    for text in texts:
        extract_evidence(text)
    elapsed = time.perf_counter() - started
    print(f"extraction speed: {len(texts) / elapsed:,.0f} summaries/s ({len(texts)} extractions)")


if __name__ == "__main__":
    main()
