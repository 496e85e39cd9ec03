"""Highwire citation_* tags and schema.org JSON-LD on summary pages, parsed back."""

import json
from html.parser import HTMLParser

import pytest

from digest.core.tests.factories import make_issue, make_summary

pytestmark = pytest.mark.django_db

SAFRAN = (
    "Safran, J. D., Muran, J. C., & Eubanks-Carter, C. (2011). Repairing alliance ruptures. "
    "Psychotherapy, 48(1), 80–87. https://doi.org/10.1037/a0022140"
)


class HeadReader(HTMLParser):
    def __init__(self):
        super().__init__()
        self.meta, self.json_ld, self._in_ld = [], [], False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and attrs.get("name", "").startswith("citation_"):
            self.meta.append((attrs["name"], attrs["content"]))
        self._in_ld = tag == "script" and attrs.get("type") == "application/ld+json"

    def handle_data(self, data):
        if self._in_ld:
            self.json_ld.append(json.loads(data))

    def handle_endtag(self, tag):
        self._in_ld = False


def read(client, url):
    reader = HeadReader()
    reader.feed(client.get(url).content.decode())
    return reader


def test_highwire_tags_describe_the_summarised_article(client):
    summary = make_summary(make_issue("2018-02"), "Repairing ruptures", references=[SAFRAN])
    meta = read(client, summary.url).meta
    assert ("citation_title", "Repairing alliance ruptures") in meta
    assert [v for k, v in meta if k == "citation_author"] == [
        "Safran, J. D.",
        "Muran, J. C.",
        "Eubanks-Carter, C.",
    ]
    assert ("citation_publication_date", "2011") in meta
    assert ("citation_journal_title", "Psychotherapy") in meta
    assert ("citation_volume", "48") in meta and ("citation_issue", "1") in meta
    assert ("citation_firstpage", "80") in meta and ("citation_lastpage", "87") in meta
    assert ("citation_doi", "10.1037/a0022140") in meta


def test_json_ld_is_a_review_of_a_scholarly_article(client):
    summary = make_summary(
        make_issue("2018-02"), "Repairing ruptures", topics=["termination"], references=[SAFRAN]
    )
    [data] = read(client, summary.url).json_ld
    assert data["@context"] == "https://schema.org" and data["@type"] == "Review"
    assert data["headline"] == "Repairing ruptures"
    assert data["url"].endswith(summary.url)
    assert data["about"] == ["Termination"]
    work = data["itemReviewed"]
    assert work["@type"] == "ScholarlyArticle" and work["name"] == "Repairing alliance ruptures"
    assert work["author"][0] == {
        "@type": "Person",
        "familyName": "Safran",
        "givenName": "J. D.",
        "name": "J. D. Safran",
    }
    assert work["datePublished"] == "2011" and work["pagination"] == "80–87"
    assert work["isPartOf"]["issueNumber"] == "1"
    assert work["isPartOf"]["isPartOf"]["volumeNumber"] == "48"
    assert work["isPartOf"]["isPartOf"]["isPartOf"] == {
        "@type": "Periodical",
        "name": "Psychotherapy",
    }
    assert work["identifier"]["value"] == "10.1037/a0022140"
    assert work["sameAs"] == "https://doi.org/10.1037/a0022140"


def test_json_ld_cannot_be_broken_out_of_by_a_title(client):
    summary = make_summary(
        references=[{"raw": "x", "title": "</script><script>alert(1)</script>", "year": 2020}]
    )
    html = client.get(summary.url).content.decode()
    assert "</script><script>alert(1)" not in html
    [data] = read(client, summary.url).json_ld
    assert data["itemReviewed"]["name"] == "</script><script>alert(1)</script>"


def test_a_chapter_is_described_as_a_chapter_in_a_book(client):
    chapter = (
        "Lambert, M. J. (2013). The efficacy and effectiveness of psychotherapy. In M. J. Lambert "
        "(Ed.), Bergin and Garfield's handbook of psychotherapy and behavior change (6th ed., "
        "pp. 169–218). Wiley."
    )
    summary = make_summary(references=[chapter])
    reader = read(client, summary.url)
    assert (
        "citation_inbook_title",
        "Bergin and Garfield's handbook of psychotherapy and behavior change",
    ) in reader.meta
    work = reader.json_ld[0]["itemReviewed"]
    assert work["@type"] == "Chapter" and work["isPartOf"]["@type"] == "Book"
    assert work["editor"][0]["familyName"] == "Lambert"


def test_summary_without_reference_has_json_ld_but_no_citation_tags(client):
    summary = make_summary(title="On the ethics of online therapy")
    reader = read(client, summary.url)
    assert reader.meta == []
    assert "itemReviewed" not in reader.json_ld[0]
