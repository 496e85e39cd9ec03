"""/archive/: facets (OR within, AND across, counts), clear links, aliases, pages, headings."""

import re
from html import unescape
from types import SimpleNamespace
from urllib.parse import parse_qs, urlsplit

import pytest
from django.http import QueryDict
from hypothesis import given
from hypothesis import strategies as st

from digest.core.tests.factories import make_issue, make_summary
from digest.summaries.facets import _query

pytestmark = pytest.mark.django_db


def titles(response):
    return [s.title for s in response.context["page_obj"].object_list]


def counts(response, facet):
    options = response.context[f"{facet}_options"]
    return {o["term"].slug: o["count"] for o in options if o["count"]}


def selected(response, facet):
    return [o["term"].slug for o in response.context[f"{facet}_options"] if o["selected"]]


def canonical(response):
    href = re.search(r'rel="canonical" href="([^"]+)"', response.content.decode()).group(1)
    return unescape(href)


@pytest.fixture
def corpus():
    """Five summaries whose tags make every combination distinguishable."""
    issue = make_issue("2018-02")
    make_summary(issue, "T-meta", topics=["termination"], types=["meta-analysis"])
    make_summary(issue, "T-rct", topics=["termination"], types=["rct"])
    make_summary(issue, "E-meta", topics=["empathy"], types=["meta-analysis"])
    make_summary(issue, "TE-survey", topics=["termination", "empathy"], types=["survey"])
    make_summary(issue, "A-rct", topics=["alliance"], types=["rct", "meta-analysis"])


def test_archive_lists_summaries_newest_month_first(client):
    old = make_summary(make_issue("2017-05"), "Older finding")
    new = make_summary(make_issue("2018-02"), "Newer finding")
    response = client.get("/archive/")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.index(new.title) < html.index(old.title)
    assert html.index("February 2018") < html.index("May 2017")


def test_each_month_has_one_heading_above_its_summaries(client):
    make_summary(make_issue("2018-02"), "Feb one")
    make_summary(make_issue("2018-01"), "Jan one")
    make_summary(make_issue("2018-02"), "Feb two")
    html = client.get("/archive/").content.decode()
    assert html.count("February 2018</h2>") == 1 and html.count("January 2018</h2>") == 1
    feb, jan = html.index("February 2018</h2>"), html.index("January 2018</h2>")
    assert feb < html.index("Feb one") < html.index("Feb two") < jan < html.index("Jan one")


def test_no_filter_lists_everything_with_every_count(client, corpus):
    response = client.get("/archive/")
    assert len(titles(response)) == 5
    assert counts(response, "topic") == {"termination": 3, "empathy": 2, "alliance": 1}
    assert counts(response, "type") == {"meta-analysis": 3, "rct": 2, "survey": 1}


def test_filter_by_two_topics_is_an_or(client, corpus):
    response = client.get("/archive/?topic=alliance&topic=empathy")
    assert sorted(titles(response)) == ["A-rct", "E-meta", "TE-survey"]


def test_filter_by_two_types_is_an_or(client, corpus):
    response = client.get("/archive/?type=survey&type=rct")
    assert sorted(titles(response)) == ["A-rct", "T-rct", "TE-survey"]


def test_topic_and_type_together_is_an_and(client, corpus):
    response = client.get("/archive/?topic=termination&type=meta-analysis")
    assert titles(response) == ["T-meta"]


def test_two_topics_and_two_types_is_or_within_and_across(client, corpus):
    response = client.get("/archive/?topic=termination&topic=alliance&type=rct&type=survey")
    assert sorted(titles(response)) == ["A-rct", "T-rct", "TE-survey"]


def test_summary_matching_two_selected_values_is_listed_once(client, corpus):
    response = client.get("/archive/?topic=termination&topic=empathy&type=survey&type=rct")
    assert sorted(titles(response)) == ["T-rct", "TE-survey"]
    assert response.context["page_obj"].paginator.count == 2


