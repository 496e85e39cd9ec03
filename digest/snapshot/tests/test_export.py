"""The static snapshot: complete, every internal link relative and resolving, forms sent to
the live site or removed, searchable, and a second run rewriting only what changed."""

import gzip
import json
import os
import re
import subprocess
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest
from django.core.management import call_command
from hypothesis import given
from hypothesis import strategies as st

from digest.core.tests.factories import make_issue, make_summary
from digest.snapshot import exporting
from digest.snapshot.exporting import (
    MANIFEST,
    SEARCH_DELTA,
    Snapshot,
    _render_in_worker,
    canonical,
    target,
)

pytestmark = pytest.mark.django_db

LIVE = "https://digest.example.org"
LINK = re.compile(r'\s(?:href|src|action)="([^"]*)"')
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture
def site():
    issue = make_issue("2018-02", intro="<p>This month: alliances.</p>")
    return [
        make_summary(issue, "Alliance matters", topics=["alliance"], types=["rct"]),
        make_summary(issue, "Ruptures repaired", topics=["alliance", "termination"]),
        make_summary(make_issue("2018-03"), "Ending well", topics=["termination"]),
    ]


def export(root, **options):
    options.setdefault("search", False)
    return Snapshot(root, live_url=LIVE, **options).export()


def broken_links(root):
    """Internal links that name no file of the snapshot (or carry a query a file ignores)."""
    broken = []
    for page in Path(root).rglob("*.html"):
        if "pagefind" in page.parts:
            continue
        for link in LINK.findall(page.read_text()):
            if re.match(r"^([a-z]+:|#)", link):
                continue
            path = link.split("#")[0]
            if path.startswith("/") or "?" in path or not (page.parent / path).exists():
                broken.append((str(page.relative_to(root)), link))
    return broken


def files_of(root):
    """{path: bytes} of every file but the manifest (whose entries come in any order); a feed
    without entries is dated when it is rendered (Django's feeds), so its date is left out."""
    files = {}
    for path in root.rglob("*"):
        if path.is_file() and path.name != MANIFEST:
            content = path.read_bytes()
            if path.suffix == ".xml" and b"<entry>" not in content and b"<item>" not in content:
                content = re.sub(rb"<(updated|lastBuildDate)>[^<]*</\1>", b"", content)
            files[str(path.relative_to(root))] = content
    return files


def test_the_snapshot_holds_every_reader_page_feed_sitemap_and_css(tmp_path, site):
    outcome = export(tmp_path)
    assert outcome.failed == []
    for file in [
        "index.html",
        "2018/02/index.html",
        f"{site[0].url.lstrip('/')}index.html",
        f"{site[2].url.lstrip('/')}index.html",
        "archive/index.html",
        "archive/topic/alliance/index.html",
        "archive/type/rct/index.html",
        "topics/index.html",
        "topics/alliance/index.html",
        "topics/alliance/implications/index.html",
        "types/rct/index.html",
        "feeds/rss.xml",
        "feeds/atom.xml",
        "feeds/rss/topic/alliance.xml",
        "sitemap.xml",
        "static/css/digest.css",
    ]:
        assert (tmp_path / file).is_file(), file
    assert "Ruptures repaired" in (tmp_path / "archive/topic/alliance/index.html").read_text()


def test_a_link_checker_finds_no_broken_internal_link(tmp_path, site):
    export(tmp_path)
    assert broken_links(tmp_path) == []


def test_links_are_relative_so_any_folder_works(tmp_path, site):
    export(tmp_path)
    page = (tmp_path / site[0].url.lstrip("/") / "index.html").read_text()
    assert 'href="../../../static/css/digest.css"' in page
    assert 'href="../../../topics/alliance/index.html"' in page
    assert not re.search(r'\s(?:href|src|action)="/', page)
    # What the snapshot does not hold leads to the live site.
    assert f'href="{LIVE}/search/"' in page  # no search index in this one
    assert f'href="{LIVE}/fr{site[0].url}"' in page


