"""The shipped nginx config (deploy/nginx/digest.conf) in front of the site: Debian's nginx,
started here with the file as shipped (only its addresses and cache folder changed), proxying
to pytest-django's live server. Skipped, with the reason, where nginx is not installed."""

import os
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from digest.core.tests.factories import make_issue, make_summary

pytestmark = pytest.mark.proxy

NGINX = Path(os.environ.get("NGINX", "/usr/sbin/nginx"))
CONFIG = Path(__file__).resolve().parents[3] / "deploy" / "nginx" / "digest.conf"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def nginx_config(folder, listen, upstream):
    """The shipped config with its three CHANGE lines pointed here, inside a minimal nginx.conf."""
    shipped = CONFIG.read_text()
    for old, new in [
        ("server 127.0.0.1:8000;", f"server {upstream};"),
        ("/var/cache/nginx/digest", str(folder / "cache")),
        ("listen 80;", f"listen 127.0.0.1:{listen};"),
    ]:
        assert old in shipped, f"{old!r} is no longer in {CONFIG}"
        shipped = shipped.replace(old, new)
    (folder / "digest.conf").write_text(shipped)
    temp = "\n".join(
        f"{kind}_temp_path {folder / kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    main = folder / "nginx.conf"
    main.write_text(
        ("user root;\n" if os.geteuid() == 0 else "")
        + f"daemon off;\nworker_processes 1;\npid {folder / 'nginx.pid'};\n"
        f"error_log {folder / 'error.log'} warn;\nevents {{}}\n"
        f"http {{\naccess_log off;\n{temp}\ninclude {folder / 'digest.conf'};\n}}\n"
    )
    return main


@pytest.fixture
def proxy(live_server, tmp_path, settings):
    """The address of nginx in front of the live server, with Wagtail set to purge it."""
    if not (NGINX.exists() and shutil.which(str(NGINX))):
        pytest.skip(
            f"Debian's nginx is not installed at {NGINX}: apt-get install nginx-light "
            "(make test does it as root) to test the shipped proxy cache"
        )
    port = free_port()
    config = nginx_config(tmp_path, port, live_server.url.removeprefix("http://"))
    subprocess.run([NGINX, "-t", "-q", "-c", config, "-p", tmp_path], check=True)
    server = subprocess.Popen([NGINX, "-c", config, "-p", tmp_path])  # noqa: S603
    address = f"http://127.0.0.1:{port}"
    settings.PAGE_CACHE_SECONDS = 3600
    settings.WAGTAILFRONTENDCACHE = {
        "nginx": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": address,
        }
    }
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
                break
            except OSError:
                time.sleep(0.05)
        yield address
    finally:
        server.terminate()
        server.wait(timeout=10)


def fetch(url, method="GET", cookie=None):
    # As a reader of the site would: its host name is what Wagtail's purges name.
    request = urllib.request.Request(url, method=method, headers={"Host": site_host()})  # noqa: S310
    if cookie:
        request.add_header("Cookie", cookie)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


def site_host():
    from wagtail.models import Site

    return Site.objects.get(is_default_site=True).hostname


@pytest.fixture
def summary(live_server):
    return make_summary(make_issue("2018-02"), "Alliance matters", topics=["alliance"])


def test_a_second_request_is_a_hit(proxy, summary):
    for url in [summary.url, "/archive/?topic=alliance", "/fr/topics/alliance/"]:
        status, first, body = fetch(proxy + url)
        assert status == 200 and "Alliance matters" in body
        status, second, again = fetch(proxy + url)
        assert second["X-Proxy-Cache"] == "HIT" and again == body, url


def test_a_publish_purges_the_page_and_its_lists(proxy, summary):
    for url in [summary.url, "/", "/archive/", "/topics/alliance/"]:
        fetch(proxy + url)
        assert fetch(proxy + url)[1]["X-Proxy-Cache"] == "HIT"
    summary.title = "Alliance matters more than we thought"
    summary.save_revision().publish()
    deadline = time.monotonic() + 2
    for url in [summary.url, "/", "/archive/", "/topics/alliance/"]:
        while "more than we thought" not in fetch(proxy + url)[2]:
            assert time.monotonic() < deadline, f"{url} still stale 2 s after the publish"
            time.sleep(0.05)


def test_an_editors_cookie_bypasses_the_cache_and_is_never_stored(proxy, summary):
    fetch(proxy + summary.url)
    for cookie in ["sessionid=abc", "theme=dark; csrftoken=abc"]:
        status, headers, _ = fetch(proxy + summary.url, cookie=cookie)
        assert headers["X-Proxy-Cache"] == "BYPASS", cookie
    fetch(proxy + "/types/rct/", cookie="sessionid=abc")  # a page no purge has fetched
    assert fetch(proxy + "/types/rct/")[1]["X-Proxy-Cache"] == "MISS"


def test_a_page_setting_a_cookie_is_never_stored(proxy):
    fetch(proxy + "/subscribe/")
    assert fetch(proxy + "/subscribe/")[1]["X-Proxy-Cache"] == "MISS"


def test_purge_from_this_machine_refreshes_the_stored_copy(proxy, summary):
    fetch(proxy + summary.url)
    status, headers, body = fetch(proxy + summary.url, method="PURGE")
    assert status == 200 and "Alliance matters" in body
    assert fetch(proxy + summary.url)[1]["X-Proxy-Cache"] == "HIT"


def test_purge_and_refresh_from_another_machine_are_refused(proxy, summary):
    # 127.0.0.2 is another address of this machine's loopback, but not one the config trusts:
    # to nginx it stands for a stranger.
    import http.client

    fetch(proxy + summary.url)
    host, port = proxy.removeprefix("http://").split(":")
    stranger = http.client.HTTPConnection(host, int(port), source_address=("127.0.0.2", 0))
    stranger.request("PURGE", summary.url, headers={"Host": site_host()})
    assert stranger.getresponse().status == 403
    stranger.close()
    stranger = http.client.HTTPConnection(host, int(port), source_address=("127.0.0.2", 0))
    stranger.request("GET", summary.url, headers={"Host": site_host(), "X-Digest-Refresh": "1"})
    assert stranger.getresponse().getheader("X-Proxy-Cache") == "HIT"
    stranger.close()
