"""The snapshot's fast path renders summaries and issues from data read once per run: its bytes
must be the live site's, page for page, before and after the snapshot's rewriting."""

import pytest
from django.test import Client
from django.utils import translation

from digest.core.tests.factories import make_issue, make_summary
from digest.snapshot.exporting import Snapshot
from digest.snapshot.rendering import KeptFragments, Renderer
from digest.snapshot.tests.test_export import files_of

pytestmark = pytest.mark.django_db

LIVE = "https://digest.example.org"
APA = {
    "raw": "Eubanks, C. F., Muran, J. C., & Safran, J. D. (2018). Alliance rupture repair: "
    "A meta-analysis. Psychotherapy, 55(4), 508-519. https://doi.org/10.1037/pst0000185",
    "title": "Alliance rupture repair: A meta-analysis",
    "container_title": "Psychotherapy",
    "year": 2018,
    "volume": "55",
    "issue": "4",
    "pages": "508-519",
    "doi": "10.1037/pst0000185",
    "authors": [
        {"family": "Eubanks", "given": "C. F."},
        {"family": "Muran", "given": "J. C."},
        {"family": "Safran", "given": "J. D."},
    ],
}


@pytest.fixture
def site():
    first = make_issue("2018-02", intro="<p>This month: alliances.</p>")
    second = make_issue("2018-03")
    make_issue("2018-05")  # no summaries yet
    draft = make_issue("2018-06", live=False)
    return [
        make_summary(
            first,
            "Alliance matters",
            topics=["alliance"],
            types=["rct"],
            references=[APA],
            design="Randomised controlled trial",
            n_clients=605,
            setting="primary care",
            follow_up="12-month follow-up",
            evidence_confirmed=True,
            author_email="author@example.org",
        ),
        make_summary(first, "Ruptures repaired", topics=["alliance", "termination"]),
        make_summary(first, "A third in February", references=["A raw reference, 2017."]),
        make_summary(second, "Ending well", topics=["termination"], implications=""),
        make_summary(draft, "Not yet", topics=["alliance"], live=False),
    ]


def snapshot_for(languages):
    snapshot = Snapshot("/nonexistent", live_url=LIVE, languages=languages, search=False)
    state = snapshot._state()
    snapshot.page_of = state["urls"]
    snapshot.renderer = Renderer(state["host"], snapshot.page_of, snapshot.default_language)
    snapshot.static_wanted = set()
    return snapshot


@pytest.mark.parametrize("language", ["en", "fr"])
def test_summaries_and_issues_are_the_live_pages_byte_for_byte(site, language):
    snapshot = snapshot_for(("en", "fr"))
    prefix = "" if language == "en" else "/fr"
    addresses = [a for a in snapshot.page_of if a.startswith(f"{prefix}/20")]
    # Every summary and issue of the site (the draft's neither), each through the fast path.
    assert len(addresses) == 4 + 3
    assert all(snapshot.renderer._page(address) is not None for address in addresses)
    client = Client()
    for address in addresses:
        with translation.override("en"):
            live = client.get(address)
        assert live.status_code == 200
        with translation.override("en"):
            status, content_type, fast = snapshot.renderer.get(address)
        assert (status, content_type) == (200, live["Content-Type"])
        assert fast.decode() == live.content.decode(), address
        # The same after the snapshot's rewriting (relative links, forms to the live site).
        file = address.lstrip("/") + "index.html"
        assert snapshot._relink(fast.decode(), file, address) == snapshot._relink(
            live.content.decode(), file, address
        )


def test_a_page_the_fast_path_does_not_hold_comes_from_the_site(site):
    snapshot = snapshot_for(("en",))
    status, content_type, content = snapshot.renderer.get("/archive/?topic=alliance")
    assert status == 200 and content_type.startswith("text/html")
    assert b"Ruptures repaired" in content
    assert snapshot.renderer.get("/2018/06/")[0] == 404  # the draft issue: not published


def test_the_export_writes_the_fast_path_pages_as_the_live_site_rewritten(tmp_path, site):
    snapshot = Snapshot(tmp_path, live_url=LIVE, search=False)
    assert snapshot.export().failed == []
    summary = site[0]
    written = (tmp_path / summary.url.lstrip("/") / "index.html").read_text()
    live = Client().get(summary.url).content.decode()
    file = summary.url.lstrip("/") + "index.html"
    rewritten, _links, _follow = snapshot._relink(live, file, summary.url)
    assert written == rewritten
    assert "605 clients" in written and "Also in the February 2018 issue" in written


def test_every_file_of_an_export_is_what_the_client_gets_from_the_site(tmp_path, site, monkeypatch):
    """Home, issues, summaries, the archive and its single-facet lists, topics, types,
    handouts, feeds and the sitemap, in English and French: the direct path
    writes the same files, byte for byte, as one that requests every page through the client
    and the whole middleware stack."""
    from functools import partial

    from digest.snapshot import rendering

    languages = ("en", "fr")
    fast = Snapshot(tmp_path / "fast", live_url=LIVE, languages=languages, search=False).export()
    monkeypatch.setattr(rendering, "Renderer", partial(Renderer, through_client=True))
    client = Snapshot(tmp_path / "client", live_url=LIVE, languages=languages, search=False)
    slow = client.export()
    assert fast.failed == slow.failed == []
    assert fast.rendered == slow.rendered > 40
    one, two = files_of(tmp_path / "fast"), files_of(tmp_path / "client")
    assert sorted(one) == sorted(two)
    for name in one:
        assert one[name] == two[name], name


