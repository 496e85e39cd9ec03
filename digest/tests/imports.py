"""Every import of every module under digest/, read with `ast` (function-level imports
included, relative imports resolved), for the tests that keep the dependencies pointing one way."""

import ast
import functools
from dataclasses import dataclass
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent  # digest/


@dataclass(frozen=True)
class Import:
    module: str  # the importing module, "digest.summaries.models"
    target: str  # what it imports, "digest.taxonomy.models" or "wagtail.models"
    line: int

    def __str__(self):
        return f"{self.module} imports {self.target} (line {self.line})"


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def is_test_code(module: str) -> bool:
    return ".tests." in f"{module}." or module.endswith(".conftest")


def _resolve(module: str, is_package: bool, node: ast.ImportFrom) -> list[str]:
    if not node.level:
        base = node.module
    else:
        parts = module.split(".")
        parts = parts if is_package else parts[:-1]
        parts = parts[: len(parts) - (node.level - 1)]
        base = ".".join(parts + ([node.module] if node.module else []))
    # `from digest.search import engine` imports the module digest.search.engine.
    return [base] + [f"{base}.{alias.name}" for alias in node.names if alias.name != "*"]


@functools.cache
def all_imports() -> tuple[Import, ...]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if "migrations" in path.parts:
            continue  # frozen history: a migration names the models as they were
        module = module_name(path)
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                targets = _resolve(module, path.name == "__init__.py", node)
            else:
                continue
            found += [Import(module, target, node.lineno) for target in targets]
    return tuple(found)


def listing(imports) -> str:
    """One line per import statement (`from a import b` reads as both a and a.b)."""
    seen, lines = set(), []
    for i in imports:
        if (i.module, i.line) not in seen:
            seen.add((i.module, i.line))
            lines.append(f"  {i}")
    return "\n".join(lines)


def shipped_imports() -> list[Import]:
    """The imports of the code a production install runs: everything but tests."""
    return [i for i in all_imports() if not is_test_code(i.module)]
