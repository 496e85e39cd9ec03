"""An experiment, not the product: a token labeller for references, trained on the labelled sets.

Pure Python. Each raw string is cut into tokens (words, numbers, punctuation, addresses);
each token is labelled with the field it belongs to by finding the labelled values in the
raw string (case, dashes and spacing ignored); an averaged perceptron with Viterbi decoding
over label bigrams learns those labels from simple features and, optionally, from the rule
parser's own field for each token (its output aligned to the string the same way). The
labels are then read back into a CSL-like dict that ``evaluation.wild_field_values`` scores.
Used by ``bench/bench_references_learned.py`` only.
"""

from __future__ import annotations

import random
import re
from collections import defaultdict

from digest.references.journals import JOURNALS, expand_journal
from digest.references.parsing import (
    _family_first_names,
    _given_first_names,
    normalise_doi,
    parse_reference,
)
from digest.references.tests.evaluation import WILD_FIELDS, wild_field_values

LABELS = (
    "other",
    "author",
    "year",
    "title",
    "container",
    "volume",
    "issue",
    "pages",
    "doi",
    "editor",
    "edition",
    "publisher",
    "place",
    "url",
)
_INDEX = {label: i for i, label in enumerate(LABELS)}
_TOKEN = re.compile(r"(?:https?://|www\.|doi:\s*)\S+|10\.\d{4,9}/\S+|\w+|[^\w\s]")
_SMALL = frozenset(("of", "the", "and", "in", "on", "for"))
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
_JOURNAL_WORDS = frozenset(
    w.casefold() for title in (*JOURNALS, *JOURNALS.values()) for w in re.findall(r"\w+", title)
)


def tokenise(raw: str) -> list[tuple[int, int]]:
    """Token spans (start, end) of ``raw``: words, numbers, punctuation, addresses whole."""
    return [m.span() for m in _TOKEN.finditer(raw)]


def _normalised(text: str) -> tuple[str, list[int]]:
    """Lower case, one dash, no spaces or full stops; with each kept character's index."""
    chars, where = [], []
    for i, ch in enumerate(text):
        if ch.isspace() or ch == ".":
            continue
        chars.append("-" if ch in _DASHES else ch.casefold())
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
            labels.append(max(set(seen), key=seen.count) if seen else "other")
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
    values = wild_field_values(csl)
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
    for key, label in (("publisher", "publisher"), ("place", "place")):
        if values[key] and not aligner.mark(values[key], label):
            missed += 1
    for key, label in (
        ("year", "year"),
        ("volume", "volume"),
        ("issue", "issue"),
        ("pages", "pages"),
        ("edition", "edition"),
    ):
        side = "left" if key in ("year", "edition") else "both"  # "2010a", "2nd"
        if values[key] and not aligner.mark(str(values[key]), label, boundary=side):
            missed += 1
    return aligner.token_labels(spans), missed


# --- features ------------------------------------------------------------------------------


def _shape(token: str) -> str:
    shape = re.sub(r"[A-Z\u00c0-\u00de]", "X", token)
    shape = re.sub(r"[a-z\u00df-\u00ff]", "x", shape)
    shape = re.sub(r"\d", "d", shape)
    return re.sub(r"(.)\1{2,}", r"\1\1", shape)


