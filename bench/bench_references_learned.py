"""An experiment: does a learned token labeller generalise where the rule parser does not?

The model (digest/references/tests/learned.py, pure Python) is an averaged perceptron with
Viterbi decoding over label bigrams, trained on the labelled real strings (the 300 and the
first four fresh sets) and the rendered set (labelled_references.json). Three lines per
test set, scored like bench_references_wild (every field a reader checks, and exact):

- rules: the rule parser alone (digest/references/parsing.py);
- learned + rules: the labeller with the rule parser's field of each token as a feature;
- learned alone: the same labeller without it.

First the fifth fresh set (never tuned on; its figures only, never its misses), trained on
everything else; then leave-one-set-out over the tuning sets (train on the other tuning
sets and the rendered set, test on the one left out), as a check that one figure is not luck.
Strings whose labelled fields cannot all be found in the raw text are left out of training
(counted); every string is tested.

``python -m bench bench_references_learned`` (4 CPU-minutes, 6 on a busy machine: twelve models);
``make bench`` skips it (``ONLY_WHEN_NAMED``).
"""

import json
import time
from pathlib import Path

from digest.references.tests import learned
from digest.references.tests.evaluation import score_wild

DATA = Path(__file__).resolve().parent.parent / "digest" / "references" / "tests" / "data"
TUNING = [
    "wild_references.json",
    "wild_references_fresh.json",
    "wild_references_fresh2.json",
    "wild_references_fresh3.json",
    "wild_references_fresh4.json",
]
HELD_OUT = "wild_references_fresh5.json"
RENDERED = "labelled_references.json"
EPOCHS = 8
# Skipped by a bare `python -m bench` (`make bench`): it takes minutes, not seconds.
ONLY_WHEN_NAMED = True


def _load(name):
    document = json.loads((DATA / name).read_text(encoding="utf-8"))
    return document["items"] if isinstance(document, dict) else document


def _rules(items):
    report = score_wild(items)
    return report.field_accuracy, report.exact_rate


def _row(label, items, prepared_by_kind, models):
    """One table row per system: fields and exact, on all items and on the APA-like part."""
    apa = [k for k, item in enumerate(items) if item.get("style") == "apa"]
    cells = []
    for system in ("rules", "learned + rules", "learned alone"):
        if system == "rules":
            whole = _rules(items)
            part = _rules([items[k] for k in apa]) if apa else None
        else:
            kind = system == "learned + rules"
            predicted = learned.predict(models[kind], prepared_by_kind[kind])
            whole = learned.score_csl(items, predicted)[:2]
            part = (
                learned.score_csl([items[k] for k in apa], [predicted[k] for k in apa])[:2]
                if apa
                else None
            )
        apa_cell = f"{part[0]:.2%} / {part[1]:.1%}" if part else "—"
        cells.append(f"| {label} | {system} | {whole[0]:.2%} | {whole[1]:.1%} | {apa_cell} |")
    return cells


def _experiment(label, train_items, test_items):
    models, prepared = {}, {}
    skipped = 0
    for kind in (True, False):
        train_prepared = learned.prepare(train_items, with_rules=kind)
        skipped = sum(1 for *_rest, gold in train_prepared if gold is None)
        models[kind] = learned.train(train_prepared, epochs=EPOCHS)
        prepared[kind] = learned.prepare(test_items, with_rules=kind)
    print(
        f"  ({label}: trained on {len(train_items) - skipped} of {len(train_items)} strings, "
        f"{skipped} not aligned; tested on {len(test_items)})",
        flush=True,
    )
    return _row(label, test_items, prepared, models)


def main(argv=()):
    started = time.perf_counter()
    sets = {name: _load(name) for name in TUNING}
    rendered = _load(RENDERED)
    rows = [
        "| test set | system | fields | exact | APA-like fields / exact |",
        "|---|---|---|---|---|",
    ]
    everything = [item for name in TUNING for item in sets[name]] + rendered
    rows += _experiment("fresh5 (held out)", everything, _load(HELD_OUT))
    for name in TUNING:
        others = [item for other in TUNING if other != name for item in sets[other]] + rendered
        rows += _experiment(name.removesuffix(".json"), others, sets[name])
    print("\n".join(rows))
    print(f"  ({time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()
