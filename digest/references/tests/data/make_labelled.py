"""Render facts.py into labelled_references.json: each reference pasted the way an editor
might (APA 6 or 7) with deliberate quirks, plus the CSL fields a perfect parser returns.

Run from the repository root: ``python digest/references/tests/data/make_labelled.py``.
The quirk chosen for each reference depends only on its position, so the file is stable.
"""

import json
import textwrap
import unicodedata
from pathlib import Path

from facts import ARTICLES, BOOKS, CHAPTERS, HANDWRITTEN, PLACES

OUT = Path(__file__).with_name("labelled_references.json")
DASH_VARIANTS = ["–", "-", "—", "–", "‐", "−", "-"]
DOI_APA7 = [
    "https://doi.org/{}",
    "https://doi.org/{}",
    "http://dx.doi.org/{}",
    "{}",
    "https://dx.doi.org/{}",
]
DOI_APA6 = ["doi:{}", "doi: {}", "DOI: {}", "http://dx.doi.org/{}", "doi:{}"]


def names(spec):
    out = []
    for part in spec.split(";"):
        bits = [b.strip() for b in part.split(",")]
        if len(bits) == 1:
            out.append({"literal": bits[0]})
            continue
        name = {"family": bits[0], "given": bits[1]}
        if len(bits) > 2:
            name["suffix"] = bits[2]
        out.append(name)
    return out


def family_first(name):
    if "literal" in name:
        return name["literal"]
    text = f"{name['family']}, {name['given']}"
    return f"{text}, {name['suffix']}" if "suffix" in name else text


def given_first(name):
    return f"{name['given']} {name['family']}"


def author_list(people, i, style, quirks):
    """APA author list; returns (text, the names a reader can recover from it)."""
    parts = [family_first(p) for p in people]
    if len(people) >= 3 and i % 17 == 3:
        quirks.append("et-al")
        return f"{parts[0]}, et al.", people[:1]
    limit = 7 if style == "apa6" else 20
    if len(parts) > limit:
        quirks.append("ellipsis")
        keep = limit - 1
        dots = "…" if i % 2 else "..."
        return ", ".join(parts[:keep]) + f", {dots} " + parts[-1], people[:keep] + people[-1:]
    if len(parts) == 1:
        return parts[0] + ("." if "literal" in people[0] else ""), people
    if i % 11 == 5:
        quirks.append("no-ampersand")
        return ", ".join(parts), people
    if i % 13 == 7:
        quirks.append("and-not-ampersand")
        return ", ".join(parts[:-1]) + ", and " + parts[-1], people
    return ", ".join(parts[:-1]) + ", & " + parts[-1], people


def editor_list(people):
    parts = [given_first(p) for p in people]
    if len(parts) == 1:
        return parts[0]
    if len(parts) == 2:
        return f"{parts[0]} & {parts[1]}"
    return ", ".join(parts[:-1]) + ", & " + parts[-1]


def sentence(title):
    """Title followed by APA's full stop (inside closing quotes; none after ? or !)."""
    if title.endswith(("?", "!")):
        return title
    if title.endswith(('"', "”")):
        return title[:-1] + "." + title[-1]
    return title + "."


def curly(text):
    out, double_open = [], True
    for ch in text:
        if ch == "'":
            out.append("’")
        elif ch == '"':
            out.append("“" if double_open else "”")
            double_open = not double_open
        else:
            out.append(ch)
    return "".join(out)


def doi_text(doi, i, style):
    forms = DOI_APA6 if style == "apa6" else DOI_APA7
    return forms[i % len(forms)].format(doi)


def apply_text_quirks(raw, i, quirks, title):
    if i % 19 == 4:
        quirks.append("no-space-after-comma")
        raw = raw.replace(", ", ",").replace(") . ", ").")
    if i % 7 == 2:
        quirks.append("line-breaks")
        raw = "\n".join(textwrap.wrap(raw, 60, break_on_hyphens=False, break_long_words=False))
    elif i % 23 == 11 and "-" in title:
        quirks.append("hyphen-at-line-break")
        word = next(w for w in title.split() if "-" in w and not w.startswith("-"))
        head, _, tail = word.partition("-")
        raw = raw.replace(word, f"{head}-\n{tail}", 1)
    if i % 9 == 0:
        quirks.append("stray-whitespace")
        raw = "  " + raw.replace(". ", ".  ", 1) + " \t"
    if i % 29 == 8:
        quirks.append("decomposed-unicode")
        raw = unicodedata.normalize("NFD", raw)
    return raw