def test_topic_counts_apply_the_type_selection_only(client, corpus):
    # Decision (README): a facet's counts say what choosing that option would give, so they
    # apply the other facet's selection but not their own facet's (choices are alternatives).
    response = client.get("/archive/?topic=termination&type=meta-analysis")
    assert counts(response, "topic") == {"termination": 1, "empathy": 1, "alliance": 1}
    assert counts(response, "type") == {"meta-analysis": 1, "rct": 1, "survey": 1}


def test_counts_with_one_facet_selected_leave_that_facet_unfiltered(client, corpus):
    response = client.get("/archive/?topic=alliance")
    assert counts(response, "topic") == {"termination": 3, "empathy": 2, "alliance": 1}
    assert counts(response, "type") == {"meta-analysis": 1, "rct": 1}


def test_counts_under_two_types_are_an_or_of_them(client, corpus):
    response = client.get("/archive/?type=rct&type=survey")
    assert counts(response, "topic") == {"termination": 2, "empathy": 1, "alliance": 1}


def test_every_option_is_shown_even_at_zero_and_selected_ones_are_checked(client, corpus):
    response = client.get("/archive/?topic=empathy&type=rct")
    assert len(response.context["topic_options"]) == 36
    assert selected(response, "topic") == ["empathy"]
    assert selected(response, "type") == ["rct"]
    html = response.content.decode()
    assert re.search(r'value="empathy"[^>]*checked', html)
    assert not re.search(r'value="alliance"[^>]*checked', html)


def test_each_option_is_a_labelled_checkbox_with_its_count_and_escaped_name(client, corpus):
    from digest.taxonomy.models import Topic

    Topic.objects.create(name='Grief & "Loss" <b>', slug="grief")
    html = client.get("/archive/?type=rct").content.decode()
    items = re.findall(
        r'<li(?: class="facet--empty")?><input type="checkbox" name="(\w+)" value="([\w-]+)" '
        r'id="([\w-]+)"( checked)?><label for="([\w-]+)">((?:[^<]|<wbr>)*) '
        r'<span class="count">\((\d+)\)</span></label></li>',
        html,
    )
    assert len(items) == 37 + 11  # every topic (one more here) and every research type
    by_value = {value: item for item in items for value in [item[1]]}
    assert by_value["termination"] == (
        "topic", "termination", "topic-termination", "", "topic-termination", "Termination", "1"
    )  # fmt: skip
    assert by_value["rct"][0] == "type" and by_value["rct"][3] == " checked"
    assert by_value["grief"][5] == "Grief &amp; &quot;Loss&quot; &lt;b&gt;"
    # A slash may end a line: the narrow column would otherwise break inside a word.
    assert by_value["medications"][5] == "Medications/<wbr>Pharmacotherapy"
    assert all(item[2] == item[4] == f"{item[0]}-{item[1]}" for item in items)


def test_drafts_and_private_summaries_are_neither_listed_nor_counted(client):
    make_summary(title="Still a draft", topics=["termination"], live=False)
    response = client.get("/archive/")
    assert "Still a draft" not in response.content.decode()
    assert counts(response, "topic") == {}


def test_each_active_filter_has_a_link_that_removes_only_it(client, corpus):
    html = client.get("/archive/?topic=termination&topic=empathy&type=rct").content.decode()
    links = dict(re.findall(r'<a href="([^"]*)">Remove filter: ([^<]+)</a>', html))
    by_name = {
        name: parse_qs(urlsplit(href.replace("&amp;", "&")).query)
        for href, name in ((h, n) for h, n in links.items())
    }
    assert by_name["Termination"] == {"topic": ["empathy"], "type": ["rct"]}
    assert by_name["Empathy"] == {"topic": ["termination"], "type": ["rct"]}
    # Values come back in the network's order, whatever order the reader clicked them in.
    assert by_name["Randomised controlled trial"] == {"topic": ["empathy", "termination"]}
    assert '<a href="/archive/">Clear all filters</a>' in html


def test_following_a_remove_link_widens_the_list(client, corpus):
    html = client.get("/archive/?topic=termination&type=rct").content.decode()
    href = re.search(r'<a href="([^"]*)">Remove filter: Randomised', html).group(1)
    response = client.get("/archive/" + href.replace("&amp;", "&"))
    assert sorted(titles(response)) == ["T-meta", "T-rct", "TE-survey"]


