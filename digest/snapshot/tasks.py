"""The static snapshot kept current (SNAPSHOT_DIR): a change readers would see queues one
incremental export, which the db_worker runs in its already started process.

A burst of changes is one run: a change queues a run only when none is waiting to start (a
run already started may have read the pages before the change, so one more waits behind it),
and one transaction queues at most one. `Snapshot.export` locks the folder, so two runs never
write it at once. A failed run is logged, and kept with its traceback in the task's result by
the database queue; it never fails the publish that queued it.
"""

import logging
import resource
import time

from django.conf import settings
from django.db import connection, transaction
from django_tasks import task

logger = logging.getLogger(__name__)
# The worker's fragments, carried from one run to the next (`KeptFragments`).
_kept = None


@task(queue_name="snapshot", backend="background")
def export_snapshot() -> dict:
    from .exporting import Snapshot
    from .rendering import KeptFragments

    global _kept
    if not settings.SNAPSHOT_DIR:
        return {}
    snapshot = Snapshot(
        settings.SNAPSHOT_DIR,
        live_url=settings.WAGTAILADMIN_BASE_URL,
        forms=settings.SNAPSHOT_FORMS,
        languages=_languages(),
        search=settings.SNAPSHOT_SEARCH,
        jobs=settings.SNAPSHOT_JOBS,
        kept=_kept if _kept is not None else KeptFragments(),
    )
    _kept = snapshot.kept
    started = _cpu()
    try:
        outcome = snapshot.export()
    except Exception:
        logger.exception("The static snapshot in %s was not brought up to date", snapshot.root)
        raise
    for address, status in outcome.failed:
        logger.error("Static snapshot: %s answered %s and was left out", address, status)
    logger.info(
        "Static snapshot %s: %s, %s rendered, %s written, %s removed, in %.1fs",
        snapshot.root,
        "full" if outcome.full else "incremental",
        outcome.rendered,
        outcome.written,
        outcome.removed,
        outcome.seconds,
    )
    result = {
        "full": outcome.full,
        "rendered": outcome.rendered,
        "patched": outcome.patched,
        "written": outcome.written,
        "removed": outcome.removed,
        "failed": [address for address, _status in outcome.failed],
        "seconds": round(outcome.seconds, 3),
        "cpu": round(_cpu() - started, 3),
    }
    if not _kept.warm:
        try:
            warm_snapshot.enqueue()
        except Exception:
            logger.exception("The snapshot's warm-up could not be queued")
    return result


@task(queue_name="snapshot", backend="background")
def warm_snapshot() -> dict:
    """Queued by a run whose process kept no fragments yet (a worker's first run, or the first
    after the lists moved), or when the worker starts (docs/deploy.md): renders the slowest
    pages a publish touches into memory, so the next publish's run takes them from there. It
    gives way to a run queued meanwhile, which queues it again."""
    from .exporting import Snapshot
    from .rendering import KeptFragments

    global _kept
    if _kept is None:  # queued when the worker started
        _kept = KeptFragments()
    if not settings.SNAPSHOT_DIR or _kept.warm or _waiting():
        return {}  # a run waiting to start goes first; it queues this again after
    started = _cpu()
    snapshot = Snapshot(
        settings.SNAPSHOT_DIR,
        live_url=settings.WAGTAILADMIN_BASE_URL,
        languages=_languages(),
        search=False,
        kept=_kept,
    )
    rendered = snapshot.warm(stop=_waiting)  # a run queued meanwhile goes first
    return {"rendered": rendered, "warm": _kept.warm, "cpu": round(_cpu() - started, 3)}


def _cpu():
    """CPU seconds of this process and its finished children (Pagefind)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def _languages():
    languages = list(settings.SNAPSHOT_LANGUAGES or [settings.LANGUAGE_CODE])
    if settings.LANGUAGE_CODE not in languages:
        languages.insert(0, settings.LANGUAGE_CODE)
    return languages


def changed(**kwargs):
    """A signal's receiver: queue a run once the change is committed."""
    if not settings.SNAPSHOT_DIR:
        return
    # One run per transaction: a publish sends several signals before it commits. (Django's
    # list of the transaction's hooks; the test runner keeps hooks it has run in it.)
    if any(isinstance(hook[1], _OnCommit) and not hook[1].ran for hook in connection.run_on_commit):
        return
    transaction.on_commit(_OnCommit())


class _OnCommit:
    ran = False

    def __call__(self):
        self.ran = True
        queue_export()


def queue_export():
    try:
        if not _waiting():
            export_snapshot.enqueue()
    except Exception:
        logger.exception("The static snapshot's update could not be queued")


def _waiting():
    """Whether a run is queued and not started yet: it will see this change too."""
    from django_tasks_db.backend import DatabaseBackend
    from django_tasks_db.models import DBTaskResult

    if not isinstance(export_snapshot.get_backend(), DatabaseBackend):
        return False  # the inline backend runs it at once
    return DBTaskResult.objects.filter(
        task_path=export_snapshot.module_path, status="READY"
    ).exists()


def connect_signals():
    from django.db.models.signals import post_delete, post_save
    from wagtail.models import Page
    from wagtail.signals import page_published, page_unpublished, post_page_move

    from digest.taxonomy.models import ResearchType, Topic

    uid = "snapshot"
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(changed, dispatch_uid=f"{uid}-{id(signal)}")
    post_delete.connect(changed, sender=Page, dispatch_uid=f"{uid}-page-deleted")
    for model in (Topic, ResearchType):
        for signal in (post_save, post_delete):
            signal.connect(
                changed, sender=model, dispatch_uid=f"{uid}-{model.__name__}-{id(signal)}"
            )
