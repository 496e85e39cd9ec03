"""Build anystyle_gold.json from AnyStyle's hand-labelled parser gold set (run from anywhere).

AnyStyle (https://github.com/inukshuk/anystyle, BSD-2-Clause) keeps real references labelled
segment by segment in XML (``res/parser/gold.xml``): each ``<sequence>`` holds the pieces of one
reference in order, each piece tagged (author, date, title, container-title, volume, ...). This
script turns each sequence into an item of our labelled sets (``make_wild.py``'s format): the raw
string (the pieces joined by single spaces, XML entities decoded, a leading citation number left
out as our sets leave it out) and its CSL fields, read from the tagged pieces:

- author / editor: the people, split as our sets split them (``_people``; ``OVERRIDES`` for the
  few strings the rules misread); "---" (the same authors as above) is no author.
- date: the year (``issued``); title, container-title: without quotes and the closing stop.
- volume: the volume, and the issue or year it also holds ("2009;108(2):", "vol. 21, no 12",
  "No. 83" is an issue); pages: the locator without "pp."; a book's "200 p." is no locator.
- edition: its number; publisher; location → publisher-place; doi → DOI (a dx.doi.org
  address too); url → URL.
- note, isbn: no field; their words stay in the raw string, unlabelled ("other"), as our sets
  leave "Retrieved from" and the like.

A sequence is left out when it holds a tag we cannot represent without teaching wrong labels
(``DROP_TAGS``: a translator, a genre, a series), a field twice (two references run together,
or a year repeated), a date without a four-digit year, or a volume we cannot read.

The XML is not kept here (only the facts it holds): save it somewhere and name it:

    python digest/references/tests/data/make_anystyle.py /tmp/gold.xml
"""

from __future__ import annotations

import json
import re
import sys
import xml.etree.ElementTree as ET  # noqa: S405 - a saved copy of a known public file
from pathlib import Path

