"""A static snapshot of the public site: every reader page written as a file, so that any web
server, or a plain file browser, can serve the archive after the site itself is gone.

Pages are rendered by the site itself (Django's test client: the same views, templates and
middleware a reader meets) and their links made relative, so the copy works from any folder,
sub-path or file://. Addresses with a query are mapped to folders where they name one
archive view (`/archive/?topic=x&page=2` → `archive/topic/x/page/2/`); any other internal
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
--full) the main index is built again and the delta emptied.
"""

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
from urllib.parse import parse_qsl, urlsplit

try:
    import fcntl
except ImportError:  # Windows: no lock between runs
    fcntl = None

MANIFEST = ".snapshot.json"
LOCK = ".snapshot.lock"
MANIFEST_VERSION = 1
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
LINK = re.compile(r'(?P<attr>\s(?:href|src|action))="(?P<url>[^"]*)"')
FORM = re.compile(r"<form\b[^>]*>.*?</form>", re.DOTALL)
MAIN = re.compile(r"<main\b")
MONTH = re.compile(r"^/(\d{4})/(\d{2})/")
# The search page's results, filled by static-search.js from Pagefind's index and its delta.
SEARCH_UI = """
<section id="static-search" class="static-search" data-base="{base}" data-one="{one}"
    data-many="{many}" data-none="{none}" aria-live="polite"></section>
<script src="{base}static-search.js"></script>
"""
# Pages the search delta may hold before the next run rebuilds the main index instead: the
# delta is searched beside the main index in every query, so it stays small.
DELTA_LIMIT = 200
SEARCH_DELTA = "search-delta.json"
SEARCH_SCRIPT = """// The snapshot's search: Pagefind's main index, merged with the delta of
// the pages written since it was built; the main index's entries for those
// pages (and for removed ones) are dropped, so a changed page is found by its
// new words only.
(async function () {
    var box = document.getElementById("static-search");
    var query = new URLSearchParams(window.location.search).get("q");
    var form = document.querySelector("form.search-form");
    if (form && query) { form.elements.q.value = query; }
    if (!box || !query) { return; }
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
    var found = (await pagefind.search(query)).results.filter(function (result) {
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
# another file of the snapshot.
KEEP, STATIC, LOCAL = "keep", "static", "local"


def _plain_parts(path):
    """`path` split on "/", or None if it is not a plain path below the root (`relative`
    then lets os say)."""
    parts = path.split("/")
    return None if {"", ".", ".."} & set(parts) else parts


def _swapped(plan, path):
    """A link to a file of the snapshot, rewritten as `path` from the page (`_relink`)."""
    if plan[0] is STATIC:
        return f'{plan[1]}="{path}"'
    return f'{plan[1]}="{html.escape(path + plan[4])}"'


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


# Addresses a worker takes at a time: small enough to share the work evenly.
PER_TASK = 25
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


class Snapshot:
    """One export into `root`; `live_url` is where links and forms the snapshot cannot hold
    lead (forms="hide" removes those forms instead)."""

    def __init__(
        self, root, *, live_url, forms="live", languages=None, search=True, jobs=1, log=None
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
        self._targets = {}
        self._plans = {}  # a link's text -> how it is rewritten (`_plan`)
        self._swapped = {}  # (the folder above a page's, a link's text) -> the link rewritten

    # ---- the run ----------------------------------------------------------------------------

    def export(self, full=False):
        from django.conf import settings
        from django.test import override_settings
        from django.utils import translation

        from digest.summaries.facet_index import FacetIndex

        started = time.perf_counter()
        storages = {
            **settings.STORAGES,
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        }
        # Rendered afresh (not from the page cache) and with plain static addresses, which
        # are then copied from the source folders.
        # Rendering /fr/ pages leaves French active in this thread: the override restores it.
        self.root.mkdir(parents=True, exist_ok=True)
        try:
            with (
                self._lock(),
                override_settings(PAGE_CACHE_SECONDS=0, STORAGES=storages, ALLOWED_HOSTS=["*"]),
                translation.override(self.default_language),
                FacetIndex.pinned(),  # read once for the run, not on every page
            ):
                outcome = self._export(full)
        finally:
            # The renderer froze what it read for the run (Renderer.loaded): a long-lived
            # process (the task worker) must be able to collect it afterwards.
            gc.unfreeze()
        outcome.seconds = time.perf_counter() - started
        return outcome

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
        self._plans, self._swapped = {}, {}
        old = self._read_manifest()
        state = self._state()
        self.page_of = state["urls"]  # address -> page id
        changed = self._changed(old, state) if old and not full else None
        self.renderer = Renderer(
            state["host"], self.page_of, self.default_language, bulk=changed is None
        )
        self.client = self.renderer.client
        outcome = Outcome(full=changed is None)
        files = {} if changed is None else dict(old["files"])
        static = dict(old.get("static", {})) if old else {}
        self.static_wanted = set()
        if changed is None:
            queue = self._seeds(state)
        else:
            # One address per file: `?topic=x` and the `?topic=x&page=1` its pagination
            # links to are one page, rendered once.
            by_file = {}
            for address, record in old["files"].items():
                if record.get("page") in changed or _links_to(record["links"], changed):
                    by_file.setdefault(record["file"], address)
            queue = list(by_file.values())
            queue += [a for a in self._always() + self._feeds_of(changed, state) if a not in queue]
            queue += [a for a, pk in self.page_of.items() if pk in changed and a not in queue]
            self.renderer.load_for(queue)
        seen = set(queue)
        while queue:
            # Each round renders what is known, then follows the links found: pagination is
            # seeded up front, so there are few rounds after the first.
            found = []
            for address, record in self._render_all(queue, outcome):
                if record is None:
                    files.pop(address, None)
                    continue
                record["links"] = _joined(record["links"])
                files[address] = record
                found += record.pop("follow")
            queue = []
            for link in found:
                if link not in seen and (changed is None or link not in files):
                    seen.add(link)
                    queue.append(link)
        gone = []
        if changed is None and old:
            for address, record in old["files"].items():
                if address not in files and self._remove(record["file"]):
                    outcome.removed += 1
                    gone.append(record["file"])
        files.pop("/sitemap.xml", None)  # a manifest from before the sitemap's sections
        sitemap = self._write_sitemap(state, changed, old)
        self._copy_static(static)
        self._write_if_changed("static-search.js", SEARCH_SCRIPT.encode())
        search = old.get("search") if old else None
        before = old["files"] if old else {}
        written = [
            record["file"]
            for address, record in files.items()
            if record.get("page") is not None
            and before.get(address, {}).get("sha") != record["sha"]
        ]
        if self.search:
            search = self._index(search, written, gone, rebuild=full)
        elif search:
            # Search is off this run: what it wrote or removed waits for the next run with it.
            waiting = search.get("waiting") or {"written": [], "gone": []}
            search["waiting"] = {
                "written": sorted((set(waiting["written"]) - set(gone)) | set(written)),
                "gone": sorted((set(waiting["gone"]) - set(written)) | set(gone)),
            }
        self._write_manifest(state, files, static, sitemap, search)
        return outcome

    def _render_all(self, addresses, outcome):
        """(address, record) for each of `addresses`, rendered here or, for a long list, by
        `jobs` forked workers that each take a share and write their own files."""
        if self.jobs < 2 or len(addresses) < 2 * PER_TASK or not _can_fork():
            return [(address, self._render(address, outcome)) for address in addresses]
        import multiprocessing

        from django.db import connections

        global _forked
        # The workers start from this process's memory (templates compiled, the facet index
        # built) and open their own database connections: a connection must not be shared.
        from digest.summaries.facet_index import FacetIndex

        FacetIndex.current()
        self.renderer.prepare()
        if not any(c.is_in_memory_db() for c in _sqlite(connections)):
            connections.close_all()
        _forked = self
        tasks = [addresses[i : i + PER_TASK] for i in range(0, len(addresses), PER_TASK)]
        results = []
        try:
            with multiprocessing.get_context("fork").Pool(self.jobs) as pool:
                for done, part in pool.imap_unordered(_render_in_worker, tasks):
                    outcome.rendered += done.rendered
                    outcome.written += done.written
                    outcome.unchanged += done.unchanged
                    outcome.failed += done.failed
                    self.static_wanted |= done.static
                    results += part
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
        sections = {}
        for pk, url_path, published, revision in rows:
            url = "/" + url_path.removeprefix(root)
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
            "sections": sections,
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
                        f"{prefix}/feeds/{kind}/?{facet}={slugs[term]}"
                        for term in ids
                        for kind in ("rss", "atom")
                    ]
        return addresses

    def _seeds(self, state):
        """Every page of the sitemap, and every archive view of a single topic or type; the
        crawl then follows each page's links."""
        seeds = list(self._always())
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
        seeds += sorted(state["urls"])  # every page the sitemap lists, in each language
        return list(dict.fromkeys(seeds))

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
        links, follow = set(), []
        if content_type.startswith("text/html"):
            text, links, follow = self._relink(content.decode(), file, address)
            content = text.encode()
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
        return {
            "file": file,
            "sha": sha,
            "page": self.page_of.get(address),
            "links": sorted(links),
            "follow": follow,
        }

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
        elif self.page_of.get(address) is not None:
            text = MAIN.sub("<main data-pagefind-body", text, count=1)
        return text, links, follow

    def _plan(self, match, address=None):
        """How a link is rewritten on every page (`swap` in `_relink`): the same for the same
        text, but for the relative path from the page's folder. A link that depends on the
        page's own address (pagination, a form posting to itself) has a plan only for the
        `address` given, and None without one."""
        attr, raw = match["attr"], html.unescape(match["url"])
        if attr.strip() == "action" and raw == "":  # the form posts to this page
            if address is None:
                return None
            return (KEEP, f'{attr}="{html.escape(self.live_url + urlsplit(address).path)}"')
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
            return (STATIC, attr, linked, _plain_parts(linked), "", parts.path)
        if parts.path.endswith("/search/"):
            if not self.search:
                return (KEEP, f'{attr}="{html.escape(self.live_url + raw)}"')
            local = parts.path  # the static search page reads the form's ?q=
        linked = self._target(local)
        if linked is None:
            return (KEEP, f'{attr}="{html.escape(self.live_url + raw)}"')
        page = self.page_of.get(local)
        return (LOCAL, attr, linked, _plain_parts(linked), fragment, page, local)

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
                state["host"], pages.get(section, [])
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

    def _sitemap_section(self, host, pages):
        from django.contrib.sitemaps.views import sitemap
        from django.test import RequestFactory

        from digest.core.adapters import wagtail
        from digest.core.sitemaps import PublishedPagesSitemap

        class Section(PublishedPagesSitemap):
            def items(self):
                return pages

        request = RequestFactory(HTTP_HOST=host).get("/sitemap.xml")
        wagtail.remember_site(request, self.renderer.site)  # not a query per section
        section = Section(request)
        response = sitemap(request, {"pages": section})
        response.render()
        latest = getattr(section, "latest_lastmod", None)  # set when every page has one
        return response.content, latest and latest.isoformat()

    # ---- search -----------------------------------------------------------------------------

    def _index(self, search, written, gone, rebuild):
        """Pagefind's main index in `pagefind/`, and the delta of the pages written since it
        was built in `pagefind-delta/`, described by `search-delta.json` for the search page.
        Returns what the manifest keeps of it: the main index's entry per file, and the
        files the delta holds or has removed."""
        main = self.root / "pagefind"
        waiting = search.pop("waiting", None) if search else None
        if waiting:  # written or removed by runs with --no-search
            written, gone = (
                sorted((set(waiting["written"]) - set(gone)) | set(written)),
                sorted((set(waiting["gone"]) - set(written)) | set(gone)),
            )
        if search and main.exists() and not rebuild:
            delta = (set(search["delta"]) | set(written)) - set(gone)
            removed = (set(search["removed"]) | set(gone)) - set(written)
            if len(delta) + len(removed) <= DELTA_LIMIT:
                if written or gone or not (self.root / SEARCH_DELTA).exists():
                    delta = self._index_delta(search["main"], sorted(delta), sorted(removed))
                return {**search, "delta": sorted(delta), "removed": sorted(removed)}
        self._build(main, self.root)
        search = {"main": self._entries(main), "delta": [], "removed": []}
        self._index_delta(search["main"], [], [])
        return search

    def _index_delta(self, main, delta, removed):
        """Index `delta` into `pagefind-delta/` and say which main entries it supersedes.
        Returns the files whose entry differs from the main index's: a page rewritten for
        what Pagefind leaves out (a sibling's headline in the issue's <nav>) is indexed as
        it was, so it need not stay in the delta, nor count toward its limit."""
        bundle = self.root / "pagefind-delta"
        if delta:
            # Pagefind indexes a folder: one holding links to just the delta's files, at the
            # same paths, so their addresses are the same as the main index's.
            with tempfile.TemporaryDirectory(dir=self.root, prefix=".delta-") as folder:
                for file in delta:
                    link = Path(folder) / file
                    link.parent.mkdir(parents=True, exist_ok=True)
                    os.link(self.root / file, link)
                self._build(bundle, folder)
            entries = self._entries(bundle)
        else:
            shutil.rmtree(bundle, ignore_errors=True)
            entries = {}
        # The same entry in both indexes is the same result: the search page shows it once.
        changed = [file for file in delta if entries.get(file) != main.get(file)]
        superseded = {main[file] for file in [*changed, *removed] if file in main}
        description = {
            "bundle": "pagefind-delta/" if delta else None,
            "superseded": sorted(superseded),
        }
        self._write_if_changed(SEARCH_DELTA, json.dumps(description).encode())
        return changed

    def _build(self, bundle, site):
        """Pagefind's index of the pages in `site`, into `bundle`: built beside the old one
        and swapped in, so the copy stays searchable meanwhile."""
        built = bundle.with_name(bundle.name + ".new")
        old = bundle.with_name(bundle.name + ".old")
        for folder in (built, old):
            shutil.rmtree(folder, ignore_errors=True)
        from pagefind_bin import get_executable  # the binary itself: no Python to start

        subprocess.run(  # noqa: S603
            [
                str(get_executable()),
                "--site",
                str(site),
                "--output-path",
                str(built),
                "--keep-index-url",
                "--silent",
            ],
            check=True,
        )
        if bundle.exists():
            bundle.rename(old)
        built.rename(bundle)
        shutil.rmtree(old, ignore_errors=True)

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
            "pages": state["pages"],
            "files": files,
            "static": static,
            "sitemap": sitemap,
            "search": search,
        }
        temporary = self.root / (MANIFEST + ".tmp")
        temporary.write_text(json.dumps(manifest))
        temporary.replace(self.root / MANIFEST)