def article(i, spec):
    authors, year, title, journal, volume, issue, pages, doi = spec
    quirks = []
    style = "apa6" if i % 3 == 0 else "apa7"
    quirks.append(style)
    people = names(authors)
    if i % 5 == 1 and any(c in title for c in "'\""):
        quirks.append("curly-quotes")
        title = curly(title)
    who, expected_people = author_list(people, i, style, quirks)
    expected = {
        "type": "article-journal",
        "author": expected_people,
        "title": title,
        "container-title": journal,
    }
    status = ""
    if i % 15 == 6 and doi:
        status = "advance online publication"
    elif i % 31 == 9:
        status = "in press"
    if status == "in press":
        quirks.append("in-press")
        raw = f"{who} (in press). {sentence(title)} {journal}."
        expected["status"] = "in press"
    else:
        expected["issued"] = {"date-parts": [[year]]}
        raw = f"{who} ({year}). {sentence(title)} {journal}"
        if status:
            quirks.append("advance-online")
            raw += ". Advance online publication."
            expected["status"] = status
        else:
            dash = DASH_VARIANTS[i % len(DASH_VARIANTS)]
            raw += f", {volume}" if volume else ","
            if issue:
                raw += f"({issue.replace('–', dash)})"
                expected["issue"] = issue
            if volume:
                expected["volume"] = volume
            if pages.startswith("Article "):
                number = pages.removeprefix("Article ")
                if style == "apa6" and len(number) > 5:
                    quirks.append("bare-article-number")
                    raw += f", {number}."
                else:
                    quirks.append("article-number")
                    raw += f", Article {number}."
                expected["number"] = number
            else:
                raw += f", {pages.replace('–', dash)}."
                expected["page"] = pages
                if dash != "–":
                    quirks.append("dash-variant")
        if doi:
            raw += " " + doi_text(doi, i, style)
            expected["DOI"] = doi
    raw = apply_text_quirks(raw, i, quirks, title)
    return {"raw": raw, "kind": "article", "quirks": quirks, "expected": expected}


def book(i, spec):
    people, year, title, edition, publisher, doi, edited = spec
    quirks = []
    style = "apa6" if i % 2 == 0 else "apa7"
    quirks.append(style)
    people = names(people)
    if i % 3 == 1 and "'" in title:
        quirks.append("curly-quotes")
        title = curly(title)
    who, expected_people = author_list(people, i + 1, style, quirks)
    expected = {
        "type": "book",
        "issued": {"date-parts": [[year]]},
        "title": title,
        "publisher": publisher,
    }
    if edited:
        who += " (Ed.)." if len(people) == 1 else " (Eds.)."
        expected["editor"] = expected_people
        quirks.append("edited-book")
    else:
        expected["author"] = expected_people
    ed = f" ({edition}{ordinal(edition)} ed.)" if edition else ""
    if edition:
        expected["edition"] = edition
    where = publisher
    if style == "apa6":
        where = f"{PLACES[publisher]}: {publisher}"
        expected["publisher-place"] = PLACES[publisher]
    raw = f"{who} ({year}). {sentence(title + ed)} {where}."
    if doi:
        raw += " " + doi_text(doi, i, style)
        expected["DOI"] = doi
    raw = apply_text_quirks(raw, i + 3, quirks, title)
    return {
        "raw": raw,
        "kind": "edited-book" if edited else "book",
        "quirks": quirks,
        "expected": expected,
    }


def chapter(i, spec):
    people, year, title, editors, booktitle, edition, pages, publisher, doi = spec
    quirks = []
    style = "apa6" if i % 2 == 1 else "apa7"
    quirks.append(style)
    people, eds = names(people), names(editors)
    if i % 4 == 1:
        quirks.append("curly-quotes")
        booktitle = curly(booktitle)
    who, expected_people = author_list(people, i + 2, style, quirks)
    role = "(Ed.)" if len(eds) == 1 else "(Eds.)"
    dash = DASH_VARIANTS[i % len(DASH_VARIANTS)]
    inner = f"{edition}{ordinal(edition)} ed., " if edition else ""
    inner += f"pp. {pages.replace('–', dash)}"
    where = f"{PLACES[publisher]}: {publisher}" if style == "apa6" else publisher
    raw = (
        f"{who} ({year}). {sentence(title)} In {editor_list(eds)} {role}, {booktitle}"
        f" ({inner}). {where}."
    )
    expected = {
        "type": "chapter",
        "author": expected_people,
        "issued": {"date-parts": [[year]]},
        "title": title,
        "editor": eds,
        "container-title": booktitle,
        "page": pages,
        "publisher": publisher,
    }
    if edition:
        expected["edition"] = edition
    if style == "apa6":
        expected["publisher-place"] = PLACES[publisher]
    if doi:
        raw += " " + doi_text(doi, i, style)
        expected["DOI"] = doi
    raw = apply_text_quirks(raw, i + 5, quirks, title)
    return {"raw": raw, "kind": "chapter", "quirks": quirks, "expected": expected}


def ordinal(n):
    n = int(n)
    return "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def main():
    items = [article(i, s) for i, s in enumerate(ARTICLES)]
    items += [book(i, s) for i, s in enumerate(BOOKS)]
    items += [chapter(i, s) for i, s in enumerate(CHAPTERS)]
    items += HANDWRITTEN
    OUT.write_text(json.dumps(items, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(items)} labelled references written to {OUT}")


if __name__ == "__main__":
    main()
