"""Spellings of one word that should find each other: British and American forms, the -ise/-ize
family of a word (mentalization, mentalizing, mentalisation…) and closed compounds
(wellbeing, selfharm) beside their two-word form; and the few word families every engine's
stemmer would confuse with another word, folded into one token (`fold_text`).

Pure Python. The query parser (query.py) searches each word as any of its variants, so the folding
is the same on every engine (SQLite FTS5, PostgreSQL, OpenSearch/Elasticsearch): each indexes the
words as written, and the query asks for every spelling at once. A rule may produce a string
that is no word at all ("factour"); it then matches nothing and costs one failed term look-up.

`fold_text` is applied to the text indexed (folding.py) and to every word searched (query.py),
so it too is the same on every engine; changing FOLDED means re-indexing (`update_index`).
"""

import re
from functools import lru_cache

# Word families the stemmers reduce to a more common word: Porter (SQLite FTS5) and PostgreSQL's
# english stemmer turn mentalization, mentalizing and mentalize into "mental", the stem of
# "mental health", and leave mentalisation as "mentalis". Every member of a family is written,
# in the indexed text and in the query alike, as one token that no stemmer changes.
FOLDED = [
    ("mentaliz", r"mentali[sz](?:e|es|ed|ing|ation|ations|er|ers)?"),
]
_FOLDED = [(token, re.compile(rf"\b{pattern}\b", re.IGNORECASE)) for token, pattern in FOLDED]

# Whole-word or word-start spellings no rule covers (British first).
PAIRS = [
    ("judgement", "judgment"),
    ("ageing", "aging"),
    ("acknowledgement", "acknowledgment"),
    ("sceptical", "skeptical"),
    ("scepticism", "skepticism"),
    ("grey", "gray"),
    ("practise", "practice"),
    ("practised", "practiced"),
    ("practising", "practicing"),
    ("enrolment", "enrollment"),
    ("enrol", "enroll"),
    ("fulfil", "fulfill"),
    ("fulfilment", "fulfillment"),
    ("skilful", "skillful"),
    ("wilful", "willful"),
    ("instil", "instill"),
    ("defence", "defense"),
    ("defences", "defenses"),
    ("offence", "offense"),
    ("licence", "license"),
    ("pretence", "pretense"),
    ("centre", "center"),
    ("centres", "centers"),
    ("fibre", "fiber"),
    ("theatre", "theater"),
    ("metre", "meter"),
    ("dialogue", "dialog"),
    ("catalogue", "catalog"),
    ("analogue", "analog"),
    ("programme", "program"),
    ("programmes", "programs"),
    ("diarrhoea", "diarrhea"),
    ("manoeuvre", "maneuver"),
    ("mould", "mold"),
]
# Word beginnings spelt with a digraph in British English (paediatric, haemorrhage, oestrogen).
ROOTS = [
    ("orthopaed", "orthoped"),
    ("paed", "ped"),
    ("anaem", "anem"),
    ("anaes", "anes"),
    ("haem", "hem"),
    ("leukaem", "leukem"),
    ("gynaec", "gynec"),
    ("oesoph", "esoph"),
    ("oestr", "estr"),
    ("foet", "fet"),
]
# First halves of compounds written closed, hyphenated or open (selfharm, self-harm, self harm).
COMPOUND_HEADS = (
    "self",
    "well",
    "non",
    "co",
    "post",
    "pre",
    "counter",
    "over",
    "under",
    "follow",
    "long",
    "short",
    "cross",
    "multi",
    "anti",
    "after",
    "mind",
    "psycho",
)

_HEADS = sorted(COMPOUND_HEADS, key=len, reverse=True)  # "counter" before "co"
_PAIRS = {}
for _british, _american in PAIRS:
    _PAIRS.setdefault(_british, set()).add(_american)
    _PAIRS.setdefault(_american, set()).add(_british)

_IZE = re.compile(r"^(\w{4,}?)i[sz](e|es|ed|ing|ation|ations|er|ers)$")
_IZE_FAMILY = ("e", "ed", "ing", "ation")
_YSE = re.compile(r"^(\w{3,})y[sz](e|es|ed|ing|er|ers)$")
_OUR = re.compile(r"^(\w{3,})our(s|ed|ing|al|ally|ist|ists|ite|ites|able|ably|less|hood)?$")
_OR = re.compile(
    r"^(\w{2,}[vlmbngpdi])or(s|ed|ing|al|ally|ist|ists|ite|ites|able|ably|less|hood)?$"
)
_DOUBLE_L = re.compile(r"^(\w{3,}[aeiou])ll(ing|ed|er|ers|or|ors)$")
_SINGLE_L = re.compile(r"^(\w{3,}[aeiou])l(ing|ed|er|ers|or|ors)$")


@lru_cache(maxsize=20_000)
def spellings(word: str) -> tuple[str, ...]:
    """Other spellings of a lower-case `word` (not the word itself), most likely first."""
    found = list(_PAIRS.get(word, ()))
    match = _IZE.match(word)
    if match:
        stem, ending = match.groups()
        other = "s" if word[len(stem) + 1] == "z" else "z"
        found.append(f"{stem}i{other}{ending}")
        # The whole family: a reader asking for "mentalization" wants "mentalizing" too.
        found += [f"{stem}i{z}{suffix}" for z in "zs" for suffix in _IZE_FAMILY]
    match = _YSE.match(word)
    if match:
        stem, ending = match.groups()
        other = "s" if word[len(stem) + 1] == "z" else "z"
        found.append(f"{stem}y{other}{ending}")
    match = _DOUBLE_L.match(word) or _SINGLE_L.match(word)
    if match:
        stem, ending = match.groups()
        doubled = word[len(stem) : len(word) - len(ending)] == "ll"
        found.append(f"{stem}{'l' if doubled else 'll'}{ending}")
    match = _OUR.match(word)
    if match:
        found.append(f"{match.group(1)}or{match.group(2) or ''}")
    match = _OR.match(word)
    if match and not word.endswith("our"):
        found.append(f"{match.group(1)}our{match.group(2) or ''}")
    for british, american in ROOTS:
        if word.startswith(british):
            found.append(american + word[len(british) :])
        elif word.startswith(american) and len(word) > len(american) + 2:
            found.append(british + word[len(american) :])
    return tuple(dict.fromkeys(f for f in found if f != word))


def open_compound(word: str) -> tuple[str, str] | None:
    """("self", "harm") for "selfharm": a closed compound's two words, if it starts with a
    common first half and the rest is a word-sized remainder; else None."""
    for head in _HEADS:
        rest = word[len(head) :]
        if not word.startswith(head) or len(rest) < max(4, 7 - len(head)) or not rest.isalpha():
            continue
        # "co" starts countless words (cognitive, control): only co-occurring, co-morbid…
        if head != "co" or rest[0] in "aeiou" or rest.startswith("morbid"):
            return head, rest
    return None


def fold_text(text: str) -> str:
    """`text` with each member of a FOLDED family written as the family's token:
    "Mentalization-based treatment" → "mentaliz-based treatment"."""
    for token, pattern in _FOLDED:
        text = pattern.sub(token, text)
    return text
