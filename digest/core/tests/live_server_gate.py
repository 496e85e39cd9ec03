"""A gate in front of the live server, closed between tests.

On SQLite the live server's threads share the test thread's in-memory connection. A request
the browser sends as its tab closes (Wagtail's editor releases its editing session with a
beacon on `pagehide`; autosave posts on a timer) can reach the server while the test thread
flushes the database. Two threads then enter and leave `atomic()` on one connection, and it is
left outside any transaction with autocommit off: every later test fails on its first save
("on_commit() cannot be used in manual transaction management").

Closed, the gate answers 503 without touching the database, and `close()` returns once no
request is inside the application any more. Open, it can hold a lock for each request's whole
length; `serialised_atomic()` makes the test thread take the same lock for each transaction,
so that a test's own saves wait for a request the page's scripts sent, and the reverse.
"""

import contextlib
import threading

from django.db.transaction import Atomic


@contextlib.contextmanager
def serialised_atomic(lock):
    """Make every `atomic()` block, in any thread, hold `lock` (re-entrant) while it runs."""
    enter, exit_ = Atomic.__enter__, Atomic.__exit__

    def locked_enter(self):
        lock.acquire()
        try:
            return enter(self)
        except BaseException:
            lock.release()
            raise

    def locked_exit(self, *exc_info):
        try:
            return exit_(self, *exc_info)
        finally:
            lock.release()

    Atomic.__enter__, Atomic.__exit__ = locked_enter, locked_exit
    try:
        yield
    finally:
        Atomic.__enter__, Atomic.__exit__ = enter, exit_


class LiveServerGate:
    def __init__(self, app, lock=None):
        self.app = app
        self.lock = lock
        self._state = threading.Condition()
        self._open = True
        self._busy = 0
        self.refused = 0

    def __call__(self, environ, start_response):
        with self._state:
            if not self._open:
                self.refused += 1
                start_response("503 Service Unavailable", [("Content-Type", "text/plain")])
                return [b"The test is over."]
            self._busy += 1
        try:
            # The whole response, its close() included (which sends request_finished), is
            # produced inside the gate: a streamed body must not reach the database later.
            with self.lock or contextlib.nullcontext():
                result = self.app(environ, start_response)
                try:
                    return [b"".join(result)]
                finally:
                    if hasattr(result, "close"):
                        result.close()
        finally:
            with self._state:
                self._busy -= 1
                self._state.notify_all()

    def open(self):
        with self._state:
            self._open = True

    def close(self, timeout=30):
        """Refuse new requests; wait for those inside. False if some were still running."""
        with self._state:
            self._open = False
            return self._state.wait_for(lambda: self._busy == 0, timeout=timeout)
