"""Requests per second under wrk, in one interleaved run on this machine: nginx serving a
saved summary page as a file; a bare Django view returning the same bytes; the site rendering
that page (page cache off); the site answering from its page cache; the site through the
shipped nginx cache (deploy/nginx/digest.conf). The ratios are the issue's targets: page
cache ≥ 0.8× the bare view, nginx cache ≥ 0.5× nginx's file.

Gunicorn runs with the production settings and 2 workers (one instance with the page cache
off, one with it on), load is `wrk -t2 -c16 -d5s`, three rounds. The corpus is a SQLite file
built by `generate_corpus` (BENCH_HTTP_DB=path reuses one; else 10,000 summaries are built in
a temporary folder). Needs /usr/bin/wrk and /usr/sbin/nginx (make bench installs nginx).
"""

import os
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WRK = os.environ.get("WRK", "/usr/bin/wrk")
NGINX = os.environ.get("NGINX", "/usr/sbin/nginx")
SUMMARIES = int(os.environ.get("BENCH_HTTP_SUMMARIES", "10000"))
ROUNDS = int(os.environ.get("BENCH_HTTP_ROUNDS", "3"))
DURATION = os.environ.get("BENCH_HTTP_DURATION", "5s")
CONNECTIONS = 16


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(url, timeout=60):
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310
                return response.read()
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def django_env(database, workdir, **extra):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.http_settings",
        "DATABASE_URL": f"sqlite:///{database}",
        "SECRET_KEY": secrets.token_urlsafe(40),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "STATIC_ROOT": str(workdir / "static"),
        "CACHE_DIR": str(workdir / "cache"),
        "WEB_CONCURRENCY": "2",
        **extra,
    }