HERE = Path(__file__).resolve().parent
TARGET = HERE / "anystyle_gold.json"
SOURCE = {
    "repository": "https://github.com/inukshuk/anystyle",
    "path": "res/parser/gold.xml",
    "commit": "e44e37305bd3d59401f55b22fc70af56750ee6d6",
    "licence": "BSD-2-Clause",
    # The notice, conditions and disclaimer of the repository's LICENSE, which its terms ask
    # a redistribution to keep.
    "licence_text": (
        "Copyright 2011-2012 Sylvester Keil. All rights reserved. Redistribution and use in "
        "source and binary forms, with or without modification, are permitted provided that "
        "the following conditions are met: 1. Redistributions of source code must retain the "
        "above copyright notice, this list of conditions and the following disclaimer. 2. "
        "Redistributions in binary form must reproduce the above copyright notice, this list "
        "of conditions and the following disclaimer in the documentation and/or other "
        "materials provided with the distribution. THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT "
        "HOLDER ``AS IS'' AND ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED "
        "TO, THE IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE "
        "ARE DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE FOR "
        "ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL DAMAGES "
        "(INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR SERVICES; LOSS OF "
        "USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER CAUSED AND ON ANY THEORY OF "
        "LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY, OR TORT (INCLUDING NEGLIGENCE OR "
        "OTHERWISE) ARISING IN ANY WAY OUT OF THE USE OF THIS SOFTWARE, EVEN IF ADVISED OF "
        "THE POSSIBILITY OF SUCH DAMAGE."
    ),
}
DROP_TAGS = {"translator", "director", "genre", "collection-title", "producer", "medium"}
KEEP_AS_OTHER = {"note", "isbn"}
FIELD_TAGS = {
    "author",
    "editor",
    "date",
    "title",
    "container-title",
    "journal",
    "volume",
    "pages",
    "edition",
    "publisher",
    "location",
    "doi",
    "url",
}
# Sequences left out by number: their labels cannot be put in our fields.
DROP_SEQUENCES = {300: "initials on both sides of the family names ('J Kaplin I')"}
# People strings the rules below misread, read by hand: (family, given) pairs, given "" for
# none; a suffix after a comma in the given name ("William Kurtz, Jr.").
OVERRIDES: dict[str, list[tuple[str, str]]] = {
    "SCHELLEKENS, Gerard A., Ben AW DE JONG, Frank HJ VAN DEN HOOGEN, L. B. VAN DE PUTTE a "
    "Walther J. VAN VENROOIJ,": [
        ("SCHELLEKENS", "Gerard A."),
        ("DE JONG", "Ben AW"),
        ("VAN DEN HOOGEN", "Frank HJ"),
        ("VAN DE PUTTE", "L. B."),
        ("VAN VENROOIJ", "Walther J."),
    ],
    "Chiba, Nakanishi, Fukuda & Yata": [
        ("Chiba", ""),
        ("Nakanishi", ""),
        ("Fukuda", ""),
        ("Yata", ""),
    ],
    "Schindler, D. W., andj. P. Smol.": [("Schindler", "D. W."), ("Smol", "J. P.")],
    "Brunnée Jutta, Toope Stephen,": [("Brunnée", "Jutta"), ("Toope", "Stephen")],
    "J Kaplin I, J Whiteley K.": [("Kaplin", "I. J."), ("Whiteley", "K. J.")],
    "Baron- Cohen, S. Wheelwright, S. Hill, J. Raste, Y. & Plumb, I.": [
        ("Baron- Cohen", "S."),
        ("Wheelwright", "S."),
        ("Hill", "J."),
        ("Raste", "Y."),
        ("Plumb", "I."),
    ],
    "Henderson, D. A. Jr. And Card, S. K.": [("Henderson", "D. A., Jr."), ("Card", "S. K.")],
    "Wimsatt Jr., William Kurtz.": [("Wimsatt", "William Kurtz, Jr.")],
    # the string's first word belongs to the names as typed, whatever its source meant
    "Wellman Kephart, J. O., Hogg, T., & Huberman, B. A.": [
        ("Wellman Kephart", "J. O."),
        ("Hogg", "T."),
        ("Huberman", "B. A."),
    ],
    "Ling Tony Chen, R. Drach, M. Keating, S . Louis, Doron Rotem, Arie Shoshani,": [
        ("Chen", "Ling Tony"),
        ("Drach", "R."),
        ("Keating", "M."),
        ("Louis", "S ."),
        ("Rotem", "Doron"),
        ("Shoshani", "Arie"),
    ],
    "Paul Hudak, Simon Peyton Jones, and Philip Wadler.": [
        ("Hudak", "Paul"),
        ("Peyton Jones", "Simon"),
        ("Wadler", "Philip"),
    ],
    "Aleni, G. SJ.": [("Aleni", "G. SJ")],
}
_PARTICLES = {"van", "von", "de", "der", "den", "del", "della", "di", "du", "le", "la", "da"}
_YEAR = re.compile(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)")
_QUOTES = "\"'“”‘’«»`„"


def _clean(text: str) -> str:
    """A piece's text as typed: inline markup left in the XML by its source removed, spaces
    collapsed."""
    text = re.sub(r"</?italic>", "", text or "")
    return " ".join(text.split())


def _trim(text: str) -> str:
    return text.strip().strip(" ,;:").strip()


def _is_initials(text: str) -> bool:
    """ "C.J.", "R. A. F.", "M.-É.", "WF.", "J-P." (and "Jr." among them)."""
    words = [w for w in re.split(r"[\s.\-]+", text) if w]
    return bool(words) and all((len(w) <= 3 and w.isupper()) or w in ("Jr", "Sr") for w in words)


def _person(family: str, given: str) -> dict[str, str]:
    """One person, as our sets write one: no full stop after a name ("Garrott."), Vancouver's
    run-together initials spelt out ("ML" → "M. L."), "Jr." as a suffix."""
    given, _, suffix = given.partition(", ")
    if suffix:
        return {**_person(family, given), "suffix": suffix}
    family = family.strip(" ,")
    if re.search(r"[a-z]{2}\.$", family):
        family = family.rstrip(".")
    given = given.strip(" ,")
    if re.fullmatch(r"[A-Z]{1,3}\.?", given):
        given = ". ".join(given.rstrip(".")) + "."
    elif re.search(r"(?:^|\s)\w[a-z]+\.$", given):  # "Daniel.", "C. Marvin."
        given = given[:-1]
    return {"family": family, "given": given} if given else {"family": family}


