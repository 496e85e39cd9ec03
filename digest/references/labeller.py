"""A learned token labeller for references, combined field by field with the rule parser.

No Django: a linear-chain CRF (CRFsuite, through python-crfsuite) over hand-made token
features, trained offline on the labelled real strings and their rendered variants (see
``labeller_training.py``, ``python -m digest.references.labeller_training train``) and shipped as
``labeller.crfsuite``. The rules generalise poorly beyond the layouts they were written
for; the labeller reads the layouts it was never told about, but gets small things wrong in
the strings the rules read whole. :func:`combine` reads with the labeller first and keeps the
rules' parse where it is complete and sure (see its docstring).
"""

from __future__ import annotations

import copy
import json
import math
import re
import threading
from functools import cache
from pathlib import Path

import pycrfsuite

from .journals import JOURNALS, expand_journal, is_known_title, known_journal_at_end
from .parsing import (
    _JOURNAL_NAME,
    _MONTH,
    _NO_SPACE_AFTER_COMMA,
    _ORDINAL_WORDS,
    _PLACE,
    _PLACES,
    ParsedReference,
    _dash,
    _family_first_names,
    _given_first_names,
    _name,
    _normalise,
    _read_as_typed,
    company_stop,
    link_labels_at_end,
    normalise_doi,
)
from .parsing import _PUBLISHER_WORDS as _PUBLISHER_NAME

MODEL = Path(__file__).with_name("labeller.crfsuite")
# Beside the model: its labels, the hash of what it was trained on, its margins' unit.
MODEL_INFO = Path(__file__).with_name("labeller_model.json")
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
INDEX = {label: i for i, label in enumerate(LABELS)}
_TOKEN = re.compile(r"(?:https?://|www\.|doi:\s*)\S+|10\.\d{4,9}/\S+|\w+|[^\w\s]")
_JOURNAL_WORDS = frozenset(
    w.casefold() for title in (*JOURNALS, *JOURNALS.values()) for w in re.findall(r"\w+", title)
)


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Word classes: words that name a publisher, a place, a month, an edition or editors.
_PUBLISHER_WORDS = _word_set(
    "press university publishing publishers publisher books wiley sons guilford routledge "
    "sage springer elsevier norton erlbaum associates inc ltd llc co verlag hogrefe karnac "
    "aronson basic penguin macmillan palgrave jossey bass academic apa wolters kluwer lippincott "
    "williams wilkins mcgraw hill pearson blackwell harper cengage taylor francis "
    "brunner mazel lawrence group house oup"
)
_PLACE_WORDS = _word_set(
    "new york london washington dc oxford cambridge boston chicago toronto ottawa montreal "
    "thousand oaks hoboken nj ny ca ma il pa uk usa philadelphia san francisco berlin paris "
    "hillsdale mahwah arlington baltimore los angeles sydney melbourne hove abingdon "
    "northvale belmont upper saddle river amsterdam heidelberg göttingen stuttgart bern "
    "edinburgh guilford milton park england canada australia"
)
_MONTHS = _word_set(
    "jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june "
    "july august september october november december spring summer fall autumn winter"
)
_EDITION_WORDS = frozenset(("ed", "edn", "edition", "rev", "revised"))
_EDITOR_WORDS = frozenset(("eds", "editor", "editors", "edited", "hrsg", "dir"))


def tokenise(raw: str) -> list[tuple[int, int]]:
    """Token spans (start, end) of ``raw``: words, numbers, punctuation, addresses whole."""
    return [m.span() for m in _TOKEN.finditer(raw)]


def _shape(token: str) -> str:
    shape = re.sub(r"[A-Z\u00c0-\u00de]", "X", token)
    shape = re.sub(r"[a-z\u00df-\u00ff]", "x", shape)
    shape = re.sub(r"\d", "d", shape)
    return re.sub(r"(.)\1{2,}", r"\1\1", shape)


_YEARLIKE = re.compile(r"(?:1[89]|20)\d\d[a-z]?")


_WORD_CLASSES = (
    ("publisher-word", _PUBLISHER_WORDS),
    ("place-word", _PLACE_WORDS),
    ("month", _MONTHS),
    ("edition-word", _EDITION_WORDS),
    ("editor-word", _EDITOR_WORDS),
)
# The words of the journals' abbreviations ("Clin", "Psychol"): a journal typed short.
_ABBREVIATION_WORDS = frozenset(
    w.casefold() for short in JOURNALS for w in re.findall(r"\w+", short)
)
_PUNCTUATION = frozenset(".,;:()[]\"'\u201c\u201d&?!-\u2013/")
# Changed with the features, so that the hash test asks for retrained weights.
FEATURES_VERSION = 4


def _journal_trie() -> dict:
    """The journals' full titles and abbreviations as word sequences (casefolded, without
    "the" first and without "and"), in a trie: a run of a string's words that spells one
    whole is a known journal."""
    trie: dict = {}
    for title in (*JOURNALS, *JOURNALS.values()):
        words = [w.casefold() for w in re.findall(r"\w+", title)]
        words = [w for w in words[words[:1] == ["the"] :] if w != "and"]
        node = trie
        for word in words:
            node = node.setdefault(word, {})
        node[""] = len(words)
    return trie


_JOURNAL_TRIE = _journal_trie()
# Tokens a journal's run of words skips: "J. Consult. Clin. Psychol.", "Aging & Mental Health".
_JOURNAL_SKIP = frozenset((".", ",", "&", "and", ":", "-"))
_CUES = (
    ("cue-in", frozenset(("in",))),
    ("cue-eds", _EDITOR_WORDS | {"ed"}),
    ("cue-pp", frozenset(("pp",))),
    ("cue-retrieved", frozenset(("retrieved", "available", "accessed"))),
)


def _journal_runs(lowered: list[str]) -> list[str]:
    """Per token: "B"/"I" when it begins or continues the longest run of words that spells a
    known journal whole (from left to right, runs not overlapping), "" otherwise."""
    n = len(lowered)
    marks = [""] * n
    i = 0
    while i < n:
        node, j, end = _JOURNAL_TRIE, i, -1
        if lowered[i] == "the":
            j += 1
        while j < n:
            word = lowered[j]
            if word in _JOURNAL_SKIP and j > i:
                j += 1
                continue
            node = node.get(word)
            if node is None:
                break
            j += 1
            if "" in node:
                end = j
        if end > i:
            marks[i] = "B"
            for k in range(i + 1, end):
                marks[k] = "I"
            i = end
        else:
            i += 1
    return marks


_QUOTES = frozenset("'\"\u2019\u201d")


def _editors_ahead(lowered: list[str], reach: int = 10) -> list[int | None]:
    """Per token: how many tokens ahead (1, 2, 3 or more) an editor cue stands after a
    bracket or a comma ("(Eds.)", ", eds."), within ``reach`` tokens; ``None``: none."""
    out: list[int | None] = [None] * len(lowered)
    cue = None
    for i in range(len(lowered) - 1, -1, -1):
        if lowered[i] in _EDITOR_WORDS | {"ed"} and i and lowered[i - 1] in "([,":
            cue = i
        elif cue is not None and cue - i <= reach:
            out[i] = min(cue - i, 3)
    return out


def _string_features(tokens: list[str], year_at: int | None) -> list[str]:
    """Features of the whole string: where its first year stands, whether it has a DOI, an
    address or quotes."""
    n = len(tokens)
    if year_at is None:
        ypos = "none"
    elif year_at <= 1:
        ypos = "start"
    elif tokens[year_at - 1] in "([" and year_at < n / 2:
        ypos = "paren-early"
    elif year_at >= 0.6 * n:
        ypos = "late"
    else:
        ypos = "mid"
    out = [f"ypos={ypos}"]
    if any("10." in t and "/" in t for t in tokens):
        out.append("has-doi")
    if any(t.startswith(("http", "www")) for t in tokens):
        out.append("has-url")
    if any(t in '"\u201c' for t in tokens):
        out.append("has-quote")
    return out


def _case(token: str) -> str:
    if token.isupper():
        return "upper"
    return "title" if token[:1].isupper() else "lower" if token.islower() else "mixed"


def _punctuation_around(tokens: list[str]) -> list[tuple[str, int, str, int]]:
    """Per token: the last punctuation before it and how many words since, the next after it
    and how many words until (a long title is the words between a stop and the next)."""
    n = len(tokens)
    out: list[list] = [[] for _ in range(n)]
    last, since = "<s>", 0
    for i, token in enumerate(tokens):
        out[i] += [last, since]
        last, since = (token, 0) if token in _PUNCTUATION else (last, since + 1)
    ahead, until = "</s>", 0
    for i in range(n - 1, -1, -1):
        out[i] += [ahead, until]
        ahead, until = (tokens[i], 0) if tokens[i] in _PUNCTUATION else (ahead, until + 1)
    return [tuple(row) for row in out]