def test_archive_pages_map_to_folders_and_other_queries_to_the_live_site():
    assert target("/archive/?page=2") == "archive/page/2/index.html"
    assert target("/archive/?page=1") == "archive/index.html"
    assert target("/archive/?topic=alliance&page=3") == "archive/topic/alliance/page/3/index.html"
    assert target("/feeds/atom/?type=rct") == "feeds/atom/type/rct.xml"
    assert target("/archive/?topic=alliance&type=rct") is None  # a combination
    assert target("/archive/?topic=a&topic=b") is None
    assert target("/search/?q=alliance") is None
    assert target("/fr/archive/") is None
    assert target("/fr/archive/", languages=("en", "fr")) == "fr/archive/index.html"
    assert target("/api/summaries/") is None and target("/2018/02/x/cite.ris") is None


# Pieces of markup around links (and of text that only looks like them), for the property below.
MARKUP = ['href="', 'src="', 'action="', "data-", "=", '"', " ", "\n", "\t", "\xa0", "/a", "x"]


@given(st.lists(st.sampled_from(MARKUP), max_size=40).map("".join))
def test_links_are_the_ones_a_scan_of_each_whitespace_finds(text):
    """The export's link pattern starts at the `="` (a literal the regex engine jumps to): it
    finds the links a pattern starting at their whitespace finds, in the same order."""
    scanned = re.compile(r'(?P<attr>\s(?:href|src|action))="(?P<url>[^"]*)"')
    expected = [
        (m.start() + len(m["attr"]), m.end(), m["attr"].strip() == "action", m["url"])
        for m in scanned.finditer(text)
    ]
    found = [
        (m.start(), m.end(), m["action"] is not None, m["url"])
        for m in exporting.LINK.finditer(text)
    ]
    assert found == expected


def test_forms_post_to_the_live_site_or_are_hidden(tmp_path, site):
    export(tmp_path / "live")
    home = (tmp_path / "live/index.html").read_text()
    assert f'action="{LIVE}/subscribe/"' in home
    export(tmp_path / "hidden", forms="hide")
    home = (tmp_path / "hidden/index.html").read_text()
    assert "/subscribe/" not in home and "subscribe-form" not in home
    archive = (tmp_path / "hidden/archive/index.html").read_text()
    assert 'class="facets"' not in archive


def test_a_second_run_after_one_publish_renders_and_rewrites_only_what_changed(tmp_path, site):
    export(tmp_path)
    untouched = tmp_path / site[2].url.lstrip("/") / "index.html"
    before = untouched.stat().st_mtime_ns
    summary = site[0]
    summary.title = "Alliance matters most"
    summary.save_revision().publish()
    outcome = export(tmp_path)
    assert not outcome.full
    assert outcome.rendered < 20 and outcome.written >= 2
    assert "Alliance matters most" in (tmp_path / "2018/02/index.html").read_text()
    assert "Alliance matters most" in (tmp_path / "archive/topic/alliance/index.html").read_text()
    assert untouched.stat().st_mtime_ns == before
    assert broken_links(tmp_path) == []


def test_a_manifest_of_the_earlier_form_still_gives_an_incremental_run(tmp_path, site):
    export(tmp_path)
    manifest = json.loads((tmp_path / MANIFEST).read_text())
    for record in manifest["files"].values():
        record["links"] = [int(pk) for pk in record["links"].split()]
    del manifest["sitemap"], manifest["search"]
    (tmp_path / MANIFEST).write_text(json.dumps(manifest))
    site[0].title = "Alliance matters most"
    site[0].save_revision().publish()
    outcome = export(tmp_path)
    assert not outcome.full and outcome.rendered < 20
    assert "Alliance matters most" in (tmp_path / "archive/topic/alliance/index.html").read_text()
    assert (tmp_path / "sitemap/2018-03.xml").is_file()