def _given_first(text: str) -> dict[str, str]:
    """ "T. D. Tennent", "B. van der Pol", "Charles-Edmond Perrin"; or Vancouver's "Lindholm
    ML", "Harrison R.M.", "Neal R. M." (initials last)."""
    words = text.split()
    if len(words) == 1:
        return {"family": words[0].strip(" .,")}
    trailing = 0
    while trailing < len(words) - 1 and _is_initials(words[-1 - trailing]):
        trailing += 1
    if trailing and not _is_initials(words[0]):
        return _person(
            " ".join(words[: len(words) - trailing]).rstrip("."),
            " ".join(words[len(words) - trailing :]),
        )
    start = len(words) - 1
    for k in range(1, len(words) - 1):
        if words[k] in _PARTICLES:
            start = k
            break
    return _person(" ".join(words[start:]), " ".join(words[:start]))


def _chain(pieces: list[str]) -> list[dict[str, str]] | None:
    """ "Sasayama, D. Hattori, K. Teraishi, T. … Kunugi, H.": each person's initials run into
    the next family name, no separator between people."""
    middle = re.compile(r"^((?:[A-Z]{1,2}\.\s*)+)\s*([A-Z][\w'\-]+)$")
    if len(pieces) < 3 or not _is_initials(pieces[-1]):
        return None
    if " " in pieces[0] or not all(middle.match(p) for p in pieces[1:-1]):
        return None
    out, family = [], pieces[0]
    for piece in pieces[1:-1]:
        found = middle.match(piece)
        out.append(_person(family, found[1]))
        family = found[2]
    out.append(_person(family, pieces[-1]))
    return out


def _comma_list(text: str) -> list[dict[str, str]]:
    pieces = [p.strip() for p in text.split(",") if p.strip()]
    chained = _chain(pieces)
    if chained:
        return chained
    out, i = [], 0
    while i < len(pieces):
        piece = pieces[i]
        following = pieces[i + 1] if i + 1 < len(pieces) else None
        paren = re.fullmatch(r"(.+?)\s*\((.+)\)", piece)
        if paren:  # "Bugnon (A.-L.)", "SIERVO (M.)"
            out.append(_person(paren[1], paren[2]))
            i += 1
            continue
        words = piece.split()
        vancouver = len(words) > 1 and _is_initials(words[-1]) and not _is_initials(words[0])
        if not vancouver and following is not None:
            pair = _is_initials(following) or (
                i == 0
                and len(words) == 1
                and (
                    len(following.split()) == 1
                    or len(pieces) == 2
                    or _is_initials(following.split()[-1])
                )
            )
            if pair:
                out.append(_person(piece, following))
                i += 2
                continue
        out.append(_given_first(piece))
        i += 1
    return out


def _people(text: str) -> list[dict[str, str]]:
    """The people of an author or editor piece."""
    text = _clean(text)
    if text in OVERRIDES:
        return [_person(f, g) for f, g in OVERRIDES[text]]
    text = re.sub(r"\b(?:et al|eds?|Eds?|Editors|edited by)\b\.?", " ", text)
    text = re.sub(r"^\s*\(?\s*(?:In|in)\s+", "", text)
    text = text.replace("...", " ").replace("(", " ").replace(")", " ")
    text = " ".join(text.split()).strip(" ,.;") + ("." if text.rstrip(" ,;").endswith(".") else "")
    if text in OVERRIDES:
        return [_person(f, g) for f, g in OVERRIDES[text]]
    if not re.search(r"\w", text):  # "---": the same authors as above
        return []
    if ";" in text:
        out = []
        for chunk in (c.strip(" ,&") for c in text.split(";")):
            chunk = re.sub(r"^(?:and|&)\s+", "", chunk)
            if not chunk:
                continue
            if chunk.count(",") == 1:
                family, given = chunk.split(",")
                out.append(_person(family, given))
            elif "," not in chunk and len(chunk.split()) > 4:  # a group's name
                out.append({"literal": chunk.rstrip(".")})
            elif "," in chunk:
                out += _comma_list(chunk)
            else:
                out.append(_given_first(chunk))
        return out
    text = re.sub(r",?\s+(?:and|And|&|et|a)\s+", ", ", text)
    return _comma_list(text)


