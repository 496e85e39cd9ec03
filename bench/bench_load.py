"""A load run: 60 s at 64 connections against home, a filtered archive, a search and a summary,
served by gunicorn with production settings on a generated corpus; requests/s, latency
(median, p99) and errors (the target is none).

The corpus lives in a temporary SQLite file (migrated, then `generate_corpus`), static files
are collected for the manifest storage, and gunicorn runs with `gunicorn.conf.py` as deployed.
wrk (Debian's `/usr/bin/wrk`) sends every request as a TLS proxy would pass it on
(`X-Forwarded-Proto: https`) for one of 65 536 readers (`X-Forwarded-For`, trusted from
127.0.0.1 through `TRUSTED_PROXIES`), so the per-client rate limits count as they would in
production. Figures go in docs/benchmarks.md.

    .venv/bin/python -m bench bench_load            # or: make bench
    .venv/bin/python -m bench.bench_load --summaries 10000 --duration 60 --connections 64
"""

import argparse
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WRK = shutil.which("wrk") or "/usr/bin/wrk"

# The four kinds of page a reader opens, in turn; SUMMARY is filled in from the corpus.
PATHS = [
    "/",
    "/archive/?topic=alliance&type=meta-analysis",
    "/search/?q=alliance+rupture",
    "SUMMARY",
]

LUA = r"""
local paths = {%(paths)s}
local counter = 0
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  bad = 0
  statuses = {}
  math.randomseed(os.time() + counter)
end

function request()
  counter = counter + 1
  local path = paths[(counter %% #paths) + 1]
  local client = string.format("10.%%d.%%d.%%d", math.random(0, 255), math.random(0, 255), 1)
  return wrk.format("GET", path, {
    ["Host"] = "127.0.0.1",
    ["X-Forwarded-Proto"] = "https",
    ["X-Forwarded-For"] = client,
  })
end

function response(status, headers, body)
  if status ~= 200 then
    bad = bad + 1
    statuses[status] = (statuses[status] or 0) + 1
  end
end

function done(summary, latency, requests)
  local total = 0
  local by_status = {}
  for _, thread in ipairs(threads) do
    total = total + thread:get("bad")
    for status, n in pairs(thread:get("statuses")) do
      by_status[status] = (by_status[status] or 0) + n
    end
  end
  local e = summary.errors
  io.write(string.format("RESULT requests=%%d duration_us=%%d non200=%%d connect=%%d "
    .. "read=%%d write=%%d timeout=%%d p50_us=%%d p99_us=%%d max_us=%%d\n",
    summary.requests, summary.duration, total, e.connect, e.read, e.write, e.timeout,
    latency:percentile(50), latency:percentile(99), latency.max))
  for status, n in pairs(by_status) do
    io.write(string.format("STATUS %%d %%d\n", status, n))
  end
end
"""


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run(command, env, **kwargs):
    subprocess.run(command, cwd=ROOT, env=env, check=True, **kwargs)


def wait_until_up(url, timeout=120):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            request = urllib.request.Request(url, headers={"X-Forwarded-Proto": "https"})
            with urllib.request.urlopen(request, timeout=5) as answer:  # noqa: S310
                if answer.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"gunicorn did not answer at {url}")


def main(argv=()):
    parser = argparse.ArgumentParser(prog="bench_load")
    parser.add_argument("--summaries", type=int, default=2_000)
    parser.add_argument("--duration", type=int, default=60, help="seconds")
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--workers", type=int, default=int(os.environ.get("WEB_CONCURRENCY", 3)))
    args = parser.parse_args(argv)
    if not Path(WRK).exists():
        print("wrk is not installed (Debian: apt-get install wrk); load run skipped")
        return

    workdir = Path(tempfile.mkdtemp(prefix="digest-load-"))
    database = workdir / "corpus.sqlite3"
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "digest.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(48),
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": f"sqlite:///{database}",
        "STATIC_ROOT": str(workdir / "static"),
        "CACHE_DIR": str(workdir / "cache"),
        "TRUSTED_PROXIES": "127.0.0.1",
        "BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": str(args.workers),
        "LOG_LEVEL": "ERROR",
    }
    server = None
    try:
        started = time.perf_counter()
        run([sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"], env)
        run(
            [sys.executable, "manage.py", "generate_corpus", "--summaries", str(args.summaries)],
            env,
            stdout=subprocess.DEVNULL,
        )
        run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"], env)
        summary = subprocess.run(
            [
                sys.executable,
                "manage.py",
                "shell",
                "--no-imports",
                "-c",
                "from digest.summaries.models import SummaryPage;"
                "print(SummaryPage.objects.live().order_by('-month', 'path').first().url)",
            ],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout.split()[-1]
        print(
            f"corpus: {args.summaries:,} summaries, built in {time.perf_counter() - started:.0f}s"
        )

        log = open(workdir / "gunicorn.log", "w")  # noqa: SIM115 (closed with the server)
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "digest.wsgi", "-c", "gunicorn.conf.py"],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        base = f"http://127.0.0.1:{port}"
        wait_until_up(base + "/")
        paths = [summary if p == "SUMMARY" else p for p in PATHS]
        for path in paths:  # warm every worker's caches a little (facet index, vocabulary)
            for _ in range(args.workers * 2):
                wait_until_up(base + path)
        script = workdir / "load.lua"
        script.write_text(LUA % {"paths": ", ".join(f'"{p}"' for p in paths)})
        command = [
            WRK,
            "-t2",
            f"-c{args.connections}",
            f"-d{args.duration}s",
            "--timeout",
            "10s",
            "-s",
            str(script),
            base,
        ]
        print(f"wrk -t2 -c{args.connections} -d{args.duration}s, gunicorn {args.workers} workers;")
        print("pages in turn: " + ", ".join(paths))
        output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
        report(output)
    finally:
        if server is not None:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)
        shutil.rmtree(workdir, ignore_errors=True)


def report(output):
    found = re.search(r"^RESULT (.*)$", output, re.MULTILINE)
    if not found:
        print(output)
        raise RuntimeError("wrk printed no result")
    values = {k: int(v) for k, v in (pair.split("=") for pair in found[1].split())}
    seconds = values["duration_us"] / 1e6
    socket_errors = sum(values[k] for k in ("connect", "read", "write", "timeout"))
    errors = socket_errors + values["non200"]
    print(
        f"requests: {values['requests']:,} in {seconds:.1f}s = "
        f"{values['requests'] / seconds:,.0f} requests/s\n"
        f"latency: median {values['p50_us'] / 1000:.1f} ms, p99 {values['p99_us'] / 1000:.1f} ms, "
        f"max {values['max_us'] / 1000:.1f} ms\n"
        f"errors: {errors} (non-200 answers {values['non200']}, socket errors {socket_errors})"
    )
    for status, count in re.findall(r"^STATUS (\d+) (\d+)$", output, re.MULTILINE):
        print(f"  status {status}: {count}")


if __name__ == "__main__":
    main(sys.argv[1:])