def corpus(workdir):
    if os.environ.get("BENCH_HTTP_DB"):
        return Path(os.environ["BENCH_HTTP_DB"])
    database = workdir / "corpus.sqlite3"
    env = {**django_env(database, workdir), "DJANGO_SETTINGS_MODULE": "digest.settings.dev"}
    manage = [sys.executable, "manage.py"]
    subprocess.run([*manage, "migrate", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)
    subprocess.run(
        [*manage, "generate_corpus", "--summaries", str(SUMMARIES)], cwd=ROOT, env=env, check=True
    )
    return database


def gunicorn(env, port, log):
    return subprocess.Popen(  # noqa: S603
        [
            sys.executable,
            "-m",
            "gunicorn",
            "digest.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--access-logfile",
            "/dev/null",
        ],
        cwd=ROOT,
        env={**env, "DJANGO_SETTINGS_MODULE": "bench.http_settings"},
        stdout=log,
        stderr=log,
        start_new_session=True,
    )


def nginx_conf(workdir, file_port, cache_port, upstream_port):
    shipped = (ROOT / "deploy" / "nginx" / "digest.conf").read_text()
    shipped = (
        shipped.replace("server 127.0.0.1:8000;", f"server 127.0.0.1:{upstream_port};")
        .replace("/var/cache/nginx/digest", str(workdir / "nginx-cache"))
        .replace("listen 80;", f"listen 127.0.0.1:{cache_port};")
    )
    (workdir / "digest.conf").write_text(shipped)
    temp = "\n".join(
        f"{kind}_temp_path {workdir / kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    config = workdir / "nginx.conf"
    config.write_text(
        ("user root;\n" if os.geteuid() == 0 else "")
        + f"daemon off;\nworker_processes 2;\npid {workdir / 'nginx.pid'};\n"
        f"error_log {workdir / 'nginx-error.log'} warn;\nevents {{ worker_connections 1024; }}\n"
        f"http {{\naccess_log off;\n{temp}\ninclude /etc/nginx/mime.types;\n"
        f"server {{ listen 127.0.0.1:{file_port}; root {workdir / 'www'}; }}\n"
        f"include {workdir / 'digest.conf'};\n}}\n"
    )
    return config


def wrk(url):
    output = subprocess.run(
        [WRK, "-t2", f"-c{CONNECTIONS}", f"-d{DURATION}", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if errors:
        raise RuntimeError(f"{url}: {errors.group(1)} error responses\n{output}")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))


def main():
    for tool in (WRK, NGINX):
        if not shutil.which(tool):
            print(f"skipped: {tool} is not installed (apt-get install wrk nginx-light)")
            return
    workdir = Path(tempfile.mkdtemp(prefix="digest-http-"))
    processes = []
    try:
        database = corpus(workdir)
        env = django_env(database, workdir)
        subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
            cwd=ROOT,
            env=env,
            check=True,
        )
        path = (
            subprocess.run(
                [
                    sys.executable,
                    "manage.py",
                    "shell",
                    "-v",
                    "0",
                    "-c",
                    "from digest.summaries.models import SummaryPage;"
                    "print(SummaryPage.objects.live().order_by('-month', 'path').first().url)",
                ],
                cwd=ROOT,
                env=env,
                check=True,
                capture_output=True,
                text=True,
            )
            .stdout.strip()
            .splitlines()[-1]
        )
        uncached_port, cached_port = free_port(), free_port()
        log = open(workdir / "gunicorn.log", "w")  # noqa: SIM115
        processes.append(gunicorn({**env, "PAGE_CACHE_SECONDS": "0"}, uncached_port, log))
        page = wait_for(f"http://127.0.0.1:{uncached_port}{path}")
        (workdir / "www").mkdir()
        (workdir / "www" / "page.html").write_bytes(page)
        saved = {"BENCH_SAVED_PAGE": str(workdir / "www" / "page.html")}
        processes.append(gunicorn({**env, **saved}, cached_port, log))
        wait_for(f"http://127.0.0.1:{cached_port}{path}")
        file_port, cache_port = free_port(), free_port()
        config = nginx_conf(workdir, file_port, cache_port, cached_port)
        processes.append(
            subprocess.Popen([NGINX, "-c", config, "-p", workdir], start_new_session=True)  # noqa: S603
        )
        wait_for(f"http://127.0.0.1:{file_port}/page.html")
        # Gunicorn's bare view needs the saved page too: restart the uncached instance with it.
        os.killpg(processes[0].pid, signal.SIGTERM)
        processes[0].wait()
        processes[0] = gunicorn({**env, **saved, "PAGE_CACHE_SECONDS": "0"}, uncached_port, log)
        wait_for(f"http://127.0.0.1:{uncached_port}/__bench__/saved/")
        targets = {
            "nginx, the page as a file": f"http://127.0.0.1:{file_port}/page.html",
            "Django, bare view, same bytes": f"http://127.0.0.1:{uncached_port}/__bench__/saved/",
            "site, page cache off": f"http://127.0.0.1:{uncached_port}{path}",
            "site, from its page cache": f"http://127.0.0.1:{cached_port}{path}",
            "site, through the nginx cache": f"http://127.0.0.1:{cache_port}{path}",
        }
        for url in targets.values():  # warm every cache and check every answer
            with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310
                assert response.status == 200, url
        print(
            f"summary page {path}: {len(page):,} bytes; wrk -t2 -c{CONNECTIONS} -d{DURATION}, "
            f"{ROUNDS} interleaved rounds; gunicorn 2 workers, production settings"
        )
        results = {name: [] for name in targets}
        for _ in range(ROUNDS):
            for name, url in targets.items():
                results[name].append(wrk(url))
        median = {name: statistics.median(values) for name, values in results.items()}
        for name, values in results.items():
            rounds = " / ".join(f"{value:,.0f}" for value in values)
            print(f"{name:32} median {median[name]:>10,.0f} req/s   ({rounds})")
        print(
            "ratios: page cache / bare view = "
            f"{median['site, from its page cache'] / median['Django, bare view, same bytes']:.2f} "
            "(target ≥ 0.8); nginx cache / nginx file = "
            f"{median['site, through the nginx cache'] / median['nginx, the page as a file']:.2f}"
            " (target ≥ 0.5); page cache / uncached = "
            f"{median['site, from its page cache'] / median['site, page cache off']:.1f}×"
        )
    finally:
        for process in processes:
            try:
                os.killpg(process.pid, signal.SIGTERM)
                process.wait(timeout=10)
            except (ProcessLookupError, subprocess.TimeoutExpired):
                pass
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