def test_no_clear_links_without_filters(client, corpus):
    assert "Clear all filters" not in client.get("/archive/").content.decode()


def test_unknown_slug_is_reported_and_ignored(client, corpus):
    response = client.get("/archive/?topic=no-such-topic&topic=termination&type=nope")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Unknown filters ignored: no-such-topic, nope." in html
    assert sorted(titles(response)) == ["T-meta", "T-rct", "TE-survey"]
    assert canonical(response) == "http://testserver/archive/?topic=termination"


def test_a_value_that_cannot_be_a_slug_is_reported_not_looked_up(client, corpus):
    response = client.get("/archive/?topic=%00%3Cb%3E")
    assert response.status_code == 200
    assert "Unknown filter ignored: &lt;b&gt;." in response.content.decode()
    assert len(titles(response)) == 5


def test_slugs_are_matched_regardless_of_case_and_spaces(client, corpus):
    response = client.get("/archive/?topic=%20Termination%20")
    assert len(titles(response)) == 3 and not response.context["facets"].unknown


def test_old_slug_adherance_resolves_to_adherence(client):
    make_summary(title="On adherence", topics=["adherence"])
    make_summary(title="On empathy", topics=["empathy"])
    response = client.get("/archive/?topic=adherance")
    assert titles(response) == ["On adherence"]
    assert selected(response, "topic") == ["adherence"]
    assert "Unknown filter" not in response.content.decode()
    assert canonical(response) == "http://testserver/archive/?topic=adherence"


def test_canonical_address_orders_filters_and_keeps_the_page(client):
    for n in range(25):
        make_summary(make_issue(f"2010-{n % 12 + 1:02d}"), topics=["empathy", "alliance"])
    response = client.get("/archive/?page=2&topic=empathy&topic=alliance&utm_source=x")
    assert canonical(response) == "http://testserver/archive/?topic=alliance&topic=empathy&page=2"
    assert canonical(client.get("/archive/?page=1")) == "http://testserver/archive/"


def test_pagination_edges(client):
    for n in range(41):  # three pages of 20, 20, 1
        make_summary(make_issue(f"{2000 + n // 12}-{n % 12 + 1:02d}"), f"Entry {n}")
    first = client.get("/archive/")
    assert len(titles(first)) == 20 and titles(first)[0] == "Entry 40"
    assert titles(client.get("/archive/?page=1")) == titles(first)
    last = client.get("/archive/?page=3")
    assert last.status_code == 200 and titles(last) == ["Entry 0"]
    last_html = last.content.decode()
    assert 'rel="prev" href="?page=2"' in last_html and 'rel="next"' not in last_html
    assert "Page 3 of 3" in last_html
    for beyond in ("4", "0", "-1", "abc", "1.5", "", "%00"):
        assert client.get(f"/archive/?page={beyond}").status_code == 404, beyond


def test_pagination_links_keep_the_filters(client):
    for n in range(21):
        make_summary(make_issue(f"2000-{n % 12 + 1:02d}"), topics=["empathy"])
    html = client.get("/archive/?topic=empathy").content.decode()
    assert 'rel="next" href="?topic=empathy&amp;page=2"' in html


def test_one_page_shows_no_pagination(client, corpus):
    assert 'class="pagination"' not in client.get("/archive/").content.decode()


def test_empty_result_says_so_and_offers_to_clear(client, corpus):
    html = client.get("/archive/?topic=training").content.decode()
    assert "No summary matches these filters." in html
    assert "0 summaries" in html


def test_filtered_archive_links_its_own_feeds(client, corpus):
    html = client.get("/archive/?type=rct&topic=termination").content.decode()
    assert 'href="/feeds/atom/?topic=termination&amp;type=rct"' in html
    assert 'href="/feeds/rss/?topic=termination&amp;type=rct"' in html
    assert 'type="application/atom+xml"' in html