def test_a_new_summary_renders_everything_but_writes_only_changed_files(tmp_path, site):
    first = export(tmp_path)
    make_summary(make_issue("2018-04"), "Brand new", topics=["termination"])
    outcome = export(tmp_path)
    assert outcome.full and outcome.unchanged > 0 and outcome.written < first.written
    assert "Brand new" in (tmp_path / "archive/index.html").read_text()
    assert broken_links(tmp_path) == []


def test_an_unpublished_page_is_removed_from_the_snapshot(tmp_path, site):
    export(tmp_path)
    gone = tmp_path / site[1].url.lstrip("/") / "index.html"
    assert gone.exists()
    site[1].unpublish()
    outcome = export(tmp_path)
    assert outcome.removed >= 1 and not gone.exists()
    assert broken_links(tmp_path) == []


def test_the_sitemap_is_an_index_of_one_section_per_issue_month(tmp_path, site):
    export(tmp_path)
    index = ET.parse(tmp_path / "sitemap.xml").getroot()
    sections = [loc.text.rsplit("/", 1)[1] for loc in index.iter(f"{SITEMAP}loc")]
    assert sections == ["2018-02.xml", "2018-03.xml", "pages.xml"]
    february = ET.parse(tmp_path / "sitemap/2018-02.xml").getroot()
    locations = {loc.text.split("/", 3)[3] for loc in february.iter(f"{SITEMAP}loc")}
    assert locations == {
        f"{language}{page}".lstrip("/")
        for language in ("", "/fr")
        for page in ["/2018/02/", site[0].url, site[1].url]
    }
    assert "2018/03" in (tmp_path / "sitemap/2018-03.xml").read_text()
    assert "<loc>http://localhost/</loc>" in (tmp_path / "sitemap/pages.xml").read_text()


def test_a_publish_makes_only_its_months_sitemap_section_again(tmp_path, site, monkeypatch):
    export(tmp_path)
    made = []
    section = Snapshot._sitemap_section

    def noted(self, host, pages, *rest):
        made.append(sorted(page.pk for page in pages))
        return section(self, host, pages, *rest)

    monkeypatch.setattr(Snapshot, "_sitemap_section", noted)
    site[0].title = "Alliance matters most"
    site[0].save_revision().publish()
    export(tmp_path)
    assert made == [sorted([site[0].get_parent().pk, site[0].pk, site[1].pk])]
    assert "2018-03.xml" in (tmp_path / "sitemap.xml").read_text()


def test_the_command_builds_a_pagefind_index_and_a_search_page(tmp_path, site, capsys):
    call_command("export_static", str(tmp_path), "--live-url", LIVE)
    assert "Full export" in capsys.readouterr().out
    assert (tmp_path / "pagefind/pagefind-entry.json").is_file()
    assert (tmp_path / "pagefind/pagefind.js").is_file()
    search = (tmp_path / "search/index.html").read_text()
    assert 'src="../static-search.js"' in search and 'data-base="../"' in search
    assert json.loads((tmp_path / SEARCH_DELTA).read_text()) == {
        "bundle": None,
        "superseded": [],
    }
    summary = (tmp_path / site[0].url.lstrip("/") / "index.html").read_text()
    assert "<main data-pagefind-body" in summary
    assert broken_links(tmp_path) == []


def indexed(bundle):
    """{file: (result id, indexed text)} of a Pagefind index."""
    pages = {}
    for fragment in (bundle / "fragment").glob("*.pf_fragment"):
        data = json.loads(gzip.decompress(fragment.read_bytes()).removeprefix(b"pagefind_dcd"))
        pages[data["url"].lstrip("/")] = (fragment.stem, data["content"])
    return pages


def pagefind_over(site, output):
    """Pagefind's own index of the written files, as the export built it before it gave
    Pagefind each summary's <main> alone."""
    from pagefind_bin import get_executable

    command = [get_executable(), "--site", site, "--output-path", output, "--keep-index-url"]
    subprocess.run([*map(str, command), "--silent"], check=True)  # noqa: S603


