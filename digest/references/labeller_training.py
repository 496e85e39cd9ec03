"""Offline training of the reference labeller (``labeller.py``) on the labelled sets.

``python -m digest.references.labeller_training train`` aligns each labelled string's fields to its
tokens, trains the averaged perceptron and writes ``labeller_weights.json`` with a hash of
the training data, which a test compares with the sets in ``tests/data/``. Pure Python; not
imported when references are parsed.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

from .journals import JOURNALS
from .labeller import INDEX, LABELS, WEIGHTS, Model, features, tokenise

DATA = Path(__file__).with_name("tests") / "data"
# Every labelled set of real strings, and the rendered set. A set collected later to judge
# the labeller is added here only after it has been scored.
TRAINING_SETS = (
    "wild_references.json",
    "wild_references_fresh.json",
    "wild_references_fresh2.json",
    "wild_references_fresh3.json",
    "wild_references_fresh4.json",
    "wild_references_fresh5.json",
    "wild_references_fresh6.json",
    "wild_references_train1.json",
    "wild_references_train2.json",
    "labelled_references.json",
)
EPOCHS = 8
_SMALL = frozenset(("of", "the", "and", "in", "on", "for"))
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"


def load_set(name: str) -> list[dict]:
    document = json.loads((DATA / name).read_text(encoding="utf-8"))
    return document["items"] if isinstance(document, dict) else document


def data_hash(names=TRAINING_SETS) -> str:
    """What the shipped weights were trained on: the sets' raw strings and labels, and the
    training settings."""
    digest = hashlib.sha256(f"epochs={EPOCHS};labels={','.join(LABELS)}".encode())
    for name in names:
        for item in load_set(name):
            digest.update(json.dumps([item["raw"], item["expected"]], sort_keys=True).encode())
    return digest.hexdigest()[:16]


# --- alignment: which token belongs to which labelled field ---------------------------------


def _values(csl: dict) -> dict[str, str]:
    issued = (csl.get("issued") or {}).get("date-parts") or [[None]]
    year = issued[0][0] if issued and issued[0] else None
    return {
        "DOI": csl.get("DOI", ""),
        "URL": csl.get("URL", ""),
        "title": csl.get("title", ""),
        "container": csl.get("container-title", ""),
        "publisher": csl.get("publisher", ""),
        "place": csl.get("publisher-place", ""),
        "year": str(year) if year else "",
        "volume": csl.get("volume", ""),
        "issue": csl.get("issue", ""),
        "pages": csl.get("page", "") or csl.get("number", ""),
        "edition": str(csl.get("edition", "") or ""),
    }


def _normalised(text: str) -> tuple[str, list[int]]:
    """Lower case, one dash, no spaces or full stops; with each kept character's index (a
    character that folds to several, "ß" to "ss", gives each of them its index)."""
    chars, where = [], []
    for i, ch in enumerate(text):
        if ch.isspace() or ch == ".":
            continue
        for folded in "-" if ch in _DASHES else ch.casefold():
            chars.append(folded)
            where.append(i)
    return "".join(chars), where


class _Aligner:
    """Marks character spans of a raw string with field labels, never twice."""

    def __init__(self, raw: str):
        self.raw = raw
        self.norm, self.where = _normalised(raw)
        self.taken = [False] * len(self.norm)
        self.char_label: list[str | None] = [None] * len(raw)

    def mark(self, value: str, label: str, *, boundary: str = "") -> bool:
        """Label the first free occurrence of ``value``; ``boundary``: "both" or "left" sides
        must not touch a letter or digit in the raw string (a number inside a number)."""
        needle = _normalised(value.strip(" .,;:"))[0]
        if not needle:
            return True
        start = 0
        while True:
            at = self.norm.find(needle, start)
            if at < 0:
                return False
            end = at + len(needle)
            free = not any(self.taken[at:end])
            if boundary:
                first, last = self.where[at], self.where[end - 1]
                before = self.raw[first - 1] if first else " "
                following = self.raw[last + 1] if last + 1 < len(self.raw) else " "
                free = free and not before.isalnum()
                free = free and (boundary == "left" or not following.isalnum())
            if free:
                self._label(at, end, label)
                return True
            start = at + 1

    def mark_span(self, people, label: str) -> bool:
        """Find each person's names in order (the given name on either side of the family
        name); the whole stretch from the first found to the last is labelled."""
        positions = []
        start = 0
        for person in people or []:
            family = _normalised(person.get("family") or person.get("literal") or "")[0]
            at = self.norm.find(family, start) if family else -1
            while at >= 0 and self.taken[at]:  # "Lambert, M. J. … In M. J. Lambert (Ed.)"
                at = self.norm.find(family, at + 1)
            if at < 0:
                continue
            positions.append((at, at + len(family)))
            given = _normalised(person.get("given", ""))[0]
            if given:
                after = at + len(family)
                near = self.norm.find(given, after, after + len(given) + 3)
                if near < 0:  # "J. C. Norcross": the given name before the family name
                    near = self.norm.rfind(given, max(0, at - len(given) - 3), at)
                if near >= 0:
                    positions.append((near, near + len(given)))
            suffix = _normalised(person.get("suffix", ""))[0]
            if suffix:  # "King, M. L., Jr."
                end = max(e for _a, e in positions)
                near = self.norm.find(suffix, end, end + len(suffix) + 2)
                if near >= 0:
                    positions.append((near, near + len(suffix)))
            start = max(end for _at, end in positions)
        if not positions:
            return False
        first, last = min(a for a, _e in positions), max(e for _a, e in positions)
        if any(self.taken[first:last]):
            return False
        self._label(first, last, label)
        return True

    def _label(self, at: int, end: int, label: str) -> None:
        """Label normalised characters at..end and every raw character between them (the
        spaces and full stops the normalised text leaves out)."""
        for k in range(at, end):
            self.taken[k] = True
        for i in range(self.where[at], self.where[end - 1] + 1):
            if not self.raw[i].isspace():
                self.char_label[i] = label

    def mark_abbreviated(self, value: str, label: str) -> bool:
        """Label a run of words each beginning the next word of ``value`` ("Nord J Psychiatry"
        for "Nordic Journal of Psychiatry"), small words left out on both sides."""
        wanted = [w.casefold() for w in re.findall(r"\w+", value) if w.casefold() not in _SMALL]
        words = [m for m in re.finditer(r"\w+", self.raw) if m[0].casefold() not in _SMALL]
        for i in range(len(words) - len(wanted) + 1):
            run = words[i : i + len(wanted)]
            if all(
                w.casefold().startswith(m[0].casefold()) for w, m in zip(wanted, run, strict=True)
            ):
                first, last = run[0].start(), run[-1].end()
                if any(self.char_label[first:last]):
                    continue
                for k in range(first, last):
                    if not self.raw[k].isspace():
                        self.char_label[k] = label
                return True
        return False

    def token_labels(self, spans: list[tuple[int, int]]) -> list[str]:
        labels = []
        for start, end in spans:
            seen = [self.char_label[i] for i in range(start, end) if self.char_label[i]]
            # the most frequent label; a tie goes to the first seen (not to a set's hash order)
            labels.append(Counter(seen).most_common(1)[0][0] if seen else "other")
        return labels


_ABBREVIATIONS: dict[str, list[str]] = defaultdict(list)
for _short, _full in JOURNALS.items():
    _ABBREVIATIONS[_full].append(_short)
    if _full.startswith("The "):
        _ABBREVIATIONS[_full[4:]].append(_short)


def align(raw: str, csl: dict, spans: list[tuple[int, int]]) -> tuple[list[str], int]:
    """Each token's label given the CSL fields of ``raw``, and how many fields were not found."""
    aligner = _Aligner(raw)
    missed = 0
    values = _values(csl)
    # Long, distinctive values first; short numbers last, at word boundaries, after the title.
    for key, label in (("DOI", "doi"), ("URL", "url")):
        if values[key] and not aligner.mark(values[key], label):
            missed += 1
    if values["title"] and not aligner.mark(values["title"], "title"):
        missed += 1
    container = values["container"]
    if (
        container
        and not any(
            aligner.mark(form, "container")
            for form in (container, *_ABBREVIATIONS.get(container, ()))
        )
        and not aligner.mark_abbreviated(container, "container")
    ):
        missed += 1
    for key in ("author", "editor"):
        if csl.get(key) and not aligner.mark_span(csl[key], key):
            missed += 1
    for key in ("publisher", "place"):
        if values[key] and not aligner.mark(values[key], key):
            missed += 1
    for key in ("year", "volume", "issue", "pages", "edition"):
        side = "left" if key in ("year", "edition") else "both"  # "2010a", "2nd"
        if values[key] and not aligner.mark(values[key], key, boundary=side):
            missed += 1
    return aligner.token_labels(spans), missed


