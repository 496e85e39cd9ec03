"""Abbreviations a text defines ("borderline personality disorder (BPD)" → BPD, borderline
personality disorder), by the Schwartz–Hearst algorithm.

Pure Python, no Django. Schwartz, A. S., & Hearst, M. A. (2003). A simple algorithm for
identifying abbreviation definitions in biomedical text. Pacific Symposium on Biocomputing, 8,
451–462. A candidate is a short form in parentheses after its long form (or the reverse,
"BPD (borderline personality disorder)"); the long form is the shortest run of preceding words
in which every letter and digit of the short form appears in order, its first character
starting a word. We write it rather than install the `abbreviations` package (last released in
2019): it is forty lines.
"""

import re
from dataclasses import dataclass

PARENTHESIS = re.compile(r"\(([^()]{1,120})\)")
WORD = re.compile(r"\S+")


@dataclass(frozen=True)
class Abbreviation:
    short: str  # as written: "BPD"
    long: str  # as written, without surrounding punctuation: "borderline personality disorder"


def is_short_form(text: str) -> bool:
    """An abbreviation-like token: 2–10 characters, one or two words, starting with a letter or
    digit, holding at least two capitals (BPD, MBT, ToM): "(n = 40)" or "(2019)" are not."""
    words = text.split()
    return (
        2 <= len(text) <= 10
        and len(words) <= 2
        and text[0].isalnum()
        and sum(ch.isupper() for ch in text) >= 2
    )


def best_long_form(short: str, long: str) -> str | None:
    """The shortest tail of `long` that accounts for every letter and digit of `short`, in
    order, the short form's first character starting a word (Schwartz & Hearst, fig. 2)."""
    s, i = len(short) - 1, len(long) - 1
    while s >= 0:
        char = short[s].lower()
        if not char.isalnum():
            s -= 1
            continue
        while i >= 0 and (long[i].lower() != char or (s == 0 and i > 0 and long[i - 1].isalnum())):
            i -= 1
        if i < 0:
            return None
        i -= 1
        s -= 1
    start = long.rfind(" ", 0, i + 1) + 1
    return long[start:]


def _pair(short: str, preceding: str) -> Abbreviation | None:
    short = short.strip()
    if not is_short_form(short):
        return None
    # At most min(|A| + 5, 2|A|) words before the parenthesis can be the long form.
    words = WORD.findall(preceding)
    window = words[-min(len(short) + 5, 2 * len(short)) :]
    long = best_long_form(short, " ".join(window))
    if not long:
        return None
    long = long.strip(" \t,;:-–—\"'“”‘’")
    long_words = long.split()
    if (
        len(long) <= len(short)
        or short.lower() in long.lower().split()
        or len(long_words) > min(len(short) + 5, 2 * len(short))
        or not long[0].isalnum()
    ):
        return None
    return Abbreviation(short, " ".join(long_words))


def find_abbreviations(text: str) -> list[Abbreviation]:
    """Every abbreviation `text` defines, in order of appearance, each pair once."""
    found = []
    for sentence in re.split(r"(?<=[.!?])\s+(?=[A-Z])", text or ""):
        for match in PARENTHESIS.finditer(sentence):
            inside = match.group(1).strip()
            # "(BPD; American Psychiatric Association, 2013)": the first item is the candidate.
            first = re.split(r"[;,]\s", inside, maxsplit=1)[0].strip()
            before = sentence[: match.start()]
            pair = _pair(first, before)
            if pair is None and len(inside.split()) > 2:
                # The reverse order: "BPD (borderline personality disorder)".
                words = WORD.findall(before)
                if words:
                    candidate = words[-1].strip(",;:")
                    if is_short_form(candidate):
                        long = best_long_form(candidate, inside)
                        if (
                            long
                            and long.lower() != candidate.lower()
                            and len(long) > len(candidate)
                        ):
                            pair = Abbreviation(candidate, " ".join(long.split()))
            if pair is not None and pair not in found:
                found.append(pair)
    return found
