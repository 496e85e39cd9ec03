"""Reference parser on hand-typing quirks, alone and in combination (issue 13 §3).

The APA-like references we own and labelled (the rendered set, the ``apa`` items of the wild
set and of the first fresh set; never the held-out second fresh set) that the parser reads
exactly are rewritten the way an editor typing APA by hand would (``digest/references/tests/
quirks.py``): each quirk alone, then one seeded random combination of 2 to 6 per reference.
Printed: fields right and exact references per quirk and per number of quirks combined.

``python -m bench.bench_references_quirks --misses=20`` also lists that many combined misses.
"""

import random
import sys
import time
from collections import defaultdict

from digest.references.tests.quirks import (
    QUIRKS,
    apply_quirks,
    base_items,
    combined_sample,
    right_fields,
)

SEED = 20261206


def _line(label, results):
    fields = sum(len(r) for r in results)
    hits = sum(sum(r.values()) for r in results)
    exact = sum(all(r.values()) for r in results)
    print(
        f"  {label:<42} {len(results):5}  fields {hits / fields:7.2%}  "
        f"exact {exact / len(results):6.1%}"
    )


def main(argv=()):
    misses = int(next((a.split("=", 1)[1] for a in argv if a.startswith("--misses=")), 0))
    bases = base_items()
    print(f"base references (APA-like, whitespace collapsed, read exactly): {len(bases)}")
    started = time.process_time()
    print("each quirk alone:")
    for quirk in QUIRKS:
        results = []
        for number, base in enumerate(bases):
            # a generator of its own per reference: each draws its own variant of the quirk
            item, applied = apply_quirks(base, {quirk.name}, random.Random(SEED + number))
            if applied:
                results.append(right_fields(item))
        _line(quirk.name, results)
    sample = combined_sample(bases, SEED)
    per_count, per_quirk, wrong = defaultdict(list), defaultdict(list), []
    for item, applied in sample:
        result = right_fields(item)
        per_count[len(applied)].append(result)
        for name in applied:
            per_quirk[name].append(result)
        if not all(result.values()):
            wrong.append((item, applied, result))
    print("combined (one seeded combination of 2-6 per reference), by quirks that applied:")
    for count in sorted(per_count):
        _line(f"{count} quirk{'s' if count > 1 else ''}", per_count[count])
    _line("all combined", [r for results in per_count.values() for r in results])
    print("combined, by quirk taking part:")
    for quirk in QUIRKS:
        if per_quirk[quirk.name]:
            _line(quirk.name, per_quirk[quirk.name])
    print(f"  ({time.process_time() - started:.1f} s CPU)")
    for item, applied, result in wrong[:misses]:
        fields = [name for name, right in result.items() if not right]
        print(f"  miss {fields} with {applied}: {item['raw']!r}")


if __name__ == "__main__":
    main(sys.argv[1:])
