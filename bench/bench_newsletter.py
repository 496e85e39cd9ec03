"""Newsletter delivery: one issue to 2 000 and then 10 000 confirmed subscribers through a real
`db_worker` process and a local SMTP sink (aiosmtpd). Prints e-mails per second, the worker's
CPU time per e-mail and its peak memory, which should not grow with the number of subscribers.

    make bench            # every benchmark
    .venv/bin/python -m bench bench_newsletter
"""

import os
import tempfile
import time
from pathlib import Path

from digest.newsletter.tests.scratch import ScratchSite
from digest.newsletter.tests.sink import SMTPSink

SIZES = (2_000, 10_000)
TARGET_PER_SECOND = 200


def deliver(site: ScratchSite, sink: SMTPSink, subscribers: int) -> dict:
    site.manage("send_issue", "2026-01")
    started = time.monotonic()
    # --batch: the worker exits once the queue is empty, so wait4 gives its own rusage.
    worker = site.start_worker("--batch")
    _pid, status, usage = os.wait4(worker.pid, 0)
    wall = time.monotonic() - started
    if status:
        raise RuntimeError(f"db_worker failed:\n{worker.stderr.read().decode()[-3000:]}")
    handler = sink.handler
    if handler.total != subscribers or set(handler.received.values()) != {1}:
        raise RuntimeError(f"expected {subscribers} e-mails once each, got {handler.total}")
    sending = handler.last_at - handler.first_at
    cpu = usage.ru_utime + usage.ru_stime
    return {
        "subscribers": subscribers,
        "per_second": subscribers / sending,
        "wall": wall,
        "cpu_ms": 1000 * cpu / subscribers,
        "peak_mb": usage.ru_maxrss / 1024,  # Linux reports kilobytes
    }


def main():
    print(f"load average before: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    results = []
    with tempfile.TemporaryDirectory() as directory:
        base = ScratchSite(Path(directory), 0, "bench_base", sqlite=True).create()
        for size in SIZES:
            with SMTPSink() as sink:
                site = base.copy_to(f"bench_{size}")
                site.smtp_port = sink.port
                site.seed(size)
                results.append(deliver(site, sink, size))
            row = results[-1]
            print(
                f"{row['subscribers']:>6} subscribers: {row['per_second']:6.0f} e-mails/s "
                f"(worker start to exit {row['wall']:.1f}s), worker CPU {row['cpu_ms']:.2f} ms "
                f"per e-mail, worker peak RSS {row['peak_mb']:.0f} MB",
                flush=True,
            )
    small, large = results[0], results[-1]
    print(
        f"peak memory {large['subscribers'] // small['subscribers']}x the subscribers: "
        f"{large['peak_mb'] / small['peak_mb']:.2f}x the memory"
    )
    print(
        f"target {TARGET_PER_SECOND} e-mails/s: measured {large['per_second']:.0f}/s; "
        f"CPU-bound ceiling of one worker {1000 / large['cpu_ms']:.0f}/s "
        f"(load average after: {os.getloadavg()[0]:.1f})"
    )
