"""The page cache: anonymous readers get stored copies, and any change to what they show
makes every page fresh at once; editors, forms and the admin are never served a copy."""

import pytest
from django.contrib.auth.models import User
from django.core.cache import caches
from django.http import HttpResponse
from django.test import RequestFactory

from digest.core.pagecache import PageCacheMiddleware
from digest.core.tests.factories import make_issue, make_summary
from digest.taxonomy.models import Topic

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 3600


@pytest.fixture
def summary():
    return make_summary(
        make_issue("2018-02"), "Alliance matters", topics=["alliance"], types=["rct"]
    )


def twice(client, url, **kwargs):
    return client.get(url, **kwargs), client.get(url, **kwargs)


def test_a_second_anonymous_request_is_served_from_the_cache(client, summary):
    for url in [summary.url, "/", "/archive/", "/topics/alliance/", "/feeds/atom/", "/fr/"]:
        first, second = twice(client, url)
        assert first["X-Cache"] == "miss", url
        assert second["X-Cache"] == "hit", url
        assert int(second["Age"]) >= 0
        assert second.content == first.content, url
        assert second["Content-Type"] == first["Content-Type"]
        assert second["ETag"] == first["ETag"]
        assert "public" in second["Cache-Control"]


def test_a_hit_runs_no_query(client, summary, django_assert_num_queries):
    client.get(summary.url)
    with django_assert_num_queries(0):
        assert client.get(summary.url)["X-Cache"] == "hit"


def test_each_language_and_query_is_its_own_copy(client, summary):
    english, french = client.get(summary.url), client.get(f"/fr{summary.url}")
    assert french["X-Cache"] == "miss" and english.content != french.content
    filtered = client.get("/archive/?topic=alliance")
    assert filtered["X-Cache"] == "miss"
    assert client.get("/archive/?topic=alliance")["X-Cache"] == "hit"
    assert client.get("/archive/?type=rct")["X-Cache"] == "miss"


def test_publishing_a_change_makes_the_page_and_every_list_fresh_at_once(client, summary):
    for url in [summary.url, "/", "/archive/", "/2018/02/"]:
        twice(client, url)
    revision = summary.save_revision()
    summary.title = "Alliance matters more than we thought"
    summary.save_revision().publish()
    assert revision  # the draft alone changed nothing readers see, the publish did
    for url in [summary.url, "/", "/archive/", "/2018/02/"]:
        response = client.get(url)
        assert response["X-Cache"] == "miss", url
        assert b"Alliance matters more than we thought" in response.content, url


def test_unpublishing_and_deleting_take_effect_at_once(client, summary):
    url = summary.url
    twice(client, url)
    summary.unpublish()
    assert client.get(url).status_code == 404
    twice(client, "/archive/")
    other = make_summary(make_issue("2018-03"), "Short lived")
    assert b"Short lived" in client.get("/archive/").content
    other.delete()
    assert b"Short lived" not in client.get("/archive/").content


def test_renaming_a_topic_refreshes_its_pages(client, summary):
    twice(client, "/topics/alliance/")
    topic = Topic.objects.get(slug="alliance")
    topic.name = "Therapeutic alliance (renamed)"
    topic.save()
    response = client.get("/topics/alliance/")
    assert response["X-Cache"] == "miss" and b"Therapeutic alliance (renamed)" in response.content


@pytest.mark.parametrize("cookie", ["sessionid", "csrftoken"])
def test_a_session_or_csrf_cookie_bypasses_the_cache(client, summary, cookie):
    twice(client, summary.url)
    client.cookies[cookie] = "anything"
    response = client.get(summary.url)
    assert response["X-Cache"] == "bypass"


def test_an_editor_never_gets_or_leaves_a_stored_copy(client, summary):
    client.force_login(User.objects.create_superuser("ed", "ed@example.org", "pw"))
    response = client.get(summary.url)
    assert response["X-Cache"] == "bypass" and response["Cache-Control"] == "private"
    client.logout()
    client.cookies.clear()
    assert client.get(summary.url)["X-Cache"] == "miss"


def test_pages_that_set_a_cookie_are_never_stored(client):
    first = client.get("/subscribe/")
    assert first.cookies  # the form's CSRF cookie
    client.cookies.clear()
    assert client.get("/subscribe/")["X-Cache"] == "miss"


def test_the_admin_and_posts_are_never_cached(client, summary):
    assert client.get("/admin/login/")["X-Cache"] == "bypass"
    assert client.post("/subscribe/", {"email": "x"})["X-Cache"] == "bypass"


def test_head_is_answered_from_the_get_copy_without_a_body(client, summary):
    page = client.get(summary.url)
    response = client.head(summary.url)
    assert response["X-Cache"] == "hit"
    assert response.content == b""
    assert response["Content-Length"] == str(len(page.content))


def test_a_stored_etag_still_answers_304(client, summary):
    etag = client.get(summary.url)["ETag"]
    response = client.get(summary.url, headers={"if-none-match": etag})
    assert response.status_code == 304 and response["X-Cache"] == "hit"
    assert response.content == b""


def test_not_found_is_kept_only_a_few_seconds_and_lists_with_queries_briefly(settings):
    middleware = PageCacheMiddleware(lambda request: None)
    factory = RequestFactory()

    def public(status):
        response = HttpResponse(b"x", status=status)
        response["Cache-Control"] = "public, max-age=60"
        return response

    assert middleware.timeout(factory.get("/x/"), public(404)) == settings.PAGE_CACHE_ERROR_SECONDS
    assert settings.PAGE_CACHE_ERROR_SECONDS <= 5
    assert middleware.timeout(factory.get("/x/"), public(500)) == 0
    assert middleware.timeout(factory.get("/search/?q=a"), public(200)) == 60
    assert middleware.timeout(factory.get("/x/"), public(200)) == 3600
    private = HttpResponse(b"x")
    private["Cache-Control"] = "private"
    assert middleware.timeout(factory.get("/x/"), private) == 0


def test_a_very_long_query_is_rendered_but_never_stored(client, summary):
    url = "/search/?q=" + "alliance+" * 100
    assert twice(client, url)[1]["X-Cache"] == "bypass"


def test_search_results_are_cached_and_bounded_by_the_backend(client, summary):
    first, second = twice(client, "/search/?q=alliance")
    assert (first["X-Cache"], second["X-Cache"]) == ("miss", "hit")
    assert caches["pages"]._max_entries > 0  # the backend culls beyond this many copies


def test_a_zero_timeout_turns_the_page_cache_off(client, summary, settings):
    settings.PAGE_CACHE_SECONDS = 0
    assert twice(client, summary.url)[1]["X-Cache"] == "bypass"


def test_a_publish_purges_every_address_showing_the_summary_in_both_languages(summary):
    from digest.core.frontend_cache import addresses

    paths = {url.removeprefix("http://localhost") for url in addresses(summary)}
    for path in [summary.url, "/2018/02/", "/", "/archive/", "/feeds/atom/", "/topics/alliance/"]:
        assert path in paths and f"/fr{path}" in paths, path
    assert "/types/rct/" in paths and "/topics/alliance/implications/" in paths
