"""A production install never imports test code, test factories or a dev-only package."""

import re
import tomllib
from importlib.metadata import packages_distributions

from .imports import PACKAGE, is_test_code, listing, shipped_imports


def _dev_only_top_level_names() -> set[str]:
    pyproject = tomllib.loads((PACKAGE.parent / "pyproject.toml").read_text())
    optional = pyproject["project"]["optional-dependencies"]
    runtime = {_distribution(r) for r in pyproject["project"]["dependencies"]}
    dev = {_distribution(r) for extra in optional.values() for r in extra} - runtime
    return {
        name
        for name, distributions in packages_distributions().items()
        if {_normalise(d) for d in distributions} & dev
    }


def _distribution(requirement: str) -> str:
    return _normalise(re.match(r"[A-Za-z0-9._-]+", requirement).group())


def _normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_the_dev_extras_are_known_to_this_test():
    # Guards the test itself: if nothing mapped, every import would pass unexamined.
    assert {"pytest", "hypothesis", "aiosmtpd", "playwright"} <= _dev_only_top_level_names()


def test_no_shipped_module_imports_test_code():
    wrong = [i for i in shipped_imports() if is_test_code(i.target)]
    assert not wrong, "shipped code imports test code (move it to tests/ or bench/):\n" + listing(
        wrong
    )


def test_no_shipped_module_imports_a_dev_only_package():
    dev_only = _dev_only_top_level_names()
    wrong = [i for i in shipped_imports() if i.target.split(".")[0] in dev_only]
    assert not wrong, "shipped code imports a dev-only package (pyproject's extras):\n" + listing(
        wrong
    )