# --- training -------------------------------------------------------------------------------


class Trainer(Model):
    """The averaged structured perceptron: weights kept with their running totals."""

    def __init__(self):
        super().__init__()
        self._totals: dict[tuple, float] = defaultdict(float)
        self._stamps: dict[tuple, int] = defaultdict(int)
        self._clock = 0

    def _update(self, key, table, k, delta):
        stamp = self._stamps[key]
        self._totals[key] += (self._clock - stamp) * table[k]
        self._stamps[key] = self._clock
        table[k] += delta

    def train(self, examples, epochs: int = EPOCHS, seed: int = 13) -> Model:
        size = len(LABELS)
        order = list(examples)
        rng = random.Random(seed)  # noqa: S311 - a reproducible order, not a secret
        for _epoch in range(epochs):
            rng.shuffle(order)
            for feats, gold in order:
                self._clock += 1
                guess = self.decode(feats)
                if guess == gold:
                    continue
                for i, (g, p) in enumerate(zip(gold, guess, strict=True)):
                    if g != p:
                        for f in feats[i]:
                            w = self.weights.setdefault(f, [0.0] * size)
                            self._update(("w", f, g), w, g, 1.0)
                            self._update(("w", f, p), w, p, -1.0)
                    gp = gold[i - 1] if i else size
                    pp = guess[i - 1] if i else size
                    if g != p or gp != pp:
                        self._update(("t", gp, g), self.trans[gp], g, 1.0)
                        self._update(("t", pp, p), self.trans[pp], p, -1.0)
        clock = max(self._clock, 1)
        for key, total in self._totals.items():
            kind, a, k = key
            table = self.weights[a] if kind == "w" else self.trans[a]
            table[k] = (total + (clock - self._stamps[key]) * table[k]) / clock
        return Model(self.weights, self.trans)


