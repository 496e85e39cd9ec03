import pytest

from digest.core.tests.factories import make_issue, make_summary

pytestmark = pytest.mark.django_db


def test_summary_lives_at_a_dated_readable_address(client):
    summary = make_summary(make_issue("2018-02"), "Experts Agree on Repairing Ruptures")
    assert summary.url == "/2018/02/experts-agree-on-repairing-ruptures/"
    response = client.get(summary.url)
    assert response.status_code == 200
    assert "Experts Agree on Repairing Ruptures" in response.content.decode()


def test_issue_page_lists_its_summaries_in_order(client):
    issue = make_issue("2019-03", intro="<p>This month I blog about two studies.</p>")
    make_summary(issue, "First of the month")
    make_summary(issue, "Second of the month")
    response = client.get("/2019/03/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "This month I blog about two studies." in html
    assert html.index("First of the month") < html.index("Second of the month")


def test_home_shows_the_latest_issue(client):
    make_summary(make_issue("2018-01"), "January piece")
    make_summary(make_issue("2018-02"), "February piece")
    html = client.get("/").content.decode()
    assert "February piece" in html and "January piece" not in html


def test_unknown_month_is_404(client):
    assert client.get("/1999/01/").status_code == 404


def test_french_page_says_content_is_english_only(client):
    summary = make_summary(make_issue("2018-02"), "Alliance matters")
    response = client.get(f"/fr{summary.url}")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="fr">' in html
    assert "Alliance matters" in html
