"""The request's Wagtail site comes from a shared map of hosts, and follows every site change."""

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, Site

from digest.core.sites import find_site
from digest.core.tests.factories import make_issue, make_summary

pytestmark = pytest.mark.django_db


def site_queries(queries):
    return [q["sql"] for q in queries if "wagtailcore_site" in q["sql"]]


def request_for(host):
    return RequestFactory().get("/", HTTP_HOST=host)


def test_pages_find_their_site_without_a_query_once_the_host_is_known(client):
    make_summary(make_issue("2020-05"), "Alliance ruptures", topics=["alliance"])
    client.get("/archive/")
    with CaptureQueriesContext(connection) as queries:
        for url in ("/archive/", "/topics/alliance/", "/2020/05/"):
            assert "Alliance ruptures" in client.get(url).content.decode()
    assert site_queries(queries) == []


def test_each_host_finds_the_site_wagtail_finds_and_a_change_shows_at_once():
    default = Site.objects.get(is_default_site=True)
    root = Page.objects.get(depth=1)
    other = Site.objects.create(hostname="other.example", port=80, root_page=root)
    for _ in range(2):  # the first request asks Wagtail, the second reads the map
        for host, expected in (("other.example", other), ("elsewhere.example", default)):
            wagtail = Site._find_for_request(request_for(host))
            found = find_site(request_for(host))
            assert (found.pk, found.hostname, found.root_page_id) == (
                wagtail.pk, wagtail.hostname, wagtail.root_page_id
            )  # fmt: skip
            assert found.pk == expected.pk and found.root_page.pk == expected.root_page_id
    with CaptureQueriesContext(connection) as queries:
        find_site(request_for("other.example"))
    assert site_queries(queries) == []

    other.hostname = "renamed.example"
    other.save()
    assert find_site(request_for("other.example")).pk == default.pk
    assert find_site(request_for("renamed.example")).pk == other.pk
    other.delete()
    assert find_site(request_for("renamed.example")).pk == default.pk
