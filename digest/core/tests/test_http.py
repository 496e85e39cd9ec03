"""HTTP done right for every reader page: caching headers, 304s, real error pages, meta tags,
sitemap and robots.txt, and no query string that can make a page fail."""

import re
import xml.etree.ElementTree as ET
from html import unescape
from urllib.parse import quote

import pytest
from django.contrib.auth.models import User
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from digest.core.tests.factories import make_issue, make_summary

pytestmark = pytest.mark.django_db

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


@pytest.fixture
def summary():
    return make_summary(
        make_issue("2018-02"), "Alliance matters", topics=["alliance"], types=["rct"]
    )


def reader_pages(summary):
    return [
        "/",
        "/archive/",
        "/archive/?topic=alliance&type=rct",
        summary.url,
        "/2018/02/",
        "/topics/",
        "/topics/alliance/",
        "/topics/alliance/implications/",
        "/types/rct/",
        "/fr/",
        "/fr/archive/",
        f"/fr{summary.url}",
        "/fr/topics/alliance/",
    ]


def test_anonymous_pages_are_publicly_cacheable_with_an_etag(client, summary):
    for url in [*reader_pages(summary), "/feeds/atom/", "/feeds/rss/", "/sitemap.xml"]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert (
            "public" in response["Cache-Control"] and "max-age=300" in response["Cache-Control"]
        ), url
        assert response.has_header("ETag"), url
        assert not response.cookies, url


def test_if_none_match_answers_304_without_a_body(client, summary):
    for url in ["/archive/?topic=alliance", summary.url, "/feeds/atom/", "/topics/alliance/"]:
        etag = client.get(url)["ETag"]
        response = client.get(url, headers={"if-none-match": etag})
        assert response.status_code == 304, url
        assert response.content == b""
        assert response["ETag"] == etag


def test_a_changed_page_gets_a_new_etag(client, summary):
    etag = client.get("/archive/")["ETag"]
    make_summary(make_issue("2018-03"), "Something new")
    response = client.get("/archive/", headers={"if-none-match": etag})
    assert response.status_code == 200
    assert response["ETag"] != etag


def test_a_stale_etag_gets_the_full_page(client, summary):
    response = client.get("/archive/", headers={"if-none-match": '"not-the-etag"'})
    assert response.status_code == 200 and b"Alliance matters" in response.content


def test_pages_for_a_logged_in_editor_are_not_publicly_cached(client, summary):
    client.force_login(User.objects.create_superuser("ed", "ed@example.org", "pw"))
    response = client.get(summary.url)
    assert response["Cache-Control"] == "private"


def test_not_found_is_a_real_page_with_a_way_back(client):
    response = client.get("/no/such/page/")
    html = response.content.decode()
    assert response.status_code == 404
    assert "<title>Page not found · Practice Digest</title>" in html
    assert 'href="/archive/"' in html
    assert "max-age=60" in response["Cache-Control"]


def test_not_found_in_french(client):
    response = client.get("/fr/nulle-part/")
    html = response.content.decode()
    assert response.status_code == 404
    assert '<html lang="fr">' in html and "Page introuvable" in html
    assert 'href="/fr/archive/"' in html


@pytest.mark.urls("digest.core.tests.urls_raising")
def test_server_error_is_a_real_page_in_both_languages():
    client = Client(raise_request_exception=False)
    response = client.get("/broken/")
    html = response.content.decode()
    assert response.status_code == 500
    assert "Something went wrong" in html and "Une erreur s’est produite" in html
    assert "RuntimeError" not in html and "deliberate" not in html
    assert "public" not in response.get("Cache-Control", "")


