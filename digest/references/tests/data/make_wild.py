"""Build wild_references.json from wild_references.txt (run from the repository root).

The text file is the hand-checked source: each reference string exactly as it was found on a
public page (the "@" line above it gives the address), followed by a ">" line with the fields
read by hand. This script only turns that into JSON and draws the fixed, seeded split that
sets a third of the set aside: the held-out third is never used to tune the parser.

    python digest/references/tests/data/make_wild.py
    python digest/references/tests/data/make_wild.py wild_references_fresh.txt

Named another file (same format, next to this script or a path), it writes the JSON beside
that file with every item held out: the fresh set is collected after tuning began and no part
of it is ever tuned on.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "wild_references.txt"
TARGET = HERE / "wild_references.json"
SEED = 20261206  # fixed: the split must never change once tuning has started
HOLDOUT_SHARE = 1 / 3
EXTRA_KEYS = {
    "E": "editor",
    "ED": "edition",
    "PB": "publisher",
    "PL": "publisher-place",
    "U": "URL",
    "S": "status",
    "N": "number",
    "K": "type",
}


def _people(text: str) -> list[dict[str, str]]:
    people = []
    for chunk in (c.strip() for c in text.split(";")):
        if not chunk or chunk == "-":
            continue
        if "," in chunk:
            family, given = (p.strip() for p in chunk.split(",", 1))
            people.append({"family": family, "given": given} if given else {"family": family})
        else:
            people.append({"literal": chunk})
    return people


def _expected(label: str) -> tuple[str, dict]:
    cells = [c.strip() for c in label.split("|")]
    cells += [""] * (10 - len(cells))
    style, authors, year, title, container, volume, issue, pages, doi, extras = cells[:10]
    item: dict = {}
    extra: dict[str, str] = {}
    for part in (p.strip() for p in extras.split(" ; ") if p.strip()):
        key, _, value = part.partition("=")
        extra[EXTRA_KEYS[key.strip()]] = value.strip()
    if authors and authors != "-":
        item["author"] = _people(authors)
    if extra.get("editor"):
        item["editor"] = _people(extra.pop("editor"))
    if year:
        item["issued"] = {"date-parts": [[int(year)]]}
    for key, value in (
        ("title", title),
        ("container-title", container),
        ("volume", volume),
        ("issue", issue),
        ("DOI", doi),
    ):
        if value:
            item[key] = value
    if pages:
        # A single long or lettered locator is an article number, as the parser stores it.
        item["page"] = pages
    for key, value in extra.items():
        if key == "edition":
            item["edition"] = value
        elif value:
            item[key] = value
    kind = item.pop("type", "")
    if not kind:
        if item.get("editor") and item.get("container-title"):
            kind = "chapter"
        elif item.get("container-title"):
            kind = "article-journal"
        else:
            kind = "book"
    item["type"] = kind
    return style, item


def build(source: Path = SOURCE, seed: int = SEED) -> list[dict]:
    """Every labelled reference of ``source``, with its seeded "tune" or "holdout" split."""
    items: list[dict] = []
    url = ""
    raw_lines: list[str] = []
    for line in source.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") and not raw_lines:
            continue
        if line.startswith("@ "):
            url, raw_lines = line[2:].strip(), []
            continue
        if line.startswith("> "):
            style, expected = _expected(line[2:])
            items.append(
                {"raw": "\n".join(raw_lines), "source": url, "style": style, "expected": expected}
            )
            raw_lines = []
            continue
        raw_lines.append(line)
    if source != SOURCE:
        for item in items:
            item["split"] = "fresh"
        return items
    rng = random.Random(seed)
    order = list(range(len(items)))
    rng.shuffle(order)
    held = set(order[: round(len(items) * HOLDOUT_SHARE)])
    for index, item in enumerate(items):
        item["split"] = "holdout" if index in held else "tune"
    return items


def document(source: Path = SOURCE) -> dict:
    """The JSON document for ``source``, as written next to it."""
    items = build(source)
    if source != SOURCE:
        return {
            "about": (
                "References copied verbatim from public web pages (address in 'source'), "
                "fields checked by hand, collected after the parser was tuned on the first "
                "wild set: every item is held out ('fresh') and none is ever tuned on."
            ),
            "items": items,
        }
    return {
        "about": (
            "References copied verbatim from public web pages (address in 'source'), fields "
            f"checked by hand. 'split' is a fixed seeded draw (seed {SEED}): the 'holdout' "
            "third is never used to tune the parser."
        ),
        "seed": SEED,
        "items": items,
    }


def main(argv: list[str]) -> None:
    source = (HERE / argv[0]) if argv else SOURCE
    target = source.with_suffix(".json")
    built = document(source)
    text = json.dumps(built, ensure_ascii=False, indent=1) + "\n"
    target.write_text(text, encoding="utf-8")
    items = built["items"]
    held = sum(1 for i in items if i["split"] != "tune")
    print(f"{len(items)} references, {held} held out -> {target.name}")


if __name__ == "__main__":
    main(sys.argv[1:])
