"""The old blog's list addresses answer 301 with the matching archive view."""

from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from digest.core.tests.factories import make_issue, make_summary
from digest.taxonomy.models import Topic
from digest.taxonomy.vocabulary import TOPICS

pytestmark = pytest.mark.django_db


def follow_once(client, url):
    response = client.get(url)
    assert response.status_code == 301, url
    target = urlsplit(response["Location"])
    assert target.path == "/archive/"
    return parse_qs(target.query)


def test_every_topic_legacy_id_redirects_to_its_topic_filter(client):
    for slug, _name, legacy_id in TOPICS:
        assert follow_once(client, f"/blog?cat_2={legacy_id}") == {"topic": [slug]}


def test_cat_1_maps_to_every_research_type_of_its_old_group(client):
    assert follow_once(client, "/blog?cat_1=25") == {"type": ["meta-analysis", "systematic-review"]}
    assert follow_once(client, "/blog?cat_1=26")["type"] == [
        "narrative-review",
        "book-chapter-essay",
    ]
    assert follow_once(client, "/blog?cat_1=27") == {"type": ["rct"]}
    primary = follow_once(client, "/blog?cat_1=24")["type"]
    assert set(primary) == {
        "naturalistic",
        "longitudinal-cohort",
        "survey",
        "qualitative",
        "analogue",
        "expert-consensus",
    }


def test_parameters_in_any_order_give_the_same_address(client):
    a = client.get("/blog?p=1&cat_1=26&cat_2=36")["Location"]
    b = client.get("/blog?cat_2=36&p=1&cat_1=26")["Location"]
    c = client.get("/blog/?cat_1=26&cat_2=36")["Location"]
    assert (
        a == b == c == "/archive/?topic=miscellaneous&type=narrative-review&type=book-chapter-essay"
    )


def test_no_parameter_redirects_to_the_whole_archive(client):
    response = client.get("/blog")
    assert response.status_code == 301
    assert response["Location"] == "/archive/"


def test_unknown_ids_drop_only_their_filter(client):
    assert follow_once(client, "/blog?cat_1=99&cat_2=46") == {"topic": ["termination"]}
    assert follow_once(client, "/blog?cat_1=27&cat_2=23") == {"type": ["rct"]}
    assert follow_once(client, "/blog?cat_1=abc&cat_2=%00&p=x") == {}


def test_merged_topic_keeps_its_legacy_id(client):
    Topic.objects.get(slug="empathy").merge_into(Topic.objects.get(slug="alliance"))
    assert follow_once(client, "/blog?cat_2=29") == {"topic": ["alliance"]}


def test_old_page_maps_to_the_new_page_holding_its_first_entry(client):
    # 30 summaries, newest first: old page 5 starts at entry 24, which is on new page 2
    # (entries 20–39); old pages 1–4 start at entries 0–18, all on new page 1.
    for n in range(30):
        make_summary(make_issue(f"{2000 + n // 12}-{n % 12 + 1:02d}"), topics=["termination"])
    assert "page" not in follow_once(client, "/blog?p=1&cat_2=46")
    assert "page" not in follow_once(client, "/blog?p=4&cat_2=46")
    assert follow_once(client, "/blog?p=5&cat_2=46") == {"topic": ["termination"], "page": ["2"]}
    response = client.get(client.get("/blog?p=5&cat_2=46")["Location"])
    assert response.status_code == 200


def test_old_page_past_the_end_shows_page_1_as_the_old_site_did(client):
    make_summary(topics=["termination"])
    assert follow_once(client, "/blog?p=2&cat_2=46") == {"topic": ["termination"]}
    assert follow_once(client, "/blog?p=999999999&cat_2=46") == {"topic": ["termination"]}
    assert follow_once(client, "/blog?p=0") == {}
    assert follow_once(client, "/blog?p=-3") == {}


def test_redirect_is_cacheable(client):
    response = client.get("/blog?cat_2=11")
    assert "public" in response["Cache-Control"]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.tuples(st.sampled_from(["p", "cat_1", "cat_2", "x"]), st.text()), max_size=6))
def test_any_query_string_gives_a_redirect_never_an_error(client, pairs):
    response = client.get("/blog?" + urlencode(pairs))
    assert response.status_code == 301
    assert response["Location"].startswith("/archive/")
