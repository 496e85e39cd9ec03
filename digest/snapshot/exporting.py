"""A static snapshot of the public site: every reader page written as a file, so that any web
server, or a plain file browser, can serve the archive after the site itself is gone.

Pages are rendered by the site itself (Django's test client: the same views, templates and
middleware a reader meets) and their links made relative, so the copy works from any folder,
sub-path or file://. Addresses with a query are mapped to folders where they name one
archive view (`/archive/?topic=x&page=2` → `archive/topic/x/page/2/`), each file rendered from
one address, the live page's canonical one (`canonical`); any other internal
address (a combined filter, the API, a citation export, the French interface unless asked
for) points to the live site, and forms go there too or are removed. Search is Pagefind, run
over the written files.

Long lists of pages are shared among forked workers (one per core by default), each
rendering and writing its own share. A manifest beside the files records what each file was
made from. A later run renders only what a change can have touched: the changed pages and
every page linking to one of them, plus home and the feeds. A change that moves lists or
counts (a page published or removed, a summary retagged, a topic or type edited) renders
everything again. Either way a file is written only when its bytes differ.

The sitemap is an index of one section per issue month (and one for the other pages), so a
rerun writes only the sections holding a changed page. Search is Pagefind's main index plus
a small delta: Pagefind cannot update an index, so a rerun indexes only the pages written
since the main index was built, and the search page merges that delta in the browser and
drops the main index's entries it supersedes or that are gone. Past DELTA_LIMIT pages (or on
--full) the main index is built again and the delta emptied. Search finds summaries, as the
live site's does, by its topics' and types' names too (`TAGS`), and Pagefind is given each
one's <main> alone, not the whole file. A full run renders the summaries first and starts
Pagefind over their parts as soon as they are written (`Staging`), so that it indexes while
the other pages render; the sitemap is written while the workers render too.
"""

import functools
import gc
import gzip
import hashlib
import html
import json
import os
import re
import shutil
import subprocess
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit

try:
    import fcntl
except ImportError:  # Windows: no lock between runs
    fcntl = None

MANIFEST = ".snapshot.json"
LOCK = ".snapshot.lock"
# 2: one address per file (`canonical`); a manifest of 1 may hold a file made from another.
MANIFEST_VERSION = 2
ARCHIVE_LISTS = ("/archive/", "/feeds/rss/", "/feeds/atom/")
FACETS = ("topic", "type")
SKIPPED_PREFIXES = (
    "/admin/",
    "/django-admin/",
    "/documents/",
    "/api/",
    "/media/",
    "/subscribe/",
    "/unsubscribe/",
    "/preferences/",
    "/list/",
    "/cpd/",
)
SKIPPED_SUFFIXES = (".bib", ".ris", ".json")
SLUG = re.compile(r"^[-\w]+$")
# A link: `="…"` after whitespace and href, src or action (the links of
# `\s(?:href|src|action)="[^"]*"`, in the same order). The match starts at its `="`, a
# literal, which the regex engine searches for directly instead of trying a match at every
# whitespace of the page.
LINK = re.compile(r'="(?:(?<=\shref=")|(?<=\ssrc=")|(?<=(?P<action>\saction)="))(?P<url>[^"]*)"')
FORM = re.compile(r"<form\b[^>]*>.*?</form>", re.DOTALL)
MAIN = re.compile(r"<main\b")
HTML_LANG = re.compile(r'<html\b[^>]*\slang="([^"]*)"')
IGNORED = re.compile(r'<(\w+)\b[^>]*\sdata-pagefind-ignore="all"[^>]*>')
MONTH = re.compile(r"^/(\d{4})/(\d{2})/")
ISSUE_PATH = re.compile(r"/\d{4}/\d{2}/$")  # an issue's page, in any language
# A summary's topic and type links, in its <article>'s <footer>: Pagefind leaves a <footer>'s
# text out, wherever it is, and the live search finds a summary by its topics' and types'
# names. In the snapshot the list sits in a <div> instead (a <footer> inside an <article> is
# no landmark: the same to assistive technology), and each link names a Pagefind filter.
TAGS = re.compile(
    r'<footer(?P<attrs>[^>]*)>(?P<list>\s*<ul class="tags".*?</ul>\s*)</footer>', re.DOTALL
)
TAG_FILTERS = (
    ('<li><a href="', '<li><a data-pagefind-filter="topic" href="'),
    (
        '<li class="tag--type"><a href="',
        '<li class="tag--type"><a data-pagefind-filter="type" href="',
    ),
)
# The search page's results, filled by static-search.js from Pagefind's index and its delta.
SEARCH_UI = """
<section id="static-search" class="static-search" data-base="{base}" data-one="{one}"
    data-many="{many}" data-none="{none}" aria-live="polite"></section>
<script src="{base}static-search.js"></script>
"""
# The search form's topic select: its values are the `topic` filter Pagefind holds (`TAGS`).
SEARCH_TOPIC = """<label for="static-search-topic">{label}</label>
        <select id="static-search-topic" name="topic">
            <option value="">{any}</option>{options}</select>
        """
# Pages the search delta may hold before the next run rebuilds the main index instead: the
# delta is searched beside the main index in every query, so it stays small.
DELTA_LIMIT = 200
SEARCH_DELTA = "search-delta.json"
# What the main index holds; a manifest's index of another version is built again.
# 2: summaries only (1: every page); 3: with their topics' and types' names and filters.
SEARCH_VERSION = 3
SEARCH_SCRIPT = """// The snapshot's search: Pagefind's main index, merged with the delta of
// the pages written since it was built; the main index's entries for those
// pages (and for removed ones) are dropped, so a changed page is found by its
// new words only.
(async function () {
    var box = document.getElementById("static-search");
    var asked = new URLSearchParams(window.location.search);
    var query = asked.get("q");
    var topic = asked.get("topic") || "";
    var form = document.querySelector("form.search-form");
    if (form && query) { form.elements.q.value = query; }
    if (form && form.elements.topic) { form.elements.topic.value = topic; }
    if (!box || !(query || topic)) { return; }
    var base = new URL(box.dataset.base, window.location.href);
    var pagefind = await import(new URL("pagefind/pagefind.js", base).href);
    await pagefind.options({baseUrl: base.pathname});
    var delta = {bundle: null, superseded: []};
    var answer = await fetch(new URL("SEARCH_DELTA", base), {cache: "no-store"});
    if (answer.ok) { delta = await answer.json(); }
    if (delta.bundle) {
        await pagefind.mergeIndex(new URL(delta.bundle, base).pathname, {baseUrl: base.pathname});
    }
    var dropped = new Set(delta.superseded);
    var seen = new Set();
    var filters = topic ? {topic: topic} : {};
    var found = (await pagefind.search(query || null, {filters: filters})).results.filter(
        function (result) {
            var keep = !dropped.has(result.id) && !seen.has(result.id);
            seen.add(result.id);
            return keep;
        });
    var pages = await Promise.all(found.slice(0, 50).map(function (result) {
        return result.data();
    }));
    var heading = document.createElement("h2");
    heading.textContent = found.length === 0 ? box.dataset.none
        : (found.length === 1 ? box.dataset.one : box.dataset.many)
            .replace("%(count)s", found.length);
    var list = document.createElement("ol");
    pages.forEach(function (page) {
        var item = list.appendChild(document.createElement("li"));
        var link = item.appendChild(document.createElement("a"));
        link.href = page.url;
        link.textContent = page.meta.title || page.url;
        var excerpt = item.appendChild(document.createElement("p"));
        excerpt.innerHTML = page.excerpt;  // Pagefind's escaped text with <mark>s
    });
    box.replaceChildren(heading, list);
})();
""".replace("SEARCH_DELTA", SEARCH_DELTA)


