"""Sending an issue once to every confirmed subscriber, and surviving crashes while doing it.

The delivery guarantee (also in the README): every delivery row is claimed (status "sending",
with the claiming process and a token) in one UPDATE before its message is handed to the SMTP
server, and marked "sent" in its own UPDATE right after the server accepted it. A worker killed
at any point leaves at most one message whose fate is unknown: the one handed to the server
but not yet marked. On restart the claims of dead workers go back to "waiting" and are sent;
so that one message may arrive twice (with the same Message-ID), every other message exactly
once. Claims made by a worker on another host are taken back only after
NEWSLETTER_CLAIM_TIMEOUT.
"""

import contextlib
import logging
import os
import smtplib
import socket
import uuid
from datetime import timedelta

from django.core.mail import get_connection
from django.db.models import F, Min
from django.utils import timezone
from django.utils.translation import gettext as _

from . import alerts, conf
from .emails import AlertEmail, IssueEmail
from .models import AlertDay, Delivery, IssueSend, Subscriber

logger = logging.getLogger(__name__)

READY_STATUSES = [Delivery.Status.WAITING, Delivery.Status.FAILED_TEMPORARY]
UNFINISHED_STATUSES = [*READY_STATUSES, Delivery.Status.SENDING]
FANOUT_CHUNK = 1000


class SendRefused(Exception):
    """The issue cannot be sent (unpublished, or already sent): the message says why."""


def worker_identity() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


# Preparing a send ------------------------------------------------------------------------


def prepare(send_id: int) -> int:
    """Create one delivery per confirmed subscriber (idempotent); the issue's id, whose
    batches the caller (tasks.prepare_issue_send) then starts."""
    send = IssueSend.objects.get(pk=send_id)
    if send.prepared_at is None:
        last = 0
        while True:
            # Keyset pages: flat memory whatever the number of subscribers.
            ids = list(
                Subscriber.objects.confirmed()
                .filter(pk__gt=last)
                .order_by("pk")
                .values_list("pk", flat=True)[:FANOUT_CHUNK]
            )
            if not ids:
                break
            Delivery.objects.bulk_create(
                [Delivery(issue_id=send.issue_id, subscriber_id=pk) for pk in ids],
                ignore_conflicts=True,
            )
            last = ids[-1]
        IssueSend.objects.filter(pk=send.pk).update(prepared_at=timezone.now())
    return send.issue_id


# Claims ------------------------------------------------------------------------------------


def claim(issue_id, size: int, *, scope: dict | None = None) -> tuple[str, list[Delivery]]:
    """Atomically take up to `size` ready deliveries of an issue (or of another `scope`, such
    as a day's alerts) for this process."""
    token = uuid.uuid4().hex
    now = timezone.now()
    ready = Delivery.objects.filter(
        **(scope or {"issue_id": issue_id}), status__in=READY_STATUSES, next_attempt_at__lte=now
    )
    # One UPDATE: the status condition is re-checked row by row, so two workers never
    # claim the same delivery.
    Delivery.objects.filter(
        pk__in=ready.order_by("pk").values("pk")[:size], status__in=READY_STATUSES
    ).update(
        status=Delivery.Status.SENDING,
        claimed_by=worker_identity(),
        claim_token=token,
        claimed_at=now,
    )
    claimed = list(
        Delivery.objects.filter(claim_token=token, status=Delivery.Status.SENDING)
        .select_related("subscriber")
        .order_by("pk")
    )
    return token, claimed


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def release_orphaned_claims() -> int:
    """Give back to "waiting" the deliveries claimed by workers that are gone.

    Same host: the claiming process no longer runs (or is this very process, which holds
    no claim when this is called). Other hosts: the claim is older than the timeout.
    """
    host, own_pid = socket.gethostname(), os.getpid()
    stale_before = timezone.now() - timedelta(seconds=conf.get("NEWSLETTER_CLAIM_TIMEOUT"))
    sending = Delivery.objects.filter(status=Delivery.Status.SENDING)
    released = 0
    for claimed_by in sending.values_list("claimed_by", flat=True).distinct():
        claim_host, _sep, pid = claimed_by.rpartition(":")
        claims = sending.filter(claimed_by=claimed_by)
        if claim_host == host and pid.isdigit():
            if int(pid) != own_pid and _process_alive(int(pid)):
                continue
        else:
            claims = claims.filter(claimed_at__lt=stale_before)
        released += claims.update(
            status=Delivery.Status.WAITING,
            claim_token="",
            answer=_("Worker stopped while sending; sent again."),
        )
    if released:
        logger.warning("Released %d newsletter deliveries claimed by stopped workers", released)
    return released


# Sending -----------------------------------------------------------------------------------


def classify(exc: Exception) -> tuple[bool, str]:
    """(permanent?, the server's answer) for a failed send."""
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        code, text = next(iter(exc.recipients.values()))
    elif isinstance(exc, smtplib.SMTPResponseException):
        code, text = exc.smtp_code, exc.smtp_error
    else:
        return False, f"{type(exc).__name__}: {exc}"
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    return 500 <= code < 600, f"{code} {text}"


def _connection_lost(exc: Exception) -> bool:
    # smtplib's exceptions are OSErrors too; only a disconnect or a socket error loses it.
    if isinstance(exc, smtplib.SMTPServerDisconnected):
        return True
    return isinstance(exc, OSError) and not isinstance(exc, smtplib.SMTPException)


def backoff(attempts: int) -> timedelta:
    return timedelta(seconds=conf.get("NEWSLETTER_RETRY_BASE_SECONDS") * 4 ** (attempts - 1))