def test_search_indexes_the_summaries_as_pagefind_reads_their_files(tmp_path, site):
    export(tmp_path / "site", search=True)
    ours = indexed(tmp_path / "site/pagefind")
    # Issues and home repeat their summaries' text; the live site's search finds summaries.
    assert set(ours) == {f"{summary.url.lstrip('/')}index.html" for summary in site}
    pagefind_over(tmp_path / "site", tmp_path / "own")
    # A fragment is named by its content's hash: the same ids are the same titles, texts,
    # anchors and excerpts.
    assert indexed(tmp_path / "own") == ours


def test_elements_pagefind_ignores_are_left_out_before_it_parses_them():
    page = (
        '<main data-pagefind-body><h1>Kept</h1><div class="a" data-pagefind-ignore="all">'
        "<div>x</div><div>y</div></div><p>kept</p>"
        '<nav data-pagefind-ignore="all"><a href="/">z</a></nav></main>'
    )
    assert exporting._without_ignored(page) == (
        "<main data-pagefind-body><h1>Kept</h1><p>kept</p></main>"
    )
    unclosed = '<main><div data-pagefind-ignore="all"><div>x</div></main>'
    assert exporting._without_ignored(unclosed) == unclosed


def test_a_publish_indexes_only_the_changed_pages_into_the_delta(tmp_path, site):
    export(tmp_path, search=True)
    main = indexed(tmp_path / "pagefind")
    changed = f"{site[2].url.lstrip('/')}index.html"
    site[2].title = "Ending well, and when"
    site[2].save_revision().publish()
    outcome = export(tmp_path, search=True)
    assert not outcome.full
    assert indexed(tmp_path / "pagefind") == main  # the main index is left alone
    delta = indexed(tmp_path / "pagefind-delta")
    assert changed in delta and "and when" in delta[changed][1]
    assert f"{site[0].url.lstrip('/')}index.html" not in delta  # another month: untouched
    description = json.loads((tmp_path / SEARCH_DELTA).read_text())
    assert description["bundle"] == "pagefind-delta/"
    assert main[changed][0] in description["superseded"]  # its old words are dropped
    assert set(description["superseded"]) <= {id for id, _text in main.values()}
    assert sorted(p.name for p in tmp_path.glob("pagefind*")) == ["pagefind", "pagefind-delta"]
    assert not list(tmp_path.glob(".delta-*"))


def test_pages_written_with_no_search_are_indexed_by_the_next_run_with_it(tmp_path, site):
    export(tmp_path, search=True)
    site[2].title = "Ending well, and when"
    site[2].save_revision().publish()
    export(tmp_path)  # --no-search
    assert not (tmp_path / "pagefind-delta").exists()
    export(tmp_path, search=True)  # nothing published since: the waiting pages are indexed
    delta = indexed(tmp_path / "pagefind-delta")
    assert "and when" in delta[f"{site[2].url.lstrip('/')}index.html"][1]
    assert "waiting" not in json.loads((tmp_path / MANIFEST).read_text())["search"]


def test_a_page_indexed_as_before_leaves_the_delta(tmp_path, site, monkeypatch):
    issue = make_issue("2017-06")  # untagged: not among each other's related summaries
    changed, sibling = make_summary(issue, "Group work"), make_summary(issue, "Couples work")
    export(tmp_path, search=True)
    main = indexed(tmp_path / "pagefind")
    sibling = f"{sibling.url.lstrip('/')}index.html"
    changed.title = "Group work revisited"
    changed.save_revision().publish()
    # Two summaries written, one of them searched as before: within a limit of one.
    monkeypatch.setattr(exporting, "DELTA_LIMIT", 1)
    export(tmp_path, search=True)
    assert indexed(tmp_path / "pagefind") == main
    # The sibling's page lists the new headline, but in its <nav>, which Pagefind skips: it
    # is not indexed again.
    assert sibling not in indexed(tmp_path / "pagefind-delta")
    delta = json.loads((tmp_path / MANIFEST).read_text())["search"]["delta"]
    assert f"{changed.url.lstrip('/')}index.html" in delta and sibling not in delta
    assert main[sibling][0] not in json.loads((tmp_path / SEARCH_DELTA).read_text())["superseded"]


