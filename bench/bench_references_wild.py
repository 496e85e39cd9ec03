"""Reference parser on the wild set: 300 references copied verbatim from real public pages.

The set (digest/references/tests/data/wild_references.json) carries a fixed, seeded split:
"tune" (two thirds, used while improving the parser) and "holdout" (one third, never looked
at while tuning). Figures are printed for both parts; misses are listed for the tuning part
only, so running the benchmark does not leak the held-out errors.

A second, fresh set (wild_references_fresh.json) was collected from other pages after tuning
on the first had begun. It is never tuned on: it gets its own line of figures and its misses
are never printed, whatever --misses says.
"""

import json
import sys
from collections import Counter
from pathlib import Path

from digest.references.parsing import parse_reference
from digest.references.tests.evaluation import WILD_FIELDS, score_wild

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "digest" / "references" / "tests" / "data" / "wild_references.json"
FRESH = DATA.with_name("wild_references_fresh.json")
# Which detected style counts as right for each style label of the set.
STYLE_FAMILY = {
    "apa": "apa",
    "vancouver": "vancouver",
    "nlm": "vancouver",
    "ama": "vancouver",
    "chicago": "chicago",
    "harvard": "harvard",
    "bjpsych": "harvard",
    "springer": "harvard",
    "annualreview": "harvard",
    "mla": "mla",
}


def _print(label, items, show_misses):
    report = score_wild(items)
    per_field = report.per_field()
    print(f"{label}: {report.total} references")
    for name in WILD_FIELDS:
        if name in per_field:
            hits, count = report.field_hits[name], report.field_counts[name]
            print(f"  {name:<10} {per_field[name]:7.2%}  ({hits}/{count})")
    print(f"  field-level accuracy: {report.field_accuracy:.2%}")
    print(f"  exact match:          {report.exact_rate:.2%} ({report.exact}/{report.total})")
    styles = [
        (STYLE_FAMILY.get(i["style"]), getattr(parse_reference(i["raw"]), "style", ""))
        for i in items
    ]
    scored = [(want, got) for want, got in styles if want]
    if scored:
        right = sum(1 for want, got in scored if want == got)
        print(f"  style named right:    {right / len(scored):.2%} ({right}/{len(scored)})")
    if show_misses:
        kinds = Counter(name for _raw, name, _want, _got in report.misses)
        print(f"  misses by field: {dict(kinds)}")
        for raw, name, want, got in report.misses[: int(show_misses)]:
            print(f"  miss {name}: want {want!r} got {got!r} in {raw[:90]!r}")
    return report


def main(argv=()):
    document = json.loads(DATA.read_text(encoding="utf-8"))
    items = document["items"]
    misses = next((a.split("=", 1)[1] for a in argv if a.startswith("--misses=")), 0)
    _print("wild set, tuning part", [i for i in items if i["split"] == "tune"], misses)
    _print("wild set, held-out third", [i for i in items if i["split"] == "holdout"], 0)
    if FRESH.exists():
        fresh = json.loads(FRESH.read_text(encoding="utf-8"))["items"]
        _print("fresh held-out set, never tuned on", fresh, 0)


if __name__ == "__main__":
    main(sys.argv[1:])
