"""Framework internals stay behind their doors: the private names of Wagtail, treebeard,
Django and modelsearch the site relies on appear only in the adapter modules (each pinned by
a contract test), never in the code that uses them."""

import re

from .imports import PACKAGE

# name -> the adapter that owns it, or the public API that replaced it
PUBLIC = "public API: Site.find_for_request"
PRIVATE_NAMES = {
    "_find_for_request": PUBLIC,
    "_wagtail_site": "digest/core/adapters/wagtail.py",
    "_get_raw_host": "digest/core/adapters/wagtail.py",
    "_get_path": "digest/core/adapters/treebeard.py",
    "_str2int": "digest/core/adapters/treebeard.py",
    "_batched_insert": "digest/core/adapters/django_orm.py",
    "_build_rank_expression": "digest/search/adapters/",
    "_do_search": "digest/search/adapters/",
    "_do_count": "digest/search/adapters/",
    "_combine": "digest/search/adapters/",
}
DOORS = ("core/adapters", "search/adapters")
WORD = re.compile(r"\b({})\b".format("|".join(PRIVATE_NAMES)))


def test_private_framework_names_appear_only_in_their_adapters():
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE).as_posix()
        if "tests" in path.parts or relative.startswith(DOORS):
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            found += [
                f"  digest/{relative}:{number} uses {name}: see {PRIVATE_NAMES[name]}"
                for name in WORD.findall(line)
            ]
    assert not found, "framework internals outside their adapters:\n" + "\n".join(found)


def test_each_adapter_still_uses_what_it_is_said_to_own():
    # A stale entry above would guard nothing: every name is where the table says.
    for name, adapter in PRIVATE_NAMES.items():
        if adapter == PUBLIC:
            continue
        where = PACKAGE.parent / adapter
        files = sorted(where.rglob("*.py")) if where.is_dir() else [where]
        assert any(name in f.read_text(encoding="utf-8") for f in files), (name, adapter)