def test_an_unpublished_page_is_dropped_from_search_and_the_delta_grows(tmp_path, site):
    export(tmp_path, search=True)
    main = indexed(tmp_path / "pagefind")
    site[0].title = "Alliance matters most"
    site[0].save_revision().publish()
    export(tmp_path, search=True)
    first = set(indexed(tmp_path / "pagefind-delta"))
    gone = f"{site[1].url.lstrip('/')}index.html"
    site[1].unpublish()
    export(tmp_path, search=True)
    delta = indexed(tmp_path / "pagefind-delta")
    assert gone not in delta
    assert first - {gone} <= set(delta)  # the earlier publish is still in the delta
    description = json.loads((tmp_path / SEARCH_DELTA).read_text())
    assert main[gone][0] in description["superseded"]
    manifest = json.loads((tmp_path / MANIFEST).read_text())
    assert gone in manifest["search"]["removed"]


def test_past_the_delta_limit_or_on_full_the_main_index_is_rebuilt(tmp_path, site, monkeypatch):
    export(tmp_path, search=True)
    main = indexed(tmp_path / "pagefind")
    monkeypatch.setattr(exporting, "DELTA_LIMIT", 0)
    site[2].title = "Ending well, and when"
    site[2].save_revision().publish()
    export(tmp_path, search=True)  # the page: past the limit
    rebuilt = indexed(tmp_path / "pagefind")
    assert rebuilt != main and not (tmp_path / "pagefind-delta").exists()
    assert "and when" in rebuilt[f"{site[2].url.lstrip('/')}index.html"][1]
    assert json.loads((tmp_path / SEARCH_DELTA).read_text())["superseded"] == []
    monkeypatch.setattr(exporting, "DELTA_LIMIT", 200)
    site[2].title = "Ending well"
    site[2].save_revision().publish()
    export(tmp_path, search=True)
    assert (tmp_path / "pagefind-delta").exists()
    Snapshot(tmp_path, live_url=LIVE, search=True).export(full=True)
    assert not (tmp_path / "pagefind-delta").exists()
    assert sorted(p.name for p in tmp_path.glob("pagefind*")) == ["pagefind"]


def test_bad_languages_are_refused_clearly(tmp_path):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="--languages"):
        call_command("export_static", str(tmp_path), "--languages", "de")


def test_french_pages_come_along_when_asked_for(tmp_path, site):
    export(tmp_path, languages=("en", "fr"))
    french = (tmp_path / "fr" / site[0].url.lstrip("/") / "index.html").read_text()
    assert '<html lang="fr">' in french
    english = (tmp_path / site[0].url.lstrip("/") / "index.html").read_text()
    assert f'href="../../../fr{site[0].url}index.html"' in english
    assert broken_links(tmp_path) == []


def _render_and_note_the_process(addresses):
    with open(os.environ["SNAPSHOT_TEST_PIDS"], "a") as pids:
        pids.write(f"{os.getpid()}\n")
    return _render_in_worker(addresses)


@pytest.mark.django_db(transaction=True)
def test_workers_render_the_same_files_as_one_process(tmp_path, site, monkeypatch):
    export(tmp_path / "one")
    pids = tmp_path / "pids"
    monkeypatch.setenv("SNAPSHOT_TEST_PIDS", str(pids))
    monkeypatch.setattr(exporting, "PER_TASK", 2)
    monkeypatch.setattr(exporting, "_render_in_worker", _render_and_note_the_process)
    outcome = export(tmp_path / "two", jobs=2)
    assert outcome.failed == []
    assert str(os.getpid()) not in pids.read_text().split()  # rendered by the workers
    one, two = files_of(tmp_path / "one"), files_of(tmp_path / "two")
    assert one.keys() == two.keys() and one == two
    assert broken_links(tmp_path / "two") == []


