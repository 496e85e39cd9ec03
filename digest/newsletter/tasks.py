"""Background tasks of the newsletter, run by django-tasks-db's `db_worker` (queue "newsletter")."""

import logging
from datetime import datetime

from django_tasks import task

from . import alerts, delivery
from .emails import subscription_message
from .models import Subscriber
from .subscriptions import record_subscription_request

logger = logging.getLogger(__name__)


@task(queue_name="newsletter", backend="background")
def prepare_issue_send(send_id: int) -> None:
    delivery.prepare(send_id)


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
