"""The combination's policy chosen on folds of the training sets only (issue 13 §3).

The rules were tuned by hand on the first wild set and fresh1–fresh8, so leave-one-fold-out
over every real set (``bench_references_learned``) overrates them and the policies that trust
them. Here the folds are the training sets alone (``TRAIN_FOLDS``, whole sets, 270 to 450
strings each): for each fold a labeller is trained on every other set of
``labeller_training.TRAINING_SETS`` (real, rendered, and labelled elsewhere), exactly as the
learned bench trains its folds, the fold is read with the rules and that labeller, and the
same readings are scored for the rules alone, the labeller alone, ``RULES_FIRST``,
``RULES_SURE`` (shipped before labeller first), the shipped ``POLICY`` and each policy named in
``CANDIDATES`` (docs/benchmarks.md, "Eleventh round", "Labeller first, shipped"). The held-out
sets (``bench_references_learned.JUDGES``) are never read.

The fold models' sizes and the labeller's time per reference are printed too. The averaged
perceptron the CRF replaced can be scored the same way at commit 0c4b31f
(``python -m bench.bench_references_policy_train --engine perceptron``; docs/benchmarks.md,
"A CRF engine for the labeller").

``python -m bench bench_references_policy_train`` (three models, several minutes each);
``make bench`` skips it.
"""

import time

from bench.bench_references_learned import (
    ELSEWHERE,
    REAL_SETS,
    RENDERED,
    _combined,
    _hits,
    _readings,
)
from digest.references import labeller, labeller_training
from digest.references.parsing import parse_reference

ONLY_WHEN_NAMED = True
TRAIN_FOLDS = (
    (
        "wild_references_train2.json",
        "wild_references_train6.json",
        "wild_references_train7.json",
    ),
    (
        "wild_references_train1.json",
        "wild_references_train4.json",
        "wild_references_train9.json",
    ),
    (
        "wild_references_train3.json",
        "wild_references_train5.json",
        "wild_references_train8.json",
    ),
    # Collected after the eleventh round's three folds were read: a fourth fold of its own.
    (
        "wild_references_train10.json",
        "wild_references_train11.json",
    ),
    # Held out until the labeller-first round was judged on them, training material since.
    (
        "wild_references_fresh9.json",
        "wild_references_fresh10.json",
    ),
)
# The candidates of the eleventh and twelfth rounds, each as its change to ``RULES_SURE``
# (the twelfth shipped "fill_empty" 0: the setting before it is kept for comparison), then
# labeller first's, each as a whole policy.
CANDIDATES = {
    "fill_empty 0.14 (before the twelfth round)": {"fill_empty": 0.14},
    "fill from any text": {"fill_unplaced_only": False},
    "keep_longer off": {"keep_longer": False},
    "best on the thresholds": {
        "whole_above": 0.95,
        "names_above": 0.8,
        "fields_above": {},
        "margin": 0.3,
    },
    "test-blind best": {
        "names_above": 0.8,
        "fields_above": {},
        "fill_empty": 0.0,
        "fill_unplaced_only": False,
        "keep_longer": False,
        "margin": 0.14,
    },
    # The labeller's reading wherever the two differ, the rules' DOI and address kept, the
    # named checks of `combine` still in force.
    "labeller first": {
        "whole_above": 1.01,
        "rules_above": 1.01,
        "other_above": 1.01,
        "names_above": 1.01,
        "fields_above": {},
        "fill_empty": 0.0,
        "fill_unplaced_only": False,
        "keep_longer": False,
        "margin": 0.0,
    },
    # The labeller's reading as the parse, the rules checking it, as first measured: before
    # the rules' reading was kept where the labeller is unsure (``unsure_below``), their names
    # where it read fewer (``names_cut``, ``names_as_rules``) and ``_may_fill``'s checks.
    "labeller first, rules checking": (
        before := dict(
            labeller.LABELLER_FIRST,
            unsure_below=0.0,
            names_cut=False,
            names_as_rules=False,
            fill_checks=False,
        )
    ),
    # … and the rules' fields they are sure of (0.95) kept, as the hand-written tests expect.
    "labeller first, rules' sure fields kept": dict(before, keep_sure=True, only_rules_above=0.95),
    # The shipped labeller first without its unsure check: what the tests' layouts cost.
    "labeller first, no unsure check": dict(labeller.LABELLER_FIRST, unsure_below=0.0),
}


