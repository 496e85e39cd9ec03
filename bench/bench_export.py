"""The static snapshot against Pelican, on the same corpus: a full `export_static` (pages,
then Pagefind's index; and both in one run), an incremental one after one publish, and
Pelican rendering the same summaries (as Markdown articles, 20 to a page) with its default
theme. The full export runs once per number of workers in BENCH_EXPORT_JOBS (default "1,2").

After one publish the export renders the pages showing the change and indexes only those
into Pagefind's delta (timed twice: the delta grows from one publish to the next).

Then the same export kept by the worker (SNAPSHOT_DIR): a real `db_worker` serves the snapshot
queue, each publish queues a run, and the bench reads from the task's row when it was queued,
started and finished, and the CPU the run took in the worker and its Pagefind (the worker is
already started: no Django start-up). A fresh worker's first run is reported apart (it
compiles the templates).

The corpus is a SQLite file from `generate_corpus` (BENCH_EXPORT_DB=path is copied, migrated
and used; else BENCH_EXPORT_SUMMARIES, default 1,000, are built in a temporary folder). The
issue's figure is at 10,000 (BENCH_EXPORT_SUMMARIES=10000, or a corpus of that size): some
minutes on two cores, so not the default. Pelican is a bench-only dependency (`pip install
pelican markdown`); without it that line is skipped.
"""

import json
import os
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SUMMARIES = int(os.environ.get("BENCH_EXPORT_SUMMARIES", "1000"))
JOBS = [jobs.strip() for jobs in os.environ.get("BENCH_EXPORT_JOBS", "1,2").split(",")]

WRITE_MARKDOWN = """
import os
from pathlib import Path
from digest.summaries.models import SummaryPage
out = Path(os.environ["PELICAN_CONTENT"])
out.mkdir(parents=True, exist_ok=True)
for s in SummaryPage.objects.live().prefetch_related("topics", "research_types"):
    topics = [t.name for t in s.topics.all()]
    (out / f"{s.pk}.md").write_text(
        f"Title: {s.title}\\nDate: {s.month:%Y-%m-%d}\\nSlug: {s.slug}-{s.pk}\\n"
        f"Category: {topics[0] if topics else 'Miscellaneous'}\\n"
        f"Tags: {', '.join(topics + [t.name for t in s.research_types.all()])}\\n\\n"
        f"{s.body}\\n\\n## Practice implications\\n\\n{s.implications}\\n"
    )
"""

PUBLISH_ONE = """
from digest.summaries.models import SummaryPage
live = SummaryPage.objects.live().order_by("path")
summary = live[live.count() // DIVISOR]
summary.title = summary.title + " (revised)"
summary.save_revision().publish()
print(summary.url)
"""

PELICAN_CONF = """
SITENAME = "Practice Digest"
SITEURL = ""
TIMEZONE = "America/Toronto"
DEFAULT_LANG = "en"
DEFAULT_PAGINATION = 20
"""


class Timing(float):
    """Wall seconds of a child process, with its CPU seconds (user + system) beside them:
    on a shared machine the CPU time is the steadier comparison."""

    cpu = 0.0

    def __format__(self, spec):
        return f"{float(self):{spec}}s wall, {self.cpu:{spec}}s CPU"


