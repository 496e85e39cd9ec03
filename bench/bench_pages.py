"""Reader pages at two corpus sizes: median and 95th-percentile time (and median CPU time) and
SQL query count of each page, rendered in-process with Django's test Client, beside a bare
Django view of the same size.

Each corpus lives in its own temporary SQLite file, built and measured in a child process (the
database is chosen by DATABASE_URL before Django starts). Figures go in docs/benchmarks.md.
"""

import argparse
import datetime
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SIZES = (1_000, 10_000)
SEED = 1
UNTIL = datetime.date(2026, 11, 1)  # fixed, so every run measures the same corpus
REPEATS = 30
ROOT = Path(__file__).resolve().parent.parent


def main():
    """Build a migrated template database once, then measure each corpus size in a child."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "digest.settings.dev", "DEBUG": "false"}
    print(machine(), flush=True)
    in_children("bench.bench_pages", SIZES, env)


def in_children(module, sizes, env):
    """Run `python -m <module> --size N` for each size, each on its own copy of a freshly
    migrated SQLite database (DATABASE_URL is read before Django starts)."""
    workdir = Path(tempfile.mkdtemp(prefix="digest-bench-"))
    template = workdir / "empty.sqlite3"
    try:
        subprocess.run(
            [sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"],
            cwd=ROOT,
            env={**env, "DATABASE_URL": f"sqlite:///{template}"},
            check=True,
        )
        for size in sizes:
            database = workdir / f"corpus-{size}.sqlite3"
            shutil.copy(template, database)
            subprocess.run(
                [sys.executable, "-m", module, "--size", str(size)],
                cwd=ROOT,
                env={**env, "DATABASE_URL": f"sqlite:///{database}"},
                check=True,
            )
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def machine():
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as info:
            cpu = next(line.split(":", 1)[1].strip() for line in info if "model name" in line)
    except (OSError, StopIteration):
        pass
    return (
        f"machine: {cpu}, {os.cpu_count()} cores; Python {platform.python_version()}; "
        f"SQLite {sqlite3.sqlite_version}"
    )


def timed(client, url, repeats):
    """Wall and CPU milliseconds per request for `repeats` requests, after two warm-ups.

    CPU time is this process's own work, so it moves much less than wall time when other
    jobs share the machine.
    """
    for _ in range(2):
        response = client.get(url)
        if response.status_code != 200:
            raise PageFailed(f"{url} answered {response.status_code}")
    wall, cpu = [], []
    for _ in range(repeats):
        started, started_cpu = time.perf_counter(), time.process_time()
        client.get(url)
        wall.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
    return wall, cpu


class PageFailed(Exception):
    pass


def counted(client, url):
    """The number of SQL statements one request runs, and the body it returns."""
    from django.db import connection

    statements = []

    def count(execute, sql, params, many, context):
        statements.append(sql)
        return execute(sql, params, many, context)

    # An execute wrapper counts every statement, whatever DEBUG and the query log say.
    with connection.execute_wrapper(count):
        body = client.get(url).content
    return len(statements), body


def p95(times):
    return statistics.quantiles(times, n=20, method="inclusive")[18]


def measure(size):
    import warnings

    import django

    # Whitenoise warns when collectstatic has not run; pages are measured, not static files.
    warnings.filterwarnings("ignore", "No directory at")

    django.setup()
    from django.test import Client
    from django.test.utils import override_settings

    from digest.core.corpus import generate_corpus
    from digest.issues.models import IssuePage
    from digest.summaries.models import SummaryPage

    started = time.perf_counter()
    generate_corpus(size, SEED, until=UNTIL)
    built = time.perf_counter() - started
    issues = IssuePage.objects.order_by("-month")
    summary = SummaryPage.objects.order_by("-month", "path").first()
    middle_issue = issues[issues.count() // 2]
    pages = [
        ("home", "/"),
        ("archive", "/archive/"),
        ("archive, one topic", "/archive/?topic=alliance"),
        ("archive, topic + type", "/archive/?topic=alliance&type=meta-analysis"),
        ("summary", summary.url),
        ("issue", middle_issue.url),
        ("topic page", "/topics/alliance/"),
        ("Atom feed", "/feeds/atom/"),
    ]
    print(
        f"\ncorpus: {size:,} summaries in {issues.count():,} issues "
        f"(generated in {built:.1f}s); {REPEATS} requests per page after 2 warm-ups",
        flush=True,
    )
    header = (
        f"{'page':<24}{'median ms':>10}{'p95 ms':>9}{'cpu ms':>8}{'queries':>9}{'KB':>8}"
        f"{'bare ms':>9}"
    )
    print(header + "\n" + "-" * len(header))
    # A broken page is reported in its row; the other pages are still measured.
    client = Client(raise_request_exception=False)
    with override_settings(ROOT_URLCONF="bench.pages_urls"):
        for name, url in pages:
            try:
                times, cpu = timed(client, url, REPEATS)
            except PageFailed as failure:
                print(f"{name:<24}FAILED: {failure}", flush=True)
                continue
            queries, body = counted(client, url)
            bare, _cpu = timed(client, f"/__bench__/bare/{len(body)}/", REPEATS)
            print(
                f"{name:<24}{statistics.median(times):>10.1f}{p95(times):>9.1f}"
                f"{statistics.median(cpu):>8.1f}{queries:>9}{len(body) / 1024:>8.1f}"
                f"{statistics.median(bare):>9.2f}",
                flush=True,
            )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", type=int, required=True)
    measure(parser.parse_args().size)
