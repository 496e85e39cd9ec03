"""Hand-typing quirks applied to correctly labelled APA references (issue 13 §3).

An editor who typed APA by hand for ten years writes "J.C.", leaves out the comma before "&",
puts a comma between title and journal, types "41:8, 603-623", a "DOI:" prefix and a line
break, often all in one reference. Each :class:`Quirk` here rewrites a clean labelled reference
the way such an editor would and says how the expected fields change, so that the parser can
be measured (``bench/bench_references_quirks.py``) and property-tested on every combination.

Pure Python. A base item is ``{"raw": str, "expected": {CSL fields}}`` whose raw text has its
whitespace collapsed; a quirk returns the rewritten item, or ``None`` when the reference has
nothing it could change (a book has no journal to lower-case).
"""

from __future__ import annotations

import copy
import json
import random
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from digest.references.parsing import parse_reference
from digest.references.tests.evaluation import wild_field_values

DATA = Path(__file__).parent / "data"
# The sets whose APA-like references we own and labelled by hand (never the held-out ones).
SOURCES = (
    ("rendered", DATA / "labelled_references.json"),
    ("wild", DATA / "wild_references.json"),
    ("fresh", DATA / "wild_references_fresh.json"),
)
_YEAR = re.compile(r"\(\s*(?:(?:1[89]|20)\d\d[a-z]?|in press|n\.\s?d\.)[^()]{0,20}\)", re.I)
_DOI_LINK = re.compile(r"(?:https?://(?:dx\.)?doi\.org/|\bdoi\b\s*:?\s*)$", re.I)
_DOI_PREFIXES = (
    "DOI: ",
    "doi:",
    "https://dx.doi.org/",
    "",
    "doi: ",
    "DOI ",
    "Doi: ",
    "doi.org/",
    "http://doi.org/",
    "DOI:",
)
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212-"


@dataclass(frozen=True)
class Quirk:
    name: str
    changes: str  # how the expected fields change, in words
    apply: Callable[[dict, random.Random], dict | None]


def _item(raw: str, expected: dict) -> dict:
    return {"raw": raw, "expected": expected}


def _authors_end(raw: str) -> int:
    match = _YEAR.search(raw)
    return match.start() if match else -1


def _in_authors(pattern: str, repl: str, count: int = 0) -> Callable:
    def apply(item, rng):
        raw, end = item["raw"], _authors_end(item["raw"])
        if end <= 0:
            return None
        authors = re.sub(pattern, repl, raw[:end], count=count)
        if authors == raw[:end]:
            return None
        return _item(authors + raw[end:], item["expected"])

    return apply


def _article_tail(item: dict) -> tuple[int, int] | None:
    """The span of ", 48(1), 80–87" after the journal, when the text holds it as labelled."""
    want, raw = item["expected"], item["raw"]
    journal = want.get("container-title", "")
    if want.get("type") != "article-journal" or not journal or not want.get("volume"):
        return None
    start = raw.rfind(journal)
    if start < 0:
        return None
    after = start + len(journal)
    issue = rf"\s*\({re.escape(want['issue'])}\)" if want.get("issue") else ""
    tail = re.match(
        rf",\s*{re.escape(want['volume'])}{issue},\s*(?:Article\s+|pp?\.\s*)?"
        rf"[A-Za-z]{{0,2}}\d+(?:\s*[{_DASHES}]\s*[A-Za-z]{{0,2}}\d+)?"
        r"(?=\.(?:\s|$)|\s*$)",
        raw[after:],
    )
    if not tail:
        return None
    return after, after + tail.end()


def _title_and_journal(item: dict) -> tuple[int, int] | None:
    """(end of the title, start of the journal) when ". " joins them as labelled."""
    want, raw = item["expected"], item["raw"]
    title, journal = want.get("title", ""), want.get("container-title", "")
    if want.get("type") != "article-journal" or not title or not journal:
        return None
    found = raw.find(f"{title}. {journal}")
    if found < 0:
        return None
    return found + len(title), found + len(title) + 2


def _comma_before_journal(item, rng):
    span = _title_and_journal(item)
    if not span:
        return None
    raw = item["raw"]
    return _item(f"{raw[: span[0]]}, {raw[span[1] :]}", item["expected"])