def test_workers_take_an_issue_at_a_time_its_band_of_time_and_the_handouts_together(
    monkeypatch,
):
    monkeypatch.setattr(exporting, "PER_TASK", 2)
    monkeypatch.setattr(exporting, "BANDS", 2)
    summaries = ["/2018/02/a/", "/2018/02/b/", "/2018/02/c/", "/2018/03/d/"]
    topic = ["/archive/?topic=x"] + [f"/archive/?topic=x&page={n}" for n in (2, 3, 4)]
    lists = ["/archive/", "/archive/?page=2", *topic]
    handouts = ["/topics/x/implications/", "/topics/y/implications/"]
    feeds = ["/feeds/rss/", "/feeds/atom/?topic=x"]
    addresses = [*summaries, *lists, *handouts, "/", "/2018/02/", "/2018/03/", *feeds]
    tasks = exporting._tasks(addresses, leading=4)
    # The summaries (search's) first, an issue whole in one task (each lists the others);
    # then the archive's bands, each with the issues of its time (they show the same cards),
    # newest first; the handouts together, the feeds together, then the other pages.
    newest_half = ["/archive/", *topic[:2], "/2018/03/"]
    older_half = [lists[1], *topic[2:], "/2018/02/"]
    assert tasks == [summaries[:3], summaries[3:], newest_half, older_half, handouts, feeds, ["/"]]


def test_each_archive_page_goes_to_the_band_of_time_of_its_cards(tmp_path, site, monkeypatch):
    monkeypatch.setattr(exporting, "BANDS", 3)
    snapshot = Snapshot(tmp_path, live_url=LIVE, search=False, languages=["en", "fr"])
    with snapshot._rendering():
        state = snapshot._state()
        snapshot.page_of, snapshot.searched = state["urls"], snapshot._searched()
        seeds = snapshot._seeds(state)
        places = snapshot._places()
    # Newest first: the archive's one page shows all three summaries, its middle card the
    # second (band 1 × 3 // 3 = 1); "alliance" shows the two older ones, its middle the last.
    assert places["/archive/"] == places["/fr/archive/"] == 1
    assert places["/archive/?topic=alliance"] == places["/fr/archive/?topic=alliance"] == 2
    assert places["/archive/?topic=termination"] in {1, 2}
    assert set(places) <= {address for address in seeds if "/archive/" in address}


def test_a_moved_summary_is_written_at_its_new_address_and_gone_from_the_old(tmp_path, site):
    """Moving a page changes its address without a new revision or publication."""
    from wagtail.models import Page

    export(tmp_path)
    summary = site[2]
    old = tmp_path / summary.url.lstrip("/") / "index.html"
    assert old.exists()
    february = Page.objects.get(pk=site[0].get_parent().pk)
    summary.move(february, pos="last-child")
    summary.refresh_from_db()
    export(tmp_path)
    assert (tmp_path / summary.url.lstrip("/") / "index.html").exists()
    assert not old.exists()
    assert "Ending well" in (tmp_path / "2018/02/index.html").read_text()
    assert broken_links(tmp_path) == []


def test_each_address_is_written_as_the_live_pages_canonical_link_names_it():
    assert canonical("/archive/?topic=alliance&page=1") == "/archive/?topic=alliance"
    assert canonical("/archive/?page=1") == "/archive/"
    assert canonical("/archive/?page=02&type=rct") == "/archive/?type=rct&page=2"
    assert canonical("/fr/feeds/rss/?topic=alliance&page=1") == "/fr/feeds/rss/?topic=alliance"
    assert canonical("/2018/02/x/") == "/2018/02/x/"
    assert canonical("/archive/?") == "/archive/"


