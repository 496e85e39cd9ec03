"""The open data API: shapes, the archive's filters, pagination, ETags, CORS, bounded queries."""

import pytest
from django.test import RequestFactory

from digest.core.sites import find_site
from digest.core.tests.factories import make_issue, make_summary

pytestmark = pytest.mark.django_db

REFERENCE = {
    "raw": "Eubanks, C. F., Muran, J. C., & Safran, J. D. (2018). Alliance rupture repair: "
    "A meta-analysis. Psychotherapy, 55(4), 508-519. https://doi.org/10.1037/pst0000185",
    "authors": [
        {"family": "Eubanks", "given": "C. F."},
        {"family": "Muran", "given": "J. C."},
        {"family": "Safran", "given": "J. D."},
    ],
    "year": 2018,
    "title": "Alliance rupture repair: A meta-analysis",
    "container_title": "Psychotherapy",
    "volume": "55",
    "issue": "4",
    "pages": "508-519",
    "doi": "10.1037/pst0000185",
}


@pytest.fixture
def summary():
    return make_summary(
        make_issue("2018-02", intro="<p>This month: ruptures.</p>"),
        "Experts agree on strategies to repair alliance ruptures",
        topics=["alliance"],
        types=["meta-analysis"],
        references=[REFERENCE],
        implications="<p>Notice ruptures &amp; address them.</p>",
        design="Meta-analysis",
        n_studies=11,
        n_clients=1314,
        evidence_confirmed=True,
    )


def test_summary_has_structured_references_terms_card_and_implications(client, summary):
    data = client.get(f"/api/summaries/{summary.pk}").json()
    assert data["headline"] == summary.title
    assert (
        data["url"]
        == "http://testserver/2018/02/experts-agree-on-strategies-to-repair-alliance-ruptures/"
    )
    assert data["month"] == "2018-02" and data["issue"]["month"] == "2018-02"
    reference = data["references"][0]
    assert reference["doi"] == "10.1037/pst0000185"
    assert [a["family"] for a in reference["authors"]] == ["Eubanks", "Muran", "Safran"]
    assert reference["csl"]["container-title"] == "Psychotherapy"
    assert [t["slug"] for t in data["topics"]] == ["alliance"]
    assert [t["slug"] for t in data["research_types"]] == ["meta-analysis"]
    assert data["evidence_card"]["n_studies"] == 11
    assert "1,314 clients" in data["evidence_card"]["text"]
    assert data["practice_implications_text"] == "Notice ruptures & address them."


def test_unconfirmed_evidence_card_is_not_published(client):
    draft_card = make_summary(title="Card pending", design="RCT", evidence_confirmed=False)
    assert client.get(f"/api/summaries/{draft_card.pk}").json()["evidence_card"] is None


def test_drafts_are_not_in_the_api(client):
    draft = make_summary(title="Draft", live=False)
    assert client.get(f"/api/summaries/{draft.pk}").status_code == 404
    assert client.get("/api/summaries").json()["count"] == 0


def test_filters_are_the_archives(client):
    make_summary(title="Term meta", topics=["termination"], types=["meta-analysis"])
    make_summary(title="Term trial", topics=["termination"], types=["rct"])
    make_summary(title="Empathy meta", topics=["empathy"], types=["meta-analysis"])
    headlines = lambda url: sorted(s["headline"] for s in client.get(url).json()["results"])  # noqa: E731
    assert headlines("/api/summaries?topic=termination&topic=empathy") == [
        "Empathy meta",
        "Term meta",
        "Term trial",
    ]
    assert headlines("/api/summaries?topic=termination&type=meta-analysis") == ["Term meta"]


def test_unknown_filter_matches_nothing_and_is_named(client):
    make_summary(title="Something", topics=["termination"])
    data = client.get("/api/summaries?topic=no-such-topic").json()
    assert data["count"] == 0 and data["unknown_filters"] == ["no-such-topic"]


def test_pagination(client):
    for n in range(5):
        make_summary(title=f"Summary {n}")
    first = client.get("/api/summaries?page_size=2").json()
    assert (first["count"], first["pages"], len(first["results"])) == (5, 3, 2)
    assert len(client.get("/api/summaries?page_size=2&page=3").json()["results"]) == 1
    assert client.get("/api/summaries?page_size=2&page=4").json()["results"] == []
    assert client.get("/api/summaries?page=0").status_code == 422
    assert client.get("/api/summaries?page_size=1000").status_code == 422


