"""The snapshot kept current by the worker (SNAPSHOT_DIR): a publish queues one run, a burst
of changes is one run, a run holds the folder's lock, and a failed run is logged without
failing the publish."""

import fcntl
import logging

import pytest
from django.core.management import call_command
from django.test import override_settings
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult

from digest.core.tests.factories import make_issue, make_summary
from digest.snapshot import tasks
from digest.snapshot.exporting import LOCK, MANIFEST, Snapshot
from digest.taxonomy.models import Topic

pytestmark = pytest.mark.django_db

DATABASE_QUEUE = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "background": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default", "newsletter", "snapshot"],
    },
}


@pytest.fixture(autouse=True)
def fresh_worker(monkeypatch):
    """Each test is a worker of its own: no fragments kept from another test's pages."""
    monkeypatch.setattr(tasks, "_kept", None)


@pytest.fixture
def site():
    issue = make_issue("2018-02")
    return [
        make_summary(issue, "Alliance matters", topics=["alliance"]),
        make_summary(issue, "Ruptures repaired", topics=["alliance"]),
    ]


@pytest.fixture
def snapshot_dir(tmp_path, settings):
    settings.SNAPSHOT_DIR = str(tmp_path / "snapshot")
    settings.SNAPSHOT_SEARCH = False
    return tmp_path / "snapshot"


def publish(summary, title, capture):
    with capture(execute=True):
        summary.title = title
        summary.save_revision().publish()


def work(monkeypatch):
    """What `manage.py db_worker` does with the queue, until it is empty. (Between tasks it
    closes a connection left outside autocommit, as the test's own is on PostgreSQL.)"""
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
    call_command(
        "db_worker", "--batch", "--no-startup-delay", "--queue-name", "*", "--backend", "background"
    )


def queued():
    return DBTaskResult.objects.filter(task_path=tasks.export_snapshot.module_path)


def test_nothing_is_exported_while_the_setting_is_empty(
    site, settings, django_capture_on_commit_callbacks, monkeypatch
):
    settings.SNAPSHOT_DIR = ""
    runs = []
    monkeypatch.setattr(Snapshot, "export", lambda self, full=False: runs.append(self))
    publish(site[0], "Alliance matters most", django_capture_on_commit_callbacks)
    tasks.export_snapshot.call()
    assert runs == []


def test_a_publish_brings_the_snapshot_up_to_date(
    site, snapshot_dir, django_capture_on_commit_callbacks
):
    publish(site[0], "Alliance matters", django_capture_on_commit_callbacks)
    # The first run finds no snapshot: a full export.
    assert (snapshot_dir / MANIFEST).is_file()
    page = snapshot_dir / site[1].url.lstrip("/") / "index.html"
    assert "Alliance matters" in page.read_text()
    before = (snapshot_dir / "index.html").stat().st_mtime_ns
    publish(site[0], "Alliance matters most", django_capture_on_commit_callbacks)
    # Then a run of the few pages showing the change: the sibling lists its new headline.
    assert "Alliance matters most" in page.read_text()
    assert "Alliance matters most" in (snapshot_dir / "2018/02/index.html").read_text()
    assert (snapshot_dir / "index.html").stat().st_mtime_ns != before


def test_an_unpublished_summary_leaves_the_snapshot(
    site, snapshot_dir, django_capture_on_commit_callbacks
):
    publish(site[0], "Alliance matters", django_capture_on_commit_callbacks)
    gone = snapshot_dir / site[1].url.lstrip("/") / "index.html"
    assert gone.is_file()
    with django_capture_on_commit_callbacks(execute=True):
        site[1].unpublish()
    assert not gone.exists()