def test_archive_in_french(client, corpus):
    response = client.get("/fr/archive/?topic=termination&topic=nope")
    html = response.content.decode()
    assert '<html lang="fr">' in html
    assert "<h1>Archive</h1>" in html and "Thème" in html and "3 résumés" in html
    assert "Filtre inconnu ignoré : nope." in html
    assert "Ce contenu n’est disponible qu’en anglais." in html
    assert canonical(response) == "http://testserver/fr/archive/?topic=termination"
    assert 'href="/fr/feeds/atom/?topic=termination"' in html


@given(
    st.lists(st.from_regex(r"[-a-z0-9_]{1,20}", fullmatch=True), max_size=3),
    st.lists(st.from_regex(r"[-a-z0-9_]{1,20}", fullmatch=True), max_size=3),
    st.text(max_size=30),
    st.sampled_from(["", "date", "relevance"]),
    st.integers(0, 5),
)
def test_facet_links_are_what_querydict_would_write(topics, types, q, sort, page):
    params = QueryDict(mutable=True)
    params.setlist("topic", topics)
    params.setlist("type", types)
    for key, value in (("q", q), ("sort", sort)):
        if value:
            params[key] = value
    if page > 1:
        params["page"] = page
    terms = (
        [SimpleNamespace(slug=slug) for slug in topics],
        [SimpleNamespace(slug=s) for s in types],
    )
    assert _query(*terms, page, q=q, sort=sort) == params.urlencode()


def test_each_summary_links_its_topics_then_its_types_in_the_readers_language(client):
    from digest.taxonomy.models import Topic

    grief = Topic.objects.create(name='Grief & "Loss" <b>', slug="grief")
    topics, types = [grief, "alliance"], ["rct"]
    make_summary(make_issue("2020-05"), "Mourning clients", topics=topics, types=types)
    tags = '<ul class="tags" aria-label="[^"]*"[^>]*>\\s*(.*?)\\s*</ul>'
    english = ("Alliance and Therapeutic Relationship", "Randomised controlled trial")
    french = ("Alliance thérapeutique et relation thérapeutique", "Essai contrôlé randomisé")
    for url, prefix, (alliance, rct) in (
        ("/archive/", "", english),
        ("/fr/archive/", "/fr", french),  # a term without a French name keeps its English one
        ("/search/?q=mourning", "", english),
    ):
        (found,) = re.findall(tags, client.get(url).content.decode(), re.S)
        assert found == (
            f'<li><a href="{prefix}/topics/grief/">Grief &amp; &quot;Loss&quot; &lt;b&gt;</a></li>'
            f'<li><a href="{prefix}/topics/alliance/">{alliance}</a>'
            f'</li><li class="tag--type"><a href="{prefix}/types/rct/">{rct}</a></li>'
        )
    # A renamed topic is a new address at once (the facet index keeps the term objects).
    grief.slug = "grief-and-loss"
    grief.save()
    assert 'href="/topics/grief-and-loss/"' in client.get("/archive/").content.decode()


def test_current_slugs_are_named_from_the_facet_index_and_former_ones_from_the_database(
    django_assert_num_queries,
):
    from digest.summaries.facet_index import FacetIndex
    from digest.summaries.facets import Facets
    from digest.taxonomy.models import Topic, TopicAlias

    make_summary(make_issue("2020-05"), "Mourning clients", topics=["alliance", "empathy"])
    TopicAlias.objects.create(topic=Topic.objects.get(slug="empathy"), slug="warmth")
    index = FacetIndex.current()
    query = QueryDict("topic=empathy&topic=alliance&topic=alliance&type=rct")
    with django_assert_num_queries(0):
        facets = Facets.from_query(query, index)
    # The vocabulary's order, each term once, as the database answers without the index.
    assert facets == Facets.from_query(query)
    assert [t.slug for t in facets.topics] == ["alliance", "empathy"]
    assert [t.slug for t in facets.types] == ["rct"]
    with django_assert_num_queries(3):  # a former slug: the terms, those it aliases, theirs
        facets = Facets.from_query(QueryDict("topic=warmth&topic=nothing"), index)
    assert [t.slug for t in facets.topics] == ["empathy"]
    assert facets.unknown_topics == ["nothing"]
