"""Delivery through a real SMTP server: permanent and temporary failures, retries, claims."""

import os
import socket
from datetime import timedelta

import pytest
from django.utils import timezone

from digest.newsletter import delivery, tasks
from digest.newsletter.models import Delivery, IssueSend
from digest.newsletter.tasks import deliver_issue_batch
from digest.newsletter.tests.sink import CountingHandler, SMTPSink, free_port

from .conftest import make_subscriber

pytestmark = pytest.mark.django_db


def refuse(address):
    if address.startswith("bounce"):
        return "550 5.1.1 No such user here"
    if address.startswith("busy"):
        return "451 4.3.0 Mailbox busy, try later"
    return None


@pytest.fixture
def smtp(settings):
    with SMTPSink(CountingHandler(answer_for=refuse)) as sink:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", sink.port
        yield sink.handler


def test_permanent_failure_is_recorded_with_the_servers_answer(issue, smtp):
    make_subscriber("ok@example.org")
    bounce = make_subscriber("bounce@example.org")
    tasks.start_send(issue)

    assert smtp.received == {"ok@example.org": 1}
    failed = Delivery.objects.get(subscriber=bounce)
    assert failed.status == Delivery.Status.FAILED_PERMANENT
    assert failed.answer == "550 5.1.1 No such user here" and failed.attempts == 1
    send = IssueSend.objects.get(issue=issue)
    assert send.progress()["failed"] == 1 and send.finished_at is not None


def test_temporary_failure_is_retried_with_backoff_until_it_goes_through(issue, smtp):
    make_subscriber("ok@example.org")
    busy = make_subscriber("busy@example.org")
    tasks.start_send(issue)

    waiting = Delivery.objects.get(subscriber=busy)
    assert waiting.status == Delivery.Status.FAILED_TEMPORARY
    assert waiting.answer.startswith("451") and waiting.attempts == 1
    assert waiting.next_attempt_at > timezone.now() + timedelta(seconds=50)
    assert delivery.next_step(issue.pk) == ("later", waiting.next_attempt_at)
    # Not before its time…
    assert deliver_issue_batch.call(issue.pk) == {"sent": 0, "failed": 0, "skipped": 0}

    # …then it goes through once the mailbox is free again.
    smtp.answer_for = None
    Delivery.objects.filter(pk=waiting.pk).update(next_attempt_at=timezone.now())
    assert deliver_issue_batch.call(issue.pk)["sent"] == 1
    waiting.refresh_from_db()
    assert waiting.status == Delivery.Status.SENT and waiting.attempts == 2
    assert smtp.received == {"ok@example.org": 1, "busy@example.org": 1}
    assert delivery.next_step(issue.pk) == ("done", None)


def test_backoff_grows_and_gives_up_after_the_last_attempt(issue, smtp, settings):
    settings.NEWSLETTER_MAX_ATTEMPTS = 3
    assert [delivery.backoff(n).total_seconds() for n in (1, 2, 3)] == [60, 240, 960]
    busy = make_subscriber("busy@example.org")
    tasks.start_send(issue)
    for _ in range(2):
        Delivery.objects.update(next_attempt_at=timezone.now())
        delivery.deliver_batch(issue.pk)
    gave_up = Delivery.objects.get(subscriber=busy)
    assert gave_up.status == Delivery.Status.FAILED_PERMANENT and gave_up.attempts == 3
    assert gave_up.answer.startswith("Gave up after 3 attempts: 451")


def test_unreachable_server_fails_every_claimed_delivery_temporarily(issue, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", free_port()
    make_subscriber("a@example.org")
    make_subscriber("b@example.org")
    tasks.start_send(issue)
    statuses = set(Delivery.objects.values_list("status", flat=True))
    assert statuses == {Delivery.Status.FAILED_TEMPORARY}
    assert "ConnectionRefusedError" in Delivery.objects.first().answer


def test_claims_of_a_dead_worker_on_this_host_go_back_to_waiting(issue, settings):
    settings.NEWSLETTER_LANES = 0
    for n in range(3):
        make_subscriber(f"s{n}@example.org")
    tasks.start_send(issue)
    host = socket.gethostname()
    dead, alive, remote = Delivery.objects.order_by("pk")
    gone_pid = 2**22 + 12345  # above Linux's default pid_max: never a live process
    for row, owner in (
        (dead, f"{host}:{gone_pid}"),
        (alive, f"{host}:{os.getppid()}"),
        (remote, "elsewhere:1"),
    ):
        Delivery.objects.filter(pk=row.pk).update(
            status=Delivery.Status.SENDING, claimed_by=owner, claimed_at=timezone.now()
        )

    assert delivery.release_orphaned_claims() == 1
    assert Delivery.objects.get(pk=dead.pk).status == Delivery.Status.WAITING
    assert Delivery.objects.get(pk=alive.pk).status == Delivery.Status.SENDING

    # Another host's claim is only taken back once it is older than the timeout.
    Delivery.objects.filter(pk=remote.pk).update(claimed_at=timezone.now() - timedelta(hours=1))
    assert delivery.release_orphaned_claims() == 1
    assert Delivery.objects.get(pk=remote.pk).status == Delivery.Status.WAITING


def test_two_claims_never_take_the_same_delivery(issue, settings):
    settings.NEWSLETTER_LANES = 0
    for n in range(5):
        make_subscriber(f"s{n}@example.org")
    tasks.start_send(issue)
    _, first = delivery.claim(issue.pk, 3)
    _, second = delivery.claim(issue.pk, 3)
    assert len(first) == 3 and len(second) == 2
    assert not {d.pk for d in first} & {d.pk for d in second}
