"""Precision and recall of the evidence extraction and of the topic suggestions, measured on
the labelled set in tests/data/labelled_evidence.json. Pure Python; used by the tests and by
bench/bench_evidence.py.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from digest.evidence.extraction import extract_evidence, suggest_topics_by_keywords
from digest.evidence.learning import NearestNeighbours, blend

LABELLED_SET = Path(__file__).parent / "data" / "labelled_evidence.json"
CARD_FIELDS = ("design", "clients", "therapists", "studies", "setting", "follow_up_months")


@dataclass
class Score:
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        expected = self.true_positives + self.false_negatives
        return self.true_positives / expected if expected else 1.0

    def add_value(self, expected, predicted) -> None:
        """One field of one entry: a wrong value counts as a false positive and a miss."""
        if predicted not in (None, ""):
            if predicted == expected:
                self.true_positives += 1
            else:
                self.false_positives += 1
        if expected not in (None, "") and predicted != expected:
            self.false_negatives += 1

    def add_sets(self, expected: set, predicted: set) -> None:
        self.true_positives += len(expected & predicted)
        self.false_positives += len(predicted - expected)
        self.false_negatives += len(expected - predicted)


def load_entries(split: str | None = None) -> list[dict]:
    entries = json.loads(LABELLED_SET.read_text(encoding="utf-8"))["entries"]
    return [entry for entry in entries if split in (None, entry["split"])]


def _effects(items) -> set[tuple[str, float]]:
    return {(statistic, round(float(value), 3)) for statistic, value, *_ in items}


def score_extraction(entries: list[dict]) -> dict[str, Score]:
    scores = {name: Score() for name in (*CARD_FIELDS, "effect_sizes")}
    for entry in entries:
        card = extract_evidence(entry["text"])
        for name in CARD_FIELDS:
            scores[name].add_value(entry[name], getattr(card, name))
        predicted = {(e.statistic, round(e.value, 3)) for e in card.effect_sizes}
        scores["effect_sizes"].add_sets(_effects(entry["effect_sizes"]), predicted)
    return scores


def score_topics(entries: list[dict], limit: int = 4) -> dict[str, Score]:
    """Keyword rules alone, nearest neighbours alone (learned from the other entries: leave one
    out), and the blend of both that the admin shows."""
    scores = {name: Score() for name in ("keyword rules", "neighbours", "neighbours + keywords")}
    model = NearestNeighbours(min_score=0).fit((e["id"], e["text"], e["topics"]) for e in entries)
    for entry in entries:
        expected = set(entry["topics"])
        by_keywords = suggest_topics_by_keywords(entry["text"], limit=limit)
        near = model.suggest(entry["text"], limit=10, exclude=entry["id"])
        scores["keyword rules"].add_sets(expected, set(by_keywords))
        alone = [s.label for s in near if s.score >= NearestNeighbours().min_score][:limit]
        scores["neighbours"].add_sets(expected, set(alone))
        blended = blend(near, by_keywords, limit=limit)
        scores["neighbours + keywords"].add_sets(expected, {s.label for s in blended})
    return scores


def report(entries: list[dict] | None = None) -> str:
    entries = load_entries() if entries is None else entries
    lines = []
    for split in ("dev", "test", None):
        part = [e for e in entries if split in (None, e["split"])]
        title = {"dev": "dev split (rules tuned on it)", "test": "test split (held out)"}.get(
            split, "all"
        )
        lines.append(f"{title}: {len(part)} summaries")
        lines.append(f"  {'field':<22} {'precision':>9} {'recall':>7}")
        for name, score in score_extraction(part).items():
            lines.append(f"  {name:<22} {score.precision:>9.2f} {score.recall:>7.2f}")
    lines.append(f"topic suggestions (at most 4; leave-one-out over {len(entries)} summaries)")
    for name, score in score_topics(entries).items():
        lines.append(f"  {name:<22} {score.precision:>9.2f} {score.recall:>7.2f}")
    return "\n".join(lines)
