"""A new publisher plugin from the template (``articlekit new-plugin NAME --host HOST``).

The template (``articlekit/templates/plugin``, shipped with the package) is a complete plugin: a
package with its ``articlekit`` entry point, an adapter class that subclasses
:class:`~articlekit.parsers.HtmlParser` and overrides only the body container, what to drop and
the byline, one fixture folder (a sample page written for the template; its ``expected.json`` is
written by ``pytest --articlekit-regenerate`` once the plugin is installed) and one test module.

>>> import tempfile
>>> root = render_plugin("valley-post", hosts=("valleypost.example",), directory=tempfile.mkdtemp())
>>> root.name
'articlekit-valley-post'
>>> sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())[:3]
['README.md', 'pyproject.toml', 'src/articlekit_valley_post/__init__.py']
"""

from __future__ import annotations

import importlib.metadata
import json
import os
import re
from collections.abc import Sequence
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

from ._version import __version__
from .errors import ArticlekitError
from .plugins import ENTRY_POINT_GROUP, RESERVED_PARSER_NAMES, Registry

__all__ = ["ScaffoldError", "plugin_names", "render_plugin"]

_NAME = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
_HOST = re.compile(r"(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+")
_SUFFIX = ".tmpl"
_PLACEHOLDER = re.compile(r"\{\{(\w+)\}\}")


class ScaffoldError(ArticlekitError):
    """The plugin cannot be made: a bad or taken name, a bad host, or the folder exists already."""


def plugin_names(name: str) -> dict[str, str]:
    """The names a plugin called ``name`` uses: distribution, package, class.

    >>> plugin_names("valley-post")["class_name"]
    'ValleyPostParser'
    """
    if not _NAME.fullmatch(name) or len(name) > 40:
        raise ScaffoldError(
            f"bad plugin name {name!r}: use lower-case letters and digits, words joined by '-' "
            "(starting with a letter, at most 40 characters), e.g. 'valley-post'"
        )
    return {
        "name": name,
        "distribution": f"articlekit-{name}",
        "package": "articlekit_" + name.replace("-", "_"),
        "class_name": "".join(part.capitalize() for part in name.split("-")) + "Parser",
    }


def _clash(names: dict[str, str]) -> str | None:
    """What already uses the plugin's name or distribution, or ``None`` when nothing does.

    Checked: the built-in parsers and the other reserved names, every installed plugin (its
    entry-point name, its distribution and the parsers it registers) and any installed
    distribution of the same name.
    """
    name, distribution = names["name"], names["distribution"]
    parsers = Registry(environ={}).parsers()  # every installed plugin, whatever ARTICLEKIT_PLUGINS says
    if name in RESERVED_PARSER_NAMES or (name in parsers and parsers[name].builtin):
        return f"{name!r} is the name of one of articlekit's built-in parsers"
    if name in parsers:
        return f"{name!r} is the name of a parser of the installed plugin {parsers[name].package!r}"
    for ep in importlib.metadata.entry_points(group=ENTRY_POINT_GROUP):
        dist = ep.dist.name if ep.dist is not None else ep.module
        normalised = re.sub(r"[-_.]+", "-", dist).lower()  # as PEP 503 compares distribution names
        if name in (ep.name.lower(), normalised):
            return f"{name!r} is the name of the installed plugin {dist!r}"
        if distribution == normalised:
            return f"the distribution {distribution!r} is installed already (plugin {ep.name!r})"
    try:
        importlib.metadata.distribution(distribution)
    except importlib.metadata.PackageNotFoundError:
        return None
    return f"the distribution {distribution!r} is installed already"


def _tuple(values: Sequence[str]) -> str:
    return "".join(json.dumps(value, ensure_ascii=False) + ", " for value in values).rstrip(" ")


def render_plugin(
    name: str,
    *,
    hosts: Sequence[str] = (),
    signatures: Sequence[str] = (),
    directory: str | os.PathLike[str] = ".",
    site_name: str | None = None,
) -> Path:
    """Write the plugin ``articlekit-NAME`` into ``directory``; returns its folder.

    The parser claims pages from ``hosts`` (and their subdomains) and documents matching
    ``signatures``; at least one of the two is needed, or it would claim nothing. A name that a
    built-in parser or an installed plugin uses (as its name, its distribution or a parser's name)
    is refused.
    """
    names = plugin_names(name)
    clash = _clash(names)
    if clash is not None:
        raise ScaffoldError(f"plugin name {name!r} is taken: {clash}; choose another name")
    hosts = [host.strip().lower().removeprefix("www.") for host in hosts]
    for host in hosts:
        if not _HOST.fullmatch(host):
            raise ScaffoldError(
                f"bad host {host!r}: give a host name such as 'valleypost.example' (no scheme, no path)"
            )
    for signature in signatures:
        try:
            re.compile(signature)
        except re.error as exc:
            raise ScaffoldError(f"bad signature {signature!r}: not a regular expression ({exc})") from exc
    if not hosts and not signatures:
        raise ScaffoldError("give at least one --host (or --signature): a parser that claims nothing is never chosen")
    target = Path(directory) / names["distribution"]
    if target.exists():
        raise ScaffoldError(f"{target} exists already; choose another name or folder")
    values = {
        **names,
        "hosts_tuple": _tuple(hosts),
        "signatures_tuple": _tuple(signatures),
        "hosts_text": ", ".join(hosts) or "pages matching its signatures",
        "host": hosts[0] if hosts else f"{name}.example",
        "site_name": site_name or " ".join(part.capitalize() for part in name.split("-")),
        "articlekit_version": __version__,
    }
    template = files("articlekit") / "templates" / "plugin"
    written: list[tuple[Path, str]] = []
    _collect(template, Path(), values, written)
    for relative, text in written:
        path = target / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return target


def _collect(folder: Traversable, relative: Path, values: dict[str, str], out: list[tuple[Path, str]]) -> None:
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        name = entry.name.replace("__package__", values["package"])
        if entry.is_dir():
            _collect(entry, relative / name, values, out)
        elif name.endswith(_SUFFIX):
            text = _PLACEHOLDER.sub(lambda m: values[m.group(1)], entry.read_text(encoding="utf-8"))
            out.append((relative / name.removesuffix(_SUFFIX), text))
