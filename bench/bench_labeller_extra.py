"""Does a labelled set from elsewhere help the labeller on our real strings? Leave-one-fold-out
over ``bench_references_learned.FOLDS``, the labeller alone, with and without the set.

For each fold a labeller is trained exactly as ``bench_references_learned`` trains its fold
models (the other folds' real sets and the rendered set, with their rendered variants), and
with ``--extra NAME`` the named set (``tests/data/NAME``) and its variants are added to the
training as training-only material: it is never scored. The fold is read by the labeller
alone and scored like ``bench_references_learned._hits`` (fields right / exact references).
The extra set's items come last, so the variants of the other items are drawn as without it.
The held-out sets (``bench_references_learned.JUDGES``) are never read. Without ``--extra`` the
folds train on our sets and the rendered set only, not on ``bench_references_learned.ELSEWHERE``.

``python -m bench.bench_labeller_extra [--extra anystyle_gold.json] [--folds 0,1]``
(one model per fold, several CPU-minutes each, one at a time); ``make bench`` skips it.
"""

import argparse
import time

from digest.references import labeller, labeller_training

from .bench_references_learned import FOLDS, REAL_SETS, RENDERED, _hits

ONLY_WHEN_NAMED = True


def fold_score(fold, extra=()):
    """[(APA-like, (hits, counted, exact)) per item of ``fold``] and the CPU-seconds spent."""
    started = time.process_time()
    others = [
        item for name in REAL_SETS if name not in fold for item in labeller_training.load_set(name)
    ]
    rendered = labeller_training.load_set(RENDERED)
    added = [item for name in extra for item in labeller_training.load_set(name)]
    model = labeller_training.train(others + rendered + added)
    rows = []
    for name in fold:
        for item in labeller_training.load_set(name):
            csl = labeller.label(item["raw"], model)[0]
            rows.append((item.get("style") == "apa", _hits([item], [csl])))
    return rows, time.process_time() - started


def _cell(rows) -> str:
    hits = sum(h for _apa, (h, _c, _e) in rows)
    counted = sum(c for _apa, (_h, c, _e) in rows)
    exact = sum(e for _apa, (_h, _c, e) in rows)
    return f"{hits / counted:.2%} / {exact / len(rows):.1%}" if rows else "—"


def main(argv=None):
    parser = argparse.ArgumentParser()
    parser.add_argument("--extra", action="append", default=[], help="a set in tests/data")
    parser.add_argument("--folds", default="", help="comma-separated fold numbers (all)")
    options = parser.parse_args(argv or [])
    picked = [int(k) for k in options.folds.split(",")] if options.folds else range(len(FOLDS))
    started = time.perf_counter()
    label = f"with {' + '.join(options.extra)}" if options.extra else "without an extra set"
    print(f"labeller alone, leave-one-fold-out, {label}:")
    print("| left-out fold | labeller alone | APA-like | other styles | CPU s |")
    print("|---|---|---|---|---|")
    pooled = []
    for k in picked:
        rows, cpu = fold_score(FOLDS[k], options.extra)
        pooled += rows
        apa = [r for r in rows if r[0]]
        other = [r for r in rows if not r[0]]
        print(
            f"| fold {k} ({len(rows)}) | {_cell(rows)} | {_cell(apa)} | {_cell(other)} "
            f"| {cpu:.0f} |",
            flush=True,
        )
    print(
        f"| pooled ({len(pooled)}) | {_cell(pooled)} | {_cell([r for r in pooled if r[0]])} "
        f"| {_cell([r for r in pooled if not r[0]])} | |"
    )
    print(f"  ({time.perf_counter() - started:.0f} s wall)")


if __name__ == "__main__":
    import sys

    main(sys.argv[1:])
