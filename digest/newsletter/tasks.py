"""Background tasks of the newsletter, run by django-tasks-db's `db_worker` (queue "newsletter"),
and what queues them. The one module that enqueues: delivery, alerts and subscriptions do the
work and never import it, so the dependency points one way."""

import logging
from datetime import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from . import alerts, conf, delivery
from .delivery import SendRefused
from .emails import subscription_message
from .models import AlertDay, IssueSend, Subscriber, normalise_email
from .subscriptions import client_fingerprint, record_subscription_request

logger = logging.getLogger(__name__)


@task(queue_name="newsletter", backend="background")
def prepare_issue_send(send_id: int) -> None:
    issue_id = delivery.prepare(send_id)
    for _lane in range(conf.get("NEWSLETTER_LANES")):
        deliver_issue_batch.enqueue(issue_id)


@task(queue_name="newsletter", backend="background")
def deliver_issue_batch(issue_id: int) -> dict:
    counts = delivery.deliver_batch(issue_id)
    step, when = delivery.next_step(issue_id)
    if step == "now":
        deliver_issue_batch.enqueue(issue_id)
    elif step == "later":
        if deliver_issue_batch.get_backend().supports_defer:
            deliver_issue_batch.using(run_after=when).enqueue(issue_id)
        else:
            # Only the inline test backend lands here: retries then wait for the next send.
            logger.info(
                "Retry of issue %s deliveries not scheduled: backend cannot defer", issue_id
            )
    return counts


@task(queue_name="newsletter", backend="background")
def send_subscription_email(subscriber_id: int, kind: str) -> None:
    subscriber = Subscriber.objects.filter(pk=subscriber_id).first()
    if subscriber is not None:
        subscription_message(subscriber, kind).send()


@task(queue_name="newsletter", backend="background")
def prepare_alert_day(alert_day_id: int) -> None:
    alerts.prepare(alert_day_id)
    deliver_alert_batch.enqueue(alert_day_id)


@task(queue_name="newsletter", backend="background")
def deliver_alert_batch(alert_day_id: int) -> dict:
    counts = delivery.deliver_alert_batch(alert_day_id)
    step, when = delivery.next_alert_step(alert_day_id)
    if step == "now":
        deliver_alert_batch.enqueue(alert_day_id)
    elif step == "later" and deliver_alert_batch.get_backend().supports_defer:
        deliver_alert_batch.using(run_after=when).enqueue(alert_day_id)
    return counts


@task(queue_name="newsletter", backend="background")
def handle_subscription_request(
    email: str, language: str, source: str, consent_text: str, ip_hash: str, requested_at: str
) -> None:
    """A subscribe form's request, queued whole by the view (see `queue_subscription_request`)."""
    subscriber, kind = record_subscription_request(
        email,
        language=language,
        source=source,
        consent_text=consent_text,
        ip_hash=ip_hash,
        when=datetime.fromisoformat(requested_at),
    )
    subscription_message(subscriber, kind).send()


# Starting work ------------------------------------------------------------------------------


def start_send(issue, user=None) -> IssueSend:
    """Record the one send of `issue` and queue its delivery; refuse a second one."""
    if not issue.live:
        raise SendRefused(_("Only a published issue can be sent."))
    try:
        with transaction.atomic():
            send = IssueSend.objects.create(issue=issue, requested_by=user)
            # Same transaction: with the database queue, either both exist or neither.
            prepare_issue_send.enqueue(send.pk)
    except IntegrityError as exc:
        raise SendRefused(
            _("This issue has already been sent; an issue is sent only once.")
        ) from exc
    return send


def queue_subscription_request(email, *, language, source, consent_text, ip="") -> None:
    """What the subscribe form does: queue the whole request, whoever the address belongs to.

    The web request then does the same work for a confirmed, an unsubscribed and an unknown
    address (one row in the task queue), so its timing cannot tell them apart; the worker
    records the request and sends the answer.
    """
    handle_subscription_request.enqueue(
        normalise_email(email),
        language,
        source,
        consent_text,
        client_fingerprint(ip),
        timezone.now().isoformat(),
    )


def start_alerts(now=None) -> AlertDay | None:
    """Open today's run (None if today already has one) and queue its preparation."""
    now = now or timezone.now()
    last = AlertDay.objects.order_by("-until").first()
    since = last.until if last else now - alerts.FIRST_WINDOW
    try:
        with transaction.atomic():
            day = AlertDay.objects.create(day=timezone.localdate(now), since=since, until=now)
            prepare_alert_day.enqueue(day.pk)  # with the database queue: both or neither
    except IntegrityError:
        return None
    return day


def resume_interrupted_sends() -> int:
    """Called when a worker starts: release dead claims, queue every unfinished send (of an
    issue or of a day's alerts) again."""
    delivery.release_orphaned_claims()
    unfinished = list(
        IssueSend.objects.filter(finished_at__isnull=True).values_list("pk", flat=True)
    )
    for send_id in unfinished:
        prepare_issue_send.enqueue(send_id)
    days = list(AlertDay.objects.filter(finished_at__isnull=True).values_list("pk", flat=True))
    for day_id in days:
        prepare_alert_day.enqueue(day_id)
    return len(unfinished) + len(days)