def features(raw: str, spans: list[tuple[int, int]]) -> list[list[str]]:
    """Each token's features: itself, its shape and case, three tokens either side, the
    punctuation around it, where it stands (after the year, inside brackets or quotes)."""
    tokens = [raw[s:e] for s, e in spans]
    lowered = [t.casefold() for t in tokens]
    shapes = [_shape(t) for t in tokens]
    n = len(tokens)
    out = []
    depth = 0
    quoted = False
    # Full stops that end a part (not an initial's), counted from the start and from the
    # first year-like token: APA puts the title after the year's stop, Vancouver the journal
    # after the second stop.
    year_at = next((i for i, t in enumerate(tokens) if _YEARLIKE.fullmatch(t)), None)
    stops = stops_after_year = 0
    around = _punctuation_around(tokens)
    journal = _journal_runs(lowered)
    whole = _string_features(tokens, year_at)
    cued: dict[str, int] = {}  # cue name: tokens since it was last seen
    editors_ahead = _editors_ahead(lowered)
    for i, piece in enumerate(tokens):
        lower = lowered[i]
        prev = lowered[i - 1] if i else "<s>"
        prev2 = lowered[i - 2] if i > 1 else "<s>"
        nxt = lowered[i + 1] if i + 1 < n else "</s>"
        nxt2 = lowered[i + 2] if i + 2 < n else "</s>"
        gap_before = i and spans[i][0] > spans[i - 1][1]
        feats = [
            "bias",
            f"w={lower}",
            f"shape={shapes[i]}",
            f"p={prev}",
            f"n={nxt}",
            f"p2={prev2}",
            f"n2={nxt2}",
            f"pn={prev}|{nxt}",
            f"pshape={shapes[i - 1] if i else '<s>'}",
            f"nshape={shapes[i + 1] if i + 1 < n else '</s>'}",
            f"pos={min(9, 10 * i // max(n, 1))}",
            f"i={min(i, 6)}",
            f"depth={min(depth, 2)}",
            f"quoted={quoted}",
            f"gap={bool(gap_before)}",
        ]
        feats.append(f"stops={min(stops, 4)}")
        if year_at is None:
            where = "noyear"
        elif i < year_at:
            where = "before-year"
        elif i > year_at:
            where = f"after-year={min(stops_after_year, 3)}"
            feats.append(f"{where}|shape={shapes[i]}")
        else:
            where = ""
        if where:
            feats.append(where)
        # three tokens either side, the shapes around, the word with each neighbour
        last, since, ahead, until = around[i]
        feats += [
            f"p3={lowered[i - 3] if i > 2 else '<s>'}",
            f"n3={lowered[i + 3] if i + 3 < n else '</s>'}",
            f"p2shape={shapes[i - 2] if i > 1 else '<s>'}",
            f"n2shape={shapes[i + 2] if i + 2 < n else '</s>'}",
            f"shape3={shapes[i - 1] if i else '<s>'}|{shapes[i]}|"
            f"{shapes[i + 1] if i + 1 < n else '</s>'}",
            f"pw={prev}|{lower}",
            f"wn={lower}|{nxt}",
            f"lp={last}",
            f"np={ahead}",
            f"lpnp={last}|{ahead}",
            f"since={min(since, 5)}",
            f"until={min(until, 5)}",
            f"lp|shape={last}|{shapes[i]}",
            f"{where}|depth={min(depth, 2)}",
            f"stops={min(stops, 4)}|depth={min(depth, 2)}",
            f"{where}|alpha" if piece.isalpha() else f"{where}|w={lower}",
        ]
        if len(lower) >= 4 and lower.isalpha():
            feats += [f"pre3={lower[:3]}", f"suf3={lower[-3:]}", f"suf2={lower[-2:]}"]
        if piece.isalpha():
            feats.append(f"case={_case(piece)}|len={min(len(piece), 5)}")
        if piece.isdigit():
            feats.append(f"digits={min(len(piece), 5)}")
        if lower in _ABBREVIATION_WORDS and piece[:1].isupper():
            feats.append("abbr-journal-word")
        if nxt in _JOURNAL_WORDS and i + 1 < n and tokens[i + 1][:1].isupper():
            feats.append("n-journal-word")
        if prev == "." and piece[:1].isupper():
            feats.append("capital-after-stop")
        feats.extend(name for name, words in _WORD_CLASSES if lower in words)
        if nxt in _PUBLISHER_WORDS:
            feats.append("n-publisher-word")
        if _YEARLIKE.fullmatch(piece):
            feats.append("year")
        if nxt == "." and re.fullmatch(r"[A-Z\u00c0-\u00de]", piece):
            feats.append("initial")
        if re.fullmatch(r"[A-Z]{1,3}", piece):
            feats.append("caps-short")
        if lower in _JOURNAL_WORDS and piece[:1].isupper():
            feats.append("journal-word")
        if piece.startswith(("http", "www")):
            feats.append("address")
        if "10." in piece and "/" in piece:
            feats.append("doi-like")
        # a known journal spelled by a run of words, and the cues seen before the token
        if journal[i]:
            feats += [f"journal={journal[i]}", f"journal={journal[i]}|{where}"]
        elif i + 1 < n and journal[i + 1] == "B":
            feats.append("n-journal")
        for cue, since_cue in cued.items():
            feats += [cue, f"{cue}={min(since_cue, 3)}|shape={shapes[i]}"]
        if editors_ahead[i] is not None:
            # names before "(Eds.)" / ", eds.": a chapter's editors, not its authors
            feats += ["eds-ahead", f"eds-ahead={editors_ahead[i]}|shape={shapes[i]}"]
        # the whole string's features, with where the token stands
        pos = min(4, 5 * i // max(n, 1))
        for signal in whole:
            feats += [signal, f"{signal}|pos={pos}", f"{signal}|{where}"]
        feats.append(f"{whole[0]}|lp={last}|shape={shapes[i]}")
        for cue in cued:
            cued[cue] += 1
        for cue, words in _CUES:
            if lower in words and (
                cue != "cue-in" or piece == "In" or prev in ".:" or prev == "," and prev2 in _QUOTES
            ):
                cued[cue] = 0
        out.append(feats)
        if piece in ".?!" and not (i and len(tokens[i - 1]) == 1 and tokens[i - 1].isupper()):
            stops += 1
            if year_at is not None and i > year_at:
                stops_after_year += 1
        if piece in "([":
            depth += 1
        elif piece in ")]":
            depth = max(0, depth - 1)
        elif piece in '"\u201c\u201d':
            quoted = piece != "\u201d" and not quoted
    return out


class Model:
    """A linear-chain CRF (CRFsuite) over the tokens' features: the labels by Viterbi and, per
    token, a margin from the marginal probabilities of the labels."""

    def __init__(self, data: bytes, typical: float = 1.0):
        self.data = data  # the model file's bytes, read by the tagger in place
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open_inmemory(data)
        if not set(self._tagger.labels()) <= set(LABELS):
            raise ValueError("the labeller's model was trained for other labels: rebuild it")
        # A Tagger holds the sequence it read last, and its marginals are of that sequence.
        self._lock = threading.Lock()
        # The median field margin on the strings it was trained on: margins are reported in
        # this unit, so the combination's thresholds survive new features and more data.
        self.typical = typical

    def decode_with_margins(self, feats) -> tuple[list[int], list[float]]:
        """The best labels and, per token, how much likelier its label is than the next
        likeliest (the log of the ratio of their marginal probabilities), as the perceptron
        before it gave the gap between best paths: a small margin is a close call, a
        negative one a label the best sequence takes against the token's likeliest."""
        if not feats:
            return [], []
        with self._lock:
            tags = self._tagger.tag(feats)
            labels = self._tagger.labels()
            margins = []
            for i, tag in enumerate(tags):
                best = self._tagger.marginal(tag, i)
                other = max(self._tagger.marginal(y, i) for y in labels if y != tag)
                margins.append(math.log(max(best, _TINY) / max(other, _TINY)))
        return [INDEX[tag] for tag in tags], margins


_TINY = 1e-12  # a marginal CRFsuite rounds to 0


@cache
def model() -> Model:
    """The shipped model, read once per process on first use."""
    info = json.loads(MODEL_INFO.read_text(encoding="utf-8"))
    if info["labels"] != list(LABELS):
        raise ValueError("the labeller's model was trained for other labels: rebuild it")
    return Model(MODEL.read_bytes(), info["typical"])


# --- from labels back to fields ----------------------------------------------------------

_STRIP = " .,;:()[]\"'\u201c\u201d\u2018\u2019"
_SUFFIX = re.compile(r",?\s*\b(Jr|Sr)\.?(?=\s*(?:,|&|and\b|$))")
_STATUS = (
    (
        re.compile(
            r"advance online publication|online ahead of print|e-?pub ahead of print|"
            r"online first|published online|early view|\bepub\b",
            re.I,
        ),
        "advance online publication",
    ),
    (re.compile(r"\bin press\b", re.I), "in press"),
)
# CSL key of each label, and the field it reads back into (author, editor, year apart).
_CSL_KEYS = {
    "title": "title",
    "container": "container-title",
    "volume": "volume",
    "issue": "issue",
    "pages": "page",
    "edition": "edition",
    "publisher": "publisher",
    "place": "publisher-place",
    "doi": "DOI",
    "url": "URL",
    "author": "author",
    "editor": "editor",
    "year": "issued",
}


def _runs(labels) -> dict[str, tuple[int, int]]:
    """Each label's first run of tokens, as (first token, last token)."""
    runs: dict[str, tuple[int, int]] = {}
    i = 0
    while i < len(labels):
        j = i
        while j + 1 < len(labels) and labels[j + 1] == labels[i]:
            j += 1
        if labels[i] != "other" and labels[i] not in runs:
            runs[labels[i]] = (i, j)
        i = j + 1
    return runs


_GIVEN_FIRST = re.compile(
    r"(?:[A-Z]\.\s?(?:-?[A-Z]\.\s?)*)[A-Z][a-z\u00df-\u00ff]+(?:\s*(?:,|&|and\b|$))"
)


def _people(text: str, *, editors: bool = False) -> list[dict[str, str]]:
    # "King, M. L., Jr.": the suffix of the name before it, not a name of its own
    suffix = _SUFFIX.search(text)
    before = text[: suffix.start()] if suffix else ""
    text = _SUFFIX.sub("", text)
    if editors:
        text = re.sub(r"^\s*In:?\s+|\(?\b[Ee]ds?\b\.?\)?|\b[Ee]dited by\b", " ", text)
        text = re.sub(r"\s+", " ", text).strip(_STRIP)
        if not text:
            return []
        if re.match(r"[^\s,]+,\s", text):  # "Lambert, M. J. (Ed.)"
            people = _family_first_names(text)[0]
        else:  # "M. J. Lambert", "Leah Jewell"
            people = _given_first_names(text)
            if any(" " in p.get("family", "") for p in people):
                # full given names: "Rita Lindgren and Sam T. Haddad" is two people, not one
                # family name given another
                names = [name for name in _NAME_LIST.split(text) if name.strip(_STRIP)]
                people = [p for name in names for p in _given_first_names(name)]
            people = [_split_given(p) for p in people]
    else:
        text = re.sub(r"\s+", " ", text).strip(" ,;:")
        text = _SPACED_INITIALS.sub(lambda m: m[1] + m[2].replace(" ", ""), text)
        if re.search(r"\b[A-Z]\.\s?[A-Z]$", text):
            text += "."  # "Lindgren R. T": the last initial's full stop, read as the sentence's
        if _GIVEN_FIRST.match(text):  # "T. R. Hallam, S. V. Ibsen"
            people = [_split_given(p) for p in _given_first_names(text)]
        else:
            people = _family_first_names(text)[0] if text else []
        # "Abbass, The efficacy of …": a surname alone, not a group's name; "Vivian Nutton,
        # Ancient Medicine (London: …)": a given name and a surname
        people = [
            {"family": p["literal"]}
            if re.fullmatch(r"[A-Z][\w'-]+", p.get("literal", ""))
            else _given_then_surname(p)
            for p in people
        ]
    if suffix and people:
        # the person whose family name comes last before the suffix
        owner = max(people, key=lambda p: before.rfind(p.get("family") or p.get("literal", "")))
        owner["suffix"] = suffix.group(1) + "."
    return people


# Two words a group's name has and a person's has not
_GROUP_WORD = re.compile(
    r"\b(?:Books?|Press|Group|Consortium|Collaboration|Investigators|Union|Council|Institute|"
    r"Association|Society|Foundation|Trust|Agency|Office|Department|Bureau|Ministry|Committee|"
    r"Network|Alliance|Cent(?:er|re)|Team|Initiative|Project|Program(?:me)?|Library|News|Times|"
    r"Health|Care|Research|Services?|Clinic|Hospital|University|College|School|Today|Magazine|"
    r"Journal|Review|Online|Media|Mind|Staff|Editors|Government|Commission|Organi[sz]ation|"
    r"Partnership|Coalition|Campaign|International|Therapy|Psychology|Medicine|Wiki\w*|Blog|"
    r"Site|Web)\b"
)
_TWO_NAMES = re.compile(
    r"(?P<given>[A-Z\u00c0-\u00de][a-z\u00df-\u00ff'\u2019]+(?:-[A-Z][a-z\u00df-\u00ff]+)?)\s+"
    r"(?P<family>(?:(?:van|von|de|der|den|di|da|du|le|la)\s)*"
    r"[A-Z\u00c0-\u00de][a-z\u00df-\u00ff'\u2019]+(?:-[A-Z][a-z\u00df-\u00ff]+)?)"
)


def _given_then_surname(person: dict[str, str]) -> dict[str, str]:
    """A "group" of two plain words with no group's word in it is a person, given name first
    (Chicago's notes and bibliographies: "Vivian Nutton, Ancient Medicine")."""
    literal = person.get("literal", "")
    two = _TWO_NAMES.fullmatch(literal) if literal.count(" ") >= 1 else None
    if not two or _GROUP_WORD.search(literal):
        return person
    return {"family": two["family"], "given": two["given"]}


# "Okafor P B" (Google Scholar's NLM): the initials of "Okafor PB", not a surname "Okafor P"
_SPACED_INITIALS = re.compile(r"(\b[A-Z][\w'-]+ )((?:[A-Z] )+[A-Z])(?=\s*(?:,|&|\band\b|$))")
_NAME_LIST = re.compile(r"\s*,\s*(?:&\s*|and\s+)?|\s*&\s*|\s+and\s+")


def _split_given(person: dict[str, str]) -> dict[str, str]:
    family = person.get("family", "")
    if " " in family and not person.get("given"):
        surname_first = _INITIALS_AFTER.fullmatch(family)
        if surname_first:  # "Lindgren R.T.", "Lindgren R. T.": the initials after the surname
            initials = re.findall(r"[A-Z]", surname_first["initials"])
            return _name(surname_first["family"], " ".join(f"{c}." for c in initials))
        given, last = family.rsplit(" ", 1)
        return _name(last, given)  # "Carl R Rogers": the rules' initials, with their stops
    return person


_INITIALS_AFTER = re.compile(
    r"(?P<family>[A-Z][\w'-]+)\s+(?P<initials>[A-Z](?:\.?\s?-?[A-Z]){0,2}\.?)"
)


_ABBREVIATED_END = re.compile(r"(?:^|[\s.,])(?:[A-Z]|Ill|Mass|Calif|Conn|Pa)$")  # a place's


def read_back(raw: str, spans, labels) -> dict:
    """The CSL fields the labels mark in ``raw``, cleaned like the rule parser cleans them.

    Each piece is first normalised by the rules' own ``_normalise`` (words broken at a line
    end joined or kept as compounds, DOIs' line breaks joined, diacritics composed, entities
    and Markdown marks gone): the raw text is labelled as it is, as the model was trained."""
    runs = _runs(labels)
    pieces = {label: _normalise(raw[spans[i][0] : spans[j][1]]) for label, (i, j) in runs.items()}
    csl: dict = {}
    if pieces.get("author", "").strip(" ,;:"):
        people = _people(pieces["author"])
        if people:
            csl["author"] = people
    if pieces.get("editor"):
        people = _people(pieces["editor"], editors=True)
        if people:
            csl["editor"] = people
    year = re.search(r"\d{4}", pieces.get("year", ""))
    if year:
        csl["issued"] = {"date-parts": [[int(year[0])]]}
    for label in ("title", "container", "volume", "issue", "pages", "edition"):
        value = re.sub(r"\s+", " ", pieces.get(label, "")).strip(" ,;:")
        if label == "container":
            # "Example Science Vol 3 No 2": the volume's word is not the journal's
            value = _trim_name(_LOCATOR_WORD_AFTER.sub("", value))
            value = expand_journal(value)[0]
        elif label == "title":
            value = value.strip(' ."\u201c\u201d')
            # "Benefits,challenges,and solutions": the space the rules put back after a comma
            value = _NO_SPACE_AFTER_COMMA.sub(", ", value)
        else:
            value = value.strip(_STRIP)
        if label == "pages":
            value = re.sub(r"^pp?\.\s*", "", value)
            value = _dash(value)
        if label == "edition":
            # "2nd" and "(Second ed.)" alike: the number, as the rules give it
            number = re.search(r"\d+", value) or re.match(r"\w+", value)
            value = number[0] if number else value
            value = _ORDINAL_WORDS.get(value.casefold(), value)
        if value:
            csl[_CSL_KEYS[label]] = value
    for label in ("publisher", "place"):
        value = _trim_name(re.sub(r"\s+", " ", pieces.get(label, "")).strip(" ,;:"))
        # "Guilford Press." / "New York, NY.": the sentence's full stop, not an abbreviation;
        # "Washington, D.C." / "Jason Aronson, Inc. https://…": the abbreviation's own
        value = value.rstrip(".")
        if label == "publisher":
            value = company_stop(value, raw)
            # "Example Press 2011a": the reference's year typed again after its publisher
            value = _YEAR_AFTER.sub("", value)
        else:
            end = spans[runs[label][1]][1] if label in runs else 0
            stop = raw[end : end + 1] == "." or value.endswith(".C")
            if value and stop and _ABBREVIATED_END.search(value):
                value += "."
        if value:
            csl[_CSL_KEYS[label]] = value
    if csl.get("publisher") and not csl.get("publisher-place"):
        # "Example Press, Ontario": a known place typed after its publisher
        publisher, _comma, place = csl["publisher"].partition(", ")
        if place and _PLACES.match(place):
            csl["publisher"], csl["publisher-place"] = publisher, place
    doi = normalise_doi(pieces.get("doi", ""))
    if doi:
        csl["DOI"] = doi
    url = pieces.get("url", "").strip(" .,;")
    if url:
        csl["URL"] = url
    for pattern, status in _STATUS:
        if pattern.search(raw):
            csl["status"] = status
            break
    return csl


_YEAR_AFTER = re.compile(r"(?<=\w)[\s,]+\(?(?:1[6-9]|20)\d\d[a-z]?\)?$")
_LOCATOR_WORD_AFTER = re.compile(r"(?<=\w)[\s,]+(?:vol|no|nr|issue|pp?)\.?$", re.I)


def _trim_name(value: str) -> str:
    value = value.strip("[]\"'\u201c\u201d\u2018\u2019")
    if value.count("(") < value.count(")"):
        value = value.rstrip(")")
    if value.count("(") > value.count(")"):
        value = value.lstrip("(")
    return value.strip(" ,;:")


# "(szerk.)", "(red.)", "(Hg.)", "(toim.)": the role in other languages, in its brackets
_EDITOR_AFTER = re.compile(
    r"^[,.]?(?:\(?(?:eds?|editors?|hrsg)\b|\((?:szerk|red|hgg?|toim|dir|comps?)\.?\))", re.I
)


def mend(tokens: list[str], labels: list[str]) -> list[str]:
    """Labels no reading can mean, mended from the words around them (whatever labelled the
    tokens): names an editor cue ends ("Hayes, L. J., & Chase, P. N. (Eds.)") or that
    "In"/"edited by" opens after a title are editors, not authors; a second title after
    those editors, where no container was read, is the book's title; a title a volume or
    pages follow, where no container was read, ends at its last full stop and the journal
    follows it."""
    labels = list(labels)
    for j in range(len(labels) - 1):
        if labels[j] == "title" and labels[j + 1] == "other" and tokens[j + 1].isalpha():
            # "… of alliance in in in. Journal": words left between a title and the full stop
            # that ends it are the title's
            k = j + 1
            while k < len(labels) and labels[k] == "other" and tokens[k].isalpha():
                k += 1
            if k < len(labels) and tokens[k] == ".":
                labels[j + 1 : k] = ["title"] * (k - j - 1)
    runs, i = [], 0
    while i < len(labels):
        j = i
        while j + 1 < len(labels) and labels[j + 1] == labels[i]:
            j += 1
        runs.append((labels[i], i, j))
        i = j + 1
    seen: set[str] = set()
    for name, i, j in runs:
        if name == "author":
            after = "".join(tokens[j + 1 : j + 5])
            before = [t.casefold() for t in tokens[max(0, i - 2) : i] if t not in ":,"]
            opened = before[-1:] == ["in"] or before == ["edited", "by"]
            if _EDITOR_AFTER.match(after) or "title" in seen and opened:
                labels[i : j + 1] = ["editor"] * (j + 1 - i)
                name = "editor"
        elif name == "title" and "title" in seen and "editor" in seen and "container" not in labels:
            labels[i : j + 1] = ["container"] * (j + 1 - i)
            name = "container"
        elif name == "title" and labels[j + 1 : j + 2] == ["container"]:
            # A journal opens after the title's full stop, not inside its sentence: "Alliance
            # therapy the and. Psychotherapy Research" read as a title and a journal "the and.
            # Psychotherapy Research": the journal's words before its full stop are the title's
            end = next(
                (k for k in range(j + 1, len(labels)) if labels[k] != "container"), len(labels)
            )
            stop = next((k for k in range(j + 1, end) if tokens[k] == "."), None)
            if stop is not None and stop + 1 < end:
                labels[j + 1 : stop] = ["title"] * (stop - j - 1)
                labels[stop] = "other"
        elif (
            name == "title"
            and "place" not in labels
            and tokens[j + 1 : j + 2] == [":"]
            and labels[j + 2 : j + 3] == ["publisher"]
        ):
            # "Title. City: Publisher" read as one title: the words after its last full stop,
            # a colon and a publisher after them, are the place
            cut = _last_stop(tokens, i, j)
            if cut is not None and j - cut <= 4:
                labels[cut] = "other"
                labels[cut + 1 : j + 1] = ["place"] * (j - cut)
        elif name == "title" and "container" not in labels and _numbers_follow(labels, j):
            # "Title. Journal, 2, 83-111" read as one title: no article's volume follows its
            # title, so the words after its last full stop are the journal
            cut = _last_stop(tokens, i, j)
            if cut is not None:
                labels[cut] = "other"
                labels[cut + 1 : j + 1] = ["container"] * (j - cut)
        seen.add(name)
    return labels


def _numbers_follow(labels: list[str], j: int) -> bool:
    """The run that ends at token ``j`` is followed, past punctuation labelled other, by a
    volume, an issue or pages."""
    for following in labels[j + 1 : j + 3]:
        if following in ("volume", "issue", "pages"):
            return True
        if following != "other":
            return False
    return False


def _last_stop(tokens: list[str], i: int, j: int) -> int | None:
    """The last full stop inside tokens i..j that ends a sentence: after a word of two
    letters or more, before a capitalised word."""
    for k in range(j - 1, i, -1):
        if tokens[k] == "." and len(tokens[k - 1]) > 1 and tokens[k + 1][:1].isupper():
            return k
    return None


def label(raw: str, labeller: Model | None = None) -> tuple[dict, dict[str, float], dict]:
    """The labeller's CSL fields for ``raw``, its margin for each (the closest call among
    the field's tokens) and the piece of ``raw`` each was read from (``raw`` as ``combine``
    reads it: no bold marks round names, a glued volume or identifier spaced)."""
    raw = _read_as_typed(raw)
    spans = tokenise(raw)
    if (
        spans
        and spans[0] == (0, 1)
        and (
            raw[0] == '"'
            and raw.count('"') % 2
            or raw[0] == "\u201c"
            and raw.count("\u201c") > raw.count("\u201d")
        )
    ):
        spans = spans[1:]  # a stray opening quote ahead of the authors: no title opens there
    links = link_labels_at_end(raw)
    if links:  # "… 2021;8(1):e21819 View", "… 13, 5–35.CrossRefPubMed": a page's link texts
        spans = [span for span in spans if span[1] <= links.start()] or spans
    labeller = labeller or model()
    path, margins = labeller.decode_with_margins(features(raw, spans))
    labels = mend([raw[s:e] for s, e in spans], [LABELS[k] for k in path])
    csl = read_back(raw, spans, labels)
    sure: dict[str, float] = {}
    pieces: dict[str, str] = {}
    for name, (i, j) in _runs(labels).items():
        sure[_CSL_KEYS[name]] = min(margins[i : j + 1]) / labeller.typical
        pieces[_CSL_KEYS[name]] = raw[spans[i][0] : spans[j][1]]
    return csl, sure, pieces


# --- combining with the rules ---------------------------------------------------------------

# Fields the two compare, by CSL key (page and number are one locator).
FIELDS = (
    "author",
    "editor",
    "issued",
    "title",
    "container-title",
    "volume",
    "issue",
    "page",
    "edition",
    "publisher",
    "publisher-place",
    "DOI",
    "URL",
)
_ATTRIBUTES = {"container-title": "container_title", "publisher-place": "publisher_place"}
# The combination shipped before labeller first (issue 13 §3): the rules' parse, the
# labeller's fields where the rules are less sure. Its settings were chosen by
# leave-one-fold-out on the labelled sets (bench/bench_references_learned.py,
# docs/benchmarks.md "Ninth round: labeller first" and "Tenth round"; the journal joined the
# labeller's fields in the tenth; in the twelfth, on the training sets' folds, an empty field
# is filled at any margin: a title's number is kept out of the year by ``_a_titles_number``
# instead). Kept as the benchmarks' baseline and for the settings ``LABELLER_FIRST`` shares.
# Confidences are the rules' (0–1); margins are the labeller's, in units of its median field
# margin on its training strings (``Model.typical``: 1.0 is a typical sure field).
RULES_SURE = {
    "whole_above": 0.9,
    "whole_apa_only": False,
    "rules_above": 0.95,
    "other_above": 1.01,
    "names_above": 0.5,
    "fields_above": {"author": 0.0, "publisher": 0.5},
    "keep_ids": True,
    "guard": "kept",
    "fill_empty": 0.0,
    "fill_unplaced_only": True,
    "keep_longer": True,
    "fill_freed": True,
    "cut": "all",
    "extend": "other",
    "margin": 0.55,
}
# The combination shipped before the ninth round: the rules first, the labeller only where
# their confidence is below 0.5 (the benchmark's baseline).
RULES_FIRST = {
    "whole_above": 1.01,
    "whole_apa_only": False,
    "rules_above": 0.5,
    "other_above": 0.5,
    "names_above": 1.01,
    "fields_above": {},
    "keep_ids": False,
    "guard": "all",
    "fill_empty": 0.14,
    "fill_unplaced_only": True,
    "keep_longer": False,
    "fill_freed": False,
    "cut": "all",
    "extend": "all",
    "margin": 0.14,
}
# The labeller's reading first, the rules checking it (``_labeller_first``; issue 13 §3, chosen
# on the training sets' folds, docs/benchmarks.md "Labeller first, the rules checking" and
# "Labeller first, shipped"). Where the labeller is unsure of a field (its margin below
# ``unsure_below``: a layout it was not taught, a GOST "//" list, a journal run into its
# volume) and the rules read it at ``unsure_rules_above`` or more, the rules' value stays.
LABELLER_FIRST = dict(
    RULES_SURE,
    start="labeller",
    agree_above=0.7,
    only_rules_above=0.9,
    keep_longer=False,
    keep_sure=False,
    unsure_below=0.3,  # 0.5 before the eleventh to thirteenth fresh sets were tuned on
    unsure_rules_above=0.6,
    guess_below=0.1,  # ``_rest_a_guess``
    names_cut=True,
    names_as_rules=True,
    fill_checks=True,
    fill_unplaced_only=False,  # a year only the labeller read: ``_may_fill``'s checks alone
)
# The shipped combination (``combine``'s default).
POLICY = LABELLER_FIRST
TO_CHECK = 0.5  # the confidence of a field the two read differently: below the admin's 0.8


def _comparable(key: str, value):
    if key in ("author", "editor"):
        return [tuple(p.get(k, "") for k in ("literal", "family", "given")) for p in value or []]
    if key == "DOI":
        return (value or "").lower()
    if key == "page":
        # the labeller's pages are read back with an en dash; a report's number the rules
        # read in their place ("No. 02-3456") keeps the hyphen it was printed with
        return (value or "").replace("\u2013", "-")
    return value or ""


def combine(
    ref: ParsedReference, policy: dict | None = None, labelled: tuple | None = None
) -> ParsedReference:
    """The reference read by both readers: the rules' parse in ``ref``, the labeller's here.

    The rules read the layouts they were taught almost whole and are confidently wrong on
    the others; the labeller reads unseen layouts better, with small slips. The default
    ``POLICY`` (``start`` "labeller") takes the labeller's reading as the parse, the rules
    checking it (``_labeller_first``). The others (``RULES_SURE``, shipped before, and
    ``RULES_FIRST``) start from the rules' parse:

    - A complete, confident rules parse (a style they know, nothing unplaced, every field's
      confidence at least ``whole_above``) is kept whole.
    - Otherwise, field by field, where the two read a field differently the labeller's value
      wins (its margin above ``margin``) unless the rules' confidence for it reaches
      ``rules_above`` (APA), ``other_above`` (other styles), for authors and editors in a
      style the rules know ``names_above``, or the field's own ``fields_above``. The rules'
      DOI and address stay (``keep_ids``): theirs are read by pattern; so does their journal
      where it expands the labeller's piece with the word or two before it ("J. Clin.
      Psychol." read as "Clin. Psychol.").
    - With ``keep_longer``, a labeller's value that is the rules' with less (a title cut at
      its first full stop; the same words punctuated otherwise) wins only where ``cut``
      allows and only if a field of the labeller's that stands reads the rest ("Title.
      Journal" read as one title by the rules); one that is the rules' with more, only where
      ``extend`` allows, and never when the more is the journal the rules read.
    - A field the rules left empty is filled from the labeller (margin above ``fill_empty``;
      when ``fill_unplaced_only``, only from the text the rules left unplaced or, with
      ``fill_freed``, placed in a field the labeller replaced); never a publisher for a
      journal article, a container for a book with a publisher, or an address that is only
      a scheme.
    - A labeller's value that takes text the rules placed in a field they keep (``guard``
      "kept"; "all": in any other field) gives way, so no text is read twice.
    - A reference the rules could not anchor is read by the labeller only when it finds a year
      and a title.

    A field the two read differently is marked to check (confidence ``TO_CHECK``, below the
    admin's 0.8) whichever wins, and so is every field only the labeller found. The unplaced
    text and the style the rules detected stay as they are. ``labelled``: the labeller's
    ``label(ref.raw)`` when already known (the benchmark); ``RULES_FIRST`` is the combination
    shipped before, the benchmark's baseline.
    """
    policy = policy or POLICY
    text = _read_as_typed(ref.raw.strip())
    if not text or len(text) > 2000:
        return ref
    try:
        csl, sure, pieces = labelled or label(text)
    except Exception:  # a labeller fault must not cost the editor the rules' parse
        return ref
    anchored = bool(ref.issued or ref.status or ref.title)
    # Labeller first, a journal anchors its title as a year does ("Name, Title, Journal, № 29").
    first = policy.get("start") == "labeller"
    anchor = (
        csl.get("issued")
        or first
        and csl.get("container-title")
        # "Bandura, Principles of Behavior Modification": a citation index's short form
        or first
        and csl.get("author")
        and min(sure.get("author", 0.0), sure.get("title", 0.0)) >= policy["unsure_below"]
    )
    if not anchored and not (anchor and csl.get("title")):
        # Neither found a year and a title to anchor the rest: the text stays unplaced for
        # the editor rather than a guess.
        return ref
    if policy.get("start") == "labeller":
        return _labeller_first(ref, policy, csl, sure, pieces)
    rules = ref.to_csl()
    locator_key = "number" if ref.number and not ref.page else "page"
    placed = {key: _text(value) for key, value in rules.items() if key != "type"}
    whole = _whole(ref, policy)
    replaced: dict[str, object] = {}
    cuts: dict[str, list[str]] = {}  # a field the labeller cut short: the fields that read the rest
    empty: list[str] = []
    for key in FIELDS:
        rules_key = locator_key if key == "page" else key
        ours, theirs = rules.get(rules_key), csl.get(key)
        if not theirs:
            continue
        if key == "URL" and not re.match(r"(?:https?://|www\.)[\w-]+\.\w", theirs):
            continue  # "https:// doi: 10.…": a scheme, not an address
        if not ours:
            if not whole and sure.get(key, 0.0) > policy["fill_empty"]:
                empty.append(key)
            continue
        if _comparable(key, ours) == _comparable(key, theirs):
            continue
        if not _overlaps(_text(theirs), placed, rules_key):
            # the two read the field differently: to check, whichever wins
            ref.confidence[rules_key] = min(ref.confidence.get(rules_key, 1.0), TO_CHECK)
        if whole or policy["keep_ids"] and key in ("DOI", "URL"):
            continue
        if key == "container-title" and (
            _expands_more(text, pieces.get(key, ""), ours)
            or _adds_a_date(ours, theirs)
            or _known_lost(pieces.get(key, ""), ours, theirs)
        ):
            # "J. Clin. Psychol." read as "Clin. Psychol."; "Monthly Jan" as a journal; the end
            # of a title read as (part of) the journal where the rules found a known one
            continue
        if policy["keep_longer"]:
            cover = _rest_read_by(_text(ours), _text(theirs), key, pieces)
            if (
                _rules_read_less(ref, key, ours, theirs, policy)
                or cover == []
                or (cover and not _may_cut(ref, policy))
            ):
                continue
            if cover:
                cuts[key] = cover
        above = policy["rules_above"] if ref.style == "apa" else policy["other_above"]
        if key in ("author", "editor") and ref.style:
            above = min(above, policy["names_above"])
        above = min(above, policy["fields_above"].get(key, above))
        if ref.confidence.get(rules_key, 1.0) < above and sure.get(key, 0.0) > policy["margin"]:
            replaced[key] = theirs
    while True:
        # the text of the rules' fields the labeller replaced is free to fill others from
        freed = [placed[locator_key if key == "page" else key] for key in replaced]
        taken = dict(replaced)
        taken.update((key, csl[key]) for key in empty if _may_fill(ref, key, pieces, policy, freed))
        # A labeller's value that takes text the rules placed in a field they keep (the
        # editors read as authors, the journal glued to the title) gives way.
        while clash := _clashes(taken, placed, policy, locator_key):
            for key in clash:
                del taken[key]
        # A field cut short stands only if what reads the rest stands too: "Title? An
        # update, Journal" is no title and a journal "An update" when the journal stays.
        agreed = {
            key
            for key in FIELDS
            if key not in taken
            and csl.get(key)
            and _comparable(key, csl[key])
            == _comparable(key, rules.get(locator_key if key == "page" else key))
        }
        lost = [key for key in taken if key in cuts and not set(cuts[key]) & (set(taken) | agreed)]
        if not lost:
            break
        for key in lost:
            del replaced[key]
    for key, value in taken.items():
        rules_key = locator_key if key == "page" else key
        if not rules.get(rules_key):
            ref.confidence[rules_key] = TO_CHECK  # only the labeller found it
        elif _comparable(key, value) != _comparable(key, rules[rules_key]):
            # the labeller's value replaces the rules': to check, even where it reads text
            # the rules had placed in another field (not marked as a disagreement above)
            ref.confidence[rules_key] = min(ref.confidence.get(rules_key, 1.0), TO_CHECK)
        _set(ref, key, value, locator_key)
    if not ref.status and csl.get("status"):
        ref.status = csl["status"]
        ref.confidence["status"] = TO_CHECK
    return ref


def _labeller_first(ref: ParsedReference, policy: dict, csl: dict, sure: dict, pieces: dict):
    """``combine`` with ``start`` "labeller": the labeller's reading, the rules checking it.

    The rules' parse stays whole when it is complete and sure of itself (``_whole``) and the
    labeller reads at least ``agree_above`` of the fields either found as they do. Otherwise
    each field is the labeller's, except the rules' DOI and address (read by pattern), any
    field of theirs at ``unsure_rules_above`` or more that the labeller read with a margin
    below ``unsure_below`` or not at all (a layout it was never taught), their journal where
    the named checks say the labeller's lost or added words and, with ``names_cut``, their
    names where the labeller's are only the first of them (``_rules_keep``), a field only the
    rules read, at ``only_rules_above`` or more, from text the labeller left unplaced, and
    with ``keep_sure`` any field of theirs at that confidence. A field only the labeller read
    is not taken from the text of a field of the rules' kept, nor where ``_may_fill`` refuses
    it (a year, a book's series as its container, an article's database as its publisher).
    Every field the two read differently is marked to check (``TO_CHECK``); the style the
    rules detected stays; a field of the rules' given up joins the unplaced text, and the
    unplaced text a field now reads leaves it.
    """
    text = _read_as_typed(ref.raw.strip())
    rules = ref.to_csl()
    csl, sure = _one_list_of_editors(rules, csl, sure)
    read = copy.copy(ref)  # the rules' parse as they read it, for ``_may_fill``'s checks
    locator_key = "number" if ref.number and not ref.page else "page"
    keys = [k for k in FIELDS if rules.get(locator_key if k == "page" else k) or csl.get(k)]
    same = {
        k
        for k in keys
        if _comparable(k, rules.get(locator_key if k == "page" else k))
        == _comparable(k, csl.get(k))
    }
    if _whole(ref, policy) and len(same) >= policy["agree_above"] * len(keys):
        for key in set(keys) - same:
            rules_key = locator_key if key == "page" else key
            ref.confidence[rules_key] = min(ref.confidence.get(rules_key, 1.0), TO_CHECK)
        return ref
    left = text
    for piece in sorted(pieces.values(), key=len, reverse=True):
        left = left.replace(piece, " ", 1)
    unplaced = _text(left)
    kept: dict[str, str] = {}  # the rules' values kept where the labeller is unsure
    journal_kept = False  # ``_glued_to_a_journal``: the rules' journal stays with their title
    # the fields the rules read first, so that a field only the labeller read can be checked
    # against the text of the rules' values kept
    for key in sorted(keys, key=lambda k: not rules.get(locator_key if k == "page" else k)):
        if key in same:
            continue
        rules_key = locator_key if key == "page" else key
        ours, theirs = rules.get(rules_key), csl.get(key)
        if key == "URL" and theirs and not re.match(r"(?:https?://|www\.)[\w-]+\.\w", theirs):
            theirs = None  # "https:// doi: 10.…": a scheme, not an address
        confidence = ref.confidence.get(rules_key, 1.0)
        sure_enough = confidence >= policy["only_rules_above"]
        ref.confidence[rules_key] = TO_CHECK  # the two read it differently
        if key == "title" and _glued_to_a_journal(ours, theirs, rules):
            kept[key] = _text(ours)
            journal_kept = True
            continue
        if (
            ours
            and confidence >= policy["unsure_rules_above"]
            and sure.get(key, 0.0) < policy["unsure_below"]
            and not _not_one(key, ours)
            # the labeller's title, read by the rules as the journal ("Title. 2001;24(2):371.")
            and not (
                key == "container-title"
                and _text(ours) == _text(csl.get("title", ""))
                and not _JOURNAL_NAME.search(ours)  # "Cognitive Practice and Research (2003)"
            )
        ) or _rest_a_guess(key, ours, theirs, rules, csl, sure, unplaced, policy):
            kept[key] = _text(ours)
            continue  # the labeller unsure (a layout it was not taught) where the rules read it
        if theirs and _overlaps(_text(theirs), kept, key) or _names_left(key, theirs, ref, kept):
            # text a value of the rules' kept reads: "Title. Subtitle" is no journal; the
            # names the labeller left out of its list are no title
            if not ours:
                del ref.confidence[rules_key]
            continue
        if (
            not ours
            and policy["fill_checks"]
            and key in ("container-title", "publisher", "publisher-place")
            and not _may_fill(read, key, pieces, policy, [])
        ):
            del ref.confidence[rules_key]  # a book's series, an article's database
            continue
        if not theirs:
            if ours and (
                sure_enough
                and _text(ours) in unplaced
                or key in ("DOI", "URL")
                or key == "container-title"
                and journal_kept
            ):
                continue  # only the rules read it: from text the labeller left unplaced; by pattern
            _set(ref, key, _EMPTY.get(key, ""), locator_key)
            del ref.confidence[rules_key]
            if isinstance(ours, str):
                ref.unparsed = [*ref.unparsed, ours]  # the text stays for the editor
            continue
        if (
            not ours
            and key == "issued"
            and not csl.get("container-title")  # an article's year, whatever the rules' type
            and not _may_fill(ref, key, pieces, policy, [])
        ):
            del ref.confidence[rules_key]  # a title's number, an access date
            continue
        if ours and sure_enough and policy["keep_sure"]:
            continue  # a field the rules are sure of: the labeller's reading only marks it
        if ours and (
            key in ("DOI", "URL") or _rules_keep(text, key, ours, theirs, pieces, ref, policy)
        ):
            kept[key] = _text(ours)
            continue
        _set(ref, key, theirs, locator_key)
    final = {_text(v) for k, v in ref.to_csl().items() if k != "type"}
    ref.unparsed = [u for u in ref.unparsed if not any(_text(u) in v for v in final if v)]
    if not ref.status and csl.get("status"):
        ref.status = csl["status"]
        ref.confidence["status"] = TO_CHECK
    return ref


_EMPTY = {"author": [], "editor": [], "issued": None}


def _one_list_of_editors(rules: dict, csl: dict, sure: dict) -> tuple[dict, dict]:
    """ "Barkham, M., Hardy, G. E. & Mellor-Clark, J. (Eds.)": where the rules read one list of
    editors that the labeller split into authors and then editors, it is one list of editors."""
    editors, authors = rules.get("editor") or [], csl.get("author") or []
    if rules.get("author") or not authors or not csl.get("editor"):
        return csl, sure
    if _text(authors + csl["editor"]) != _text(editors):
        return csl, sure
    csl = {key: value for key, value in csl.items() if key != "author"}
    csl["editor"] = editors
    sure = {key: value for key, value in sure.items() if key != "author"}
    sure["editor"] = max(sure.get("editor", 0.0), sure.get("author", 0.0))
    return csl, sure


# What the rules read as a publisher where the labeller read none, that no publisher is: a
# locator ("22(3)", "1), S1-S48", "101"), link residue ("[ ]( )", "< >"), a word a list adds
_LOCATOR_LIKE = re.compile(r"\d+\s*\(|\(\s*\d|\d\s*[-\u2013:]\s*\d|\d$")
_NOT_PUBLISHERS = frozenset(
    ("review", "online", "print", "epub", "abstract", "article", "view", "from", "url", "doi")
)
_MARKUP = re.compile(r"\\[a-z]+|[\[\](){}*_<>]")


def _not_one(key: str, value) -> bool:
    """What the rules read as a publisher, a place or a journal where the labeller read none,
    that cannot be one: a locator, link residue, a list's word; a known place alone as a
    publisher ("Title. New York"); "Place: Publisher" as a journal."""
    if not isinstance(value, str) or key not in ("publisher", "publisher-place", "container-title"):
        return False
    if key == "publisher-place" and _PLACES.fullmatch(value.strip()):
        return False  # "N.Y."
    # markup a page or a file left ("\\url{", "\\emph{Psychometrika}, \\bold{76}", "[ ]( )")
    value = _MARKUP.sub("", value).strip()
    if not re.search(r"[^\W\d_]{3}", value):
        return True
    if key == "container-title":
        place = _PLACE.match(value)
        # "Philadelphia: FA Davis"; "Henry Holt & Co, New York, NY", "John Wiley & Sons, London"
        return bool(place and _PLACES.fullmatch(place.group("place").strip())) or bool(
            _PUBLISHER_NAME.search(value)
            and not _JOURNAL_NAME.search(value)
            and re.search(r",\s*[A-Z]", value)
        )
    return (
        bool(_LOCATOR_LIKE.search(value))
        or value.strip(" .").casefold() in _NOT_PUBLISHERS
        or key == "publisher"
        and bool(_PLACES.fullmatch(value.strip(" .")))
    )


def _glued_to_a_journal(ours, theirs, rules: dict) -> bool:
    """The labeller's title is the rules' title and then the journal they read, a known one:
    "Positive regard. psychotherapy. Online First Publication." glued title and journal."""
    journal = rules.get("container-title")
    if not (isinstance(ours, str) and isinstance(theirs, str) and journal):
        return False
    ours, theirs = _text(ours), _text(theirs)
    if not (len(theirs) > len(ours) and theirs.startswith(ours)):
        return False
    rest = theirs[len(ours) :]
    # "… of the literatureThe Counselling Journal": the journal's first word(s) read into the
    # title (glued to its last word, or after its full stop)
    glued = len(rest) >= 2 and _text(journal).startswith(rest)
    return rest == _text(journal) and is_known_title(journal) or glued


def _rest_a_guess(key, ours, theirs, rules: dict, csl: dict, sure: dict, unplaced: str, policy):
    """The rules read as one field what the labeller split in two, and the labeller's second
    field is a guess: a coin toss (its margin below ``guess_below``: "Title. Subtitle, Intake
    and Follow-up in Small Clinics" is one title, not a title and a journal), or a journal
    where the rules read a known journal in text the labeller left unplaced ("Effectiveness of
    Cognitive-behavioural, Person-centred ... Settings. Psychological Medicine.")."""
    if "guess_below" not in policy or not (isinstance(ours, str) and isinstance(theirs, str)):
        return False
    ours, theirs = _text(ours), _text(theirs)
    if key == "DOI" or len(ours) <= len(theirs) or not ours.startswith(theirs):
        return False
    rest = ours[len(theirs) :]
    return any(
        isinstance(value, str)
        and len(_text(value)) >= 4
        and (
            _text(value) in rest
            and (
                sure.get(other, 0.0) < policy["guess_below"]
                or other == "container-title"
                and is_known_title(rules.get(other) or "")
                and _text(rules[other]) in unplaced
            )
            # the rest and then the rules' own value of the field, read unsure: "Title In Title
            # Case, Journal" as "Title" and "In Title Case, Journal"
            or sure.get(other, 0.0) < policy["unsure_below"]
            and _rest_then_rules(_text(value), rest, rules.get(other))
        )
        for other, value in csl.items()
        if other != key
    )


def _rest_then_rules(value: str, rest: str, rules_value) -> bool:
    """The labeller's guess is the rest of the rules' field and then the rules' own value of
    the guessed field, which starts as a name does (not "and Technology", a name's end)."""
    rest = rest.strip(" ,.;:")
    return (
        isinstance(rules_value, str)
        and len(rest) >= 4
        and rules_value[:1].isupper()
        and value.startswith(rest)
        and value.endswith(_text(rules_value))
    )


def _rules_keep(text: str, key: str, ours, theirs, pieces: dict, ref, policy: dict) -> bool:
    """Where the two read a field differently, the named checks that keep the rules' value:
    their journal where the labeller's lost its first word, added a date or is the end of the
    title; with ``keep_longer``, a value the labeller only lengthened or cut short."""
    piece = pieces.get(key, "")
    if (
        key in ("author", "editor")
        and policy.get("names_cut")
        and (_names_cut_short(ours, theirs) or _names_run_into(ours, pieces.get("title", "")))
    ):
        return True
    if key in ("title", "container-title") and _small_word_moved(key, ours, theirs):
        return True
    if key == "issue" and _issue_part_lost(ours, theirs):
        return True
    if (
        key in ("author", "editor")
        and policy.get("names_as_rules")
        and _text(ours) == _text(theirs)
    ):
        return True  # the same surnames: the rules' given names and group names stand
    if key == "container-title" and (
        _expands_more(text, piece, ours)
        or _adds_a_date(ours, theirs)
        or _known_lost(piece, ours, theirs)
    ):
        return True
    return policy["keep_longer"] and (
        _rules_read_less(ref, key, ours, theirs, policy)
        or _rest_read_by(_text(ours), _text(theirs), key, pieces) == []
    )


# What follows an issue's number inside its parentheses: "33(4, pt 1)", "51(6 Suppl 1)"
_ISSUE_PART = re.compile(
    r"[\s,]*(?:pt|part|suppl|supplement|spec(?:ial)?\s+no)\.?(?:\s*\w{1,3})?", re.I
)


def _issue_part_lost(ours, theirs) -> bool:
    """The labeller's issue is the rules' without the part or supplement that follows its
    number ("4" for "4, pt 1"): it stops at the number, the rules read the parentheses whole."""
    if not (isinstance(ours, str) and isinstance(theirs, str) and theirs):
        return False
    return ours.startswith(theirs) and bool(_ISSUE_PART.fullmatch(ours[len(theirs) :]))


def _names_cut_short(ours, theirs) -> bool:
    """The labeller read fewer names than the rules, the same first one: it ended the list
    early (a GOST "Okafor P.B., Lindgren R.T. Title //") or ran two names into one and
    stopped ("Haddad, Rita B., Nora B. DeMates, Amal B. Ekwueme, and Mary Ann Lund" read as
    "Haddad, Rita B." and a surname "Nora B. DeMates")."""
    if not isinstance(ours, list) or not isinstance(theirs, list) or len(theirs) >= len(ours):
        return False
    return bool(theirs) and _text(ours[:1]) == _text(theirs[:1])


def _names_left(key: str, theirs, ref: ParsedReference, kept: dict) -> bool:
    """The labeller's title ends with the last of the rules' names, which stand: "…, Mary Ann
    Ekwueme, and Rita Lindgren. Title." read as a title "Mary Ann Ekwueme, and Rita Lindgren"."""
    if key != "title" or "author" not in kept or not isinstance(theirs, str) or not ref.author:
        return False
    return _text(theirs).endswith(_text(ref.author[-1:]))


def _names_run_into(ours, title: str) -> bool:
    """The labeller's title begins with the rules' last surname: its list of names ended
    early, the rest read into the title ("Okafor, Paul B., and Paul B. DeMates. Title.")."""
    last = _text(ours[-1:]) if isinstance(ours, list) else ""
    return len(last) >= 3 and _text(title).startswith(last)


def _small_word_moved(key: str, ours, theirs) -> bool:
    """The labeller moved the title's last word, a short one, into the journal after it:
    "Alliance and therapy the. Psychotherapy Research" read as a title "Alliance and therapy"
    and a journal "The Psychotherapy Research"."""
    if not isinstance(ours, str) or not isinstance(theirs, str):
        return False
    ours, theirs = _text(ours), _text(theirs)
    if key == "title":
        rest = ours[len(theirs) :] if ours.startswith(theirs) else ""
    else:
        rest = theirs[: -len(ours)] if ours and theirs.endswith(ours) else ""
    return 0 < len(rest) <= 3 and rest.isalpha()


def _a_titles_number(text: str, pieces: dict) -> bool:
    """The labeller's year is a number that follows a word with only a space between, and it
    read no names: "Waiting lists in Ottawa, Canada 2012. Report." (a title's number, not a
    date the rules missed)."""
    year = pieces.get("issued", "")
    start = text.find(year) if year else -1
    names = pieces.get("author") or pieces.get("editor")
    return start > 0 and not names and bool(re.search(r"[^\W\d_]\s+$", text[:start]))


def _whole(ref: ParsedReference, policy: dict) -> bool:
    """The rules' parse is complete and sure of itself: a style they know, nothing unplaced,
    every field at ``whole_above`` or more."""
    if ref.unparsed or not ref.style or not ref.confidence:
        return False
    if policy["whole_apa_only"] and ref.style != "apa":
        return False
    return min(ref.confidence.values()) >= policy["whole_above"]


def _may_fill(ref: ParsedReference, key: str, pieces: dict, policy: dict, freed: list[str]) -> bool:
    """Whether the labeller may fill a field the rules left empty."""
    journal = ref.container_title and not _not_one("container-title", ref.container_title)
    if ref.type == "article-journal" and journal and key.startswith("publisher"):
        return False  # "… pp. 1-21. Example Search Index": the database, not a publisher
    if ref.type in ("book", "thesis") and ref.title and ref.publisher and key == "container-title":
        # "Title (2nd ed., Example Series). Publisher.": a series, no container; but "In:
        # Editors, editors. Book. Place: Publisher" is a chapter's book, whatever its type
        before = ref.raw[: max(0, ref.raw.find(pieces.get(key) or "\0"))]
        chapter = "editor" in pieces or re.search(r"\bIn:?\s*$", before, re.I)
        # "Title. Group Psychotherapy. 8:142-151": a journal's numbers after it, an article the
        # rules took for a book
        numbered = "volume" in pieces or "issue" in pieces
        if not (chapter or numbered) or before.count("(") > before.count(")"):
            return False
    anchored = bool(ref.issued or ref.status or ref.title)
    if key == "issued" and not anchored and _a_titles_number(ref.raw, pieces):
        return False
    if key == "issued" and ref.title and ref.type != "article-journal":
        # a year the rules did not take from a titled book or web page is an access date,
        # a copyright or a number in its title, from whatever text the labeller read it
        return False
    if not policy["fill_unplaced_only"] or not anchored:
        return True
    # only what the rules left unplaced (or placed in a field the labeller replaced); a year
    # the rules did not take from an anchored reference is an access date or a copyright
    piece = _text(pieces.get(key, ""))
    leftovers = [_text(text) for text in ref.unparsed]
    if policy["fill_freed"]:
        leftovers += freed
    return key != "issued" and any(piece in text for text in leftovers)


def _rules_read_less(ref: ParsedReference, key: str, ours, theirs, policy: dict) -> bool:
    """The labeller's value is the rules' and more: taken only where ``extend`` allows ("all",
    "other": not in APA, "none"), and never when the more is the journal the rules read
    ("Title. J Abbrev." as one title)."""
    if not isinstance(ours, str) or not _text(theirs).startswith(_text(ours)):
        return False
    if ref.confidence.get(key, 1.0) < 0.5:
        return False  # a weak reading of the rules' is open to the labeller's longer one
    if policy["extend"] == "none" or policy["extend"] == "other" and ref.style == "apa":
        return True
    more = theirs[len(ours) :] if theirs.casefold().startswith(ours.casefold()) else ""
    more = more.strip(_STRIP)
    return bool(more and ref.container_title) and (
        _text(expand_journal(more)[0]) == _text(ref.container_title)
    )


def _expands_more(text: str, piece: str, ours) -> bool:
    """The rules' journal is the expansion of the labeller's piece with the word or two before
    it: the labeller read an abbreviation without its first word and expanded what was left."""
    start = text.find(piece) if piece else -1
    if start < 0 or not isinstance(ours, str):
        return False
    before = text[:start].split()
    for n in (1, 2):
        longer = " ".join([*before[len(before) - n :], piece]).strip(_STRIP)
        if len(before) >= n and _text(expand_journal(longer)[0]) == _text(ours):
            return True
    return False


def _known_lost(piece: str, ours, theirs) -> bool:
    """The rules' journal is one the journal list knows, and the labeller's is not, or is that
    journal with words of the title before it ("Symptoms, Journal of …"; "the and. AIDS
    Patient Care STDS")."""
    if not isinstance(ours, str) or not is_known_title(ours):
        return False
    if not is_known_title(theirs):
        return True
    if is_known_title(piece.strip(_STRIP), loose=False):
        return False  # the labeller's piece is a journal the list knows, whole
    end = known_journal_at_end(piece)
    # expand_journal gives a title typed in full back as typed
    return bool(end) and end != piece.strip(_STRIP) and _text(expand_journal(end)[0]) == _text(ours)


_DATE_WORDS = re.compile(rf"(?:[\s,.:;/-]*(?:{_MONTH}|\d{{1,4}}))+[\s,.:;]*", re.I)


def _adds_a_date(ours, theirs) -> bool:
    """The labeller's journal is the rules' with a month, a season or a day after it: the
    date of an MLA or Chicago issue ("Example Monthly Jan.-Feb. 2018") is no part of its name."""
    if not isinstance(ours, str) or not isinstance(theirs, str) or not ours:
        return False
    return theirs.startswith(ours) and bool(_DATE_WORDS.fullmatch(theirs[len(ours) :]))


def _may_cut(ref: ParsedReference, policy: dict) -> bool:
    """Whether the labeller may shorten a field of the rules' when it reads the rest as another
    field ("Title. Journal" read as one title): ``cut`` "all", "apa" (APA only) or "none"."""
    return policy["cut"] == "all" or policy["cut"] == "apa" and ref.style == "apa"


def _rest_read_by(ours: str, theirs: str, key: str, pieces: dict) -> list[str] | None:
    """When the labeller's value is the rules' with less (a title cut at its first full stop,
    a publisher's initials lost; or the same words punctuated otherwise, "Inc." and "Inc"):
    the labeller's other fields that read the rest (``pieces``: the text each was read from),
    ``[]`` when none does. ``None``: not the rules' value with less."""
    if not theirs or theirs not in ours:
        return None
    rest = ours.replace(theirs, " ", 1)
    return [
        other
        for other, value in pieces.items()
        if other != key and len(_text(value)) >= 4 and _text(value) in rest
    ]


def _clashes(taken: dict, placed: dict, policy: dict, locator_key: str) -> list[str]:
    """The labeller's values that overlap text the rules placed in another field they keep
    (``guard`` "kept") or in any other field (``guard`` "all")."""
    kept = {
        key: value
        for key, value in placed.items()
        if policy["guard"] == "all" or ("page" if key == locator_key else key) not in taken
    }
    return [
        key
        for key, value in taken.items()
        if _overlaps(_text(value), kept, locator_key if key == "page" else key)
        or policy["guard"] == "kept"
        and isinstance(value, str)
        and _overlaps(_text(expand_journal(value)[0]), kept, key)
    ]


def _text(value) -> str:
    if isinstance(value, list):
        value = " ".join(p.get("family") or p.get("literal", "") for p in value)
    elif isinstance(value, dict):
        value = " ".join(str(part) for part in (value.get("date-parts") or [[]])[0])
    return re.sub(r"\W+", "", str(value)).casefold()


def _overlaps(text: str, placed: dict[str, str], key: str) -> bool:
    for other, value in placed.items():
        if other == key or not value or not text:
            continue
        if text == value or (min(len(text), len(value)) >= 4 and (text in value or value in text)):
            return True
    return False


def _set(ref: ParsedReference, key: str, value, locator_key: str) -> None:
    if key == "page":
        key = locator_key
    if key == "issued":
        ref.issued = value
        return
    setattr(ref, _ATTRIBUTES.get(key, key), value)