def test_every_reader_page_has_title_description_open_graph_and_one_canonical(client, summary):
    for url in reader_pages(summary):
        html = client.get(url).content.decode()
        assert re.search(
            r"<title>[^<]+ · Practice Digest</title>|<title>Practice Digest</title>", html
        ), url
        for name in ("og:title", "og:description", "og:url", "og:type", "og:site_name"):
            assert re.search(rf'<meta property="{name}" content="[^"]+">', html), (url, name)
        assert re.search(r'<meta name="description" content="[^"]{20,}">', html), url
        assert html.count('rel="canonical"') == 1, url
        canonical = unescape(re.search(r'rel="canonical" href="([^"]+)"', html).group(1))
        assert canonical.startswith("http://testserver/"), url
        assert canonical.startswith("http://testserver/fr/") == url.startswith("/fr/"), url
        language = "fr" if url.startswith("/fr/") else "en"
        assert f'<html lang="{language}">' in html, url
        assert 'hreflang="en"' in html and 'hreflang="fr"' in html, url


def test_canonical_drops_tracking_parameters(client, summary):
    html = client.get(f"{summary.url}?utm_source=newsletter").content.decode()
    canonical = re.search(r'rel="canonical" href="([^"]+)"', html).group(1)
    assert canonical == f"http://testserver{summary.url}"


def test_language_switcher_keeps_the_page_and_its_filters(client, summary):
    html = client.get("/archive/?topic=alliance").content.decode()
    assert 'href="/fr/archive/?topic=alliance" hreflang="fr" lang="fr">Français</a>' in html
    html = client.get("/fr/archive/?topic=alliance").content.decode()
    assert 'href="/archive/?topic=alliance" hreflang="en" lang="en">English</a>' in html


def test_robots_txt_points_to_the_sitemap_and_keeps_out_of_the_admin(client):
    response = client.get("/robots.txt")
    body = response.content.decode()
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert "User-agent: *" in body and "Disallow: /admin/" in body
    assert "Sitemap: http://testserver/sitemap.xml" in body


def test_sitemap_lists_every_published_issue_and_summary_in_both_languages(client, summary):
    draft = make_summary(make_issue("2018-02"), "Draft piece", live=False)
    make_issue("2018-05", live=False)
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    urls = {u.findtext(f"{SITEMAP}loc"): u for u in root.findall(f"{SITEMAP}url")}
    expected = {"/", "/2018/02/", summary.url}
    assert set(urls) == {f"http://testserver{p}" for p in expected} | {
        f"http://testserver/fr{p}" for p in expected
    }
    assert not any(draft.slug in loc or "2018/05" in loc for loc in urls)
    entry = urls[f"http://testserver{summary.url}"]
    assert entry.findtext(f"{SITEMAP}lastmod")
    alternates = {a.get("hreflang"): a.get("href") for a in entry.findall(f"{XHTML}link")}
    assert alternates["fr"] == f"http://testserver/fr{summary.url}"
    assert alternates["en"] == f"http://testserver{summary.url}"


def test_sitemap_page_past_the_end_is_404(client, summary):
    assert client.get("/sitemap.xml?p=2").status_code == 404
    assert client.get("/sitemap.xml?p=x").status_code == 404


QUERY_PATHS = [
    "/",
    "/archive/",
    "/fr/archive/",
    "/topics/alliance/",
    "/topics/x/",
    "/types/rct/",
    "/feeds/atom/",
    "/feeds/rss/",
    "/sitemap.xml",
    "/blog",
]
query_strings = st.one_of(
    st.text(max_size=80).map(lambda s: quote(s, safe="=&%+")),
    st.lists(
        st.tuples(
            st.sampled_from(["topic", "type", "page", "p", "cat_1", "cat_2", "q", "x"]),
            st.text(max_size=20),
        ),
        max_size=6,
    ).map(lambda pairs: "&".join(f"{quote(k)}={quote(v)}" for k, v in pairs)),
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(path=st.sampled_from(QUERY_PATHS), query=query_strings)
def test_no_query_string_makes_a_reader_page_fail(client, path, query):
    client.raise_request_exception = False
    response = client.get(f"{path}?{query}")
    assert response.status_code in (200, 301, 302, 404), (path, query)
