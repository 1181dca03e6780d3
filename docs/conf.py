"""Sphinx configuration for articlekit's documentation.

Built in CI with warnings as errors and nitpicky references::

    sphinx-build -n -W --keep-going -b html docs docs/_build/html
    sphinx-build -n -W --keep-going -b doctest docs docs/_build/doctest
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import articlekit  # noqa: E402

project = "articlekit"
author = "articlekit developers"
copyright = "2026, articlekit developers"  # noqa: A001 - Sphinx's name
release = articlekit.__version__
version = ".".join(release.split(".")[:2])

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.doctest",
    "sphinx.ext.intersphinx",
    "sphinx.ext.viewcode",
]

html_theme = "furo"
html_title = f"articlekit {release}"
templates_path: list[str] = []
exclude_patterns = ["_build"]
nitpicky = True

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_typehints_format = "short"
autodoc_preserve_defaults = True
autodoc_default_options = {"show-inheritance": True}

# Intersphinx without a network: the build machine (and CI) can reach only the package
# registries, so the inventories are small files committed under _inventories/, written by
# _inventories/make_inventories.py with the real upstream URLs of the objects these docs refer
# to. Links in the built pages still go to the upstream documentation.
_INV = Path(__file__).resolve().parent / "_inventories"
intersphinx_mapping = {
    "python": ("https://docs.python.org/3", str(_INV / "python.inv")),
    "attrs": ("https://www.attrs.org/en/stable", str(_INV / "attrs.inv")),
    "cattrs": ("https://catt.rs/en/stable", str(_INV / "cattrs.inv")),
    "lxml": ("https://lxml.de/apidoc", str(_INV / "lxml.inv")),
    "pluggy": ("https://pluggy.readthedocs.io/en/stable", str(_INV / "pluggy.inv")),
}

# Only the examples written as ``.. doctest::`` / ``.. testcode::`` run in the doctest builder;
# the ``>>>`` examples in docstrings run under pytest (--doctest-modules), in their own modules.
doctest_test_doctest_blocks = ""
doctest_global_setup = f"""
import os
os.chdir({str(ROOT)!r})
os.environ.pop("ARTICLEKIT_PLUGINS", None)
import articlekit
"""

# Names in signatures that no inventory documents (type aliases and private helpers).
nitpick_ignore_regex = [
    (r"py:.*", r"articlekit\..*\._.*"),
    # pytest's own classes (pytest is a test dependency, without an inventory here).
    (r"py:class", r"_?pytest\..*"),
    # The optional dependencies of articlekit.batch (no inventories here), and collections.Counter.
    (r"py:class", r"(pyarrow|dask)\..*"),
    # Dask's bag and DataFrame as articlekit.batch.dask annotates them (no Dask inventory here).
    (r"py:class", r"Bag|DaskDataFrame"),
    (r"py:class", r"collections\.Counter"),
]
nitpick_ignore = [
    # A Literal type alias ("html" | "text"), spelled out where it is used.
    ("py:class", "DocumentKind"),
]
