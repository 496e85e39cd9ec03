"""/feeds/atom/ and /feeds/rss/, filtered like the archive; parsed with the standard library."""

import xml.etree.ElementTree as ET

import pytest

from digest.core.tests.factories import make_issue, make_summary

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def atom(client, query=""):
    response = client.get(f"/feeds/atom/{query}")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    return ET.fromstring(response.content)


def rss(client, query=""):
    response = client.get(f"/feeds/rss/{query}")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    return ET.fromstring(response.content).find("channel")


def entry_titles(feed):
    return [e.findtext(f"{ATOM}title") for e in feed.findall(f"{ATOM}entry")]


@pytest.fixture
def corpus():
    make_summary(make_issue("2018-01"), "Old meta", topics=["termination"], types=["meta-analysis"])
    make_summary(
        make_issue("2018-02"),
        "New trial",
        topics=["termination", "empathy"],
        types=["rct"],
        references=[
            {
                "raw": "Doe, J. (2018). A trial. Journal, 1, 1–2.",
                "authors": [{"family": "Doe", "given": "J."}],
            }
        ],
        implications="<p>Try this in session.</p>",
    )
    make_summary(make_issue("2018-02"), "Empathy review", topics=["empathy"], types=["survey"])
    make_summary(make_issue("2018-02"), "Unpublished", topics=["termination"], live=False)


def test_atom_feed_lists_published_summaries_newest_first(client, corpus):
    feed = atom(client)
    assert feed.findtext(f"{ATOM}title") == "Practice Digest: all summaries"
    # Newest month first; within a month, the issue's own order.
    assert entry_titles(feed) == ["New trial", "Empathy review", "Old meta"]
    assert "Unpublished" not in entry_titles(feed)


def test_atom_entry_links_to_the_summary_and_carries_implications(client, corpus):
    feed = atom(client, "?topic=empathy&type=rct")
    (entry,) = feed.findall(f"{ATOM}entry")
    link = entry.find(f"{ATOM}link").get("href")
    assert link == "http://testserver/2018/02/new-trial/"
    summary = entry.findtext(f"{ATOM}summary")
    assert "Try this in session." in summary and "Practice implications" in summary
    categories = {c.get("term") for c in entry.findall(f"{ATOM}category")}
    assert categories == {"Termination", "Empathy", "Randomised controlled trial"}
    assert entry.find(f"{ATOM}author").findtext(f"{ATOM}name") == "Doe"


def test_feed_topic_filter_is_an_or_and_type_an_and(client, corpus):
    assert sorted(entry_titles(atom(client, "?topic=termination&topic=empathy"))) == [
        "Empathy review",
        "New trial",
        "Old meta",
    ]
    assert entry_titles(atom(client, "?topic=termination&type=meta-analysis")) == ["Old meta"]


def test_filtered_feed_names_its_filters_and_links_back_to_the_archive_view(client, corpus):
    feed = atom(client, "?type=rct&topic=termination")
    assert feed.findtext(f"{ATOM}title") == (
        "Practice Digest: Termination, Randomised controlled trial"
    )
    links = {link.get("rel"): link.get("href") for link in feed.findall(f"{ATOM}link")}
    assert links["alternate"] == "http://testserver/archive/?topic=termination&type=rct"
    assert links["self"] == "http://testserver/feeds/atom/?topic=termination&type=rct"


def test_rss_feed_accepts_the_same_filters(client, corpus):
    channel = rss(client, "?type=survey")
    assert [i.findtext("title") for i in channel.findall("item")] == ["Empathy review"]
    assert channel.findtext("link") == "http://testserver/archive/?type=survey"
    item = channel.find("item")
    assert item.findtext("link") == "http://testserver/2018/02/empathy-review/"
    assert item.find("guid").get("isPermaLink") == "false"


def test_unknown_filter_in_a_feed_is_ignored(client, corpus):
    assert len(entry_titles(atom(client, "?topic=nope"))) == 3
    assert entry_titles(atom(client, "?topic=nope&type=survey")) == ["Empathy review"]


def test_old_topic_slug_filters_the_feed_too(client):
    make_summary(title="Adherence piece", topics=["adherence"])
    assert entry_titles(atom(client, "?topic=adherance")) == ["Adherence piece"]


def test_feed_of_an_empty_archive_is_valid(client):
    assert entry_titles(atom(client)) == []
    assert rss(client).findall("item") == []


def test_french_feed_links_to_french_pages(client, corpus):
    response = client.get("/fr/feeds/atom/?type=survey")
    feed = ET.fromstring(response.content)
    assert feed.findtext(f"{ATOM}title") == "Practice Digest : Survey"
    entry = feed.find(f"{ATOM}entry")
    assert entry.find(f"{ATOM}link").get("href") == "http://testserver/fr/2018/02/empathy-review/"


def test_reference_text_is_escaped_into_the_entry_html(client):
    make_summary(title="Odd reference", references=["Smith, A. & <b>Jones</b> (2020). T."])
    summary = atom(client).find(f"{ATOM}entry").findtext(f"{ATOM}summary")
    assert "Smith, A. &amp; &lt;b&gt;Jones&lt;/b&gt; (2020)" in summary