def _journal_lower_case(item, rng):
    span = _title_and_journal(item)
    journal = item["expected"].get("container-title", "")
    if not span or journal == journal.lower():
        return None
    raw, start = item["raw"], span[1]
    want = copy.deepcopy(item["expected"])
    want["container-title"] = journal.lower()
    return _item(raw[:start] + journal.lower() + raw[start + len(journal) :], want)


def _volume_issue(*layouts: str) -> Callable:
    def apply(item, rng):
        want, span = item["expected"], _article_tail(item)
        if not span or not want.get("issue") or not want.get("page"):
            return None
        raw = item["raw"]
        page = re.sub(r"^pp?\.\s*", "", raw[span[0] : span[1]].rsplit(",", 1)[-1].strip())
        layout = rng.choice(layouts)
        tail = layout.format(volume=want["volume"], issue=want["issue"], page=page)
        if tail == raw[span[0] : span[1]]:
            return None  # "48(1), pp. 80-87" typed so already: the layout changes nothing
        return _item(raw[: span[0]] + tail + raw[span[1] :], want)

    return apply


def _doi_prefix(item, rng):
    want, raw = item["expected"], item["raw"]
    doi = want.get("DOI", "")
    at = raw.lower().rfind(doi.lower()) if doi else -1
    if at < 0 or raw.lower().count(doi.lower()) > 1:
        return None
    link = _DOI_LINK.search(raw[:at])
    start = link.start() if link else at
    prefix = rng.choice([p for p in _DOI_PREFIXES if p != raw[start:at]])
    return _item(raw[:start] + prefix + raw[at:], want)


def _online_first(item, rng):
    want, span = item["expected"], _article_tail(item)
    if not span or not want.get("DOI"):
        return None
    raw = item["raw"]
    words = rng.choice(
        (
            "Advance online publication",
            "Online First",
            "Online first",
            "Online First Publication",
            "Epub ahead of print",
            "Published online",
        )
    )
    rest = raw[span[1] :].lstrip(".").lstrip()
    want = {k: v for k, v in want.items() if k not in ("volume", "issue", "page", "number")}
    want["status"] = "advance online publication"
    return _item(f"{raw[: span[0]]}. {words}. {rest}", want)


def _reads_as_a_lost_dash(digits: str) -> bool:
    half = len(digits) // 2
    return (
        len(digits) in (6, 8)
        and digits[half] != "0"
        and 0 < int(digits[half:]) - int(digits[:half]) <= 40
    )


def _article_number(item, rng):
    want, span = item["expected"], _article_tail(item)
    if not span or not want.get("page") or want.get("number"):
        return None
    raw = item["raw"]
    digits = str(rng.randrange(1000, 999999))
    number = rng.choice((f"e{digits}", f"Article {digits}", f"Article e{digits}", digits))
    if number == digits and _reads_as_a_lost_dash(digits):
        # "281307" bare is as much pages 281-307 whose dash was lost, and the parser reads it
        # so (marked to check): the quirk's article number keeps its "e"
        number = f"e{digits}"
    volume = want["volume"] + (f"({want['issue']})" if want.get("issue") else "")
    want = {k: v for k, v in want.items() if k != "page"}
    want["number"] = number.removeprefix("Article ")
    return _item(f"{raw[: span[0]]}, {volume}, {number}{raw[span[1] :]}", want)


_ED = re.compile(r"\((?P<n>\d+)(?P<th>st|nd|rd|th) ed\.(?P<end>\)|, pp?\.)")


def _edition(item, rng):
    """A book's "(2nd ed.)" typed "(2nd edition)", ", 2nd Edition", "(2nd Ed.)" or "(2nd edn)"."""
    want, raw = item["expected"], item["raw"]
    match = _ED.search(raw)
    if want.get("type") not in ("book", "chapter") or not match:
        return None
    nth, end, after = f"{match['n']}{match['th']}", match["end"], raw[match.end() :]
    written = rng.choice(("edition", "Edition", "Ed.", "edn", ", Edition"))
    if written == ", Edition":
        before = raw[: match.start()].rstrip()
        if end == ")":
            return _item(f"{before}, {nth} Edition{after}", want)
        return _item(f"{before}, {nth} Edition ({end.lstrip(', ')}{after}", want)
    return _item(f"{raw[: match.start()]}({nth} {written}{end}{after}", want)


