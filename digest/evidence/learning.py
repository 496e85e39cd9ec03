"""Labels (topics, research types) suggested from the already-tagged archive: k nearest
neighbours over TF-IDF vectors, in pure Python (no Django, no numpy).

A few hundred summaries fit in memory many times over, and nearest neighbours explain
themselves ("tagged like these three earlier summaries"), which a classifier does not.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

_WORD = re.compile(r"[a-z][a-z'-]+")
_STOPWORDS = frozenset(
    """a about after again all also among an and any are as at be because been before being
    between both but by can could did do does during each either for from had has have he her
    his how however if in into is it its less more most much no not of on one only or other
    our over per she should so some such than that the their them then there these they this
    those through to two under up very was we were what when where whether which while who
    whom why will with within would you your study studies authors author researchers found
    results clients client patients patient therapy therapists therapist treatment""".split()  # noqa: SIM905
)
# Longest first, so "ruptures" and "rupture" meet at "ruptur"; short words stay whole.
_SUFFIXES = ("ations", "ation", "ments", "ment", "ness", "ings", "ing", "ies", "ed", "es", "s", "e")


def _stem(word: str) -> str:
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def tokens(text: str) -> list[str]:
    words = _WORD.findall((text or "").lower())
    return [_stem(w.strip("'-")) for w in words if w not in _STOPWORDS and len(w) > 2]


@dataclass(frozen=True)
class Suggestion:
    label: str
    score: float  # share of the neighbours' similarity that carries the label, 0..1
    neighbours: tuple = ()  # keys of the neighbouring documents that carry it


class NearestNeighbours:
    """Fit on (key, text, labels) triples; suggest labels for a new text."""

    def __init__(self, k: int = 7, min_similarity: float = 0.05, min_score: float = 0.3):
        self.k = k
        self.min_similarity = min_similarity
        self.min_score = min_score
        self._docs: list[tuple[object, dict[str, float], frozenset[str]]] = []
        self._idf: dict[str, float] = {}

    def __len__(self) -> int:
        return len(self._docs)

    def fit(self, documents: Iterable[tuple[object, str, Iterable[str]]]) -> NearestNeighbours:
        counted = [
            (key, Counter(tokens(text)), frozenset(labels)) for key, text, labels in documents
        ]
        counted = [doc for doc in counted if doc[1] and doc[2]]
        frequency = Counter(term for _, counts, _ in counted for term in counts)
        total = len(counted)
        self._idf = {term: math.log((1 + total) / (1 + df)) + 1 for term, df in frequency.items()}
        self._docs = [(key, self._vector(counts), labels) for key, counts, labels in counted]
        return self

    def _vector(self, counts: Counter) -> dict[str, float]:
        # Unknown words carry no weight: they cannot make two summaries look alike.
        weights = {
            term: (1 + math.log(n)) * self._idf[term]
            for term, n in counts.items()
            if term in self._idf
        }
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        return {term: w / norm for term, w in weights.items()}

    def neighbours(
        self, text: str, exclude: object = None
    ) -> list[tuple[float, object, frozenset]]:
        vector = self._vector(Counter(tokens(text)))
        if not vector:
            return []
        scored = []
        for key, doc, labels in self._docs:
            if key == exclude:
                continue
            # Iterate over the shorter vector: summaries are short, the vocabulary is not.
            small, large = (vector, doc) if len(vector) < len(doc) else (doc, vector)
            similarity = sum(w * large.get(term, 0.0) for term, w in small.items())
            if similarity >= self.min_similarity:
                scored.append((similarity, key, labels))
        scored.sort(key=lambda item: item[0], reverse=True)
        return scored[: self.k]

    def suggest(self, text: str, limit: int = 4, exclude: object = None) -> list[Suggestion]:
        near = self.neighbours(text, exclude=exclude)
        total = sum(similarity for similarity, _, _ in near)
        if not total:
            return []
        votes: dict[str, float] = {}
        voters: dict[str, list] = {}
        for similarity, key, labels in near:
            for label in labels:
                votes[label] = votes.get(label, 0.0) + similarity
                voters.setdefault(label, []).append(key)
        ranked = sorted(votes.items(), key=lambda item: (-item[1], item[0]))
        return [
            Suggestion(label, round(vote / total, 3), tuple(voters[label]))
            for label, vote in ranked[:limit]
            if vote / total >= self.min_score
        ]


def blend(
    neighbours: Iterable[Suggestion],
    keyword_labels: list[str],
    limit: int = 4,
    min_score: float = 0.5,
) -> list[Suggestion]:
    """Neighbours' votes plus the keyword rules' ranking (1 for the first keyword label, less
    for the later ones). On a small archive the keywords carry the suggestion; as the archive
    grows the neighbours' votes add the labels no keyword list anticipates."""
    scores: dict[str, float] = {}
    voters: dict[str, tuple] = {}
    for suggestion in neighbours:
        scores[suggestion.label] = suggestion.score
        voters[suggestion.label] = suggestion.neighbours
    count = max(len(keyword_labels), limit)
    for rank, label in enumerate(keyword_labels):
        scores[label] = scores.get(label, 0.0) + 1 - rank / count
    ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
    return [
        Suggestion(label, round(score, 3), voters.get(label, ()))
        for label, score in ranked[:limit]
        if score >= min_score
    ]
