"""The client's address through trusted proxies only, for rate limits and consent records; the
rate-limit cache counts atomically, and django-ratelimit's own checks pass."""

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from django.core import checks
from django.core.cache import caches
from django.db import close_old_connections, connection
from django.test import RequestFactory

from digest.core.clients import client_ip
from digest.newsletter.models import Subscriber
from digest.newsletter.subscriptions import client_fingerprint

ORIGIN = {"HTTP_ORIGIN": "http://testserver"}


def request(peer, forwarded=None):
    extra = {"REMOTE_ADDR": peer}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


def test_without_trusted_proxies_the_header_is_ignored(settings):
    settings.TRUSTED_PROXIES = []
    assert client_ip(request("198.51.100.9", "203.0.113.7")) == "198.51.100.9"


def test_behind_a_trusted_proxy_the_client_is_the_hop_it_vouches_for(settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1", "::1"]
    # Whatever the client put first is its own claim; the proxy appended the real address.
    assert client_ip(request("127.0.0.1", "1.1.1.1, 203.0.113.7")) == "203.0.113.7"
    assert client_ip(request("::1", "2001:db8::5")) == "2001:db8::5"
    assert client_ip(request("127.0.0.1")) == "127.0.0.1"  # no header: the proxy itself


def test_a_chain_of_trusted_networks_is_walked_back_to_the_first_untrusted_hop(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/8", "127.0.0.1"]
    forwarded = "6.6.6.6, 203.0.113.7, 10.1.2.3"
    assert client_ip(request("127.0.0.1", forwarded)) == "203.0.113.7"
    assert client_ip(request("127.0.0.1", "6.6.6.6, not-an-address, 10.1.2.3")) == "10.1.2.3"


def test_a_spoofed_header_from_a_direct_client_changes_nothing(settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    assert client_ip(request("198.51.100.9", "127.0.0.1, 203.0.113.7")) == "198.51.100.9"


def subscribe(client, email, peer, forwarded=None):
    extra = {"REMOTE_ADDR": peer, **ORIGIN}
    if forwarded:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    data = {"email": email, "source": "page", "website": ""}
    return client.post("/subscribe/", data, **extra)


@pytest.mark.django_db
def test_readers_behind_the_proxy_each_have_their_own_rate_limit(client, settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    settings.NEWSLETTER_RATE_PER_CLIENT = "2/h"
    for n in range(2):
        assert subscribe(client, f"a{n}@example.org", "127.0.0.1", "203.0.113.1").status_code == 302
    assert subscribe(client, "a9@example.org", "127.0.0.1", "203.0.113.1").status_code == 429
    # Another reader through the same proxy is not limited by the first one.
    assert subscribe(client, "b@example.org", "127.0.0.1", "203.0.113.2").status_code == 302


@pytest.mark.django_db
def test_a_direct_client_cannot_escape_its_rate_limit_with_a_header(client, settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    settings.NEWSLETTER_RATE_PER_CLIENT = "2/h"
    codes = [
        subscribe(client, f"s{n}@example.org", "198.51.100.9", f"203.0.113.{n}").status_code
        for n in range(4)
    ]
    assert codes == [302, 302, 429, 429]


@pytest.mark.django_db
def test_the_consent_record_holds_the_readers_address_not_the_proxys(client, settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    subscribe(client, "reader@example.org", "127.0.0.1", "203.0.113.7")
    subscribe(client, "direct@example.org", "198.51.100.9", "203.0.113.7")
    assert Subscriber.objects.get(email="reader@example.org").consent_ip_hash == (
        client_fingerprint("203.0.113.7")
    )
    assert Subscriber.objects.get(email="direct@example.org").consent_ip_hash == (
        client_fingerprint("198.51.100.9")
    )


def test_django_ratelimits_own_checks_pass():
    messages = [m for m in checks.run_checks(tags=[checks.Tags.caches]) if not m.is_silenced()]
    assert not [m for m in messages if m.id and m.id.startswith("django_ratelimit")]


@pytest.mark.django_db
def test_the_counter_cache_adds_once_increments_and_expires():
    cache = caches["ratelimit"]
    assert cache.add("window", 1, 60) is True
    assert cache.add("window", 1, 60) is False
    assert cache.incr("window") == 2 and cache.incr("window", 5) == 7
    assert cache.get("window") == 7 and cache.get("other", "none") == "none"
    assert cache.add("gone", 1, -1) is True  # already expired
    assert cache.get("gone") is None and cache.add("gone", 3, 60) is True
    assert cache.get("gone") == 3
    with pytest.raises(ValueError):
        cache.incr("missing")
    cache.delete("window")
    assert not cache.has_key("window")


@pytest.mark.django_db(transaction=True)
def test_concurrent_increments_are_never_lost():
    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        pytest.skip("threads cannot share an in-memory SQLite database's write lock")
    cache = caches["ratelimit"]
    cache.add("busy", 0, 60)
    threads, hits = 8, 25

    def hammer():
        try:
            for _ in range(hits):
                cache.incr("busy")
        finally:
            close_old_connections()
            connection.close()

    workers = [threading.Thread(target=hammer) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert cache.get("busy") == threads * hits


HAMMER = """
import django
django.setup()
from django.core.cache import caches
cache = caches["ratelimit"]
cache.add("busy", 0, 60)
for _ in range(HITS):
    cache.incr("busy")
print(cache.get("busy"))
"""


def test_processes_sharing_one_sqlite_file_never_lose_an_increment(tmp_path):
    # What gunicorn's workers do on SQLite: separate processes, one database file.
    root = Path(__file__).resolve().parents[3]
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DJANGO_SETTINGS_MODULE": "digest.settings.test",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'counters.sqlite3'}",
    }
    python = [sys.executable, "manage.py"]
    subprocess.run([*python, "migrate", "core", "-v", "0"], cwd=root, env=env, check=True)
    processes, hits = 4, 40
    code = HAMMER.replace("HITS", str(hits))
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", code], cwd=root, env=env, stdout=subprocess.PIPE, text=True
        )
        for _ in range(processes)
    ]
    last = [int(worker.communicate(timeout=300)[0].split()[-1]) for worker in workers]
    assert all(worker.returncode == 0 for worker in workers)
    assert max(last) == processes * hits
