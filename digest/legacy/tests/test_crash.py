"""`kill -9` of a real `manage.py` process in the middle of a legacy import or an archive import,
against a database file (or a PostgreSQL database when DATABASE_URL names one): the database is
left untouched, and running the command again gives exactly what a clean run gives."""

import json
import os
import signal
import sqlite3
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from digest.newsletter.tests.scratch import MANAGE, ScratchSite, wait_for

# Enough pages that the one import transaction lasts seconds, so the kill lands inside it.
MONTHS = 12
ENTRIES_PER_MONTH = 3

SNAPSHOT = """
import json
from wagtail.models import Page, Revision
from digest.legacy.models import ImportedEntry
from digest.references.models import Reference
from digest.summaries.models import SummaryPage
print(json.dumps({
    "pages": list(Page.objects.order_by("path").values_list("path", "slug", "title", "live")),
    "revisions": Revision.objects.count(),
    "imported": list(ImportedEntry.objects.order_by("fingerprint").values_list(
        "fingerprint", "status", "headline", "problems", "topic_ids", "type_ids", "sources")),
    "topics": sorted(SummaryPage.topics.through.objects.values_list("summarypage__title",
                                                                    "topic__slug")),
    "references": sorted(Reference.objects.values_list("raw", "doi")),
}, default=str))
"""


def write_pages(folder: Path) -> Path:
    """Listing pages in the 2016+ layout, one month each, three complete entries a month."""
    folder.mkdir()
    names = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]  # fmt: skip
    for number in range(MONTHS):
        year, month = 2016 + number // 12, names[number % 12]
        lines = [
            f"https://socialsciences.uottawa.ca/pprnet/blog?p={number + 2}&cat_2={11 + number % 12}"
        ]
        lines += ["Blog", f"{month} {year}"]
        for entry in range(ENTRIES_PER_MONTH):
            n = number * ENTRIES_PER_MONTH + entry
            lines += [
                f"Study Number {n} Looks at Waiting Times",
                f"Author{n}, A. B., & Second, C. D. ({year}). Waiting times and outcome {n}. "
                f"Journal of Test Results, {n % 40 + 1}(2), 10-20. https://doi.org/10.5555/t{n}",
                f"The study followed clients on waiting lists of different lengths ({n}).",
                "Practice Implications",
                "Keep waiting times short, and stay in touch with clients who wait.",
                f"Author email: author{n}@example.org",
            ]
        (folder / f"page-{number:02d}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def snapshot(site: ScratchSite) -> dict:
    return json.loads(site.manage("shell", "-c", SNAPSHOT).strip().splitlines()[-1])


def in_write_transaction(site: ScratchSite) -> bool:
    """True once the command holds a write transaction open in the database."""
    if site.postgres_url:
        import psycopg

        name = urlsplit(site.postgres_url).path.strip("/")
        with psycopg.connect(site.postgres_url, autocommit=True) as connection:
            (open_for_a_while,) = connection.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = %s "
                "AND pid <> pg_backend_pid() AND xact_start < now() - interval '0.5 seconds'",
                [name],
            ).fetchone()
        return open_for_a_while > 0
    # SQLite: while the command's transaction holds the write lock, nobody else can take it.
    probe = sqlite3.connect(site.database_url.removeprefix("sqlite:///"), timeout=0)
    probe.isolation_level = None
    try:
        probe.execute("BEGIN IMMEDIATE")
        probe.execute("ROLLBACK")
        return False
    except sqlite3.OperationalError:
        return True
    finally:
        probe.close()


def kill_during(site: ScratchSite, *args) -> None:
    process = subprocess.Popen(  # noqa: S603 - our own manage.py
        [*MANAGE, *args],
        env=site.env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        inside = wait_for(
            lambda: process.poll() is None and in_write_transaction(site), timeout=300
        )
        assert inside, f"{args[0]} ended before it could be killed: {process.stderr.read()}"
        os.kill(process.pid, signal.SIGKILL)
        assert process.wait(timeout=30) == -signal.SIGKILL
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


@pytest.fixture
def scratch(tmp_path):
    """Migrated scratch databases: SQLite copies of one migrated file, or PostgreSQL ones."""
    made = []
    pristine = []

    def make(name):
        site = ScratchSite(tmp_path, 0, name=name)
        if site.postgres_url:
            site.create()
        else:
            if not pristine:
                pristine.append(ScratchSite(tmp_path, 0, name="legacy_pristine").create())
            site = pristine[0].copy_to(name)
        made.append(site)
        return site

    yield make
    for site in made:
        site.drop()


def test_legacy_import_killed_then_run_again_equals_a_clean_import(tmp_path, scratch):
    pages = write_pages(tmp_path / "pages")
    clean = scratch("legacy_clean")
    clean.manage("import_legacy", str(pages))
    expected = snapshot(clean)
    assert len(expected["imported"]) == MONTHS * ENTRIES_PER_MONTH

    crashed = scratch("legacy_crashed")
    untouched = snapshot(crashed)
    kill_during(crashed, "import_legacy", str(pages))
    # One transaction: nothing half-imported is left (the kill may just miss the commit).
    assert snapshot(crashed) in (untouched, expected)
    crashed.manage("import_legacy", str(pages))
    assert snapshot(crashed) == expected


def test_archive_import_killed_leaves_the_database_untouched_or_complete(tmp_path, scratch):
    source = scratch("archive_source")
    source.manage("import_legacy", str(write_pages(tmp_path / "pages")))
    archive = tmp_path / "archive.json"
    source.manage("export_archive", "--output", str(archive))

    complete = scratch("archive_complete")
    complete.manage("import_archive", str(archive))
    expected = snapshot(complete)

    crashed = scratch("archive_crashed")
    untouched = snapshot(crashed)
    kill_during(crashed, "import_archive", str(archive))
    assert snapshot(crashed) in (untouched, expected)
    crashed.manage("import_archive", "--replace", str(archive))
    after = snapshot(crashed)
    assert after["pages"] == expected["pages"] and after["references"] == expected["references"]
