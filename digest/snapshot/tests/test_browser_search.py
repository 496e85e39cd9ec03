"""The snapshot's search in Debian's chromium, served as plain files: a reader finds a page,
then, after a publish and an incremental export (the delta merged in the browser), finds it
by its new headline and not by its old one, and no longer finds a page unpublished since."""

import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest

from digest.core.tests.factories import make_issue, make_summary
from digest.snapshot.exporting import Snapshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture
def served(tmp_path):
    """The snapshot's folder behind a plain file server, under a sub-path (as on a
    university's shared host) to show the search needs no particular root."""
    root = tmp_path / "www"
    server = ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(root))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield root / "digest", f"http://127.0.0.1:{server.server_port}/digest/"
    server.shutdown()
    server.server_close()


def results(browser, address, query):
    page = browser.new_page()
    try:
        page.goto(f"{address}search/index.html?q={query}")
        page.wait_for_selector("#static-search h2", timeout=15_000)
        heading = page.inner_text("#static-search h2")
        titles = page.locator("#static-search li a").all_inner_texts()
        # Each result leads to its page within the snapshot.
        for link in page.locator("#static-search li a").all():
            assert link.get_attribute("href").startswith("/digest/")
        return heading, titles
    finally:
        page.close()


def test_search_follows_a_publish_and_an_unpublish_without_a_full_reindex(browser, served):
    root, address = served
    issue = make_issue("2018-02")
    # A slug apart from the headline: the page prints its address, which keeps the slug.
    changed = make_summary(
        issue, "Alliance ruptures repaired", topics=["alliance"], slug="alliance-study"
    )
    removed = make_summary(issue, "Mindfulness groups compared", topics=["alliance"])
    make_summary(make_issue("2018-03"), "Ending well", topics=["termination"])
    snapshot = Snapshot(root, live_url="https://digest.example.org", search=True)
    snapshot.export()
    assert "Alliance ruptures repaired" in results(browser, address, "ruptures")[1]

    changed.title = "Alliance strengthened weekly"
    changed.save_revision().publish()
    assert not snapshot.export().full
    assert (root / "pagefind-delta").exists()
    assert "Alliance strengthened weekly" in results(browser, address, "weekly")[1]
    # Neither the page nor its issue or sibling (which list it) has the old words any more.
    heading, titles = results(browser, address, "ruptures")
    assert titles == [] and heading == "No results"
    assert "Mindfulness groups compared" in results(browser, address, "mindfulness")[1]

    removed.unpublish()
    snapshot.export()
    heading, titles = results(browser, address, "mindfulness")
    assert titles == [] and heading == "No results"
    heading, titles = results(browser, address, "strengthened")
    assert "Alliance strengthened weekly" in titles
    assert heading == ("1 result" if len(titles) == 1 else f"{len(titles)} results")


def test_the_search_page_shows_what_pagefind_over_the_written_pages_would(browser, served):
    """The index is built from each summary's <main> alone; the search page shows the same
    results, titles, excerpts and order as Pagefind's own index of the written files."""
    import shutil

    from digest.snapshot.tests.test_export import pagefind_over

    root, address = served
    first, second = make_issue("2018-02"), make_issue("2018-03")
    make_summary(first, "Alliance ruptures repaired", topics=["alliance"])
    make_summary(first, "Mindfulness groups compared", topics=["alliance"])
    make_summary(second, "Ending well after ruptures", topics=["termination"])
    Snapshot(root, live_url="https://digest.example.org", search=True).export()
    queries = ["ruptures", "alliance", "mindfulness", "ending"]

    def shown():
        page = browser.new_page()
        try:
            found = {}
            for query in queries:
                page.goto(f"{address}search/index.html?q={query}")
                page.wait_for_selector("#static-search h2", timeout=15_000)
                found[query] = page.inner_html("#static-search")
            return found
        finally:
            page.close()

    ours = shown()
    assert "Alliance ruptures repaired" in ours["ruptures"]
    shutil.rmtree(root / "pagefind")
    pagefind_over(root, root / "pagefind")
    assert shown() == ours


def test_a_topic_or_a_type_name_finds_its_summaries(browser, served):
    """As on the live site, whose search fields hold the topics' and types' names."""
    root, address = served
    issue = make_issue("2018-02")
    make_summary(issue, "Ending well", topics=["termination"])
    make_summary(issue, "Alliance ruptures repaired", topics=["alliance"], types=["rct"])
    Snapshot(root, live_url="https://digest.example.org", search=True).export()
    assert results(browser, address, "termination")[1] == ["Ending well"]
    assert results(browser, address, "randomised")[1] == ["Alliance ruptures repaired"]


def test_the_search_form_narrows_to_a_topic_chosen_in_its_labelled_select(browser, served):
    root, address = served
    issue = make_issue("2018-02")
    make_summary(issue, "Ending well", topics=["termination"])
    make_summary(issue, "Alliance ruptures repaired", topics=["alliance"])
    Snapshot(root, live_url="https://digest.example.org", search=True).export()
    page = browser.new_page()
    try:
        page.goto(f"{address}search/index.html")
        page.locator("form.search-form input[name=q]").fill("summary")
        page.get_by_label("Topic", exact=True).select_option("Termination")
        page.locator("form.search-form input[name=q]").press("Enter")  # the keyboard's submit
        page.wait_for_selector("#static-search h2", timeout=15_000)
        assert page.locator("#static-search li a").all_inner_texts() == ["Ending well"]
        assert page.get_by_label("Topic", exact=True).input_value() == "Termination"
        # A topic alone lists its summaries.
        page.goto(f"{address}search/index.html?topic=Alliance+and+Therapeutic+Relationship")
        page.wait_for_selector("#static-search h2", timeout=15_000)
        titles = page.locator("#static-search li a").all_inner_texts()
        assert titles == ["Alliance ruptures repaired"]
    finally:
        page.close()
