"""The gate that keeps live-server requests away from the database between tests."""

import threading

from digest.core.tests.live_server_gate import LiveServerGate


class _Body:
    """A streamed body whose close() is the last thing the application does."""

    def __init__(self, log):
        self.log = log

    def __iter__(self):
        self.log.append("body")
        yield b"ok"

    def close(self):
        self.log.append("closed")


def _call(gate):
    statuses = []
    body = gate({}, lambda status, headers: statuses.append(status))
    return statuses[0], b"".join(body)


def test_an_open_gate_passes_the_whole_response_through_closing_it_inside():
    log = []

    def app(environ, start_response):
        start_response("200 OK", [])
        return _Body(log)

    gate = LiveServerGate(app)
    assert _call(gate) == ("200 OK", b"ok")
    assert log == ["body", "closed"]


def test_closing_waits_for_a_running_request_then_refuses_new_ones():
    entered, release = threading.Event(), threading.Event()
    log = []

    def app(environ, start_response):
        entered.set()
        release.wait(5)
        log.append("finished")
        start_response("200 OK", [])
        return [b"late"]

    gate = LiveServerGate(app)
    running = threading.Thread(target=_call, args=(gate,))
    running.start()
    assert entered.wait(5)

    assert gate.close(timeout=0.05) is False  # still inside
    threading.Timer(0.05, release.set).start()
    assert gate.close(timeout=5) is True
    assert log == ["finished"]
    running.join(5)

    assert _call(gate) == ("503 Service Unavailable", b"The test is over.")
    assert gate.refused == 1 and log == ["finished"]

    gate.open()
    release.set()
    assert _call(gate) == ("200 OK", b"late")


def test_a_locked_gate_and_the_test_threads_transactions_take_turns(db):
    from django.db import transaction

    from digest.core.tests.live_server_gate import serialised_atomic

    lock, order = threading.RLock(), []
    request_started = threading.Event()

    def app(environ, start_response):
        order.append("request")
        start_response("200 OK", [])
        return [b""]

    gate = LiveServerGate(app, lock)

    def request():
        request_started.set()
        _call(gate)

    with serialised_atomic(lock):
        with transaction.atomic():
            with transaction.atomic():  # nested: the same thread takes the lock again
                order.append("nested")
            thread = threading.Thread(target=request)
            thread.start()
            assert request_started.wait(5)
            thread.join(0.1)
            order.append("commit")
        thread.join(5)
    assert order == ["nested", "commit", "request"]
    assert lock.acquire(blocking=False)  # every turn was given back
    lock.release()
