"""Run every benchmark module (or those named on the command line) in turn."""

import importlib
import os
import pkgutil
import sys
import time

import django

import bench


def main(argv):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "digest.settings.dev")
    django.setup()
    names = argv or sorted(
        m.name for m in pkgutil.iter_modules(bench.__path__) if m.name.startswith("bench_")
    )
    for name in names:
        module = importlib.import_module(f"bench.{name.removeprefix('bench.')}")
        if not argv and getattr(module, "ONLY_WHEN_NAMED", False):
            # a long experiment (`make bench` runs everything): run it by naming it
            print(f"\n=== {name} === skipped: run `python -m bench {name}`", flush=True)
            continue
        started = time.perf_counter()
        print(f"\n=== {name} ===", flush=True)
        module.main()
        print(f"--- {name} took {time.perf_counter() - started:.1f}s", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