@dataclass
class Outcome:
    rendered: int = 0
    written: int = 0
    unchanged: int = 0
    removed: int = 0
    patched: int = 0  # of the written: a changed summary's lines replaced, not rendered
    full: bool = True
    seconds: float = 0.0
    failed: list = field(default_factory=list)


def target(address, languages=("en",), default_language="en"):
    """The file (relative to the snapshot's root) holding `address`, or None if the snapshot
    has no copy of it (it then points to the live site)."""
    parts = urlsplit(address)
    path, query = parts.path, parts.query
    if not path.startswith("/") or parts.netloc or parts.scheme:
        return None
    if path.startswith(SKIPPED_PREFIXES) or path.endswith(SKIPPED_SUFFIXES):
        return None
    language = path.split("/")[1] if path.count("/") > 1 else ""
    if language in _prefixed(languages, default_language):
        stripped = path[len(language) + 1 :]
        if stripped.startswith(SKIPPED_PREFIXES) or stripped.endswith(SKIPPED_SUFFIXES):
            return None
        core = stripped
    elif language in _known_languages():
        return None  # a language the snapshot leaves out
    else:
        core = path
    if query:
        params = parse_qsl(query, keep_blank_values=True)
        named = dict(params)
        if core not in ARCHIVE_LISTS or len(named) != len(params):
            return None
        if set(named) - {*FACETS, "page"} or len(set(named) & set(FACETS)) > 1:
            return None
        folder = [path.strip("/")]
        for facet in FACETS:
            if facet in named:
                if not SLUG.match(named[facet]):
                    return None
                folder += [facet, named[facet]]
        page = named.get("page", "1")
        if not page.isdigit() or int(page) < 1 or (page != "1" and core != "/archive/"):
            return None
        if int(page) > 1:
            folder += ["page", str(int(page))]
        path = "/" + "/".join(folder) + "/"
    if core.startswith("/feeds/"):
        return path.strip("/") + ".xml"
    if path.endswith("/"):
        return path.lstrip("/") + "index.html"
    return path.lstrip("/")


def canonical(address):
    """The one address the file of `address` is rendered from, as the live page's canonical
    link names it: the facet, then the page unless it is the first (`?topic=x&page=1` is
    `?topic=x`). Pagination links page 1 with `page=1`; rendered from both addresses, one file
    would hold whichever came last, and their self-links (hreflang, the language switcher)
    differ. `address` must be one `target` maps to a file."""
    path, _, query = address.partition("?")
    if not query:
        return path  # "/archive/?", as a "remove filter" link leaves it, is "/archive/"
    named = dict(parse_qsl(query, keep_blank_values=True))
    params = [(facet, named[facet]) for facet in FACETS if facet in named]
    if int(named.get("page", "1")) > 1:
        params.append(("page", str(int(named["page"]))))
    return f"{path}?{urlencode(params)}" if params else path


def _prefixed(languages, default_language):
    return {code for code in languages if code != default_language}


def _known_languages():
    from django.conf import settings

    return {code for code, _name in settings.LANGUAGES}


def relative(from_file, to_file):
    """The link from one file of the snapshot to another, relative so any root works."""
    start = from_file.split("/")[:-1]
    path = to_file.split("/")
    if {"", ".", ".."} & {*start, *path}:  # not a plain path below the root: let os say
        start = os.path.dirname(from_file) or "."
        return os.path.relpath(to_file, start).replace(os.sep, "/")
    # As os.path.relpath, without making both absolute (a getcwd each) on every link.
    common = 0
    for mine, theirs in zip(start, path, strict=False):
        if mine != theirs:
            break
        common += 1
    return "/".join([".."] * (len(start) - common) + path[common:]) or "."


# How `_plan` rewrites a link: left as it is (or to the live site), to a static file, or to
# another file of the snapshot. A plan is (KEEP, the new `="…"`), or (STATIC or LOCAL, None,
# the file, its path's parts, the #fragment, the static address or the page id, and for LOCAL
# the address to follow).
KEEP, STATIC, LOCAL = "keep", "static", "local"


def _plain_parts(path):
    """`path` split on "/", or None if it is not a plain path below the root (`relative`
    then lets os say)."""
    parts = path.split("/")
    return None if {"", ".", ".."} & set(parts) else parts


def _swapped(plan, path):
    """A link to a file of the snapshot, rewritten as `path` from the page (`_relink`): its
    `="…"` (the attribute's name is left where it is)."""
    if plan[0] is STATIC:
        return f'="{path}"'
    return f'="{html.escape(path + plan[4])}"'


def digest(content):
    return hashlib.sha256(content).hexdigest()


# The manifest keeps the page ids each file links to as one string, " 12 40 311 ": at 10,000
# summaries its files link to some 800,000 ids, which JSON reads and writes several times
# faster as 12,000 strings than as 12,000 lists, and a rerun only asks which files link to
# the one or two pages that changed.
def _joined(page_ids):
    return " " + " ".join(str(pk) for pk in sorted(page_ids)) + " "


def _links_to(joined, page_ids):
    if len(page_ids) > 8:
        return not page_ids.isdisjoint(map(int, joined.split()))
    return any(f" {pk} " in joined for pk in page_ids)


def _without_ignored(html):
    """`html` without the elements it marks data-pagefind-ignore="all" (the issue's other
    summaries, related summaries, the reader tools: most of a summary's <main>), which
    Pagefind would parse only to leave out; `html` itself if one is not closed."""
    kept, position = [], 0
    while (opening := IGNORED.search(html, position)) is not None:
        kept.append(html[position : opening.start()])
        tags = _tags(opening[1])
        depth, position = 1, opening.end()
        while depth:
            tag = tags.search(html, position)
            if tag is None:
                return html
            depth += -1 if tag[1] else 1
            position = tag.end()
    kept.append(html[position:])
    return "".join(kept)


def _searchable_tags(match):
    """A summary's topic and type links (`TAGS`) as Pagefind reads them: text and filters."""
    tags = match["list"]
    for link, filtered in TAG_FILTERS:
        tags = tags.replace(link, filtered)
    return f'<div class="summary-footer"{match["attrs"]}>{tags}</div>'


def _searched_part_of(text):
    """What Pagefind reads of a page: its <main data-pagefind-body> in an <html> of the page's
    language (which picks the index); None for a page search leaves out."""
    start = text.find("<main data-pagefind-body")
    if start < 0:
        return None
    end = text.rfind("</main>") + len("</main>")
    language = HTML_LANG.search(text)
    language = f' lang="{language[1]}"' if language else ""
    body = _without_ignored(text[start:end])
    return f"<html{language}><body>{body}</body></html>"


def _short(part):
    """A searched part's digest, short: the manifest keeps one per summary."""
    return digest(part.encode())[:16]


@functools.cache
def _tags(name):
    return re.compile(rf"<(/?){name}\b[^>]*>")