def test_the_addresses_of_one_file_render_it_once_from_its_canonical_address(tmp_path, monkeypatch):
    """Page 2 links page 1 as `?topic=x&page=1`: rendered from both addresses, a run with two
    workers wrote whichever came last, and the two differ (hreflang, the language switcher)."""
    from digest.summaries.views import ARCHIVE_PAGE_SIZE

    issue = make_issue("2018-02")
    for number in range(ARCHIVE_PAGE_SIZE + 1):
        make_summary(issue, f"Alliance study {number}", topics=["alliance"])
    rendered = []
    render = Snapshot._render

    def noted(self, address, outcome):
        rendered.append(address)
        return render(self, address, outcome)

    monkeypatch.setattr(Snapshot, "_render", noted)
    export(tmp_path)
    files = Counter(target(address) for address in rendered)
    assert [file for file, times in files.items() if times > 1] == []
    assert "/archive/?topic=alliance" in rendered
    assert [address for address in rendered if canonical(address) != address] == []
    first = (tmp_path / "archive/topic/alliance/index.html").read_text()
    assert re.search(r'<link rel="canonical" href="[^"]*/archive/\?topic=alliance">', first)
    assert re.search(r'hreflang="fr" href="[^"]*/fr/archive/\?topic=alliance"', first)
    assert "page=1" not in first
    # Page 2 still links page 1 (the live site's `&page=1`), to the one file.
    second = (tmp_path / "archive/topic/alliance/page/2/index.html").read_text()
    assert 'rel="prev" href="../../index.html"' in second
    assert broken_links(tmp_path) == []
    manifest = json.loads((tmp_path / MANIFEST).read_text())
    assert [a for a in manifest["files"] if "page=1" in a] == []


def test_a_manifest_naming_a_file_twice_gives_a_full_run_that_keeps_the_file(tmp_path, site):
    export(tmp_path)
    manifest = json.loads((tmp_path / MANIFEST).read_text())
    manifest["version"] = 1
    twice = manifest["files"]["/archive/?topic=alliance"]
    manifest["files"]["/archive/?topic=alliance&page=1"] = twice
    (tmp_path / MANIFEST).write_text(json.dumps(manifest))
    assert export(tmp_path).full
    assert (tmp_path / "archive/topic/alliance/index.html").is_file()
    assert broken_links(tmp_path) == []


def test_a_summarys_topics_and_types_are_searched_and_name_its_filters(tmp_path, site, client):
    """The live search finds a summary by its topics' and types' names (SummaryPage's search
    fields); Pagefind leaves a <footer>'s text out, so the snapshot's list is not in one."""
    export(tmp_path, search=True)
    file = f"{site[0].url.lstrip('/')}index.html"
    page = (tmp_path / file).read_text()
    assert '<div class="summary-footer" lang="en">' in page
    assert '<a data-pagefind-filter="topic" href="../../../topics/alliance/index.html">' in page
    assert '<a data-pagefind-filter="type" href="../../../types/rct/index.html">' in page
    fragments = {}
    for fragment in (tmp_path / "pagefind/fragment").glob("*.pf_fragment"):
        data = json.loads(gzip.decompress(fragment.read_bytes()).removeprefix(b"pagefind_dcd"))
        fragments[data["url"].lstrip("/")] = data
    assert "Alliance and Therapeutic Relationship" in fragments[file]["content"]
    assert "Randomised controlled trial" in fragments[file]["content"]
    assert fragments[file]["filters"] == {
        "topic": ["Alliance and Therapeutic Relationship"],
        "type": ["Randomised controlled trial"],
    }
    # The live page is as it was.
    live = client.get(site[0].url).content.decode()
    assert '<footer lang="en">' in live and "data-pagefind-filter" not in live


def test_a_summarys_citation_download_links_stay_out_of_its_search_text(tmp_path, site):
    """Excerpts show the summary's words, not "Cite: BibTeX · RIS" after each reference list."""
    make_summary(
        make_issue("2018-04"),
        "Feedback in routine care",
        references=[
            "Example, A. B. (2019). Feedback in routine care. Journal of Examples, 12(3), 45-67. "
            "https://doi.org/10.5555/example.1"
        ],
    )
    export(tmp_path, search=True)
    checked = 0
    for file, (_id, text) in indexed(tmp_path / "pagefind").items():
        if 'class="cite-export"' in (tmp_path / file).read_text():
            checked += 1
            assert "BibTeX" not in text and "CSL-JSON" not in text
    assert checked
