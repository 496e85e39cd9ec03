"""An issue and its summaries have one address each: the tree slug is not a second one."""

import pytest

from digest.core.tests.factories import make_issue, make_summary

pytestmark = pytest.mark.django_db


def test_an_issue_answers_only_at_its_dated_address(client):
    issue = make_issue("2026-07")
    summary = make_summary(issue, "One Summary of July")
    assert client.get("/2026/07/").status_code == 200
    assert client.get(summary.url).status_code == 200
    for second in ("/2026-07/", f"/2026-07/{summary.slug}/", "/2026/7/", "/fr/2026-07/"):
        assert client.get(second).status_code == 404, second


def test_the_api_names_an_issue_by_yyyy_mm_only(client):
    make_issue("2026-07")
    assert client.get("/api/issues/2026-07").status_code == 200
    for second in ("/api/issues/2026-7", "/api/issues/2026-07-01", "/api/issues/ 2026-07"):
        assert client.get(second).status_code == 404, second