# Addresses a worker takes at a time: small enough to share the work evenly.
PER_TASK = 25
# The archive's lists are given to the workers in this many bands of time (`_tasks`): few, as
# a page of a short list (a rare type's) shows cards of several bands' time, which the
# neighbouring bands' worker renders again; the handouts, feeds and other pages after them
# even out the workers' ends.
BANDS = 4
# A run of a few pages (after a publish: ~100 at 10,000 summaries) renders them in this
# process: each forked worker would import the URL configuration, build the resolver's
# tables and compile the templates for itself, which in a fresh `export_static` cost more
# CPU (~0.7 s at 10,000) than the pages it renders.
FEW = 200


def _tasks(addresses, leading=0, places=None):
    """`addresses` as the workers' tasks, grouped so that what several pages show is rendered
    by one worker only (each keeps the fragments it renders, `{% shared %}`):

    - the first `leading` addresses (the summaries, for search) an issue at a time, at least
      PER_TASK together: a summary page lists its issue's others, whose lines are then made
      in one worker;
    - the pages of the archive's lists (every topic's, every type's, and all summaries') in
      BANDS bands of time, each band one task, with the issues' pages of that time: a list's
      page in the band `places` gives it (`Snapshot._places`), else by its place in its list
      (pages 1–2 of 48, 1 of 24). A page of those lists, like an issue's, shows its
      summaries' cards; the pages that show the same summaries then mostly go to the one
      worker that has their cards;
    - the topics' handouts together, and the feeds together (their entries repeat from one
      topic or type to another);
    - the rest PER_TASK at a time, in order."""
    first, task, issue = [], [], None
    for address in addresses[:leading]:
        folder = address[: address.rstrip("/").rfind("/")]  # its issue's, in its language
        if folder != issue and len(task) >= PER_TASK:
            first.append(task)
            task = []
        task.append(address)
        issue = folder
    first += [task] if task else []
    lists, issues, handouts, feeds, others = {}, {}, [], [], []
    for address in addresses[leading:]:
        path, _, query = address.partition("?")
        if path.endswith("/archive/"):
            named = dict(parse_qsl(query))
            pages = lists.setdefault((path, named.get("topic"), named.get("type")), [])
            pages.append((int(named.get("page", "1")), address))
        elif not query and (month := ISSUE_PATH.search(path)):
            issues.setdefault(month[0], []).append(address)
        elif path.endswith("/implications/"):
            handouts.append(address)
        elif "/feeds/" in path:
            feeds.append(address)
        else:
            others.append(address)
    bands = [[] for _ in range(BANDS)]
    for pages in lists.values():
        count = max(number for number, _address in pages)
        for number, address in pages:
            band = (places or {}).get(address)
            bands[(number - 1) * BANDS // count if band is None else band].append(address)
    months = sorted(issues, reverse=True)  # newest first, as the lists
    for rank, month in enumerate(months):
        bands[rank * BANDS // len(months)] += issues[month]
    tasks = [band for band in bands if band] + [group for group in (handouts, feeds) if group]
    return first + tasks + [others[i : i + PER_TASK] for i in range(0, len(others), PER_TASK)]


_forked = None  # the Snapshot a forked worker renders for


@dataclass
class WorkerOutcome:
    rendered: int = 0
    written: int = 0
    unchanged: int = 0
    failed: list = field(default_factory=list)
    static: set = field(default_factory=set)


def _render_in_worker(addresses):
    snapshot = _forked
    snapshot.static_wanted = set()
    done = WorkerOutcome()
    part = [(address, snapshot._render(address, done)) for address in addresses]
    done.static = snapshot.static_wanted
    return done, part


def _can_fork():
    """Workers are forked, and must see what this process sees: not from inside a
    transaction (its rows are not committed), nor on a platform without fork."""
    import multiprocessing

    from django.db import connections

    if "fork" not in multiprocessing.get_all_start_methods():
        return False
    return not any(connections[alias].in_atomic_block for alias in connections)


def _sqlite(connections):
    return [c for c in connections.all() if c.vendor == "sqlite"]


class Staging:
    """Search's main index, built while a full run renders: each summary's searched part is
    written into a folder as its page is rendered (by whichever process renders it), and
    Pagefind is started over the folder once the last of `addresses` is rendered."""

    def __init__(self, root, addresses, start):
        self.folder = Path(tempfile.mkdtemp(dir=root, prefix=".search-"))
        self.awaiting = set(addresses)
        self.open = True  # parts are written (the crawl's first round only)
        self.parts = {}  # file -> its part's digest (`_short`), as the workers report them
        self.process = None
        self._start = start
        self._made = set()

    def write(self, file, part):
        path = self.folder / file
        if path.parent not in self._made:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._made.add(path.parent)
        path.write_text(part)

    def done(self, address):
        self.awaiting.discard(address)
        if not self.awaiting:
            self.stop()

    def stop(self):
        """No more parts: Pagefind is started over those written."""
        self.open = False
        if self.process is None:
            self.process = self._start(self.folder)

    def close(self):
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        shutil.rmtree(self.folder, ignore_errors=True)


class Snapshot:
    """One export into `root`; `live_url` is where links and forms the snapshot cannot hold
    lead (forms="hide" removes those forms instead)."""

    def __init__(
        self,
        root,
        *,
        live_url,
        forms="live",
        languages=None,
        search=True,
        jobs=1,
        log=None,
        kept=None,
    ):
        from django.conf import settings

        self.root = Path(root)
        self.live_url = live_url.rstrip("/")
        self.forms = forms
        self.default_language = settings.LANGUAGE_CODE
        self.languages = tuple(languages or (self.default_language,))
        self.search = search
        self.jobs = jobs
        self.log = log or (lambda message: None)
        # A long-lived process's `KeptFragments`: fragments carried from one run to the next.
        self.kept = kept
        self._targets = {}
        self._plans = {}  # a link's text -> how it is rewritten (`_plan`)
        self._swapped = {}  # (the folder above a page's, a link's text) -> the link rewritten
        self.searched = set()  # the ids of the pages search finds, read each run (_searched)
        self._staging = None  # a full run's searched parts, for Pagefind (`Staging`)
        self._followed = set()  # the addresses this process has reported to follow, this run

    # ---- the run ----------------------------------------------------------------------------

    def export(self, full=False):
        started = time.perf_counter()
        self.root.mkdir(parents=True, exist_ok=True)
        # What the process holds already (Django, a worker's kept fragments) outlives the run:
        # the cyclic collector, set off by the manifest's and the pages' many small objects,
        # need not walk it again and again.
        gc.freeze()
        try:
            with self._lock(), self._rendering():
                outcome = self._export(full)
        finally:
            # The renderer froze what it read for the run too (Renderer.loaded): a long-lived
            # process (the task worker) must be able to collect it afterwards.
            gc.unfreeze()
        outcome.seconds = time.perf_counter() - started
        return outcome

    def warm(self, stop=lambda: False):
        """Render, without writing anything, what runs after a publish render most and
        render slowest (every topic's handout: hundreds of entries each; home, the feeds, two
        summaries of each issue), keeping their per-page fragments in `kept` and compiling
        the templates: for a long-lived process (the task worker) before the publishes
        come. It stops early, keeping what it rendered, when `stop()` says so (a run is
        waiting)."""
        from .rendering import Renderer

        with self._rendering():
            state = self._state()
            self.page_of = state["urls"]
            renderer = Renderer(
                state["host"],
                self.page_of,
                self.default_language,
                bulk=False,
                fragments=self.kept.for_run(state, self.languages),
            )
            # Two summaries of each issue: between them, every summary's line in its issue's
            # list (`_patches` replaces it in the files after a publish).
            by_month = {}
            for address in sorted(self.page_of):
                month = MONTH.match(address)
                if month and address.count("/") == 4:
                    by_month.setdefault(month[0], []).append(address)
            addresses = self._always()
            addresses += [address for pages in by_month.values() for address in pages[:2]]
            for language in self.languages:
                prefix = "" if language == self.default_language else f"/{language}"
                addresses += [f"{prefix}/topics/{slug}/implications/" for slug in state["topics"]]
            renderer.load_for(addresses)
            done = 0
            for done, address in enumerate(addresses, start=1):
                renderer.get(address)
                if done % 10 == 0 and stop():
                    break
            self.kept.keep(renderer.fragments)
            self.kept.warm = done == len(addresses)
        return done

    @contextmanager
    def _rendering(self):
        """Pages rendered afresh (not from the page cache) and with plain static addresses,
        which are then copied from the source folders. Rendering /fr/ pages leaves French
        active in this thread: the override restores it."""
        from django.conf import settings
        from django.test import override_settings
        from django.utils import translation

        from digest.summaries.facet_index import FacetIndex

        storages = {
            **settings.STORAGES,
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        }
        with (
            override_settings(PAGE_CACHE_SECONDS=0, STORAGES=storages, ALLOWED_HOSTS=["*"]),
            translation.override(self.default_language),
            FacetIndex.pinned(),  # read once for the run, not on every page
        ):
            yield

    @contextmanager
    def _lock(self):
        """One run at a time in a folder (the worker's and a command's, or two workers'): a
        second waits for the first, then sees its manifest and what changed since."""
        with open(self.root / LOCK, "w") as lock:
            if fcntl is not None:
                fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                yield
            finally:
                if fcntl is not None:
                    fcntl.flock(lock, fcntl.LOCK_UN)

    def _export(self, full):
        from .rendering import Renderer

        self.root.mkdir(parents=True, exist_ok=True)
        # What each link becomes depends on the pages published: worked out again each run.
        self._plans, self._swapped, self._followed = {}, {}, set()
        old = self._read_manifest()
        state = self._state()
        self.page_of = state["urls"]  # address -> page id
        self.searched = self._searched()
        changed = self._changed(old, state) if old and not full else None
        fragments = None
        if self.kept is not None:
            if changed is None:
                self.kept.forget()
            else:
                fragments = self.kept.for_run(state, self.languages)
        self.renderer = Renderer(
            state["host"],
            self.page_of,
            self.default_language,
            bulk=changed is None,
            fragments=fragments,
        )
        self.client = self.renderer.client
        outcome = Outcome(full=changed is None)
        files = {} if changed is None else dict(old["files"])
        static = dict(old.get("static", {})) if old else {}
        self.static_wanted = set()
        patches = {}
        if changed is None:
            queue = self._seeds(state)
        else:
            # One address per file (`canonical`): rendered once.
            by_file = {}
            for address, record in old["files"].items():
                if record.get("page") in changed or _links_to(record["links"], changed):
                    by_file.setdefault(record["file"], address)
            queue = list(by_file.values())
            queue += [a for a in self._always() + self._feeds_of(changed, state) if a not in queue]
            queue += [a for a, pk in self.page_of.items() if pk in changed and a not in queue]
            patches = self._patches(queue, old, changed)
            queue = [address for address in queue if address not in patches]
            self.renderer.load_for(queue)
        search = old.get("search") if old else None
        # A run that builds search's main index again stages each summary's searched part as
        # its page is rendered (summaries come first) and starts Pagefind over them as soon as
        # the last is: Pagefind, mostly on one core, indexes while the other pages render.
        self._staging = None
        if changed is None and self.search and self._rebuilds(search, full):
            self._staging = Staging(
                self.root,
                [address for address in queue if self.page_of.get(address) in self.searched],
                self._start_build,
            )
        try:
            sitemap = self._crawl(queue, files, patches, old, changed, state, outcome)
            self._finish(state, old, changed, files, static, outcome, search, sitemap, full)
        finally:
            if self._staging is not None:
                self._staging.close()
                self._staging = None
        return outcome

    def _crawl(self, queue, files, patches, old, changed, state, outcome):
        """Render `queue` into `files`, then the pages they link to that are not rendered yet
        (and, after a publish, the pages whose lines are replaced); the sitemap is written
        while the first round renders. Returns the sitemap's record."""
        sitemap = None

        def write_sitemap():
            nonlocal sitemap
            sitemap = self._write_sitemap(state, changed, old)

        seen = set(queue)
        meanwhile = write_sitemap
        while queue:
            # Each round renders what is known, then follows the links found: pagination is
            # seeded up front, so there are few rounds after the first.
            found = []
            for address, record in self._render_all(queue, outcome, meanwhile):
                if record is None:
                    files.pop(address, None)
                    continue
                part = record.pop("part", None)
                if part is not None:
                    self._staging.parts[record["file"]] = part
                files[address] = record
                found += record.pop("follow")
            meanwhile = None
            if self._staging is not None:
                self._staging.stop()  # every summary is seeded: later rounds find none
            queue = []
            for link in found:
                if link not in seen and (changed is None or link not in files):
                    seen.add(link)
                    queue.append(link)
            if not queue and patches:
                for address, lines in patches.items():
                    record = self._patch(address, old["files"][address], lines, outcome)
                    if record is None:  # not as the lines say: rendered
                        queue.append(address)
                    else:
                        files[address] = record
                patches = {}
        if sitemap is None:
            write_sitemap()
        return sitemap

    def _finish(self, state, old, changed, files, static, outcome, search, sitemap, full):
        """Remove what a full run no longer writes, copy the static files, index the written
        summaries and write the manifest."""
        gone = []
        if changed is None and old:
            # By file, not by address: an address of the old run may be rendered under
            # another (`canonical`) into the same file.
            kept = {record["file"] for record in files.values()}
            for record in old["files"].values():
                if record["file"] not in kept and self._remove(record["file"]):
                    outcome.removed += 1
                    gone.append(record["file"])
        files.pop("/sitemap.xml", None)  # a manifest from before the sitemap's sections
        self._copy_static(static)
        self._write_if_changed("static-search.js", SEARCH_SCRIPT.encode())
        before = old["files"] if old else {}
        searched = {
            address: record["file"]
            for address, record in files.items()
            if record.get("page") in self.searched
        }
        written = [
            file
            for address, file in searched.items()
            if before.get(address, {}).get("sha") != files[address]["sha"]
        ]
        if self.search:
            search = self._index(search, written, gone, sorted(searched.values()), rebuild=full)
        elif search:
            # Search is off this run: what it wrote or removed waits for the next run with it.
            waiting = search.get("waiting") or {"written": [], "gone": []}
            search["waiting"] = {
                "written": sorted((set(waiting["written"]) - set(gone)) | set(written)),
                "gone": sorted((set(waiting["gone"]) - set(written)) | set(gone)),
            }
        self._write_manifest(state, files, static, sitemap, search)
        if self.kept is not None and changed is not None:
            self.kept.keep(self.renderer.fragments)

    def _render_all(self, addresses, outcome, meanwhile=None):
        """(address, record) for each of `addresses`, rendered here or, for a long list, by
        `jobs` forked workers that each take a share and write their own files; `meanwhile`
        is called while they render (in this process, which otherwise waits for them)."""
        staging = self._staging
        few = not self.renderer.bulk and len(addresses) < FEW
        if self.jobs < 2 or len(addresses) < 2 * PER_TASK or few or not _can_fork():
            results = []
            for address in addresses:
                results.append((address, self._render(address, outcome)))
                if staging is not None:
                    staging.done(address)
            if meanwhile is not None:
                meanwhile()
            return results
        import multiprocessing

        from django.db import connections
        from django.urls import get_resolver

        global _forked
        # The workers start from this process's memory (templates compiled, the facet index
        # built) and open their own database connections: a connection must not be shared.
        from digest.summaries.facet_index import FacetIndex

        FacetIndex.current()
        self.renderer.prepare()
        # The URL configuration imported and its reverse tables built once, here, rather than
        # in each worker and again in this process for the sitemap.
        get_resolver().reverse_dict  # noqa: B018
        if not any(c.is_in_memory_db() for c in _sqlite(connections)):
            connections.close_all()
        _forked = self
        searched = self.searched
        leading = next(
            (i for i, address in enumerate(addresses) if self.page_of.get(address) not in searched),
            len(addresses),
        )
        tasks = _tasks(addresses, leading, self._places())
        results = []
        try:
            with multiprocessing.get_context("fork").Pool(self.jobs) as pool:
                rendered = pool.imap_unordered(_render_in_worker, tasks)
                if meanwhile is not None:
                    meanwhile()  # the workers' answers wait in the pool's queue
                for done, part in rendered:
                    outcome.rendered += done.rendered
                    outcome.written += done.written
                    outcome.unchanged += done.unchanged
                    outcome.failed += done.failed
                    self.static_wanted |= done.static
                    results += part
                    if staging is not None:
                        for address, _record in part:
                            staging.done(address)
        finally:
            _forked = None
        return results

    # ---- what changed -----------------------------------------------------------------------

    def _state(self):
        """What the pages are made from: per live page its last publication and revision, per
        summary its topics and types; and the whole taxonomy."""
        from wagtail.models import Page, Site

        from digest.summaries.models import SummaryPage
        from digest.taxonomy.models import ResearchType, Topic

        site = Site.objects.get(is_default_site=True)
        pages = {}
        urls = {}
        live = Page.objects.live().public().filter(depth__gte=2)
        # A page's address is its url_path below the site's root (the one site; English at
        # /, other languages under their prefix), read as plain rows: 10 000 model instances
        # and reverse() calls would cost seconds here.
        root = site.root_page.url_path
        rows = live.filter(url_path__startswith=root).values_list(
            "pk", "url_path", "last_published_at", "latest_revision_id"
        )
        sections, paths = {}, {}
        for pk, url_path, published, revision in rows:
            url = paths[pk] = "/" + url_path.removeprefix(root)
            pages[pk] = [str(published), revision, [], []]
            month = MONTH.match(url)
            sections[str(pk)] = "-".join(month.groups()) if month else "pages"
            for language in self.languages:
                prefix = "" if language == self.default_language else f"/{language}"
                urls[prefix + url] = pk
        through = [SummaryPage.topics.through, SummaryPage.research_types.through]
        for slot, model in enumerate(through, start=2):
            term = "topic_id" if slot == 2 else "researchtype_id"
            for pk, term_id in model.objects.values_list("summarypage_id", term).order_by(
                "summarypage_id", term
            ):
                if pk in pages:
                    pages[pk][slot].append(term_id)
        taxonomy = [
            list(Topic.objects.values_list("pk", "slug", "name", "description").order_by("pk")),
            list(ResearchType.objects.values_list("pk", "slug", "name").order_by("pk")),
        ]
        return {
            "host": site.hostname,
            "pages": {str(pk): value for pk, value in pages.items()},
            "urls": urls,
            # A move changes addresses without a new revision: the whole set is compared.
            "addresses": digest(json.dumps(sorted(urls.items())).encode()),
            "sections": sections,
            "paths": paths,  # page id -> its address in the default language
            "taxonomy": digest(json.dumps(taxonomy, default=str).encode()),
            "topics": [row[1] for row in taxonomy[0]],
            "types": [row[1] for row in taxonomy[1]],
            "slugs": (
                {row[0]: row[1] for row in taxonomy[0]},
                {row[0]: row[1] for row in taxonomy[1]},
            ),
        }

    def _changed(self, old, state):
        """The ids of the pages changed since the last run, or None if everything must be
        rendered again (lists or counts move)."""
        if old.get("version") != MANIFEST_VERSION or old.get("languages") != list(self.languages):
            return None
        if old["taxonomy"] != state["taxonomy"] or set(old["pages"]) != set(state["pages"]):
            return None
        if old.get("addresses") != state["addresses"]:
            return None  # a page moved: its lists, its links and its old file all change
        changed = set()
        for pk, now in state["pages"].items():
            before = old["pages"][pk]
            if before[2:] != now[2:]:
                return None  # retagged: counts and related summaries move
            if before != now:
                changed.add(int(pk))
        return changed

    def _always(self):
        """Pages that show the newest of everything: rendered on every run."""
        addresses = ["/", "/feeds/rss/", "/feeds/atom/"]
        for language in self.languages:
            if language != self.default_language:
                addresses += [
                    f"/{language}/",
                    f"/{language}/feeds/rss/",
                    f"/{language}/feeds/atom/",
                ]
        return addresses

    def _feeds_of(self, changed, state):
        """The feeds of the changed summaries' topics and types: a feed records no links, and
        shows the newest of its topic or type."""
        addresses = []
        for pk in changed:
            for facet, ids, slugs in zip(
                FACETS, state["pages"][str(pk)][2:], state["slugs"], strict=True
            ):
                for language in self.languages:
                    prefix = "" if language == self.default_language else f"/{language}"
                    addresses += [
                        canonical(f"{prefix}/feeds/{kind}/?{facet}={slugs[term]}")
                        for term in ids
                        for kind in ("rss", "atom")
                    ]
        return addresses

    def _seeds(self, state):
        """Every page of the sitemap, and every archive view of a single topic or type; the
        crawl then follows each page's links. The pages search finds come first: search's
        index is built from them while the others render (`Staging`)."""
        pages = sorted(state["urls"])  # every page the sitemap lists, in each language
        seeds = [address for address in pages if self.page_of.get(address) in self.searched]
        seeds += self._always()
        for language in self.languages:
            prefix = "" if language == self.default_language else f"/{language}"
            seeds += [f"{prefix}/archive/", f"{prefix}/topics/"]
            seeds += [f"{prefix}/search/"] if self.search else []
            for slug in state["topics"]:
                seeds += [
                    f"{prefix}/archive/?topic={slug}",
                    f"{prefix}/topics/{slug}/",
                    f"{prefix}/topics/{slug}/implications/",
                    f"{prefix}/feeds/rss/?topic={slug}",
                    f"{prefix}/feeds/atom/?topic={slug}",
                ]
            for slug in state["types"]:
                seeds += [
                    f"{prefix}/archive/?type={slug}",
                    f"{prefix}/types/{slug}/",
                    f"{prefix}/feeds/rss/?type={slug}",
                    f"{prefix}/feeds/atom/?type={slug}",
                ]
            seeds += [f"{prefix}{address}" for address in self._later_archive_pages()]
        seeds += pages
        return list(dict.fromkeys(map(canonical, seeds)))

    def _later_archive_pages(self):
        """Pages 2, 3… of the archive and of each topic's and type's, as its pagination
        links them: known from the counts, they need not be found one page after another."""
        from digest.summaries.facet_index import FacetIndex
        from digest.summaries.views import ARCHIVE_PAGE_SIZE

        index = FacetIndex.current()
        topic_counts, type_counts = index.counts(index.live)
        lists = [("", index.size)]
        lists += [(f"topic={topic.slug}&", topic_counts[topic.pk]) for topic in index.topics]
        lists += [(f"type={kind.slug}&", type_counts[kind.pk]) for kind in index.types]
        for query, count in lists:
            for number in range(2, -(-count // ARCHIVE_PAGE_SIZE) + 1):
                yield f"/archive/?{query}page={number}"

    def _places(self):
        """{archive page: its band of time (`_tasks`)}: where the middle of its cards stands
        in the whole archive, newest first. A topic's or type's summaries are not spread
        evenly over time: a page's number in its list would often place it in another band
        than the cards it shows, which another worker then renders again."""
        import numpy as np

        from digest.summaries.facet_index import FacetIndex
        from digest.summaries.views import ARCHIVE_PAGE_SIZE

        index = FacetIndex.current()
        lists = [("", index.live)]
        lists += [
            (f"topic={term.slug}", index.within(index.live, topics=[term])) for term in index.topics
        ]
        lists += [
            (f"type={term.slug}", index.within(index.live, types=[term])) for term in index.types
        ]
        places = {}
        for query, mask in lists:
            where = np.flatnonzero(mask)
            for start in range(0, len(where), ARCHIVE_PAGE_SIZE):
                cards = where[start : start + ARCHIVE_PAGE_SIZE]
                middle = int(cards[len(cards) // 2])
                page = f"{query}&page={start // ARCHIVE_PAGE_SIZE + 1}"
                for language in self.languages:
                    prefix = "" if language == self.default_language else f"/{language}"
                    places[canonical(f"{prefix}/archive/?{page}")] = middle * BANDS // index.size
        return places

    # ---- lines replaced ---------------------------------------------------------------------

    def _patches(self, queue, old, changed):
        """The summary pages in `queue` that show a changed summary only by its line in their
        lists of the issue's other summaries and of related ones: {address: [(old line, key
        of the new one)]}. Such a page is the file it was, with each of those lines replaced
        by the new one (`_patch`), instead of rendered: after a changed headline, the ~60
        summaries of its issue. A page is left to render when a line it shows is not kept as
        the files show it (`KeptFragments.old_line`), and one page per line is rendered so
        that the new line is made."""
        from digest.summaries.models import SummaryPage

        if self.kept is None or not self.kept.replaced:
            return {}
        candidates = {a: self.page_of.get(a) for a in queue if self.page_of.get(a) not in changed}
        issue_of = dict(
            SummaryPage.objects.filter(pk__in={*candidates.values(), *changed})
            .live()
            .values_list("pk", "issue_id")
        )
        if not set(changed) <= set(issue_of):
            return {}  # an issue or another page changed: what shows it is rendered
        patches, made = {}, set()
        for address, pk in candidates.items():
            record = old["files"][address]
            if pk not in issue_of or record["file"] != self._target(address):
                continue
            related = SummaryPage(pk=pk, issue_id=issue_of[pk]).related_ids()
            language = self.renderer._language(address)
            lines = []
            for shown in sorted(changed):
                if not _links_to(record["links"], {shown}):
                    continue
                kinds = [
                    kind
                    for kind, shows in (
                        ("sibling", issue_of[shown] == issue_of[pk]),
                        ("related", shown in related),
                    )
                    if shows
                ]
                for kind in kinds or [None]:
                    line = kind and self.kept.old_line(
                        language, kind, shown, old["pages"].get(str(shown))
                    )
                    lines.append((line, (language, kind, shown)))
            if not lines or any(line is None for line, _key in lines):
                continue
            if all(key in made for _line, key in lines):
                patches[address] = lines
            made.update(key for _line, key in lines)  # this page, rendered, makes them
        return patches

    def _patch(self, address, record, lines, outcome):
        """The file at `address` with `lines` replaced (see `_patches`), written; None if one
        is not there exactly once, or its new line was not made in this run."""
        file = record["file"]
        path = self.root / file
        try:
            text = path.read_bytes().decode()
        except (OSError, UnicodeDecodeError):
            return None
        for line, key in lines:
            new = self.renderer.fragments.get(key)
            if not isinstance(new, str):  # not made, or a fragment with holes
                return None
            line, new = (self._relink(part, file, address)[0] for part in (line, new))
            if text.count(line) != 1:
                return None
            text = text.replace(line, new)
        content = text.encode()
        outcome.patched += 1
        if self._write_if_changed(file, content):
            outcome.written += 1
        else:
            outcome.unchanged += 1
        return {**record, "sha": digest(content)}

    # ---- rendering --------------------------------------------------------------------------

    def _render(self, address, outcome):
        file = target(address, self.languages, self.default_language)
        if file is None:
            return None
        status, content_type, content = self.renderer.get(address)
        outcome.rendered += 1
        if status != 200:
            outcome.failed.append((address, status))
            return None
        links, follow, part = set(), [], None
        page = self.page_of.get(address)
        if content_type.startswith("text/html"):
            text, links, follow = self._relink(content.decode(), file, address)
            content = text.encode()
            staging = self._staging
            if staging is not None and staging.open and page in self.searched:
                part = _searched_part_of(text)
                if part is not None:
                    staging.write(file, part)
                    part = _short(part)
        # Each address this process has reported once: a worker's answers stay small.
        follow = [link for link in dict.fromkeys(follow) if link not in self._followed]
        self._followed.update(follow)
        sha = digest(content)
        path = self.root / file
        if not path.exists() or digest(path.read_bytes()) != sha:
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary = path.with_name(path.name + ".tmp")
            temporary.write_bytes(content)
            temporary.replace(path)
            outcome.written += 1
        else:
            outcome.unchanged += 1
        record = {"file": file, "sha": sha, "page": page, "links": _joined(links)}
        record["follow"] = follow
        if part is not None:
            record["part"] = part
        return record

    def _target(self, address):
        """`target(address)`, remembered: a page links to a hundred addresses, most of them
        linked from every other page too."""
        if address not in self._targets:
            self._targets[address] = target(address, self.languages, self.default_language)
        return self._targets[address]

    def _relink(self, text, file, address):
        """`text` with every internal link relative (or to the live site), the page ids it
        links to, and the snapshot's addresses it links to."""
        links, follow = set(), []
        plans, swapped = self._plans, self._swapped
        start = file.split("/")[:-1]
        plain = not ({"", ".", ".."} & set(start))
        depth, last = len(start), start[-1:]
        parent = "/".join(start[:-1])

        def path_to(plan):
            """As relative(file, linked), from this page's folder split once."""
            parts = plan[3]
            if not plain or parts is None:
                return relative(file, plan[2])
            common = 0
            for mine, theirs in zip(start, parts, strict=False):
                if mine != theirs:
                    break
                common += 1
            return "/".join([".."] * (depth - common) + parts[common:]) or "."

        def swap(match):
            text = match[0]
            plan, kept = plans.get(text), True
            if plan is None:
                plan = self._plan(match)
                if plan is None:  # depends on this page's address: not kept
                    plan, kept = self._plan(match, address), False
                else:
                    plans[text] = plan
            kind = plan[0]
            if kind is KEEP:
                return plan[1]
            if kind is STATIC:
                self.static_wanted.add(plan[5])
            else:
                if plan[5] is not None:
                    links.add(plan[5])
                follow.append(plan[6])
            # The rewritten link is the same from every folder beside this page's (every
            # summary of one month), unless it leads into this page's own folder.
            if kept and plain and plan[3] is not None and plan[3][depth - 1 : depth] != last:
                key = (parent, text)
                done = swapped.get(key)
                if done is None:
                    done = swapped[key] = _swapped(plan, path_to(plan))
                return done
            return _swapped(plan, path_to(plan))

        text = LINK.sub(swap, text)
        if self.forms == "hide":
            text = FORM.sub(
                lambda form: form.group(0) if 'role="search"' in form.group(0) else "", text
            )
        base = "../" * file.count("/") or "./"
        if self.search and urlsplit(address).path.endswith("/search/"):
            text = text.replace("</main>", self._search_ui(address, base) + "</main>", 1)
            form = text.find('<form class="search-form"')
            button = text.find('<button type="submit">', form)
            if form >= 0 and button >= 0:
                text = text[:button] + self._topic_select(address) + text[button:]
        elif self.page_of.get(address) in self.searched:
            text = MAIN.sub("<main data-pagefind-body", text, count=1)
            text = TAGS.sub(_searchable_tags, text, count=1)
        return text, links, follow

    def _plan(self, match, address=None):
        """How a link is rewritten on every page (`swap` in `_relink`): the same for the same
        text, but for the relative path from the page's folder. A link that depends on the
        page's own address (pagination, a form posting to itself) has a plan only for the
        `address` given, and None without one."""
        raw = html.unescape(match["url"])
        # An empty link: a form's action posts to this page, any other stays empty. Its text, `=""`,
        # does not tell which, so its plan is not kept.
        if raw == "":
            if address is None:
                return None
            if match["action"] is not None:
                return (KEEP, f'="{html.escape(self.live_url + urlsplit(address).path)}"')
        if raw.startswith("?"):  # pagination: the same list, another page
            if address is None:
                return None
            raw = urlsplit(address).path + raw
        parts = urlsplit(raw)
        if parts.scheme or parts.netloc or not raw.startswith("/"):
            return (KEEP, match[0])
        local = raw.split("#", 1)[0]
        fragment = "#" + raw.split("#", 1)[1] if "#" in raw else ""
        if parts.path.startswith("/static/"):
            linked = parts.path.lstrip("/")
            return (STATIC, None, linked, _plain_parts(linked), "", parts.path)
        if parts.path.endswith("/search/"):
            if not self.search:
                return (KEEP, f'="{html.escape(self.live_url + raw)}"')
            local = parts.path  # the static search page reads the form's ?q=
        linked = self._target(local)
        if linked is None:
            return (KEEP, f'="{html.escape(self.live_url + raw)}"')
        page = self.page_of.get(local)
        return (LOCAL, None, linked, _plain_parts(linked), fragment, page, canonical(local))

    def _search_ui(self, address, base):
        from django.utils import translation
        from django.utils.translation import gettext

        language = urlsplit(address).path.split("/")[1]
        if language not in self.languages:
            language = self.default_language
        with translation.override(language):
            return SEARCH_UI.format(
                base=base,
                one=html.escape(gettext("1 result")),
                many=html.escape(gettext("%(count)s results")),
                none=html.escape(gettext("No results")),
            )

    def _topic_select(self, address):
        """The search form's select of a topic, named as the summaries' filters name it."""
        from django.utils import translation
        from django.utils.translation import gettext

        from digest.taxonomy.models import Topic

        language = urlsplit(address).path.split("/")[1]
        if language not in self.languages:
            language = self.default_language
        with translation.override(language):
            options = "".join(
                f'<option value="{name}">{name}</option>'
                for name in (html.escape(topic.label) for topic in Topic.objects.all())
            )
            return SEARCH_TOPIC.format(
                label=html.escape(gettext("Topic")),
                any=html.escape(gettext("All topics")),
                options=options,
            )

    # ---- files ------------------------------------------------------------------------------

    def _copy_static(self, static):
        from django.contrib.staticfiles import finders

        for address in sorted(self.static_wanted):
            source = finders.find(address.removeprefix("/static/"))
            if source is None:
                continue
            content = Path(source).read_bytes()
            sha = digest(content)
            path = self.root / address.lstrip("/")
            if static.get(address) != sha or not path.exists():
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(content)
                static[address] = sha

    def _remove(self, file):
        path = self.root / file
        if path.exists():
            path.unlink()
            return True
        return False

    def _write_if_changed(self, file, content):
        path = self.root / file
        if path.exists() and path.read_bytes() == content:
            return False
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(path.name + ".tmp")
        temporary.write_bytes(content)
        temporary.replace(path)
        return True

    # ---- sitemap ----------------------------------------------------------------------------

    def _write_sitemap(self, state, changed, old):
        """`sitemap.xml`: an index of `sitemap/<yyyy-mm>.xml`, one section per issue month
        and `sitemap/pages.xml` for the rest, each made by the site's own sitemap (every
        language, alternates, lastmod). Only the sections holding a changed page are made
        again. Returns {section: its latest lastmod} for the manifest."""
        from django.contrib.sitemaps.views import SitemapIndexItem
        from django.template.loader import render_to_string

        members = {}
        for pk, section in state["sections"].items():
            members.setdefault(section, []).append(int(pk))
        known = (old or {}).get("sitemap") or {}
        if changed is None:
            stale = set(members)
        else:
            stale = {state["sections"][str(pk)] for pk in changed} | (set(members) - set(known))
        lastmods = {section: known.get(section) for section in members}
        # The stale sections' pages in one query (in the sitemap's order), not one a section.
        from digest.core.sitemaps import PublishedPagesSitemap

        rows = PublishedPagesSitemap().items()
        if changed is not None:
            rows = rows.filter(pk__in=[pk for section in stale for pk in members[section]])
        pages = {}
        for page in rows:
            pages.setdefault(state["sections"].get(str(page.pk)), []).append(page)
        for section in sorted(stale):
            content, lastmods[section] = self._sitemap_section(
                state["host"], pages.get(section, []), state["paths"]
            )
            self._write_if_changed(f"sitemap/{section}.xml", content)
        for section in set(known) - set(members):
            self._remove(f"sitemap/{section}.xml")
        index = render_to_string(
            "sitemap_index.xml",
            {
                "sitemaps": [
                    SitemapIndexItem(
                        f"http://{state['host']}/sitemap/{section}.xml",
                        lastmods[section] and datetime.fromisoformat(lastmods[section]),
                    )
                    for section in sorted(members)
                ]
            },
        )
        self._write_if_changed("sitemap.xml", index.encode())
        return lastmods

    def _sitemap_section(self, host, pages, paths):
        from django.contrib.sitemaps.views import sitemap
        from django.test import RequestFactory
        from django.utils.translation import get_language

        from digest.core.adapters import wagtail
        from digest.core.sitemaps import PublishedPagesSitemap

        default = self.default_language

        class Section(PublishedPagesSitemap):
            def items(self):
                return pages

            def location(self, page):
                # The run's addresses (`_state`, the ones the pages link), not Wagtail's
                # `get_url` for each page in each language, most of the sitemap's cost
                # outside its template.
                language = get_language()
                prefix = "" if language == default else f"/{language}"
                return prefix + paths[page.pk]

        request = RequestFactory(HTTP_HOST=host).get("/sitemap.xml")
        wagtail.remember_site(request, self.renderer.site)  # not a query per section
        section = Section(request)
        response = sitemap(request, {"pages": section})
        response.render()
        latest = getattr(section, "latest_lastmod", None)  # set when every page has one
        return response.content, latest and latest.isoformat()

    # ---- search -----------------------------------------------------------------------------

    def _searched(self):
        """The pages search finds: the summaries, as on the live site (its /search/ is over
        summaries). An issue's page and home repeat their summaries' text: indexed, they
        would answer most queries a second and a third time, with another page's excerpt."""
        from digest.summaries.models import SummaryPage

        return set(SummaryPage.objects.live().public().values_list("pk", flat=True))

    def _index(self, search, written, gone, indexed, rebuild):
        """Pagefind's main index in `pagefind/` (of `indexed`, every summary's file), and the
        delta of the files written since it was built in `pagefind-delta/`, described by
        `search-delta.json` for the search page. Returns what the manifest keeps of it: the
        main index's entry per file, and the files the delta holds or has removed."""
        main = self.root / "pagefind"
        waiting = search.pop("waiting", None) if search else None
        if waiting:  # written or removed by runs with --no-search
            written, gone = (
                sorted((set(waiting["written"]) - set(gone)) | set(written)),
                sorted((set(waiting["gone"]) - set(written)) | set(gone)),
            )
        if not self._rebuilds(search, rebuild):
            delta = (set(search["delta"]) | set(written)) - set(gone)
            removed = (set(search["removed"]) | set(gone)) - set(written)
            if not (written or gone) and (self.root / SEARCH_DELTA).exists():
                return search
            # A file rewritten with the same searched part (a sibling rewritten for the new
            # headline in its <nav>) is found as it was: not indexed again, nor counted.
            made = search.get("parts", {})
            parts = self._parts(sorted(delta))
            parts = {file: part for file, part in parts.items() if _short(part) != made.get(file)}
            if len(parts) + len(removed) <= DELTA_LIMIT:
                delta = self._index_delta(search["main"], parts, sorted(removed))
                return {**search, "delta": sorted(delta), "removed": sorted(removed)}
        staging = self._staging
        if staging is not None and set(staging.parts) == set(indexed):
            staging.stop()
            self._finish_build(main, staging.process)  # started while the run rendered
            made = staging.parts
        else:
            if staging is not None:
                staging.close()  # not what is indexed (a summary found late): built again
            parts = self._parts(indexed)
            self._build(main, parts)
            made = {file: _short(part) for file, part in parts.items()}
        search = {"version": SEARCH_VERSION, "main": self._entries(main), "delta": []}
        # What each entry was made from, to tell a rewritten file whose entry is the same.
        search.update(removed=[], parts=made)
        self._index_delta(search["main"], {}, [])
        return search

    def _index_delta(self, main, parts, removed):
        """Index `parts` ({file: its searched part}) into `pagefind-delta/` and say which
        main entries they and `removed` supersede. Returns the files whose entry differs from
        the main index's (a change Pagefind leaves out leaves the entry as it was)."""
        bundle = self.root / "pagefind-delta"
        if parts:
            self._build(bundle, parts)
            entries = self._entries(bundle)
        else:
            shutil.rmtree(bundle, ignore_errors=True)
            entries = {}
        # The same entry in both indexes is the same result: the search page shows it once.
        changed = [file for file in parts if entries.get(file) != main.get(file)]
        superseded = {main[file] for file in [*changed, *removed] if file in main}
        description = {
            "bundle": "pagefind-delta/" if parts else None,
            "superseded": sorted(superseded),
        }
        self._write_if_changed(SEARCH_DELTA, json.dumps(description).encode())
        return changed

    def _rebuilds(self, search, full):
        """Whether a run with search builds the main index again (else a delta may do)."""
        current = search and search.get("version") == SEARCH_VERSION
        return full or not (current and (self.root / "pagefind").exists())

    def _build(self, bundle, parts):
        """Pagefind's index of `parts` ({file: what Pagefind reads of it}) into `bundle`."""
        with tempfile.TemporaryDirectory(dir=self.root, prefix=".search-") as folder:
            made = set()
            for file, part in parts.items():
                path = Path(folder, file)
                if path.parent not in made:
                    path.parent.mkdir(parents=True, exist_ok=True)
                    made.add(path.parent)
                path.write_text(part)
            self._finish_build(bundle, self._start_build(folder, bundle))

    def _start_build(self, folder, bundle=None):
        """Pagefind started over `folder`, the searched parts at their files' paths, building
        `bundle` (the main index by default) beside the old one: it indexes the same text
        (the same fragments, titles and excerpts) as it would of the whole files, without
        parsing the rest of each page, which was most of its time."""
        bundle = bundle or self.root / "pagefind"
        built = bundle.with_name(bundle.name + ".new")
        shutil.rmtree(built, ignore_errors=True)
        from pagefind_bin import get_executable  # the binary itself: no Python to start

        command = [str(get_executable()), "--site", str(folder), "--output-path", str(built)]
        return subprocess.Popen([*command, "--keep-index-url", "--silent"])  # noqa: S603

    def _finish_build(self, bundle, process):
        """The index `process` built swapped in for `bundle`, so the copy stays searchable
        while it is built."""
        if process.wait():
            raise subprocess.CalledProcessError(process.returncode, process.args)
        built = bundle.with_name(bundle.name + ".new")
        old = bundle.with_name(bundle.name + ".old")
        shutil.rmtree(old, ignore_errors=True)
        if bundle.exists():
            bundle.rename(old)
        built.rename(bundle)
        shutil.rmtree(old, ignore_errors=True)

    def _parts(self, files):
        """{file: what Pagefind reads of it} of the `files` search finds."""
        parts = {}
        for file in files:
            part = self._searched_part(file)
            if part is not None:
                parts[file] = part
        return parts

    def _searched_part(self, file):
        """What Pagefind reads of a written page (`_searched_part_of`)."""
        try:
            text = (self.root / file).read_text()
        except FileNotFoundError:
            return None
        return _searched_part_of(text)

    @staticmethod
    def _entries(bundle):
        """{file: the id Pagefind's search gives its result} of an index: each page's
        fragment names both."""
        entries = {}
        for fragment in (bundle / "fragment").glob("*.pf_fragment"):
            data = gzip.decompress(fragment.read_bytes()).removeprefix(b"pagefind_dcd")
            entries[json.loads(data)["url"].lstrip("/")] = fragment.stem
        return entries

    def _read_manifest(self):
        try:
            manifest = json.loads((self.root / MANIFEST).read_text())
        except (OSError, ValueError):
            return None
        for record in manifest.get("files", {}).values():
            if isinstance(record["links"], list):  # a manifest from before the joined form
                record["links"] = _joined(record["links"])
        return manifest

    def _write_manifest(self, state, files, static, sitemap, search):
        manifest = {
            "version": MANIFEST_VERSION,
            "languages": list(self.languages),
            "taxonomy": state["taxonomy"],
            "addresses": state["addresses"],
            "pages": state["pages"],
            "files": files,
            "static": static,
            "sitemap": sitemap,
            "search": search,
        }
        temporary = self.root / (MANIFEST + ".tmp")
        temporary.write_text(json.dumps(manifest))
        temporary.replace(self.root / MANIFEST)
