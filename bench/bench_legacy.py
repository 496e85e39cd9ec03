"""Legacy page parser on real saved pages of the old blog: entries recognised per layout.

The real pages are third-party prose and are never committed. They live outside the repository
(default /work/notes/legacy-real, or LEGACY_REAL_DIR), in `tuning/` and `setaside/`, one
text file per page whose first line is the page's address. This prints counts and addresses
only, never the pages' text. Without the folder it says so and skips.
"""

import os
import sys
from collections import Counter
from pathlib import Path

from digest.legacy.parsing import parse_page

DEFAULT = Path("/work/notes/legacy-real")
PARTS = ("tuning", "setaside")


def layout(address: str) -> str:
    return "2013-2016 static" if "med.uottawa.ca" in address else "2016+ listing"


def measure(folder: Path) -> Counter:
    totals: Counter = Counter()
    for path in sorted(folder.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        address = text.split("\n", 1)[0].strip()
        page = parse_page(text)
        entries = page.entries
        kind = layout(address)
        dated = sum(1 for e in entries if e.year and e.month)
        headed = sum(1 for e in entries if e.headline)
        good = sum(1 for e in entries if e.year and e.month and e.headline)
        drafts = sum(1 for e in entries if e.problems)
        untitled = sum(1 for e in entries if not e.headline)
        referenced = sum(1 for e in entries if e.references)
        bare = sum(1 for e in entries if e.no_headline_on_page)
        months = ", ".join(f"{e.year or 0:04d}-{e.month or 0:02d}" for e in entries) or "-"
        print(
            f"  {path.stem:>3} {kind:<16} entries={len(entries)} month={dated} "
            f"headline={headed} untitled={untitled} no-headline-on-page={bare} refs={referenced} "
            f"drafts={drafts} [{months}] {address}"
        )
        for key, value in (
            ("pages", 1),
            ("entries", len(entries)),
            ("good", good),
            ("untitled", untitled),
            ("bare", bare),
            ("referenced", referenced),
            ("drafts", drafts),
        ):
            totals[kind, key] += value
    return totals


def main():
    root = Path(os.environ.get("LEGACY_REAL_DIR", DEFAULT))
    if not all((root / part).is_dir() for part in PARTS):
        print(f"no real legacy pages at {root} (tuning/ and setaside/): skipped")
        return
    for part in PARTS:
        print(f"{part}:")
        totals = measure(root / part)
        for kind in sorted({kind for kind, _key in totals}):
            entries = totals[kind, "entries"]
            good = totals[kind, "good"]
            share = f"{good / entries:.0%}" if entries else "n/a"
            print(
                f"  = {kind}: {totals[kind, 'pages']} pages, {entries} entries, "
                f"{good} with month and headline ({share}), "
                f"{totals[kind, 'untitled']} untitled, "
                f"{totals[kind, 'bare']} with no headline on the page, "
                f"{totals[kind, 'referenced']} with a reference, "
                f"{totals[kind, 'drafts']} drafts"
            )


if __name__ == "__main__":
    sys.exit(main())
