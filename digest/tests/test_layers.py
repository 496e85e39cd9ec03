"""Dependencies point one way: every module's imports (function-level ones too), read with
`ast`, against the layers the README's map draws. A lower layer never imports a higher one,
no two apps import each other, and the pure-Python libraries import no Django and no app."""

from .imports import listing, shipped_imports

# Bottom first. A module belongs to the longest prefix naming it.
LAYERS = {
    # Infrastructure every app may use: middleware, client addresses, rate limits, the site
    # lookup, shared template tags, proxy purges. It knows no domain app.
    "infrastructure": ["digest.core"],
    # The network's vocabulary: topics (with aliases) and research types.
    "vocabulary": ["digest.taxonomy"],
    # The content model and its reader pages: issues, their summaries with their references,
    # the home and about pages.
    "content": ["digest.issues", "digest.references", "digest.summaries", "digest.home"],
    # Built on the content: the editor's suggestions, search, the API, the newsletter, the old
    # site's import, the reader's lists and exports, the static snapshot.
    "features": [
        "digest.evidence",
        "digest.search",
        "digest.api",
        "digest.newsletter",
        "digest.legacy",
        "digest.reading",
        "digest.snapshot",
    ],
    # What assembles every app: settings and addresses, the demo content and synthetic corpus,
    # the page cache (it keys copies on the summaries' generation stamp) and the admin
    # dashboard (the month's issue, the review queue, the last send).
    "site": [
        "digest",  # the package itself only: a module of a new app must find its app here
        "digest.urls",
        "digest.wsgi",
        "digest.settings",
        "digest.core.demo",
        "digest.core.corpus",
        "digest.core.management.commands.load_demo",
        "digest.core.management.commands.generate_corpus",
        "digest.core.pagecache",
        "digest.home.dashboard",
        "digest.home.wagtail_hooks",
    ],
}
RANK = {prefix: rank for rank, prefixes in enumerate(LAYERS.values()) for prefix in prefixes}

# Pure Python, beside every layer: text in, dataclasses out (STYLE.md). Anything may use them.
LIBRARIES = {
    "digest.references.parsing",
    "digest.references.labeller",
    "digest.references.labeller_training",
    "digest.references.journals",
    "digest.references.formatting",
    "digest.references.exports",
    "digest.evidence.extraction",
    "digest.evidence.learning",
    "digest.legacy.parsing",
}
FRAMEWORKS = {"django", "wagtail", "modelcluster", "taggit", "treebeard", "modelsearch"}


def unit(module: str) -> str:
    """The app (or site-layer part) a module belongs to: its longest prefix in LAYERS."""
    candidates = [p for p in RANK if module == p or (p != "digest" and module.startswith(f"{p}."))]
    if not candidates:
        raise AssertionError(f"{module} is in no layer: add its app to LAYERS in {__file__}")
    return max(candidates, key=len)


def library(module: str) -> str | None:
    return next((lib for lib in LIBRARIES if module == lib or module.startswith(f"{lib}.")), None)


def _between_units():
    """Imports from one unit to another, libraries left out (they import no unit)."""
    for i in shipped_imports():
        if not i.target.startswith("digest.") or library(i.module) or library(i.target):
            continue
        source, target = unit(i.module), unit(i.target)
        if source != target:
            yield source, target, i


def test_every_module_has_a_layer():
    for i in shipped_imports():
        unit(i.module)


def test_no_layer_imports_a_higher_one():
    upward = [i for source, target, i in _between_units() if RANK[target] > RANK[source]]
    assert not upward, "imports pointing up the layers (README's map):\n" + listing(upward)


def test_no_two_apps_import_each_other():
    edges = {}
    for source, target, i in _between_units():
        edges.setdefault((source, target), []).append(i)
    cycles = sorted({tuple(sorted(pair)) for pair in edges if pair[::-1] in edges})
    assert not cycles, "apps importing each other:\n" + "\n".join(
        f"{a} ↔ {b}:\n{listing(edges[a, b])}\n{listing(edges[b, a])}" for a, b in cycles
    )


def test_libraries_import_no_framework_and_no_app():
    wrong = [
        i
        for i in shipped_imports()
        if library(i.module)
        and (
            i.target.split(".")[0] in FRAMEWORKS
            or (i.target.startswith("digest.") and not library(i.target))
        )
    ]
    assert not wrong, "a pure-Python library imports Django or an app:\n" + listing(wrong)


def test_the_layers_name_every_app():
    # A guard on the table itself: an app missing from it would fail the first test anyway,
    # and a stale name here would silently check nothing.
    from django.apps import apps

    ours = {c.name for c in apps.get_app_configs() if c.name.startswith("digest.")}
    assert ours <= set(RANK), ours - set(RANK)


# Two modules of one app that import each other. The only one left: SummaryPage.related()
# asks the facet index, which is built from SummaryPage (both imports inside functions); the
# per-process caches' rework (issue 18 §3) decides where the index lives.
KNOWN_MODULE_CYCLES = {
    ("digest.summaries.facet_index", "digest.summaries.models"),
    # parse_reference hands the rules' reading to the labeller (one call, imported there);
    # the labeller reads names back with the rules' own helpers
    ("digest.references.labeller", "digest.references.parsing"),
}


def test_no_two_modules_import_each_other():
    modules = {i.module for i in shipped_imports()}

    def imported_module(target):
        # `from .models import X` reads as digest.app.models.X: the module is its longest prefix.
        while target and target not in modules:
            target = target.rpartition(".")[0]
        return target

    edges = {}
    for i in shipped_imports():
        target = imported_module(i.target)
        if target.startswith("digest.") and target != i.module:
            edges.setdefault((i.module, target), []).append(i)
    cycles = sorted({tuple(sorted(pair)) for pair in edges if pair[::-1] in edges})
    unexpected = [pair for pair in cycles if pair not in KNOWN_MODULE_CYCLES]
    assert not unexpected, "modules importing each other:\n" + "\n".join(
        f"{a} ↔ {b}:\n{listing(edges[a, b])}\n{listing(edges[b, a])}" for a, b in unexpected
    )
