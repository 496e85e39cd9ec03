"""Every link a page generates from its own address stays on this site, whatever the address."""

import re
from urllib.parse import urljoin, urlsplit

import pytest

from digest.core.context_processors import local_path

pytestmark = pytest.mark.django_db

HOSTILE_PATHS = [
    "/fr//evil.example.com/",
    "/fr/\\evil.example.com/",
    "/fr///evil.example.com/",
    "/fr/%09/evil.example.com/",
    "/fr/%0A%0D/evil.example.com/",
    "/fr/\\/evil.example.com/",
    "/%5Cevil.example.com/",
    "/%09/evil.example.com/",
]


def followed_by_a_browser(base, href):
    # What a browser does with an href: drop tabs and newlines, read "\" as "/", resolve it.
    href = re.sub(r"[\t\n\r]", "", href).replace("\\", "/")
    return urlsplit(urljoin(base, href))


@pytest.mark.parametrize("path", HOSTILE_PATHS)
def test_no_link_on_the_page_leads_off_site(client, path):
    response = client.get(path)
    assert response.status_code == 404
    html = response.content.decode()
    base = "http://testserver/fr/page/"
    hrefs = re.findall(r'(?:href|action|content)="([^"]*)"', html)
    assert any("hreflang=" in tag for tag in re.findall(r"<a [^>]*>", html))
    for href in hrefs:
        if href.startswith(("/", "http", "\\")):
            target = followed_by_a_browser(base, href.replace("&amp;", "&"))
            assert target.netloc in ("testserver", "127.0.0.1:8000"), (path, href)


def test_local_path_keeps_ordinary_paths_and_encodes_the_rest():
    assert local_path("/2026/07/a-summary/") == "/2026/07/a-summary/"
    assert local_path("/topics/café/") == "/topics/caf%C3%A9/"
    assert local_path("//evil.example.com/") == "/evil.example.com/"
    assert local_path("/\t/evil.example.com/") == "/evil.example.com/"
    assert local_path("/a\\b/") == "/a%5Cb/"
