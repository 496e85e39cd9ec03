"""The learned labeller alone, leave-one-set-out: fields right and exact references per left-out
set, pooled, and split into APA-like and other styles (scored like
``bench_references_learned._hits``), without the rules or the policy grid.

Each real set of ``labeller_training.TRAINING_SETS`` is left out in turn (or, with
``--folds N``, N fixed groups of sets, for screening features quickly) and a labeller is
trained on the rest, the rendered set, the sets labelled elsewhere
(``bench_references_learned.ELSEWHERE``, never left out) and their variants. The alignment
and the variants are computed once and shared by the folds; two folds train at a time.

``python -m bench.bench_labeller_alone [--folds 4]`` (minutes per model);
``make bench`` skips it.
"""

import argparse
import multiprocessing
import random
import resource
import time

from digest.references import labeller, labeller_training

from .bench_references_learned import ELSEWHERE, REAL_SETS, RENDERED, _hits

ONLY_WHEN_NAMED = True
# Screening folds: four groups of 500–650 strings, each mixing older and newer sets.
GROUPS = (
    ("wild_references.json", "wild_references_fresh.json", "wild_references_fresh2.json"),
    (
        "wild_references_fresh3.json",
        "wild_references_fresh4.json",
        "wild_references_fresh5.json",
        "wild_references_train4.json",
    ),
    (
        "wild_references_fresh6.json",
        "wild_references_fresh7.json",
        "wild_references_fresh8.json",
        "wild_references_train3.json",
    ),
    ("wild_references_train1.json", "wild_references_train2.json"),
)

_PREPARED: dict = {}


def _prepare():
    """Per set: each item with its aligned gold labels (None when not aligned) and its
    rendered variants (raw, labels), drawn in ``TRAINING_SETS`` order from one seed."""
    rng = random.Random(labeller_training.VARIANT_SEED)  # noqa: S311 - reproducible
    out = {}
    for name in labeller_training.TRAINING_SETS:
        rows = []
        for item in labeller_training.load_set(name):
            raw = item["raw"]
            spans = labeller.tokenise(raw)
            gold, missed = labeller_training.align(raw, item["expected"], spans)
            rendered = [
                labeller_training.render_variant(item["expected"], rng)
                for _ in range(labeller_training.VARIANTS)
            ]
            rows.append((item, None if missed else gold, [r for r in rendered if r]))
        out[name] = rows
    return out


def _examples(names):
    out = []
    for name in names:
        for item, gold, rendered in _PREPARED[name]:
            if gold is not None:
                raw = item["raw"]
                out.append(
                    (
                        labeller.features(raw, labeller.tokenise(raw)),
                        [labeller.INDEX[g] for g in gold],
                    )
                )
            for raw, labels in rendered:
                out.append(
                    (
                        labeller.features(raw, labeller.tokenise(raw)),
                        [labeller.INDEX[g] for g in labels],
                    )
                )
    return out


def _fold(args):
    left_out, params = args
    started = time.process_time()
    trained_on = [n for n in (*REAL_SETS, RENDERED, *ELSEWHERE) if n not in left_out]
    model = labeller_training.fit(_examples(trained_on), params)
    scores = {}
    for name in left_out:
        items = [item for item, _gold, _rendered in _PREPARED[name]]
        scores[name] = [
            (item.get("style") == "apa", _hits([item], [labeller.label(item["raw"], model)[0]]))
            for item in items
        ]
    return scores, time.process_time() - started


def _short(name: str) -> str:
    return (
        name.removeprefix("wild_references_")
        .removesuffix(".json")
        .replace("wild_references", "the 300")
    )


def _cell(rows):
    hits = sum(h for _apa, (h, _c, _e) in rows)
    counted = sum(c for _apa, (_h, c, _e) in rows)
    exact = sum(e for _apa, (_h, _c, e) in rows)
    return f"{hits / counted:.2%} / {exact / len(rows):.1%}" if rows else "—"


def run(folds: int = 0, params=None, processes: int = 2):
    """{set name: [(APA-like, (hits, counted, exact)) per item]} and the CPU-seconds spent."""
    _PREPARED.update(_prepare())
    groups = GROUPS if folds else tuple((name,) for name in REAL_SETS)
    with multiprocessing.get_context("fork").Pool(processes) as pool:
        results = []
        for fold_scores, cpu in pool.imap_unordered(
            _fold, [(group, params) for group in groups], chunksize=1
        ):
            # each fold as it ends: a long run's partial figures are not lost
            rows = [row for name in fold_scores for row in fold_scores[name]]
            print(f"  ({' + '.join(map(_short, fold_scores))}: {_cell(rows)})", flush=True)
            results.append((fold_scores, cpu))
    scores = {}
    for fold_scores, _cpu in results:
        scores.update(fold_scores)
    return groups, scores, sum(cpu for _scores, cpu in results)


def main(argv=None):
    parser = argparse.ArgumentParser()
    parser.add_argument("--folds", type=int, default=0, help="4: the screening groups")
    parser.add_argument("--processes", type=int, default=2)
    options = parser.parse_args(argv or [])
    started = time.perf_counter()
    groups, scores, cpu = run(options.folds, processes=options.processes)
    print("| left-out | labeller alone | APA-like | other styles |")
    print("|---|---|---|---|")
    pooled = []
    for group in groups:
        rows = [row for name in group for row in scores[name]]
        pooled += rows
        label = " + ".join(_short(name) for name in group)
        print(
            f"| {label} ({len(rows)}) | {_cell(rows)} "
            f"| {_cell([r for r in rows if r[0]])} | {_cell([r for r in rows if not r[0]])} |"
        )
    print(
        f"| pooled ({len(pooled)}) | {_cell(pooled)} "
        f"| {_cell([r for r in pooled if r[0]])} | {_cell([r for r in pooled if not r[0]])} |"
    )
    own = resource.getrusage(resource.RUSAGE_SELF)
    print(
        f"  ({time.perf_counter() - started:.0f} s wall; training and scoring "
        f"{cpu:.0f} CPU-s in the folds, {own.ru_utime + own.ru_stime:.0f} CPU-s here)"
    )


if __name__ == "__main__":
    import sys

    main(sys.argv[1:])
