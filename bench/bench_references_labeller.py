"""What the learned labeller costs: the model's size and load time, and the parse time per
reference (mean and worst) of the rules alone and of the rules with the labeller, over every
labelled string (the real sets and the rendered set)."""

import statistics
import time

from digest.references import labeller, labeller_training
from digest.references.parsing import parse_reference

ROUNDS = 3  # the best of three per string: the machine is shared


def _times(raws, *, learned):
    out = []
    for raw in raws:
        best = float("inf")
        for _ in range(ROUNDS):
            started = time.perf_counter()
            parse_reference(raw, learned=learned)
            best = min(best, time.perf_counter() - started)
        out.append(best)
    return out


def main(argv=()):
    labeller.model.cache_clear()
    started = time.perf_counter()
    labeller.model()
    load = time.perf_counter() - started
    size = labeller.MODEL.stat().st_size
    print(f"model: {size / 1e6:.2f} MB; loaded in {load * 1000:.0f} ms")
    raws = [
        item["raw"]
        for name in labeller_training.TRAINING_SETS
        for item in labeller_training.load_set(name)
    ]
    print(f"parse time per reference over {len(raws)} strings (best of {ROUNDS} each):")
    for learned in (False, True):
        times = _times(raws, learned=learned)
        print(
            f"  {'rules + labeller' if learned else 'rules alone     '}: "
            f"mean {statistics.mean(times) * 1000:.2f} ms, "
            f"median {statistics.median(times) * 1000:.2f} ms, worst {max(times) * 1000:.1f} ms"
        )


if __name__ == "__main__":
    main()
