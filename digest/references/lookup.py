"""Optional DOI look-up (Crossref) for a reference pasted as a DOI alone.

Off unless settings.REFERENCES_DOI_LOOKUP is true (environment variable of the same name);
off in tests. Any failure (network, timeout, odd answer) returns None: the editor fills the
fields by hand, nothing else breaks.
"""

from __future__ import annotations

import json
import logging
import re
import urllib.parse
import urllib.request

from django.conf import settings

from .parsing import ParsedReference

logger = logging.getLogger(__name__)
CROSSREF = "https://api.crossref.org/works/"
TIMEOUT_SECONDS = 4
_TYPES = {"journal-article": "article-journal", "book-chapter": "chapter", "book": "book"}


def _initials(given: str) -> str:
    # APA lists authors by initials: "Jeremy D." → "J. D.", "Chia-Chiang" → "C.-C."
    parts = []
    for word in given.split():
        pieces = [p for p in word.split("-") if p]
        parts.append("-".join(f"{p[0]}." for p in pieces))
    return " ".join(parts)


def _people(people) -> list[dict]:
    out = []
    for person in people or []:
        if person.get("family"):
            name = {"family": person["family"]}
            if person.get("given"):
                name["given"] = _initials(person["given"])
            out.append(name)
        elif person.get("name"):
            out.append({"literal": person["name"]})
    return out


def from_crossref(message: dict, raw: str = "") -> ParsedReference:
    """A ParsedReference from a Crossref `message` object."""
    ref = ParsedReference(raw=raw)
    ref.type = _TYPES.get(message.get("type", ""), "article-journal")
    ref.author = _people(message.get("author"))
    ref.editor = _people(message.get("editor"))
    for key in ("published-print", "published-online", "issued"):
        parts = (message.get(key) or {}).get("date-parts") or [[None]]
        if parts[0] and parts[0][0]:
            ref.issued = {"date-parts": [[int(parts[0][0])]]}
            break
    ref.title = " ".join((message.get("title") or [""])[0].split())
    ref.container_title = (message.get("container-title") or [""])[0]
    ref.volume = str(message.get("volume", ""))
    ref.issue = str(message.get("issue", ""))
    page = str(message.get("page", ""))
    ref.page = re.sub(r"\s*-\s*", "\u2013", page)
    ref.number = str(message.get("article-number", ""))
    ref.publisher = message.get("publisher", "") if ref.type != "article-journal" else ""
    ref.DOI = message.get("DOI", "")
    ref.confidence = dict.fromkeys(("author", "title", "container-title", "DOI"), 0.9)
    return ref


def lookup_doi(doi: str) -> ParsedReference | None:
    if not getattr(settings, "REFERENCES_DOI_LOOKUP", False) or not doi:
        return None
    url = CROSSREF + urllib.parse.quote(doi, safe="/:")
    request = urllib.request.Request(url, headers={"User-Agent": "PracticeDigest/1.0"})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310
            message = json.load(response)["message"]
        return from_crossref(message, raw=doi)
    except Exception:  # fail soft: the look-up is a convenience, never a requirement
        logger.warning("DOI look-up failed for %s", doi, exc_info=True)
        return None


# The fields the admin compares with Crossref, as the reference form names them.
COMPARED = (
    "authors",
    "year",
    "title",
    "container_title",
    "volume",
    "issue",
    "pages",
    "article_number",
)
_DASHES = re.compile(r"\s*[\u2010-\u2015\u2212-]\s*")
_SPACE = re.compile(r"\s+")


def _people_text(people) -> str:
    return "; ".join(
        p.get("literal") or ", ".join(x for x in (p.get("family", ""), p.get("given", "")) if x)
        for p in people or []
    )


def _comparable(name: str, value) -> str:
    """A value as a reader compares it: case, spacing, dashes and a final stop do not count."""
    if name in ("authors", "editors"):
        value = _people_text(value)
    text = _DASHES.sub("-", _SPACE.sub(" ", str(value or ""))).strip().rstrip(".")
    return text.casefold()


def differences(parsed: dict, found: ParsedReference) -> list[dict]:
    """Field by field, where Crossref's record disagrees with the parsed reference.

    `parsed` holds the reference form's fields (as the parse endpoint returns them). A field
    Crossref leaves empty is not a disagreement; a field the parse left empty is (the editor
    may want Crossref's value). Nothing is overwritten here: the admin shows both values.
    """
    crossref = {
        "authors": found.author,
        "year": found.year,
        "title": found.title,
        "container_title": found.container_title,
        "volume": found.volume,
        "issue": found.issue,
        "pages": found.page,
        "article_number": found.number,
    }
    out = []
    for name in COMPARED:
        theirs = crossref[name]
        if theirs in (None, "", []):
            continue
        mine = parsed.get(name)
        if _comparable(name, mine) != _comparable(name, theirs):
            shown = _people_text if name == "authors" else str
            out.append(
                {
                    "field": name,
                    "parsed": shown(mine) if mine not in (None, []) else "",
                    "crossref": shown(theirs),
                    "value": theirs,
                }
            )
    return out