_CHAPTER_BOOK = re.compile(
    r"\bIn (?P<editors>[^()]+)\((?P<role>Eds?\.)\),"
    r"(?P<book>[^()]+?)\s*\((?P<inner>[^()]*pp\.[^()]*)\)"
)


def _chapter(item, rng):
    """In M. Lambert (Ed.) Book (6th ed.), pp. 219-257."""
    want, raw = item["expected"], item["raw"]
    match = _CHAPTER_BOOK.search(raw)
    if want.get("type") != "chapter" or not match:
        return None
    edition, pages = re.match(r"(.*?)[,\s]*(pp?\..*)", match["inner"]).groups()
    pages = pages.strip().replace("–", "-")
    if rng.random() < 0.3:
        pages = pages.replace("pp. ", "pp ")
    into = rng.choice(("In ", "In ", "In: "))
    role = match["role"] if rng.random() < 0.7 else match["role"].rstrip(".")
    book = f"{into}{match['editors'].strip()} ({role}){rng.choice(('', ','))}{match['book']}"
    if edition.strip():
        book += f" ({edition.strip()})"
    return _item(f"{raw[: match.start()]}{book}, {pages}{raw[match.end() :]}", want)


def _et_al(item, rng):
    """Keep the first names and write "et al." for the rest: the rest drop from the fields."""
    want, raw = item["expected"], item["raw"]
    people, end = want.get("author") or [], _authors_end(raw)
    if len(people) < 3 or end <= 0 or any("literal" in p for p in people):
        return None
    keep = rng.randrange(1, len(people) - 1)
    cut = 0
    for person in people[: keep + 1]:
        at = raw.find(person["family"], cut, end)
        if at < 0:
            return None
        cut = at + len(person["family"])
    start = raw.rfind(people[keep]["family"], 0, cut)
    head = raw[:start].rstrip().rstrip("&").rstrip().rstrip(",")
    if "..." in head or "…" in head or " and " in head[-6:]:
        return None
    want = copy.deepcopy(want)
    want["author"] = people[:keep]
    words = rng.choice((", et al.", " et al.", ", et al", ", et. al.", " et al"))
    return _item(f"{head}{words} {raw[end:]}", want)


def _at_random_space(repl: str, most: int) -> Callable:
    def apply(item, rng):
        raw = item["raw"]
        # not after a hyphen: "re-\nlaxation" is a word broken at a line end, another quirk
        spaces = [m.start() for m in re.finditer(r"(?<!-) ", raw)]
        if not spaces:
            return None
        chosen = set(rng.sample(spaces, rng.randint(1, min(most, len(spaces)))))
        text = "".join(repl if i in chosen else c for i, c in enumerate(raw))
        return _item(text, item["expected"])

    return apply


def _stop_after_doi(item, rng):
    doi = item["expected"].get("DOI", "")
    if not doi or not item["raw"].lower().endswith(doi.lower()):
        return None
    return _item(item["raw"] + ".", item["expected"])