def _unquote(text: str) -> str:
    text = _trim(text)
    for _ in range(3):
        text = text.strip(_QUOTES).strip(" ,.;:").strip()
    return text


def _volume(text: str) -> dict[str, str] | None:
    """Volume, issue and year from a volume piece; None when it cannot be read."""
    text = _trim(text).rstrip(".").strip(" ;:,")
    text = text.lstrip(";")
    out: dict[str, str] = {}
    year = re.match(r"^((?:1[5-9]|20)\d\d)\s*;\s*(.*)$", text)  # "2009;108(2)"
    if year:
        out["year"], text = year[1], year[2]
    patterns = (
        r"(?:v\.|vol\.|Vol\.|v,)?\s*(?P<v>[\w\-]+)\s*\((?P<i>[^)]+)\)(?:\s*\[\d+\])?",
        r"\((?P<v>\d+)\)\s*(?P<i>\d+)",  # "(39)1"
        r"(?:vol\.|Vol\.)\s*(?P<v>\d+),\s*(?:no\.?|No\.|Nos\.|n°|n\.)\s*(?P<i>[\w\-/]+)"
        r"(?:\s*\[\d+\])?",
        r"(?P<v>\d+),\s*(?:no\.?|No\.)\s*(?P<i>[\w\-/]+)",  # "93, no. 4"
        r"(?P<v>\d+),\s*(?P<i>\d+)",  # "36, 3"
        r"(?P<v>\d+)\s*:\s*(?P<i>\d+)",  # "43:17"
        r"(?:no\.?|No\.|n\.)\s*(?P<i>[\d\-]+)",  # "No. 83": an issue
        r"(?:v\.|vol\.|Vol\.|v,)?\s*(?P<v>[A-Z]*-?\s*\d+)",  # "60", "v. 16", "SAC- 4"
    )
    for pattern in patterns:
        found = re.fullmatch(pattern, text)
        if found:
            for key in ("v", "i"):
                if key in found.groupdict() and found[key]:
                    out["volume" if key == "v" else "issue"] = found[key].strip()
            return out
    return None


def _pages(text: str) -> str | None:
    """The locator of a pages piece; "" for a book's length ("200 p."), None when unread."""
    text = _trim(text).strip(" .,()")
    if re.fullmatch(r"\d+\s*(?:p|pp)\.?", text) or text == "NP":
        return ""
    text = re.sub(r"^(?:sec\.\s*\w+,\s*)?(?:pages|page|Page|pp\.?|p\.?|P\.)\s*", "", text)
    if re.fullmatch(r"[A-Z]?\d+(?:\s*[-\u2010-\u2015\u2212]+\s*[A-Z]?\d+)?(?:,\s*\d+-\d+)?", text):
        return text
    return None


def _doi(text: str) -> str:
    found = re.search(r"10\.\d{4,9}/\S+(?:\s\S+)?", text)
    doi = found[0] if found else ""
    if " " in doi and not doi.split(" ")[0].endswith("."):
        doi = doi.split(" ")[0]
    return doi.replace(" ", "").rstrip(".)")


