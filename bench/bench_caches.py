"""What each per-process cache saves: time per request of the pages that use it, uncached
(PAGE_CACHE_SECONDS=0: every request renders), with the cache and with it switched off, at
1 000 and 10 000 summaries (issue 18 §3: each cache earns its place).

A cache is switched off by making every request pay what the cache spares it (the facet index
is rebuilt, the entry map reloaded, the ranking redone, the site looked up by Wagtail, the
archive fitted again). With and without alternate request by request, so that the load of
other jobs on the machine falls on both alike; medians of wall and of CPU time are printed,
and the saving is the difference of the CPU medians (wall time follows other jobs' load).

Each corpus lives in its own temporary SQLite file, built, indexed and measured in a child
process, as in bench_pages.

    .venv/bin/python -m bench bench_caches
    BENCH_CACHES_SIZES=1000 .venv/bin/python -m bench bench_caches
"""

import argparse
import contextlib
import datetime
import os
import statistics
import tempfile
import time

SEED = 1
UNTIL = datetime.date(2026, 11, 1)
ROUNDS = 25


def main():
    from bench.bench_pages import in_children

    sizes = [int(s) for s in os.environ.get("BENCH_CACHES_SIZES", "1000,10000").split(",")]
    with tempfile.TemporaryDirectory(prefix="digest-bench-caches-") as cache_dir:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "digest.settings.dev",
            "DEBUG": "false",
            "PAGE_CACHE_SECONDS": "0",
            "SEARCH_RATE_PER_CLIENT": "1000000/m",  # one client sends every request here
            "CACHE_DIR": cache_dir,  # a cache of its own: no other run's stamps
        }
        in_children("bench.bench_caches", sizes, env)


# ---- switches: each makes every request pay what one cache spares it ---------------------


@contextlib.contextmanager
def patched(owner, name, value):
    original = owner.__dict__[name]
    setattr(owner, name, value)
    try:
        yield
    finally:
        setattr(owner, name, original)


def without_facet_index():
    from digest.summaries.facet_index import FacetIndex, current_generation

    return patched(FacetIndex, "current", classmethod(lambda cls: cls.build(current_generation())))


def without_entry_map():
    from digest.search.sqlite_fts import EntryObjects

    class Fresh(dict):  # forgets every map as soon as it is stored
        def __setitem__(self, key, value):
            pass

    return patched(EntryObjects, "_current", Fresh())


def without_ranked_ids():
    from digest.search import engine

    class Forgetful:
        def get(self, key):
            return None

        def put(self, key, ids):
            return False

    return patched(engine, "RANKED", Forgetful())


def without_site_map():
    from wagtail.models import Site

    from digest.core import sites

    return patched(sites, "find_site", Site._find_for_request)


def without_suggester_fit():
    from digest.evidence import services

    class Forgetful(dict):  # never holds the fit asked for: each request fits again
        def __contains__(self, key):
            return False

    return patched(services, "_MODELS", Forgetful())


# ---- measuring -----------------------------------------------------------------------------


def compare(request, switch_off, setting=contextlib.nullcontext):
    """Median wall and CPU ms of `request()` with the cache and without, alternating, both in
    `setting` (for the entry map: with the ranked ids switched off, as for a new query)."""
    for _ in range(2):
        with setting():
            request()
            with switch_off():
                request()
    times = {True: ([], []), False: ([], [])}
    for _ in range(ROUNDS):
        for cached in (True, False):
            with setting(), contextlib.nullcontext() if cached else switch_off():
                started, started_cpu = time.perf_counter(), time.process_time()
                request()
                times[cached][0].append((time.perf_counter() - started) * 1000)
                times[cached][1].append((time.process_time() - started_cpu) * 1000)
    return {cached: tuple(map(statistics.median, pair)) for cached, pair in times.items()}


def measure(size):
    import warnings

    import django

    warnings.filterwarnings("ignore", "No directory at")
    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client

    from digest.core.corpus import generate_corpus
    from digest.evidence import services
    from digest.summaries.models import SummaryPage

    assert settings.PAGE_CACHE_SECONDS == 0, "pages must render on every request"
    started = time.perf_counter()
    generate_corpus(size, SEED, until=UNTIL)
    call_command("update_index", verbosity=0)
    built = time.perf_counter() - started
    summary = SummaryPage.objects.live().order_by("-month", "path").first()
    client = Client(raise_request_exception=False)

    def page(url):
        def request():
            response = client.get(url)
            if response.status_code != 200:
                raise RuntimeError(f"{url} answered {response.status_code}")

        return request

    def suggestions():
        services.suggest_for_page(summary)

    search, broad = "/search/?q=alliance+rupture", "/search/?q=clients&page=2"
    new_query = without_ranked_ids  # the entry map serves the ranking of a query not seen yet
    cases = [
        ("facet index", without_facet_index, "archive", page("/archive/")),
        (
            "facet index",
            without_facet_index,
            "archive, one topic",
            page("/archive/?topic=alliance"),
        ),
        ("facet index", without_facet_index, "evidence map", page("/evidence-map/")),
        ("facet index", without_facet_index, "summary", page(summary.url)),
        ("facet index", without_facet_index, "search", page(search)),
        ("entry map", without_entry_map, "search, new query", page(search), new_query),
        ("entry map", without_entry_map, "broad, new query", page(broad), new_query),
        ("ranked ids", without_ranked_ids, "search", page(search)),
        ("ranked ids", without_ranked_ids, "search, broad, page 2", page(broad)),
        ("site map", without_site_map, "home", page("/")),
        ("site map", without_site_map, "summary", page(summary.url)),
        ("site map", without_site_map, "archive", page("/archive/")),
        ("suggester fit", without_suggester_fit, "editor's suggestions", suggestions),
    ]
    print(
        f"\ncorpus: {size:,} summaries (built and indexed in {built:.0f}s); "
        f"{ROUNDS} requests each way, alternating, after 2 warm-ups",
        flush=True,
    )
    header = (
        f"{'cache':<16}{'request':<24}{'with: wall':>11}{'cpu':>7}"
        f"{'without: wall':>15}{'cpu':>7}{'saves cpu ms':>14}"
    )
    print(header + "\n" + "-" * len(header), flush=True)
    for cache, switch_off, name, request, *setting in cases:
        found = compare(request, switch_off, *setting)
        (wall, cpu), (wall_off, cpu_off) = found[True], found[False]
        print(
            f"{cache:<16}{name:<24}{wall:>11.1f}{cpu:>7.1f}{wall_off:>15.1f}{cpu_off:>7.1f}"
            f"{cpu_off - cpu:>14.1f}",
            flush=True,
        )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", type=int, required=True)
    measure(parser.parse_args().size)
