"""`kill -9` of a real db_worker in the middle of a send, then a restart: every e-mail arrives
and none twice (a real SMTP server on localhost counts them)."""

import os
import signal
import threading

from digest.newsletter.tests.scratch import ScratchSite, wait_for
from digest.newsletter.tests.sink import CountingHandler, SMTPSink, free_port

SUBSCRIBERS = 450  # three batches of 200
KILL_AT = 250  # during the SMTP transaction of the 251st message, in the second batch


def _kill_mid_send_and_restart(site, command, kill_at, expected, progress):
    """Run `command`, kill -9 its worker once `kill_at` messages have arrived, start a second
    worker and wait until `expected` messages have arrived and `progress()` says finished.
    Returns the SMTP handler and the final progress."""
    worker = {}
    killed = threading.Event()

    def kill_mid_transaction(address):
        # Called by the SMTP server on RCPT TO: the worker is inside a send, its delivery
        # claimed, the message not yet accepted.
        if not killed.is_set() and handler.total >= kill_at:
            os.kill(worker["process"].pid, signal.SIGKILL)
            killed.set()

    handler = CountingHandler(on_recipient=kill_mid_transaction)
    with SMTPSink(handler, port=site.smtp_port):
        site.manage(*command)
        worker["process"] = first = site.start_worker()
        assert killed.wait(timeout=240), first.stderr.read().decode()
        assert first.wait(timeout=30) == -signal.SIGKILL
        killed_at = handler.total

        worker["process"] = second = site.start_worker()
        try:
            assert wait_for(lambda: handler.total >= expected, timeout=240)
            assert wait_for(lambda: progress()["finished"], timeout=60)
        finally:
            second.terminate()
            second.wait(timeout=30)
    return handler, killed_at, progress()


def test_killed_worker_restarted_sends_every_remaining_email_exactly_once(tmp_path):
    site = ScratchSite(tmp_path, free_port(), name="newsletter_crash")
    try:
        site.create(SUBSCRIBERS)
        handler, killed_at, progress = _kill_mid_send_and_restart(
            site, ("send_issue", "2026-01"), KILL_AT, SUBSCRIBERS, site.progress
        )
    finally:
        site.drop()

    assert killed_at == KILL_AT
    assert len(handler.received) == SUBSCRIBERS
    assert set(handler.received.values()) == {1}
    assert progress["sent"] == SUBSCRIBERS and progress["waiting"] == 0
    assert len(set(handler.message_ids)) == SUBSCRIBERS


def test_killed_worker_restarted_sends_every_alert_exactly_once(tmp_path):
    """The same guarantee for a day's alerts: one alert per subscriber, none twice."""
    alerted = 150  # every third of 450 subscribers follows the alerted topic
    site = ScratchSite(tmp_path, free_port(), name="newsletter_alert_crash")
    try:
        site.create(SUBSCRIBERS, alerts="all")
        handler, _, progress = _kill_mid_send_and_restart(
            site, ("send_alerts",), 70, alerted, site.alert_progress
        )
    finally:
        site.drop()

    assert len(handler.received) == alerted
    assert set(handler.received.values()) == {1}
    assert progress["sent"] == alerted and len(set(handler.message_ids)) == alerted
