"""Every reader page makes the same number of SQL queries at 5 and at 40 summaries.

40 summaries fill more than one archive page (20), so this also covers page size: a page that
ran a query per summary, per topic or per link would fail here.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from digest.core.tests.factories import make_issue, make_summary

pytestmark = pytest.mark.django_db

TOPICS = ["termination", "alliance", "empathy", "depression"]
TYPES = ["meta-analysis", "rct", "naturalistic"]
# A generous ceiling; the real assertion is that the count does not move with the corpus.
MAX_QUERIES = 16


def add_summaries(start, stop):
    for n in range(start, stop):
        # Four summaries an issue: the newest issue (home, issue page) grows from 1 to 4.
        month = n // 4
        issue = make_issue(f"{2010 + month // 12}-{month % 12 + 1:02d}")
        make_summary(
            issue,
            f"Finding number {n}",
            topics=[TOPICS[n % 4], TOPICS[(n + 1) % 4]],
            types=[TYPES[n % 3]],
            references=[f"Author, A. ({2010 + n}). Title {n}. Journal, 1(2), 3-4."],
            design="Meta-analysis",
            n_studies=n + 1,
            evidence_confirmed=True,
        )


def pages():
    # Filled in after the corpus exists: the newest summary and issue are the ones measured.
    from digest.summaries.models import SummaryPage

    newest = SummaryPage.objects.live().newest_first().first()
    return {
        "home": "/",
        "archive": "/archive/",
        "archive, one topic": "/archive/?topic=termination",
        "archive, topic + type": "/archive/?topic=termination&topic=alliance&type=rct",
        "summary": newest.url,
        "issue": newest.get_parent().url,
        "topic": "/topics/termination/",
        "topic handout": "/topics/termination/implications/",
        "type": "/types/meta-analysis/",
        "topics": "/topics/",
        "atom feed": "/feeds/atom/",
        "rss feed, filtered": "/feeds/rss/?topic=termination&type=rct",
        "sitemap": "/sitemap.xml",
        "french archive": "/fr/archive/?topic=alliance",
    }


def count_queries(client):
    counts = {}
    for name, url in pages().items():
        client.get(url)  # warm the per-process caches (site root paths) as a server would
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, (name, url)
        counts[name] = len(queries)
    return counts


def test_reader_pages_make_the_same_number_of_queries_at_5_and_40_summaries(
    client, django_assert_max_num_queries
):
    add_summaries(0, 5)
    small = count_queries(client)
    add_summaries(5, 40)
    large = count_queries(client)
    # The sitemap lists every page in one query, so it is bounded too.
    assert large == small
    for url in pages().values():
        with django_assert_max_num_queries(MAX_QUERIES):
            client.get(url)