def convert(sequence: ET.Element) -> tuple[dict | None, str]:
    """(item or None, why it was left out) for one ``<sequence>``."""
    pieces, seen = [], set()
    csl: dict = {}
    fields: dict[str, str] = {}
    for child in sequence:
        tag, text = child.tag, _clean(child.text)
        if tag in DROP_TAGS:
            return None, f"tag {tag}"
        if tag == "citation-number":
            continue
        if tag not in FIELD_TAGS | KEEP_AS_OTHER:
            return None, f"unknown tag {tag}"
        pieces.append(text)
        if tag in KEEP_AS_OTHER:
            continue
        if tag in seen:
            return None, f"{tag} twice"
        seen.add(tag)
        fields[tag] = text
    raw = " ".join(pieces)
    if "author" in fields:
        people = _people(fields["author"])
        if people:
            csl["author"] = people
    if "editor" in fields:
        csl["editor"] = _people(fields["editor"])
    year = ""
    if "date" in fields:
        found = _YEAR.search(fields["date"])
        if not found:
            return None, "a date without a year"
        year = found[1]
    if "title" in fields:
        csl["title"] = _unquote(fields["title"])
    container = fields.get("container-title") or fields.get("journal")
    if container:
        container = re.sub(r"^(?:In|in)\s+", "", _trim(container))
        csl["container-title"] = container.rstrip(".")
    if "volume" in fields:
        read = _volume(fields["volume"])
        if read is None:
            return None, f"volume {fields['volume']!r}"
        if read.get("year"):
            if year and year != read["year"]:
                return None, "two years"
            year = read.pop("year")
        csl.update(read)
    if year:
        csl["issued"] = {"date-parts": [[int(year)]]}
    if "pages" in fields:
        page = _pages(fields["pages"])
        if page is None:
            return None, f"pages {fields['pages']!r}"
        if page:
            csl["page"] = page
    if "edition" in fields:
        found = re.match(r"\(?(\d+)", fields["edition"])
        if not found:
            return None, "edition"
        csl["edition"] = found[1]
    if "publisher" in fields:
        csl["publisher"] = _trim(fields["publisher"].strip("()")).rstrip(").").strip()
    if "location" in fields:
        csl["publisher-place"] = _trim(fields["location"].strip("()")).rstrip(".")
    if "doi" in fields:
        csl["DOI"] = _doi(fields["doi"])
    if "url" in fields:
        url = fields["url"].rstrip(".")
        doi = re.match(r"https?://(?:dx\.)?doi\.org/(10\..+)$", url)
        if doi and "DOI" not in csl:
            csl["DOI"] = doi[1].replace(" ", "")
        else:
            csl["URL"] = url
    if csl.get("container-title") and (csl.get("editor") or csl.get("publisher")):
        kind = "chapter" if csl.get("editor") else "paper-conference"
    elif csl.get("container-title"):
        kind = "article-journal"
    else:
        kind = "book"
    csl["type"] = kind
    return {"raw": raw, "style": _style(sequence, csl), "expected": csl}, ""


def _style(sequence: ET.Element, csl: dict) -> str:
    """A rough name of the style: "apa" for an author-date reference with the year in
    brackets after the authors, "vancouver" for initials after family names, else "other"."""
    tags = [c.tag for c in sequence if c.tag != "citation-number"]
    texts = {c.tag: _clean(c.text) for c in sequence}
    if tags[:2] == ["author", "date"] and texts["date"].startswith("("):
        return "apa"
    first = (csl.get("author") or [{}])[0]
    author = texts.get("author", "")
    if first.get("given") and re.match(
        rf"{re.escape(first.get('family', ''))} [A-Z]{{1,3}}\b", author
    ):
        return "vancouver"
    return "other"


def build(path: Path) -> tuple[list[dict], list[tuple[int, str]]]:
    root = ET.parse(path).getroot()  # noqa: S314 - a saved copy of a known public file
    items, dropped = [], []
    for number, sequence in enumerate(root.iter("sequence"), 1):
        item, why = convert(sequence)
        if number in DROP_SEQUENCES:
            item, why = None, DROP_SEQUENCES[number]
        if item is None:
            dropped.append((number, why))
            continue
        item["source"] = f"{SOURCE['path']}#{number}"
        items.append(item)
    return items, dropped


def document(path: Path) -> dict:
    items, dropped = build(path)
    return {
        "about": (
            "Real references hand-labelled by the AnyStyle project (repository "
            f"{SOURCE['repository']}, file {SOURCE['path']}, commit {SOURCE['commit']}; "
            f"licence {SOURCE['licence']}, copyright 2011-2012 Sylvester Keil: see "
            "'source'), turned into our CSL fields by make_anystyle.py "
            "(the strings and the fields their labels give). 'source' is the sequence's "
            f"number in that file; {len(dropped)} of its sequences are left out (see "
            "make_anystyle.py). Training material only: never scored."
        ),
        "source": SOURCE,
        "items": items,
    }


def main(argv: list[str]) -> None:
    if len(argv) != 1:
        sys.exit("usage: python make_anystyle.py PATH/TO/gold.xml")
    doc = document(Path(argv[0]))
    TARGET.write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(doc['items'])} items written to {TARGET.name}")


if __name__ == "__main__":
    main(sys.argv[1:])
