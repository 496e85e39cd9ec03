"""BibTeX, RIS and CSL-JSON for a list of CSL-JSON items, written by bibtexparser and rispy.

Pure Python (no Django); the views in views.py choose the items and the file name.
"""

from __future__ import annotations

import json
import re
import unicodedata

import bibtexparser
import rispy
from bibtexparser.model import Entry, Field

__all__ = ["FORMATS", "to_bibtex", "to_csl_json", "to_ris"]

_BIBTEX_TYPES = {"article-journal": "article", "book": "book", "chapter": "incollection"}
_RIS_TYPES = {"article-journal": "JOUR", "book": "BOOK", "chapter": "CHAP", "report": "RPRT"}
_DASHES = re.compile(r"\s*[\u2010-\u2015\u2212-]\s*")
# Every character a reader may take for the end of a line: RIS is line-based, so a value
# holding one could start a new tag ("ER  -" closes the record) and smuggle in a record.
_LINE_BREAKS = re.compile(r"[ \t]*[\r\n\v\f\x1c-\x1e\x85\u2028\u2029]+[ \t]*")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def _fold(value):
    """One line of printable text: line breaks become spaces, control characters go."""
    if isinstance(value, str):
        return _CONTROL.sub("", _LINE_BREAKS.sub(" ", value)).strip()
    if isinstance(value, list):
        return [_fold(v) for v in value]
    if isinstance(value, dict):
        return {k: _fold(v) for k, v in value.items()}
    return value


def _balanced(value: str) -> bool:
    depth = 0
    for char in value:
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth < 0:
            return False
    return depth == 0


def _bibtex_safe(value: str) -> str:
    """A value that cannot close its BibTeX field: BibTeX ends a field at the brace that
    balances its opening one, so unbalanced braces become parentheses; a backslash could
    escape the closing brace in some readers, so it is written as a command."""
    value = _fold(value).replace("\\", "\\textbackslash{}")
    if not _balanced(value):
        value = value.replace("{", "(").replace("}", ")")
    return value


def _name(person: dict) -> str:
    if person.get("literal"):
        return person["literal"]
    given = person.get("given", "")
    family = person.get("family", "")
    suffix = person.get("suffix", "")
    return ", ".join(p for p in (family, suffix, given) if p) if suffix else f"{family}, {given}"


def _year(item: dict) -> str:
    parts = (item.get("issued") or {}).get("date-parts") or [[None]]
    return str(parts[0][0]) if parts and parts[0] and parts[0][0] else ""


def _pages(item: dict) -> tuple[str, str]:
    first, _, last = _DASHES.sub("-", item.get("page", "")).partition("-")
    return first, last


def _bibtex_name(person: dict) -> str:
    # Braces keep a group author or a particle surname in one piece for BibTeX's name parser.
    if person.get("literal"):
        return "{" + person["literal"] + "}"
    family = person.get("family", "")
    if " " in family or family[:1].islower():
        family = "{" + family + "}"
    return _name({**person, "family": family})


_CAPITALISED = re.compile(r"(?<=\s)([^\s{}]*[A-Z][^\s{}]*)")


def _protect_case(title: str) -> str:
    """Brace every capitalised word but the first, as Zotero does: BibTeX styles lowercase
    titles, which would turn "the Working Alliance Inventory" or "PTSD" into lower case."""
    return _CAPITALISED.sub(r"{\1}", title)


def _citation_key(item: dict, taken: set[str]) -> str:
    people = item.get("author") or item.get("editor") or [{}]
    first = people[0].get("family") or people[0].get("literal") or "anon"
    word = next((w for w in re.findall(r"\w+", item.get("title", "")) if len(w) > 3), "")
    stem = unicodedata.normalize("NFKD", f"{first}{_year(item)}{word}")
    stem = re.sub(r"[^a-z0-9]", "", stem.encode("ascii", "ignore").decode().lower()) or "ref"
    key, n = stem, 0
    while key in taken:
        n += 1
        key = f"{stem}{chr(96 + n) if n < 27 else n}"
    taken.add(key)
    return key


def to_bibtex(items: list[dict]) -> str:
    library = bibtexparser.Library()
    taken: set[str] = set()
    for item in items:
        item = _bibtex_item(item)
        first, last = _pages(item)
        kind = item.get("type", "article-journal")
        container = "journal" if kind == "article-journal" else "booktitle"
        values = {
            "author": " and ".join(_bibtex_name(p) for p in item.get("author", [])),
            "editor": " and ".join(_bibtex_name(p) for p in item.get("editor", [])),
            "title": _protect_case(item.get("title", "")),
            container: item.get("container-title", ""),
            "year": _year(item),
            "volume": item.get("volume", ""),
            "number": item.get("issue", ""),
            "pages": f"{first}--{last}" if last else first,
            "eid": item.get("number", ""),
            "edition": item.get("edition", ""),
            "publisher": item.get("publisher", ""),
            "address": item.get("publisher-place", ""),
            "doi": item.get("DOI", ""),
            "url": item.get("URL", ""),
            "pubstate": item.get("status", ""),
        }
        fields = [Field(k, v) for k, v in values.items() if v]
        entry = Entry(_BIBTEX_TYPES.get(kind, "misc"), _citation_key(item, taken), fields)
        library.add(entry)
    return bibtexparser.write_string(library)


def _bibtex_item(item: dict) -> dict:
    def clean(value):
        if isinstance(value, str):
            return _bibtex_safe(value)
        if isinstance(value, list):
            return [clean(v) for v in value]
        if isinstance(value, dict):
            return {k: clean(v) for k, v in value.items()}
        return value

    return clean(item)


class _RisWriter(rispy.RisWriter):
    def set_header(self, count):
        return ""  # rispy numbers each record ("1."); RIS readers do not expect that line


def to_ris(items: list[dict]) -> str:
    entries = []
    for item in items:
        item = _fold(item)
        first, last = _pages(item)
        kind = item.get("type", "article-journal")
        edited_book = kind == "book" and not item.get("author") and item.get("editor")
        entry = {
            "type_of_reference": "EDBOOK" if edited_book else _RIS_TYPES.get(kind, "GEN"),
            "authors": [_name(p) for p in item.get("author") or item.get("editor", [])],
            "secondary_authors": [] if edited_book else [_name(p) for p in item.get("editor", [])],
            "title": item.get("title", ""),
            "secondary_title": item.get("container-title", ""),
            "year": _year(item),
            "volume": item.get("volume", ""),
            "number": item.get("issue", ""),
            # RIS has no article-number tag; Zotero and EndNote read it from SP.
            "start_page": first or item.get("number", ""),
            "end_page": last,
            "edition": item.get("edition", ""),
            "publisher": item.get("publisher", ""),
            "place_published": item.get("publisher-place", ""),
            "doi": item.get("DOI", ""),
            "urls": [item["URL"]] if item.get("URL") else [],
            "notes": [item["status"]] if item.get("status") else [],
        }
        if kind == "article-journal" and item.get("container-title"):
            entry["journal_name"] = item["container-title"]
        entries.append({k: v for k, v in entry.items() if v})
    return rispy.dumps(entries, implementation=_RisWriter)


def to_csl_json(items: list[dict]) -> str:
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"


# format name → (writer, media type, file extension)
FORMATS = {
    "bib": (to_bibtex, "application/x-bibtex", "bib"),
    "ris": (to_ris, "application/x-research-info-systems", "ris"),
    "json": (to_csl_json, "application/vnd.citationstyles.csl+json", "json"),
}
