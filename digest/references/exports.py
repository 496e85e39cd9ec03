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


class _RisWriter(rispy.RisWriter):
    def set_header(self, count):
        return ""  # rispy numbers each record ("1."); RIS readers do not expect that line


def to_ris(items: list[dict]) -> str:
    entries = []
    for item in items:
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