def timed(command, env, cwd=ROOT):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    if result.returncode:
        raise RuntimeError(f"{command} failed:\n{result.stdout}\n{result.stderr}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    timing = Timing(time.perf_counter() - started)
    timing.cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return timing, result.stdout


SNAPSHOT_RUN = """
SELECT status, enqueued_at, started_at, finished_at, return_value
FROM django_tasks_database_dbtaskresult
WHERE task_path = 'digest.snapshot.tasks.export_snapshot' ORDER BY enqueued_at DESC LIMIT 1
"""

WARM_UP = """
SELECT id, started_at, finished_at, return_value FROM django_tasks_database_dbtaskresult
WHERE task_path = 'digest.snapshot.tasks.warm_snapshot' AND status = 'SUCCESSFUL'
ORDER BY enqueued_at
"""
BUSY = """
SELECT COUNT(*) FROM django_tasks_database_dbtaskresult
WHERE queue_name = 'snapshot' AND status IN ('READY', 'RUNNING')
"""


def worker_runs(manage, env, site, divisors, search):
    """Publishes, each kept in `site` by a db_worker's snapshot run: prints, per publish, the
    wall time from the queueing to the run's end (and the wait for the worker's poll within
    it) and the run's CPU time in the worker. Between publishes the worker is left to finish
    what it queued (its warm-up after a first run), as it would be between an editor's
    publishes; the warm-up is reported apart."""
    env = {**env, "SNAPSHOT_DIR": str(site), "SNAPSHOT_SEARCH": "1" if search else "0"}
    worker = subprocess.Popen(
        [*manage, "db_worker", "--queue-name", "snapshot", "--backend", "background"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    database = sqlite3.connect(env["DATABASE_URL"].removeprefix("sqlite:///"))
    what = "pages and Pagefind's delta" if search else "pages only"
    warm_ups = {row[0] for row in database.execute(WARM_UP).fetchall()}
    try:
        for number, divisor in enumerate(divisors):
            publish = PUBLISH_ONE.replace("DIVISOR", str(divisor))
            timed([*manage, "shell", "-v", "0", "-c", publish], env)
            while True:
                row = database.execute(SNAPSHOT_RUN).fetchone()
                if row and row[0] in ("SUCCESSFUL", "FAILED"):
                    break
                time.sleep(0.05)
            status, queued, started, finished, result = row
            if status != "SUCCESSFUL":
                raise RuntimeError("the worker's snapshot run failed (see the task's row)")
            queued, started, finished = (_when(moment) for moment in (queued, started, finished))
            result = json.loads(result)
            first = " (a fresh worker's first run)" if number == 0 else ""
            print(
                f"worker, after one publish, {what}{first}: queued to done "
                f"{finished - queued:.2f}s wall (waiting for the worker's poll "
                f"{started - queued:.2f}s), {result['cpu']:.2f}s CPU in the worker"
            )
            print(
                f"  {result['rendered']} rendered, {result.get('patched', 0)} lines replaced, "
                f"{result['written']} written"
            )
            while database.execute(BUSY).fetchone()[0]:
                time.sleep(0.05)
            for task_id, started, finished, result in database.execute(WARM_UP).fetchall():
                if task_id in warm_ups:
                    continue
                warm_ups.add(task_id)
                result = json.loads(result)
                print(
                    f"worker's warm-up after it (no publish waiting): "
                    f"{_when(finished) - _when(started):.2f}s wall, {result['cpu']:.2f}s CPU, "
                    f"{result['rendered']} pages, complete: {result['warm']}"
                )
    finally:
        worker.terminate()
        worker.wait()
        database.close()


def _when(moment):
    return datetime.fromisoformat(moment).timestamp()


def main():
    workdir = Path(tempfile.mkdtemp(prefix="digest-export-"))
    database = workdir / "corpus.sqlite3"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "digest.settings.dev",
        "DATABASE_URL": f"sqlite:///{database}",
        "CACHE_DIR": str(workdir / "cache"),
    }
    manage = [sys.executable, "manage.py"]
    try:
        if os.environ.get("BENCH_EXPORT_DB"):
            shutil.copy(os.environ["BENCH_EXPORT_DB"], database)
            # A corpus made before the stored reference formatting gets it here, once.
            seconds, _ = timed([*manage, "migrate", "--noinput", "-v0"], env)
            print(f"migrate the corpus copy: {seconds:.1f}")
        else:
            subprocess.run([*manage, "migrate", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)
            subprocess.run(
                [*manage, "generate_corpus", "--summaries", str(SUMMARIES)],
                cwd=ROOT,
                env=env,
                check=True,
            )
        # The full export once per number of workers (BENCH_EXPORT_JOBS, default "1,2"), each
        # into an empty folder; the last one's folder goes on to the steps below.
        for jobs in JOBS:
            site = workdir / f"site-{jobs}"
            export = [*manage, "export_static", str(site)]
            seconds, output = timed([*export, "--no-search", "--jobs", jobs], env)
            files = sum(1 for _ in site.rglob("*.html"))
            what = f"export_static, full, pages only, --jobs {jobs}"
            print(f"{what}: {seconds:.1f} ({files:,} HTML files)")
            print("  " + output.strip())
        # The whole export in one run, search included, as an operator runs it: Pagefind
        # indexes the summaries while the other pages render.
        whole = workdir / "site-search"
        seconds, output = timed([*manage, "export_static", str(whole), "--jobs", JOBS[-1]], env)
        print(f"export_static, full, with search, --jobs {JOBS[-1]}: {seconds:.1f}")
        print("  " + output.strip())
        shutil.rmtree(whole)
        # Nothing changed: this run builds Pagefind's main index (the pages are there).
        seconds, _ = timed(export, env)
        print(f"Pagefind main index of the export (export_static): {seconds:.1f}")
        for divisor, options in [(2, ["--no-search"]), (3, []), (4, [])]:
            publish = PUBLISH_ONE.replace("DIVISOR", str(divisor))
            timed([*manage, "shell", "-v", "0", "-c", publish], env)
            seconds, output = timed([*export, *options], env)
            what = "pages only" if options else "pages and Pagefind's delta index"
            print(f"export_static after one publish, {what}: {seconds:.1f} (process)")
            print("  " + output.strip())
        worker_runs(manage, env, site, [5, 6, 7], search=True)
        worker_runs(manage, env, site, [8, 9, 10], search=False)
        if shutil.which("pelican", path=str(Path(sys.executable).parent)) is None:
            print("Pelican: skipped (pip install pelican markdown)")
            return
        content = workdir / "pelican" / "content"
        timed(
            [*manage, "shell", "-v", "0", "-c", WRITE_MARKDOWN],
            {**env, "PELICAN_CONTENT": str(content)},
        )
        (workdir / "pelican" / "pelicanconf.py").write_text(PELICAN_CONF)
        pelican = str(Path(sys.executable).parent / "pelican")
        seconds, _ = timed(
            [pelican, "content", "-o", "output", "-s", "pelicanconf.py", "-q"],
            env,
            cwd=workdir / "pelican",
        )
        files = sum(1 for _ in (workdir / "pelican" / "output").rglob("*.html"))
        articles = sum(1 for _ in content.glob("*.md"))
        print(f"Pelican {articles:,} articles: {seconds:.1f} ({files:,} HTML files)")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