def examples(items) -> tuple[list, int]:
    """(features, gold label indexes) of each string whose fields are all found in it, and
    how many were left out."""
    out, skipped = [], 0
    for item in items:
        raw = item["raw"]
        spans = tokenise(raw)
        gold, missed = align(raw, item["expected"], spans)
        if missed:
            skipped += 1
            continue
        out.append((features(raw, spans), [INDEX[label] for label in gold]))
    return out, skipped


def train(items, epochs: int = EPOCHS) -> Model:
    return Trainer().train(examples(items)[0], epochs=epochs)


def main(argv=()) -> None:
    if list(argv) != ["train"]:
        sys.exit("usage: python -m digest.references.labeller_training train")
    started = time.perf_counter()
    items = [item for name in TRAINING_SETS for item in load_set(name)]
    prepared, skipped = examples(items)
    model = Trainer().train(prepared)
    document = model.to_json(data_hash=data_hash())
    WEIGHTS.write_text(json.dumps(document, separators=(",", ":"), ensure_ascii=False) + "\n")
    print(
        f"trained on {len(prepared)} of {len(items)} strings ({skipped} not aligned) in "
        f"{time.perf_counter() - started:.0f} s; {WEIGHTS.name}: "
        f"{WEIGHTS.stat().st_size / 1e6:.2f} MB, {len(document['weights'])} features"
    )


if __name__ == "__main__":
    main(sys.argv[1:])