def _record_failure(delivery: Delivery, token: str, permanent: bool, answer: str) -> None:
    attempts = delivery.attempts + 1
    if not permanent and attempts >= conf.get("NEWSLETTER_MAX_ATTEMPTS"):
        permanent = True
        answer = _("Gave up after %(n)d attempts: %(answer)s") % {"n": attempts, "answer": answer}
    Delivery.objects.filter(pk=delivery.pk, claim_token=token).update(
        status=Delivery.Status.FAILED_PERMANENT if permanent else Delivery.Status.FAILED_TEMPORARY,
        attempts=attempts,
        answer=answer[:2000],
        next_attempt_at=timezone.now() + backoff(attempts),
        claim_token="",
    )


def _open(connection) -> Exception | None:
    try:
        connection.open()
    except Exception as exc:  # any failure to connect is a temporary failure
        return exc
    return None


def _close(connection) -> None:
    # The connection is being dropped anyway; a failing QUIT changes nothing.
    with contextlib.suppress(Exception):
        connection.close()


def topics_of(subscriber_ids) -> dict[int, set[int]]:
    """Each subscriber's topics of interest, for a whole batch in one query."""
    topics: dict[int, set[int]] = {}
    pairs = Subscriber.topics.through.objects.filter(subscriber_id__in=subscriber_ids)
    for subscriber_id, topic_id in pairs.values_list("subscriber_id", "topic_id"):
        topics.setdefault(subscriber_id, set()).add(topic_id)
    return topics


def deliver_batch(issue_id: int, email: IssueEmail | None = None) -> dict:
    """Claim a batch of this issue's deliveries and send them over one SMTP connection."""
    if email is None:
        from digest.issues.models import IssuePage

        email = IssueEmail(IssuePage.objects.get(pk=issue_id))

    def build(delivery, topics, connection):
        return email.message(
            delivery.subscriber,
            topic_ids=topics.get(delivery.subscriber_id, ()),
            message_id=f"issue-{issue_id}.delivery-{delivery.pk}",
            connection=connection,
        )

    return send_claimed({"issue_id": issue_id}, build)


def deliver_alert_batch(alert_day_id: int, email: AlertEmail | None = None) -> dict:
    """Claim a batch of a day's alerts and send them over one SMTP connection."""
    if email is None:
        day = AlertDay.objects.get(pk=alert_day_id)
        email = AlertEmail(alerts.published_between(day.since, day.until))

    def build(delivery, _topics, connection):
        return email.message(
            delivery.subscriber,
            delivery.summary_ids,
            message_id=f"alert-{alert_day_id}.delivery-{delivery.pk}",
            connection=connection,
        )

    return send_claimed({"alert_day_id": alert_day_id}, build, topics=False)


def send_claimed(scope: dict, build, topics=True) -> dict:
    """Claim a batch of deliveries in `scope` and send each `build(delivery, topics,
    connection)` (None: nothing left to send it, e.g. its summaries were unpublished)."""
    release_orphaned_claims()
    token, deliveries = claim(None, conf.get("NEWSLETTER_BATCH_SIZE"), scope=scope)
    counts = {"sent": 0, "failed": 0, "skipped": 0}
    if not deliveries:
        return counts
    topics = topics_of([d.subscriber_id for d in deliveries]) if topics else {}
    connection = get_connection()
    error = _open(connection)
    for position, delivery in enumerate(deliveries):
        if error is not None:
            # No connection: this and every remaining claim fail temporarily.
            for rest in deliveries[position:]:
                _record_failure(rest, token, False, classify(error)[1])
                counts["failed"] += 1
            break
        message = None
        if delivery.subscriber.status == Subscriber.Status.CONFIRMED:
            message = build(delivery, topics, connection)
        if message is None:
            Delivery.objects.filter(pk=delivery.pk, claim_token=token).update(
                status=Delivery.Status.SKIPPED, claim_token=""
            )
            counts["skipped"] += 1
            continue
        try:
            connection.send_messages([message])
        except Exception as exc:  # classified and recorded, never lost
            permanent, answer = classify(exc)
            _record_failure(delivery, token, permanent, answer)
            counts["failed"] += 1
            if _connection_lost(exc):
                _close(connection)
                error = _open(connection)
            continue
        Delivery.objects.filter(pk=delivery.pk, claim_token=token).update(
            status=Delivery.Status.SENT,
            sent_at=timezone.now(),
            attempts=F("attempts") + 1,
            answer="",
            claim_token="",
        )
        counts["sent"] += 1
    _close(connection)
    return counts


def next_step(issue_id, *, scope: dict | None = None, finished=None):
    """What should follow a batch: ("now", None), ("later", when) or ("done", None). Done
    marks the issue's send (or the `finished` queryset of another scope) finished."""
    deliveries = Delivery.objects.filter(**(scope or {"issue_id": issue_id}))
    if deliveries.filter(status__in=READY_STATUSES, next_attempt_at__lte=timezone.now()).exists():
        return "now", None
    later = deliveries.filter(status__in=READY_STATUSES).aggregate(when=Min("next_attempt_at"))
    if later["when"]:
        return "later", later["when"]
    if deliveries.filter(status=Delivery.Status.SENDING).exists():
        # Another lane is still sending; it decides what follows.
        return "busy", None
    if finished is None:
        finished = IssueSend.objects.filter(issue_id=issue_id)
    finished.filter(finished_at__isnull=True).update(finished_at=timezone.now())
    return "done", None


def next_alert_step(alert_day_id: int):
    return next_step(
        None,
        scope={"alert_day_id": alert_day_id},
        finished=AlertDay.objects.filter(pk=alert_day_id),
    )
