"""A real SMTP server on localhost that counts what it accepts (aiosmtpd): the newsletter's
crash tests and benchmark send through it."""

import collections
import re
import socket
import threading
import time
from collections.abc import Callable

from aiosmtpd.controller import Controller

_MESSAGE_ID = re.compile(rb"^Message-ID:\s*(\S+)", re.IGNORECASE | re.MULTILINE)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class CountingHandler:
    """Accepts every message, remembering each recipient and Message-ID.

    `answer_for(address)` may return an SMTP reply ("550 5.1.1 No such user") to refuse a
    recipient; `on_recipient(address)` is called before answering (tests kill workers there).
    """

    def __init__(
        self,
        answer_for: Callable[[str], str | None] | None = None,
        on_recipient: Callable[[str], None] | None = None,
    ):
        self.answer_for = answer_for
        self.on_recipient = on_recipient
        self.received = collections.Counter()
        self.message_ids = []
        self.first_at = self.last_at = None  # time.monotonic() of the first and last message
        self.lock = threading.Lock()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802
        if self.on_recipient:
            self.on_recipient(address)
        answer = self.answer_for(address) if self.answer_for else None
        if answer:
            return answer
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        found = _MESSAGE_ID.search(envelope.content or b"")
        with self.lock:
            self.received.update(envelope.rcpt_tos)
            self.message_ids.append(found.group(1).decode() if found else "")
            self.last_at = time.monotonic()
            self.first_at = self.first_at or self.last_at
        return "250 Message accepted for delivery"

    @property
    def total(self) -> int:
        with self.lock:
            return sum(self.received.values())


class SMTPSink:
    """Context manager: `with SMTPSink() as sink:` serves on 127.0.0.1:sink.port."""

    def __init__(self, handler: CountingHandler | None = None, port: int | None = None):
        self.handler = handler or CountingHandler()
        self.port = port or free_port()
        self.controller = Controller(self.handler, hostname="127.0.0.1", port=self.port)

    def __enter__(self):
        self.controller.start()
        return self

    def __exit__(self, *exc):
        self.controller.stop()
