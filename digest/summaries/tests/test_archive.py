import pytest

from digest.core.tests.factories import make_issue, make_summary

pytestmark = pytest.mark.django_db


def test_archive_lists_summaries_newest_month_first(client):
    old = make_summary(make_issue("2017-05"), "Older finding")
    new = make_summary(make_issue("2018-02"), "Newer finding")
    response = client.get("/archive/")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.index(new.title) < html.index(old.title)
    assert "February 2018" in html and "May 2017" in html


def test_filter_by_two_topics_is_an_or(client):
    make_summary(title="About termination", topics=["termination"])
    make_summary(title="About empathy", topics=["empathy"])
    make_summary(title="About training", topics=["training"])
    html = client.get("/archive/?topic=termination&topic=empathy").content.decode()
    assert "About termination" in html and "About empathy" in html
    assert "About training" not in html


def test_topic_and_type_together_is_an_and(client):
    make_summary(title="Termination meta", topics=["termination"], types=["meta-analysis"])
    make_summary(title="Termination trial", topics=["termination"], types=["rct"])
    make_summary(title="Empathy meta", topics=["empathy"], types=["meta-analysis"])
    html = client.get("/archive/?topic=termination&type=meta-analysis").content.decode()
    assert "Termination meta" in html
    assert "Termination trial" not in html and "Empathy meta" not in html


def test_unknown_slug_is_reported_and_ignored(client):
    make_summary(title="Kept anyway", topics=["termination"])
    response = client.get("/archive/?topic=no-such-topic")
    assert response.status_code == 200
    assert "no-such-topic" in response.content.decode()
    assert "Kept anyway" in response.content.decode()


def test_page_out_of_range_is_404(client):
    make_summary()
    assert client.get("/archive/?page=99").status_code == 404
    assert client.get("/archive/?page=abc").status_code == 404


def test_drafts_are_not_listed(client):
    make_summary(title="Still a draft", live=False)
    assert "Still a draft" not in client.get("/archive/").content.decode()
