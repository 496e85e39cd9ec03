"""Project-wide pytest fixtures."""

import os
import shutil
from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _clear_cache():
    # Page and rate-limit caches must not leak from one test into the next. The rate-limit
    # counters of the test settings live in the test database, which each test's transaction
    # already rolls back (and which a test without the database may not touch).
    from django.conf import settings
    from django.core.cache import caches

    in_memory = [a for a, c in settings.CACHES.items() if "DatabaseCounter" not in c["BACKEND"]]
    for alias in in_memory:
        caches[alias].clear()
    yield
    for alias in in_memory:
        caches[alias].clear()


@pytest.fixture(autouse=True)
def _english_between_tests():
    # A request to /fr/… leaves French active in this thread; the next test must not
    # inherit it (page.url, issue titles and reverse() all follow the active language).
    from django.utils import translation

    translation.activate("en")
    yield
    translation.activate("en")


def pytest_collection_modifyitems(config, items):
    """Give every transactional test a serialized rollback.

    A transactional test (live_server, a real worker process) ends by flushing the database,
    which would take with it what the migrations created: Wagtail's root and home pages, the
    site, the 36 topics and the research types. Serialized rollback restores them, whatever
    order the tests run in.
    """
    for item in items:
        marker = item.get_closest_marker("django_db")
        kwargs = dict(marker.kwargs) if marker else {}
        fixtures = set(getattr(item, "fixturenames", ()))
        if kwargs.get("transaction") or fixtures & {"transactional_db", "live_server"}:
            kwargs.update(transaction=True, serialized_rollback=True)
            item.add_marker(pytest.mark.django_db(**kwargs), append=False)


@pytest.fixture(autouse=True)
def _live_server_gate(request):
    """Keep live-server requests and the test thread's transactions apart.

    See digest/core/tests/live_server_gate.py. Requesting `transactional_db` here puts this
    teardown before the flush; being autouse, it runs after `open_page` has closed the tabs.
    On SQLite the server's threads share the test thread's connection: each request, and each
    of the test thread's transactions, then holds one lock.
    """
    if "live_server" not in request.fixturenames:
        yield
        return
    import contextlib
    import threading

    from digest.core.tests.live_server_gate import LiveServerGate, serialised_atomic

    request.getfixturevalue("transactional_db")
    server = request.getfixturevalue("live_server").thread
    gate = server.httpd.get_app()
    if not isinstance(gate, LiveServerGate):
        lock = threading.RLock() if server.connections_override else None
        gate = LiveServerGate(gate, lock)
        server.httpd.set_app(gate)
    with serialised_atomic(gate.lock) if gate.lock else contextlib.nullcontext():
        gate.open()
        yield
        if not gate.close():
            pytest.fail("a live-server request was still running 30 s after the test ended")


# Browser tests (Debian's chromium through Playwright): one browser per test module that drives
# it. While it runs, Playwright keeps an event loop running in this thread and the ORM needs
# DJANGO_ALLOW_ASYNC_UNSAFE; neither may outlast the browser tests (later tests would inherit
# them, and `check --deploy` in a subprocess rightly refuses that variable). Module scope also
# ends one Playwright before the next starts: two sync Playwrights cannot share a thread.
# CHROMIUM=/path overrides it (e.g. to check the skip: CHROMIUM=/nonexistent make test).
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture(scope="module")
def browser(django_db_setup):
    if not (CHROMIUM.exists() and shutil.which(str(CHROMIUM))):
        pytest.skip(
            f"Debian's chromium is not installed at {CHROMIUM}: run `make browser-deps` "
            "as root (or apt-get install chromium) to run the browser tests"
        )
    from django.db import connections
    from playwright.sync_api import sync_playwright

    # Playwright's sync API leaves an event loop running in this thread. Django then refuses
    # ORM calls (the factories' plain synchronous code) unless told they are safe, and asgiref
    # hands the thread a second, fresh set of connections: pin the ones the test database was
    # set up on, or serialized rollback (kept on those objects) would silently do nothing.
    test_connections = {alias: connections[alias] for alias in connections}
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            for alias, connection in test_connections.items():
                connections[alias] = connection
            chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            yield chromium
            chromium.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def open_page(browser, live_server):
    """A function that opens a fresh tab (own cookies, chosen viewport, JavaScript or not)."""
    contexts = []

    def open_page(viewport=DESKTOP, javascript=True):
        context = browser.new_context(
            base_url=live_server.url, viewport=viewport, java_script_enabled=javascript
        )
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context.new_page()

    yield open_page
    # Let every request finish before the database is flushed under the live server's feet.
    for context in contexts:
        for page in context.pages:
            page.wait_for_load_state("networkidle")
        context.close()