def features(raw: str, spans, rule_labels=None) -> list[list[str]]:
    tokens = [raw[s:e] for s, e in spans]
    n = len(tokens)
    out = []
    depth = 0
    quoted = False
    for i, token in enumerate(tokens):
        lower = token.casefold()
        prev = tokens[i - 1].casefold() if i else "<s>"
        prev2 = tokens[i - 2].casefold() if i > 1 else "<s>"
        nxt = tokens[i + 1].casefold() if i + 1 < n else "</s>"
        nxt2 = tokens[i + 2].casefold() if i + 2 < n else "</s>"
        gap_before = i and spans[i][0] > spans[i - 1][1]
        feats = [
            "bias",
            f"w={lower}",
            f"shape={_shape(token)}",
            f"p={prev}",
            f"n={nxt}",
            f"p2={prev2}",
            f"n2={nxt2}",
            f"pn={prev}|{nxt}",
            f"pshape={_shape(tokens[i - 1]) if i else '<s>'}",
            f"nshape={_shape(tokens[i + 1]) if i + 1 < n else '</s>'}",
            f"pos={min(9, 10 * i // max(n, 1))}",
            f"i={min(i, 6)}",
            f"depth={min(depth, 2)}",
            f"quoted={quoted}",
            f"gap={bool(gap_before)}",
        ]
        if re.fullmatch(r"(?:1[89]|20)\d\d[a-z]?", token):
            feats.append("year")
        if re.fullmatch(r"[A-Z\u00c0-\u00de]", token) and nxt == ".":
            feats.append("initial")
        if re.fullmatch(r"[A-Z]{1,3}", token):
            feats.append("caps-short")
        if lower in _JOURNAL_WORDS and token[:1].isupper():
            feats.append("journal-word")
        if token.startswith(("http", "www")):
            feats.append("address")
        if "10." in token and "/" in token:
            feats.append("doi-like")
        if rule_labels is not None:
            here = rule_labels[i]
            feats += [
                f"rule={here}",
                f"rule-p={rule_labels[i - 1] if i else '<s>'}",
                f"rule-n={rule_labels[i + 1] if i + 1 < n else '</s>'}",
                f"rule-w={here}|{_shape(token)}",
            ]
        out.append(feats)
        if token in "([":
            depth += 1
        elif token in ")]":
            depth = max(0, depth - 1)
        elif token in '"\u201c\u201d':
            quoted = token != "\u201d" and not quoted
    return out


def rule_labels(raw: str, spans) -> list[str]:
    """The rule parser's field for each token (its output aligned like the labels)."""
    return align(raw, parse_reference(raw).to_csl(), spans)[0]


# --- the model -----------------------------------------------------------------------------


class Perceptron:
    """Averaged structured perceptron over token labels, Viterbi over label bigrams."""

    def __init__(self):
        size = len(LABELS)
        self.weights: dict[str, list[float]] = {}
        self.trans = [[0.0] * size for _ in range(size + 1)]  # row `size`: the start
        self._totals: dict[tuple, float] = defaultdict(float)
        self._stamps: dict[tuple, int] = defaultdict(int)
        self._clock = 0

    def _emissions(self, feats):
        size = len(LABELS)
        rows = []
        for token_feats in feats:
            row = [0.0] * size
            for f in token_feats:
                w = self.weights.get(f)
                if w is not None:
                    for k in range(size):
                        row[k] += w[k]
            rows.append(row)
        return rows

    def decode(self, feats) -> list[int]:
        size = len(LABELS)
        if not feats:
            return []
        rows = self._emissions(feats)
        trans = self.trans
        score = [trans[size][k] + rows[0][k] for k in range(size)]
        back = []
        for row in rows[1:]:
            new, pointers = [], []
            for k in range(size):
                best, arg = max((score[j] + trans[j][k], j) for j in range(size))
                new.append(best + row[k])
                pointers.append(arg)
            score = new
            back.append(pointers)
        last = max(range(size), key=score.__getitem__)
        path = [last]
        for pointers in reversed(back):
            last = pointers[last]
            path.append(last)
        return path[::-1]

    def _update(self, key, table, k, delta):
        stamp = self._stamps[key]
        self._totals[key] += (self._clock - stamp) * table[k]
        self._stamps[key] = self._clock
        table[k] += delta

    def train(self, examples, epochs: int = 6, seed: int = 13):
        size = len(LABELS)
        order = list(examples)
        rng = random.Random(seed)
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
        self._average()

    def _average(self):
        clock = max(self._clock, 1)
        for key, total in self._totals.items():
            kind, a, k = key
            table = self.weights[a] if kind == "w" else self.trans[a]
            table[k] = (total + (clock - self._stamps[key]) * table[k]) / clock


# --- from labels back to fields ----------------------------------------------------------

_STRIP = " .,;:()[]\"'\u201c\u201d\u2018\u2019"


def _runs(raw, spans, labels):
    """Each label's first run of tokens as a piece of ``raw``."""
    pieces: dict[str, str] = {}
    i = 0
    while i < len(labels):
        j = i
        while j + 1 < len(labels) and labels[j + 1] == labels[i]:
            j += 1
        if labels[i] != "other" and labels[i] not in pieces:
            pieces[labels[i]] = raw[spans[i][0] : spans[j][1]]
        i = j + 1
    return pieces


