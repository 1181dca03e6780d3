"""Write the intersphinx inventories the docs use offline (run after adding a reference).

The docs are built where only the package registries are reachable, so Sphinx cannot fetch
``objects.inv`` from python.org and the other projects. This script writes small inventories
in Sphinx's format (version 2: a header, then zlib-compressed ``name domain:role priority uri
dispname`` lines) for the objects articlekit's docs refer to, with the URLs those projects'
documentation really uses. ``python docs/_inventories/make_inventories.py`` rewrites them all.
"""

from __future__ import annotations

import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent

#: project -> (title, version, entries); an entry is (name, role, uri). ``$`` in a uri stands
#: for the name, as in Sphinx's own inventories.
INVENTORIES: dict[str, tuple[str, str, list[tuple[str, str, str]]]] = {
    "python": (
        "Python",
        "3.11",
        [
            *((name, "py:class", "library/stdtypes.html#$") for name in ("str", "bytes", "bytearray", "memoryview", "list", "dict", "tuple", "set", "frozenset")),
            *((name, "py:class", "library/functions.html#$") for name in ("int", "float", "bool", "object", "type")),
            *((name, "py:exception", "library/exceptions.html#$") for name in ("Exception", "BaseException", "ValueError", "LookupError", "TypeError", "OSError", "UnicodeError", "RecursionError", "UserWarning", "Warning", "AssertionError")),
            ("None", "py:data", "library/constants.html#$"),
            ("True", "py:data", "library/constants.html#$"),
            ("False", "py:data", "library/constants.html#$"),
            ("datetime.datetime", "py:class", "library/datetime.html#$"),
            ("datetime.date", "py:class", "library/datetime.html#$"),
            ("datetime.timezone", "py:class", "library/datetime.html#$"),
            ("enum.StrEnum", "py:class", "library/enum.html#$"),
            ("enum.Enum", "py:class", "library/enum.html#$"),
            ("os.PathLike", "py:class", "library/os.html#$"),
            ("pathlib.Path", "py:class", "library/pathlib.html#$"),
            ("typing.Any", "py:data", "library/typing.html#$"),
            ("typing.Protocol", "py:class", "library/typing.html#$"),
            ("typing.TypeAlias", "py:data", "library/typing.html#$"),
            ("typing.ClassVar", "py:data", "library/typing.html#$"),
            ("typing.TextIO", "py:class", "library/typing.html#$"),
            ("collections.abc.Callable", "py:class", "library/collections.abc.html#$"),
            ("collections.abc.Iterable", "py:class", "library/collections.abc.html#$"),
            ("collections.abc.Iterator", "py:class", "library/collections.abc.html#$"),
            ("collections.abc.Mapping", "py:class", "library/collections.abc.html#$"),
            ("collections.abc.Sequence", "py:class", "library/collections.abc.html#$"),
            ("collections.abc.Collection", "py:class", "library/collections.abc.html#$"),
            ("re.Pattern", "py:class", "library/re.html#$"),
            ("json", "py:module", "library/json.html#module-$"),
            ("asyncio", "py:module", "library/asyncio.html#module-$"),
            ("warnings.filterwarnings", "py:function", "library/warnings.html#$"),
            ("importlib.metadata", "py:module", "library/importlib.metadata.html#module-$"),
            ("concurrent.futures.ProcessPoolExecutor", "py:class", "library/concurrent.futures.html#$"),
            ("codecs", "py:module", "library/codecs.html#module-$"),
            ("doctest", "py:module", "library/doctest.html#module-$"),
        ],
    ),
    "attrs": (
        "attrs",
        "25",
        [
            ("attrs", "py:module", "api.html#module-$"),
            ("attrs.frozen", "py:function", "api.html#$"),
            ("attrs.define", "py:function", "api.html#$"),
            ("attrs.evolve", "py:function", "api.html#$"),
            ("attrs.field", "py:function", "api.html#$"),
            ("attrs.fields", "py:function", "api.html#$"),
        ],
    ),
    "cattrs": (
        "cattrs",
        "25",
        [
            ("cattrs", "py:module", "cattrs.html#module-$"),
            ("cattrs.Converter", "py:class", "cattrs.html#$"),
        ],
    ),
    "lxml": (
        "lxml",
        "6",
        [
            ("lxml", "py:module", "lxml.html#module-$"),
            ("lxml.html", "py:module", "lxml.html.html#module-$"),
            ("lxml.html.HtmlElement", "py:class", "lxml.html.html#$"),
            ("lxml.html.HTMLParser", "py:class", "lxml.html.html#$"),
            ("lxml.etree", "py:module", "lxml.etree.html#module-$"),
        ],
    ),
    "pluggy": (
        "pluggy",
        "1",
        [
            ("pluggy", "py:module", "api_reference.html#module-$"),
            ("pluggy.HookimplMarker", "py:class", "api_reference.html#$"),
            ("pluggy.HookspecMarker", "py:class", "api_reference.html#$"),
            ("pluggy.PluginManager", "py:class", "api_reference.html#$"),
        ],
    ),
}


def inventory(title: str, version: str, entries: list[tuple[str, str, str]]) -> bytes:
    header = f"# Sphinx inventory version 2\n# Project: {title}\n# Version: {version}\n# The remainder of this file is compressed using zlib.\n"
    lines = "".join(f"{name} {role} 1 {uri} -\n" for name, role, uri in sorted(set(entries)))
    return header.encode() + zlib.compress(lines.encode())


def main() -> None:
    for name, (title, version, entries) in INVENTORIES.items():
        path = HERE / f"{name}.inv"
        path.write_bytes(inventory(title, version, entries))
        print(f"wrote {path.name}: {len(set(entries))} objects")


if __name__ == "__main__":
    main()