def main(argv=()):
    started = time.perf_counter()
    sets = {name: labeller_training.load_set(name) for name in REAL_SETS}
    rendered = labeller_training.load_set(RENDERED)
    elsewhere = [item for name in ELSEWHERE for item in labeller_training.load_set(name)]
    readings = {}
    sizes, timing = [], [0.0, 0]
    for fold in TRAIN_FOLDS:
        others = [item for name in REAL_SETS if name not in fold for item in sets[name]]
        model = labeller_training.train(others + rendered + elsewhere)
        sizes.append(len(model.data))
        for name in fold:
            rules = [parse_reference(item["raw"], learned=False) for item in sets[name]]
            before = time.perf_counter()
            labelled = [labeller.label(item["raw"], model) for item in sets[name]]
            timing = [timing[0] + time.perf_counter() - before, timing[1] + len(sets[name])]
            readings[name] = list(zip(rules, labelled, strict=True))
        print(f"  ({', '.join(fold)}: trained without them, {time.perf_counter() - started:.0f} s)")
    rendered_readings = _readings(rendered, labeller.model())
    print(
        f"  (fold models {', '.join(f'{s / 1e6:.2f}' for s in sizes)} MB; "
        f"labelling {1000 * timing[0] / timing[1]:.2f} ms per reference)"
    )
    table(sets, readings, rendered, rendered_readings)
    print(f"  ({time.perf_counter() - started:.0f} s)")


def table(sets, readings, rendered, rendered_readings):
    """Per reader (rules, labeller alone, each policy): fields right / exact per fold, pooled,
    pooled over the APA-like and the other items, and the rendered set's fields."""
    readers = {
        "rules alone": lambda reading: [ref.to_csl() for ref, _labelled in reading],
        "labeller alone": lambda reading: [labelled[0] for _ref, labelled in reading],
        "RULES_FIRST": lambda reading: _combined(reading, labeller.RULES_FIRST),
        "RULES_SURE (shipped before)": lambda reading: _combined(reading, labeller.RULES_SURE),
        "shipped POLICY": lambda reading: _combined(reading, labeller.POLICY),
    }
    policies = {
        "RULES_FIRST": labeller.RULES_FIRST,
        "RULES_SURE (shipped before)": labeller.RULES_SURE,
        "shipped POLICY": labeller.POLICY,
    }
    for name, change in CANDIDATES.items():
        policies[name] = dict(labeller.RULES_SURE, **change)
        readers[name] = lambda reading, policy=policies[name]: _combined(reading, policy)
    folds = " | ".join(f"fold {k}" for k in range(len(TRAIN_FOLDS)))
    print(f"| policy | {folds} | pooled | APA-like | other styles | rendered |")
    print("|---" * (len(TRAIN_FOLDS) + 5) + "|")
    for label, read in readers.items():
        cells, pooled = [], {"all": [0, 0, 0, 0], "apa": [0, 0, 0, 0], "other": [0, 0, 0, 0]}
        for fold in TRAIN_FOLDS:
            fold_total = [0, 0, 0, 0]
            for name in fold:
                items, predicted = sets[name], read(readings[name])
                for item, csl in zip(items, predicted, strict=True):
                    counts = (*_hits([item], [csl]), 1)
                    part = "apa" if item.get("style") == "apa" else "other"
                    for total in (fold_total, pooled["all"], pooled[part]):
                        total[:] = [a + b for a, b in zip(total, counts, strict=True)]
            cells.append(_cell(fold_total))
        cells += [_cell(pooled[part]) for part in ("all", "apa", "other")]
        if label in policies:
            kept = _hits(rendered, _combined(rendered_readings, policies[label]))
            cells.append(f"{kept[0] / kept[1]:.2%}")
        else:
            cells.append("—")
        print(f"| {label} | " + " | ".join(cells) + " |")


def _cell(total) -> str:
    hits, counted, exact, n = total
    return f"{hits / counted:.2%} / {exact / n:.1%}"


if __name__ == "__main__":
    import sys

    main(sys.argv[1:])