def test_a_run_after_one_publish_renders_its_pages_from_memory_as_a_full_run_would(
    tmp_path, site, monkeypatch
):
    """After one publish only the changed summary's issue (whole) and the summaries related to
    it are read: its siblings, its issue and the pages listing it as related take the fast
    path, and the files are those a full run writes."""
    Snapshot(tmp_path / "kept", live_url=LIVE, search=False).export()
    site[1].title = "Ruptures repaired, revised"
    site[1].save_revision().publish()
    fast = []
    render_page = Renderer._render_page

    def counted(self, page, request):
        fast.append(page.pk)
        return render_page(self, page, request)

    monkeypatch.setattr(Renderer, "_render_page", counted)
    outcome = Snapshot(tmp_path / "kept", live_url=LIVE, search=False).export()
    assert not outcome.full
    # Its siblings, its issue, and "Ending well" in March, which lists it as related.
    assert {site[0].pk, site[1].pk, site[2].pk, site[0].issue_id, site[3].pk} <= set(fast)
    monkeypatch.undo()
    Snapshot(tmp_path / "fresh", live_url=LIVE, search=False).export()
    kept, fresh = files_of(tmp_path / "kept"), files_of(tmp_path / "fresh")
    assert sorted(kept) == sorted(fresh)
    for name in kept:
        assert kept[name] == fresh[name], name


def test_runs_that_keep_fragments_write_what_a_fresh_export_writes(tmp_path, site):
    """A long-lived process (the task worker) keeps each summary's fragments from one run to
    the next, and warms them before the publishes come: a fragment of a page changed since,
    even by a run outside the process, is never used again, and a file whose only change is
    a summary's line in its lists has that line replaced, to the same bytes."""
    kept = KeptFragments()

    def run(folder="kept", **options):
        return Snapshot(tmp_path / folder, live_url=LIVE, search=False, **options)

    run(kept=kept).export()
    run(kept=kept).warm()
    assert kept.warm
    assert any(key[1] == "digest_entry" for key in kept.fragments)
    site[0].implications = "<p>Repair ruptures early.</p>"
    site[0].save_revision().publish()
    run().export()  # a command's run: this process's copy of that entry is now stale
    site[1].title = "Ruptures repaired, revised"
    site[1].save_revision().publish()
    outcome = run(kept=kept).export()
    assert not outcome.full
    assert outcome.patched >= 1  # a sibling's file, with the headline's line replaced
    handout = (tmp_path / "kept/topics/alliance/implications/index.html").read_text()
    assert "Repair ruptures early." in handout and "Ruptures repaired, revised" in handout
    run("fresh").export()
    kept_files, fresh = files_of(tmp_path / "kept"), files_of(tmp_path / "fresh")
    assert sorted(kept_files) == sorted(fresh)
    for name in kept_files:
        assert kept_files[name] == fresh[name], name


def test_kept_fragments_are_dropped_when_lists_move(tmp_path, site):
    kept = KeptFragments()
    snapshot = Snapshot(tmp_path, live_url=LIVE, search=False, kept=kept)
    snapshot.export()
    snapshot.warm()
    state = snapshot._state()
    assert kept.for_run(state, snapshot.languages)
    first = str(site[0].pk)
    retagged = [*state["pages"][first][:2], [], []]
    state = {**state, "pages": {**state["pages"], first: retagged}}
    assert kept.for_run(state, snapshot.languages) == {}
    assert not kept.warm


def test_a_line_the_files_no_longer_show_is_not_replaced(tmp_path, site):
    """The worker kept a headline's line; a command's run then wrote a newer one into the
    files: after the next publish the files are rendered, not patched from the old line."""
    kept = KeptFragments()
    Snapshot(tmp_path / "kept", live_url=LIVE, search=False, kept=kept).export()
    Snapshot(tmp_path / "kept", live_url=LIVE, search=False, kept=kept).warm()
    for title in ("Ruptures repaired, first", "Ruptures repaired, second"):
        site[1].title = title
        site[1].save_revision().publish()
        if title.endswith("first"):
            Snapshot(tmp_path / "kept", live_url=LIVE, search=False).export()
    outcome = Snapshot(tmp_path / "kept", live_url=LIVE, search=False, kept=kept).export()
    assert outcome.patched == 0
    Snapshot(tmp_path / "fresh", live_url=LIVE, search=False).export()
    kept_files, fresh = files_of(tmp_path / "kept"), files_of(tmp_path / "fresh")
    assert sorted(kept_files) == sorted(fresh)
    for name in kept_files:
        assert kept_files[name] == fresh[name], name
