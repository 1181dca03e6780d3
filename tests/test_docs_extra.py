"""The ``docs`` extra builds the docs on its own: whatever a documented module imports is a core
dependency, part of the ``docs`` extra, or in the standard library."""

from __future__ import annotations

import ast
import importlib.metadata
import importlib.util
import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _names(requirements: list[str]) -> set[str]:
    return {re.split(r"[<>=!~\[; ]", r, maxsplit=1)[0].lower().replace("_", "-") for r in requirements}


def _imports(module: str) -> set[str]:
    spec = importlib.util.find_spec(module)
    assert spec is not None, module
    assert spec.origin is not None, module
    tree = ast.parse(Path(spec.origin).read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in tree.body:  # what importing the module needs (not what its functions import later)
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
    return found


def test_every_module_autodoc_imports_is_installed_by_the_docs_extra() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    provided = _names(project["dependencies"]) | _names(project["optional-dependencies"]["docs"]) | {"articlekit"}
    documented = {
        m for rst in (ROOT / "docs").rglob("*.rst") for m in re.findall(r"^\.\. automodule:: (\S+)", rst.read_text(encoding="utf-8"), re.M)
    }
    assert "articlekit.testing.pytest_plugin" in documented
    distributions = importlib.metadata.packages_distributions()
    missing = {}
    for module in sorted(documented):
        for top in _imports(module) - set(sys.stdlib_module_names) - {"__future__"}:
            dists = {d.lower().replace("_", "-") for d in distributions.get(top, [top])}
            if not dists & provided:
                missing[f"{module} imports {top}"] = sorted(dists)
    assert not missing, f"add to the docs extra: {missing}"