def test_a_new_topic_name_reaches_the_snapshot(
    site, snapshot_dir, django_capture_on_commit_callbacks
):
    publish(site[0], "Alliance matters", django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        topic = Topic.objects.get(slug="alliance")
        topic.name = "Therapeutic alliance"
        topic.save()
    assert "Therapeutic alliance" in (snapshot_dir / "topics/alliance/index.html").read_text()


def test_one_transaction_of_many_changes_is_one_run(
    site, snapshot_dir, django_capture_on_commit_callbacks, monkeypatch
):
    runs = []
    monkeypatch.setattr(tasks, "queue_export", lambda: runs.append(1))
    with django_capture_on_commit_callbacks(execute=True):
        for summary in site:
            summary.title += " (revised)"
            summary.save_revision().publish()
        Topic.objects.filter(slug="alliance").get().save()
    assert runs == [1]


@override_settings(TASKS=DATABASE_QUEUE)
def test_a_burst_of_publishes_queues_one_run_for_the_worker(
    site, snapshot_dir, django_capture_on_commit_callbacks, monkeypatch
):
    for number in range(3):
        publish(site[number % 2], f"Headline {number}", django_capture_on_commit_callbacks)
    assert queued().filter(status="READY").count() == 1
    assert not snapshot_dir.exists()  # nothing runs in the publishing process
    work(monkeypatch)
    assert list(queued().values_list("status", flat=True)) == ["SUCCESSFUL"]
    assert "Headline 2" in (snapshot_dir / "2018/02/index.html").read_text()
    # A change after the run started queues the next one.
    publish(site[1], "Headline 3", django_capture_on_commit_callbacks)
    assert queued().filter(status="READY").count() == 1


def test_a_run_holds_the_folders_lock(site, snapshot_dir, monkeypatch):
    held = []
    export = Snapshot._export

    def export_and_try_the_lock(self, full):
        with open(self.root / LOCK) as other:
            try:
                fcntl.flock(other, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                held.append(True)
        return export(self, full)

    monkeypatch.setattr(Snapshot, "_export", export_and_try_the_lock)
    tasks.export_snapshot.call()
    assert held == [True]
    with open(snapshot_dir / LOCK) as after:  # released once the run is done
        fcntl.flock(after, fcntl.LOCK_EX | fcntl.LOCK_NB)


def test_a_failed_run_is_logged_and_the_publish_stands(
    site, snapshot_dir, django_capture_on_commit_callbacks, monkeypatch, caplog
):
    def broken(self, full=False):
        raise OSError("disk full")

    monkeypatch.setattr(Snapshot, "export", broken)
    with caplog.at_level(logging.ERROR):
        publish(site[0], "Alliance matters most", django_capture_on_commit_callbacks)
    site[0].refresh_from_db()
    assert site[0].title == "Alliance matters most" and site[0].live
    assert "was not brought up to date" in caplog.text and "disk full" in caplog.text


@override_settings(TASKS=DATABASE_QUEUE)
def test_a_failed_run_keeps_its_traceback_in_the_queue(site, snapshot_dir, monkeypatch):
    def broken(self, full=False):
        raise OSError("disk full")

    monkeypatch.setattr(Snapshot, "export", broken)
    tasks.queue_export()
    work(monkeypatch)
    result = queued().get()
    assert result.status == "FAILED" and "disk full" in result.traceback


def test_the_workers_first_run_queues_its_warm_up_and_later_runs_keep_fragments(
    site, snapshot_dir, django_capture_on_commit_callbacks
):
    publish(site[0], "Alliance matters", django_capture_on_commit_callbacks)
    assert tasks._kept.warm  # the warm-up ran after the first (full) run
    assert any(key[1] == "digest_entry" for key in tasks._kept.fragments)
    publish(site[1], "Ruptures repaired, revised", django_capture_on_commit_callbacks)
    assert tasks._kept.warm
    handout = (snapshot_dir / "topics/alliance/implications/index.html").read_text()
    assert "Ruptures repaired, revised" in handout


def test_a_warm_up_queued_as_the_worker_starts_fills_its_fragments(
    site, snapshot_dir, django_capture_on_commit_callbacks, monkeypatch
):
    publish(site[0], "Alliance matters", django_capture_on_commit_callbacks)  # the full run
    monkeypatch.setattr(tasks, "_kept", None)  # a worker started afresh
    assert tasks.warm_snapshot.call()["warm"] and tasks._kept.warm
    publish(site[1], "Ruptures repaired, revised", django_capture_on_commit_callbacks)
    sibling = snapshot_dir / site[0].url.lstrip("/") / "index.html"
    assert "Ruptures repaired, revised" in sibling.read_text()