def test_issues_list_and_detail(client, summary):
    data = client.get("/api/issues").json()
    assert data["results"][0]["month"] == "2018-02"
    assert data["results"][0]["summaries"][0]["id"] == summary.pk
    issue = client.get("/api/issues/2018-02").json()
    assert issue["intro_html"] == "<p>This month: ruptures.</p>"
    assert client.get("/api/issues/2018-13").status_code == 404
    assert client.get("/api/issues/1999-01").status_code == 404


def test_topics_and_types_with_counts(client, summary):
    topics = {t["slug"]: t for t in client.get("/api/topics").json()}
    assert len(topics) == 36 and topics["alliance"]["summaries"] == 1
    assert topics["alliance"]["url"] == "http://testserver/topics/alliance/"
    types = {t["slug"]: t["summaries"] for t in client.get("/api/types").json()}
    assert types["meta-analysis"] == 1 and types["rct"] == 0


def test_search_uses_the_site_search(client, summary):
    make_summary(title="Homework compliance")
    data = client.get("/api/search?q=rupture+repair&type=meta-analysis").json()
    assert [hit["summary"]["id"] for hit in data["results"]] == [summary.pk]
    assert "<mark>" in data["results"][0]["passage_html"]
    assert client.get("/api/search?q=" + "a" * 501).status_code == 422
    assert client.get("/api/search?q=%22%22").json()["count"] == 0


def test_etag_gives_304_when_nothing_changed(client, summary):
    first = client.get("/api/summaries")
    etag = first["ETag"]
    assert etag
    assert client.get("/api/summaries", HTTP_IF_NONE_MATCH=etag).status_code == 304
    make_summary(title="A new one")
    assert client.get("/api/summaries", HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_cors_is_open_for_reading(client, summary):
    response = client.get("/api/summaries", HTTP_ORIGIN="https://elsewhere.example")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in response["Access-Control-Expose-Headers"]
    # A browser's preflight always names its origin. django-cors-headers answers it 200 (the
    # hand-written CORS it replaced said 204; Fetch accepts any 2xx).
    preflight = client.options(
        "/api/summaries",
        HTTP_ORIGIN="https://elsewhere.example",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
    )
    assert preflight.status_code == 200
    assert "GET" in preflight["Access-Control-Allow-Methods"]
    assert "If-None-Match" in preflight["Access-Control-Allow-Headers"]


def test_cors_is_for_the_api_only(client, summary):
    assert "Access-Control-Allow-Origin" not in client.get("/api/", HTTP_ORIGIN="https://x.example")
    assert "Access-Control-Allow-Origin" not in client.get(
        "/archive/", HTTP_ORIGIN="https://x.example"
    )


def test_writing_is_not_allowed(client, summary):
    assert client.post("/api/summaries", {}).status_code == 405
    assert client.delete(f"/api/summaries/{summary.pk}").status_code == 405


@pytest.mark.parametrize(
    ("url", "most"),
    [
        ("/api/summaries", 8),
        ("/api/issues", 6),
        ("/api/topics", 3),
        ("/api/types", 3),
        # The first search after a change also builds the facet index (six queries at most).
        ("/api/search?q=alliance", 15),
    ],
)
def test_query_count_does_not_grow_with_the_archive(
    client, django_assert_max_num_queries, url, most
):
    for month in ("2018-01", "2018-02", "2018-03"):
        issue = make_issue(month)
        for n in range(4):
            make_summary(
                issue, f"Alliance {month} {n}", topics=["alliance"], references=[REFERENCE]
            )
    find_site(RequestFactory().get("/"))  # the host's site is known, as after any request
    with django_assert_max_num_queries(most):
        assert client.get(url).status_code == 200


def test_openapi_description_and_docs_page(client):
    schema = client.get("/api/openapi.json").json()
    assert {"/api/summaries", "/api/summaries/{summary_id}", "/api/issues", "/api/issues/{month}",
            "/api/topics", "/api/types", "/api/search"} <= set(schema["paths"])  # fmt: skip
    params = {p["name"] for p in schema["paths"]["/api/summaries"]["get"]["parameters"]}
    assert {"topic", "type", "page", "page_size"} <= params
    docs = client.get("/api/")
    assert docs.status_code == 200
    html = docs.content.decode()
    assert (
        "/api/search" in html
        and "openapi.json" in html
        and "<script" not in html.split("</head>")[1]
    )
