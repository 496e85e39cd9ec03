"""Reference parser accuracy and speed on the labelled set (digest/references/tests/data)."""

import json
import time
from pathlib import Path

from digest.references.parsing import parse_reference
from digest.references.tests.evaluation import FIELDS, score

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "digest" / "references" / "tests" / "data" / "labelled_references.json"
ROUNDS = 20


def main():
    items = json.loads(DATA.read_text(encoding="utf-8"))
    report = score(items)
    print(f"labelled references: {report.total}")
    per_field = report.per_field()
    for name in FIELDS:
        if name in per_field:
            hits, count = report.field_hits[name], report.field_counts[name]
            print(f"  {name:<10} {per_field[name]:7.2%}  ({hits}/{count})")
    print(f"field-level accuracy: {report.field_accuracy:.2%}")
    print(f"exact match:          {report.exact_rate:.2%} ({report.exact}/{report.total})")
    for raw, name, want, got in report.misses[:10]:
        print(f"  miss {name}: want {want!r} got {got!r} in {raw[:80]!r}")

    raws = [item["raw"] for item in items] * ROUNDS
    wall, cpu = time.perf_counter(), time.process_time()
    for raw in raws:
        parse_reference(raw)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    print(
        f"speed: {len(raws) / cpu:,.0f} references/s CPU, {len(raws) / wall:,.0f}/s wall "
        f"({len(raws)} parses, {1e6 * cpu / len(raws):.0f} µs each)"
    )


if __name__ == "__main__":
    main()