_SMALL_WORDS = frozenset(
    ("a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "of", "on", "or")
    + ("the", "to", "with", "vs")
)


def _title_case(item, rng):
    """APA 6 typed with every main word of the title capitalised: the title changes."""
    want, raw = item["expected"], item["raw"]
    title = want.get("title", "")
    if not title or raw.count(title) != 1 or want.get("type") not in ("article-journal", "book"):
        return None
    words = title.split(" ")
    cased = " ".join(
        w if not w[:1].islower() or (i and w in _SMALL_WORDS) else w[0].upper() + w[1:]
        for i, w in enumerate(words)
    )
    if cased == title:
        return None
    want = copy.deepcopy(want)
    want["title"] = cased
    return _item(raw.replace(title, cased), want)


def _no_final_stop(item, rng):
    raw = item["raw"]
    if not raw.endswith(".") or raw.endswith(" ed.") or raw.endswith("al."):
        return None
    return _item(raw[:-1], item["expected"])


def _hyphen_for_dash(item, rng):
    want, raw = item["expected"], item["raw"]
    page = want.get("page", "")
    at = raw.rfind(page) if "–" in page else -1
    if at < 0:
        return None
    return _item(raw[:at] + page.replace("–", "-") + raw[at + len(page) :], want)


# In the order they are applied when combined: layouts first, then typing slips.
QUIRKS = (
    Quirk("et al. in the list", "the authors after it drop", _et_al),
    Quirk("online first, DOI only", "no volume, issue or pages; status set", _online_first),
    Quirk("e-number or article number", "pages become the number", _article_number),
    Quirk("edition (2nd edition) / , 2nd Edition", "none", _edition),
    Quirk("title in title case", "the title is as typed", _title_case),
    Quirk("chapter In Ed. (Ed.) Book (6th ed.), pp.", "none", _chapter),
    Quirk("comma between title and journal", "none", _comma_before_journal),
    Quirk("journal in lower case", "the journal is as typed", _journal_lower_case),
    Quirk(
        "vol(issue):pages",
        "none",
        _volume_issue(
            ", {volume}({issue}):{page}",
            ", {volume}({issue}): {page}",
            ", {volume} ({issue}):{page}",
            ", {volume} ({issue}), {page}",
        ),
    ),
    Quirk(
        "vol:issue, pages",
        "none",
        _volume_issue(", {volume}:{issue}, {page}", ", {volume}: {issue}, {page}"),
    ),
    Quirk(
        "Vol. / No. / pp. words",
        "none",
        _volume_issue(
            ", Vol. {volume}, No. {issue}, pp. {page}",
            ", Vol {volume}({issue}), pp. {page}",
            ", {volume}({issue}), pp. {page}",
            ", Vol. {volume}, Issue {issue}, {page}",
        ),
    ),
    Quirk("DOI: / doi: / dx.doi.org / bare DOI", "none", _doi_prefix),
    Quirk("initials without spaces", "none", _in_authors(r"\b([A-Z]\.)\s+(?=[A-Z]\.)", r"\1")),
    Quirk("no comma before &", "none", _in_authors(r",\s*&", " &")),
    Quirk("and for &", "none", _in_authors(r"\s&\s", " and ")),
    Quirk("hyphen for the en dash", "none", _hyphen_for_dash),
    Quirk("full stop after the DOI", "none", _stop_after_doi),
    Quirk("no final full stop", "none", _no_final_stop),
    Quirk("line break at a random space", "none", _at_random_space("\n", 2)),
    Quirk("doubled spaces", "none", _at_random_space("  ", 3)),
)
BY_NAME = {q.name: q for q in QUIRKS}


def apply_quirks(item: dict, names, rng: random.Random) -> tuple[dict, list[str]]:
    """Apply the named quirks in :data:`QUIRKS` order; returns the item and those that applied."""
    applied = []
    for quirk in QUIRKS:
        if quirk.name in names:
            changed = quirk.apply(item, rng)
            if changed is not None:
                item, applied = changed, [*applied, quirk.name]
    return item, applied


def _clean(raw: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", raw)).strip()


def right_fields(item: dict) -> dict[str, bool]:
    """Per scored field (either side non-empty): does the parse give the labelled value?"""
    want = wild_field_values(item["expected"])
    got = wild_field_values(parse_reference(item["raw"]).to_csl())
    return {k: want[k] == got[k] for k in want if want[k] or got[k]}


def base_items() -> list[dict]:
    """The APA-like references we own, whitespace collapsed, that the parser reads exactly.

    Only those: a quirk is then the only reason a field goes wrong. Each item keeps its source.
    """
    out = []
    for source, path in SOURCES:
        document = json.loads(path.read_text(encoding="utf-8"))
        items = document if isinstance(document, list) else document["items"]
        for item in items:
            if item.get("style", "apa") != "apa" or _authors_end(_clean(item["raw"])) <= 0:
                continue
            base = {"raw": _clean(item["raw"]), "expected": item["expected"], "source": source}
            if all(right_fields(base).values()):
                out.append(base)
    return out


def combined_sample(bases: list[dict], seed: int, most: int = 6) -> list[tuple[dict, list[str]]]:
    """For each base item, one random combination of 2 to ``most`` quirks that apply to it.

    Seeded and deterministic for a given base list; the quirks that took effect are returned
    with each item (one may undo another's chance: no pages are left for an e-number after
    "online first").
    """
    rng = random.Random(seed)
    out = []
    for base in bases:
        fits = [q.name for q in QUIRKS if q.apply(base, random.Random(0)) is not None]
        for count in range(2, min(most, len(fits)) + 1):
            out.append(apply_quirks(base, set(rng.sample(fits, count)), rng))
    return out
