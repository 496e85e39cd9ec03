"""/evidence-map/: topics × research types, each count a link to the filtered archive."""

import re
from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from digest.core.tests.factories import make_issue, make_summary
from digest.summaries.facet_index import FacetIndex
from digest.taxonomy.evidence_map import legend, shade

pytestmark = pytest.mark.django_db


@pytest.fixture
def corpus():
    old, new = make_issue("2015-03"), make_issue("2021-06")
    for n in range(3):
        make_summary(new, f"Alliance meta {n}", topics=["alliance"], types=["meta-analysis"])
    make_summary(old, "Old alliance meta", topics=["alliance"], types=["meta-analysis"])
    make_summary(old, "Two topics", topics=["alliance", "empathy"], types=["rct", "survey"])
    make_summary(new, "Termination study", topics=["termination"], types=["qualitative"])


def cell(html, topic, research_type):
    """The count in the row of `topic` and the column of `research_type` (their names)."""
    head = re.search(r"<thead>(.*?)</thead>", html, re.S)[1]
    columns = [unescape(c) for c in re.findall(r'<th scope="col">([^<]*)</th>', head)]
    row = re.search(rf'<th scope="row">{re.escape(topic)}</th>(.*?)</tr>', html, re.S)[1]
    cells = re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
    value = cells[columns.index(research_type)]
    link = re.search(r'href="([^"]*)"', value)
    return int(re.match(r"(?:<a [^>]*>)?(\d+)", value)[1]), link and unescape(link[1])


def test_map_is_a_table_with_row_and_column_headers_and_counts_linking_to_the_archive(
    client, corpus
):
    html = client.get("/evidence-map/").content.decode()
    assert "<table" in html and "<caption" in html
    assert html.count('<th scope="row">') == 36 + 1  # every topic, and the totals row
    assert html.count('<th scope="col">') == 11 + 1  # every research type, and the totals
    count, link = cell(html, "Alliance and Therapeutic Relationship", "Meta-analysis")
    assert (count, link) == (4, "/archive/?topic=alliance&type=meta-analysis")
    assert cell(html, "Empathy", "Randomised controlled trial")[0] == 1
    assert cell(html, "Termination", "Meta-analysis") == (0, None)
    # The number a cell shows is the number its link gives.
    archive = client.get("/archive/?topic=alliance&type=meta-analysis").content.decode()
    assert "4 summaries" in archive
    # Every count carries a shade; the legend names each shade's range.
    assert re.search(r'<td class="shade-4"><a href="/archive/\?topic=alliance&amp;type=meta', html)
    assert "evidence-map-legend" in html and 'class="shade-0"' in html


def test_map_follows_the_year_range_and_its_links_keep_it(client, corpus):
    html = client.get("/evidence-map/?from=2020&to=2022").content.decode()
    count, link = cell(html, "Alliance and Therapeutic Relationship", "Meta-analysis")
    assert (count, link) == (3, "/archive/?topic=alliance&type=meta-analysis&from=2020&to=2022")
    assert cell(html, "Empathy", "Randomised controlled trial") == (0, None)
    # The archive applies the same years, so the link gives the same three summaries.
    archive = client.get(link).content.decode()
    assert "3 summaries" in archive and "Old alliance meta" not in archive
    assert "Remove filter: years 2020–2022" in archive


def test_years_that_are_not_years_are_ignored(client, corpus):
    html = client.get("/evidence-map/?from=abc&to=99999").content.decode()
    assert cell(html, "Alliance and Therapeutic Relationship", "Meta-analysis")[0] == 4
    archive = client.get("/archive/?from=%00&to=x")
    assert archive.status_code == 200


def test_french_map_names_topics_and_types_in_french(client, corpus):
    html = client.get("/fr/evidence-map/").content.decode()
    assert '<html lang="fr">' in html and "Carte des données probantes" in html
    count, link = cell(html, "Alliance thérapeutique et relation thérapeutique", "Méta-analyse")
    assert (count, link) == (4, "/fr/archive/?topic=alliance&type=meta-analysis")


@pytest.mark.parametrize("years", ["", "?from=2015&to=2021"])
def test_map_takes_at_most_two_queries_at_any_archive_size(client, years):
    def measure():
        client.get(f"/evidence-map/{years}")  # the facet index is built once per change
        with CaptureQueriesContext(connection) as queries:
            response = client.get(f"/evidence-map/{years}")
        assert response.status_code == 200
        return len(queries)

    small = measure()
    issue = make_issue("2018-01")
    for n in range(30):
        make_summary(issue, f"Study {n}", topics=["alliance", "training"], types=["survey"])
    large = measure()
    assert small == large <= 2


def test_shades_grow_with_the_count_and_the_legend_covers_every_count():
    assert [shade(n, 20) for n in (0, 1, 5, 6, 10, 11, 15, 16, 20)] == [0, 1, 1, 2, 2, 3, 3, 4, 4]
    assert legend(20) == [(0, 0, 0), (1, 1, 5), (2, 6, 10), (3, 11, 15), (4, 16, 20)]
    assert legend(2) == [(0, 0, 0), (2, 1, 1), (4, 2, 2)]
    for largest in range(1, 40):
        steps = legend(largest)[1:]
        assert steps[0][1] == 1 and steps[-1][2] == largest
        for level, low, high in steps:
            assert all(shade(n, largest) == level for n in range(low, high + 1))


def test_map_prints_landscape_and_renders_on_an_empty_archive(client):
    # That it fits one printed page is checked in the browser (test_browser_reader.py).
    from django.contrib.staticfiles import finders

    with open(finders.find("css/digest.css"), encoding="utf-8") as css:
        assert "@page evidence-map { size: landscape" in css.read()
    assert FacetIndex.current().size == 0  # an empty archive still renders the map
    assert client.get("/evidence-map/").status_code == 200


@pytest.mark.parametrize("size", [0, 1, 7, 8, 9, 1000])
def test_pair_counts_equal_a_plain_count_of_every_pair(size):
    from types import SimpleNamespace

    import numpy as np

    from digest.taxonomy.evidence_map import pair_counts

    rng = np.random.default_rng(size)
    topics, types = rng.random((36, size)) < 0.2, rng.random((11, size)) < 0.3
    index = SimpleNamespace(
        by_topic=SimpleNamespace(packed=np.packbits(topics, axis=1)),
        by_type=SimpleNamespace(packed=np.packbits(types, axis=1)),
    )
    mask = rng.random(size) < 0.6
    pairs, topic_totals, type_totals = pair_counts(index, mask)
    for i in range(36):
        for j in range(11):
            assert pairs[i, j] == int(np.sum(topics[i] & types[j] & mask))
    assert topic_totals.tolist() == [int(np.sum(row & mask)) for row in topics]
    assert type_totals.tolist() == [int(np.sum(row & mask)) for row in types]