def to_csl(raw: str, spans, labels) -> dict:
    pieces = _runs(raw, spans, labels)
    csl: dict = {}
    author = pieces.get("author", "").strip(" ,;:")
    if author:
        csl["author"] = _family_first_names(author)[0]
    editor = pieces.get("editor", "")
    if editor:
        editor = re.sub(r"^\s*In:?\s+|\(?\b[Ee]ds?\b\.?\)?|\b[Ee]dited by\b", " ", editor)
        editor = editor.strip(_STRIP)
        if editor:
            first_given = re.match(r"[A-Z]\.", editor)
            csl["editor"] = (
                _given_first_names(editor) if first_given else _family_first_names(editor)[0]
            )
    year = re.search(r"\d{4}", pieces.get("year", ""))
    if year:
        csl["issued"] = {"date-parts": [[int(year[0])]]}
    for label, key in (
        ("title", "title"),
        ("container", "container-title"),
        ("volume", "volume"),
        ("issue", "issue"),
        ("pages", "page"),
        ("edition", "edition"),
        ("publisher", "publisher"),
        ("place", "publisher-place"),
    ):
        value = pieces.get(label, "")
        value = re.sub(r"\s+", " ", value).strip(" ,;:")
        if label in ("container", "publisher", "place"):
            value = value.strip("[]\"'\u201c\u201d\u2018\u2019")
            if value.count("(") < value.count(")"):
                value = value.rstrip(")")
            if value.count("(") > value.count(")"):
                value = value.lstrip("(")
            if value.endswith(".") and not re.search(r"(?:^|\W)\w{1,4}\.$", value):
                value = value[:-1]
        elif label == "title":
            value = value.strip(' ."\u201c\u201d')
        else:
            value = value.strip(_STRIP)
        if label == "container":
            value = expand_journal(value)[0]
        if label == "pages":
            value = re.sub(r"^pp?\.\s*", "", value)
            value = re.sub(r"\s*[-\u2010-\u2015]\s*", "\u2013", value)
        if label == "edition":
            value = (re.search(r"\d+", value) or [value])[0]
        if value:
            csl[key] = value
    doi = normalise_doi(pieces.get("doi", ""))
    if doi:
        csl["DOI"] = doi
    url = pieces.get("url", "").strip(" .,;")
    if url:
        csl["URL"] = url
    return csl


# --- evaluation ----------------------------------------------------------------------------


def prepare(items, *, with_rules: bool):
    """Tokens, features, gold labels (None when the labels could not be aligned) per item."""
    prepared = []
    for item in items:
        raw = item["raw"]
        spans = tokenise(raw)
        rules = rule_labels(raw, spans) if with_rules else None
        gold, missed = align(raw, item["expected"], spans)
        prepared.append((raw, spans, features(raw, spans, rules), None if missed else gold))
    return prepared


def train(prepared, epochs: int = 6) -> Perceptron:
    model = Perceptron()
    examples = [
        (feats, [_INDEX[label] for label in gold]) for _r, _s, feats, gold in prepared if gold
    ]
    model.train(examples, epochs=epochs)
    return model


def predict(model: Perceptron, prepared) -> list[dict]:
    return [
        to_csl(raw, spans, [LABELS[k] for k in model.decode(feats)])
        for raw, spans, feats, _gold in prepared
    ]


def score_csl(items, predicted) -> tuple[float, float, int, int]:
    """(field accuracy, exact rate, hits, counted) the way ``evaluation.score_wild`` counts."""
    hits = counted = exact = 0
    for item, csl in zip(items, predicted, strict=True):
        want, got = wild_field_values(item["expected"]), wild_field_values(csl)
        all_equal = True
        for name in WILD_FIELDS:
            if not want[name] and not got[name]:
                continue
            counted += 1
            if want[name] == got[name]:
                hits += 1
            else:
                all_equal = False
        exact += all_equal
    total = len(items)
    return (hits / counted if counted else 0.0), (exact / total if total else 0.0), hits, counted
