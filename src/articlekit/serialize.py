"""(De)serialisation of articles: one ``cattrs`` converter, JSON with a ``schema_version``.

The JSON form of an :class:`~articlekit.Article` is a JSON object with every field of the
model, plus ``schema_version`` (an integer, see :data:`SCHEMA_VERSION`) and the derived
``text``. Datetimes are ISO 8601 with their UTC offset (``2022-10-04T09:30:00+00:00``),
date-only values are ``YYYY-MM-DD``. ``from_json(to_json(article)) == article`` holds for
every article.

    >>> import articlekit
    >>> a = articlekit.Article(title="Hi", paragraphs=("Body.",))
    >>> articlekit.from_json(articlekit.to_json(a)) == a
    True
"""

from __future__ import annotations

import ast
import datetime as _dt
import inspect
import itertools
import json
import textwrap
import types
import typing
from typing import Any, Union

import attrs
import cattrs
from cattrs.preconf.json import make_converter as _make_json_converter
from cattrs.v import format_exception

from .errors import SchemaError
from .models import Article, DateValue, Link, LinkKind, ParserInfo, Quote, Span

__all__ = [
    "SCHEMA_VERSION",
    "converter",
    "from_dict",
    "from_json",
    "json_schema",
    "make_converter",
    "to_dict",
    "to_json",
]

#: Version of the JSON shape. Bumped on any incompatible change; older versions are migrated
#: by :func:`from_dict` (see ``docs/explanation/schema.rst``).
SCHEMA_VERSION = 1


def _structure_date(value: Any, _type: Any) -> DateValue:
    if not isinstance(value, str):
        raise TypeError(f"expected an ISO 8601 string, got {type(value).__name__}")
    if "T" in value or " " in value.strip():
        parsed = _dt.datetime.fromisoformat(value)
        if parsed.tzinfo is None:
            raise ValueError(f"datetime {value!r} has no UTC offset")
        return parsed
    return _dt.date.fromisoformat(value)


def _unstructure_date(value: DateValue) -> str:
    return value.isoformat()


def make_converter() -> cattrs.Converter:
    """Build the converter articlekit uses (JSON-ready, strict about unknown keys)."""
    conv = _make_json_converter(forbid_extra_keys=True)
    # Simple types first, then classes.
    conv.register_structure_hook(DateValue, _structure_date)
    conv.register_unstructure_hook(DateValue, _unstructure_date)
    conv.register_structure_hook(_dt.datetime, _structure_date)
    conv.register_unstructure_hook(_dt.datetime, _unstructure_date)
    conv.register_structure_hook(_dt.date, _structure_date)
    conv.register_unstructure_hook(_dt.date, _unstructure_date)
    conv.register_structure_hook(LinkKind, lambda v, _t: LinkKind(v))
    conv.register_unstructure_hook(LinkKind, lambda v: v.value)
    return conv


#: The converter behind :func:`to_dict` and :func:`from_dict`.
converter = make_converter()


def to_dict(article: Article) -> dict[str, Any]:
    """The article as plain JSON-compatible data, with ``schema_version`` and ``text``."""
    data: dict[str, Any] = {"schema_version": SCHEMA_VERSION}
    data.update(converter.unstructure(article, Article))
    data["text"] = article.text
    return data


def _migrate(data: dict[str, Any]) -> dict[str, Any]:
    version = data.get("schema_version")
    if version is None:
        raise SchemaError("missing schema_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise SchemaError(f"schema_version must be an integer, got {version!r}")
    if version > SCHEMA_VERSION:
        raise SchemaError(
            f"schema_version {version} is newer than this articlekit understands ({SCHEMA_VERSION}); upgrade articlekit"
        )
    if version < 1:
        raise SchemaError(f"unknown schema_version {version}")
    # Version 1 is the first; migrations from older versions go here, oldest first.
    return data


def _format_error(exc: BaseException, type_: Any) -> str:
    message = format_exception(exc, type_)
    if isinstance(exc, ValueError) and str(exc):
        message += f" ({exc})"
    return message


def from_dict(data: dict[str, Any]) -> Article:
    """Rebuild an :class:`~articlekit.Article` from :func:`to_dict` output.

    Raises :class:`~articlekit.SchemaError` with a readable account of every problem.
    """
    if not isinstance(data, dict):
        raise SchemaError(f"expected a JSON object, got {type(data).__name__}")
    data = dict(_migrate(data))
    data.pop("schema_version")
    text = data.pop("text", None)
    try:
        article = converter.structure(data, Article)
    except (cattrs.BaseValidationError, ValueError, TypeError) as exc:
        details = (
            "; ".join(cattrs.transform_error(exc, format_exception=_format_error))
            if isinstance(exc, cattrs.BaseValidationError)
            else str(exc)
        )
        raise SchemaError(f"invalid article data: {details}") from exc
    if text is not None and text != article.text:
        raise SchemaError("'text' does not equal the paragraphs joined by blank lines")
    return article


def to_json(article: Article, *, indent: int | None = None) -> str:
    """The article as a JSON string (UTF-8 characters kept as they are)."""
    return json.dumps(to_dict(article), ensure_ascii=False, indent=indent)


def from_json(data: str | bytes) -> Article:
    """Rebuild an article from :func:`to_json` output."""
    try:
        loaded = json.loads(data)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise SchemaError(f"not valid JSON: {exc}") from exc
    return from_dict(loaded)


# --------------------------------------------------------------------------- JSON Schema

_DEFS_ORDER = (Article, Quote, Link, Span, ParserInfo)
_DATE_SCHEMA: dict[str, Any] = {
    "anyOf": [
        {"type": "string", "format": "date-time", "pattern": r"^\d{4}-\d{2}-\d{2}T.*([+-]\d{2}:\d{2}(:\d{2}(\.\d+)?)?|Z)$"},
        {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"},
    ]
}


def _type_schema(tp: Any) -> dict[str, Any]:
    origin = typing.get_origin(tp)
    if origin in (Union, types.UnionType):
        args = typing.get_args(tp)
        members = [a for a in args if a is not type(None)]
        if set(members) == {_dt.datetime, _dt.date}:
            inner = dict(_DATE_SCHEMA)
        elif len(members) == 1:
            inner = _type_schema(members[0])
        else:  # pragma: no cover - the models have no other unions
            inner = {"anyOf": [_type_schema(m) for m in members]}
        return {"anyOf": [inner, {"type": "null"}]} if len(members) != len(args) else inner
    if origin is tuple:
        item = typing.get_args(tp)[0]
        return {"type": "array", "items": _type_schema(item)}
    if tp is str:
        return {"type": "string"}
    if tp is int:
        return {"type": "integer"}
    if tp is bool:
        return {"type": "boolean"}
    if tp is LinkKind:
        return {"type": "string", "enum": [k.value for k in LinkKind]}
    if attrs.has(tp):
        return {"$ref": f"#/$defs/{tp.__name__}"}
    raise TypeError(f"no JSON Schema for {tp!r}")  # pragma: no cover - guarded by tests


def _field_docs(cls: type) -> dict[str, str]:
    """The docstrings written under each field (read from the source, as autodoc does)."""
    try:
        tree = ast.parse(textwrap.dedent(inspect.getsource(cls)))
    except (OSError, TypeError, SyntaxError):  # pragma: no cover - source not shipped
        return {}
    docs: dict[str, str] = {}
    body = tree.body[0].body if tree.body and isinstance(tree.body[0], ast.ClassDef) else []
    for node, after in itertools.pairwise(body):
        if (
            isinstance(node, ast.AnnAssign)
            and isinstance(node.target, ast.Name)
            and isinstance(after, ast.Expr)
            and isinstance(after.value, ast.Constant)
            and isinstance(after.value.value, str)
        ):
            docs[node.target.id] = " ".join(after.value.value.split())
    return docs


def _class_schema(cls: type) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    docs = _field_docs(cls)
    properties: dict[str, Any] = {}
    required: list[str] = []
    for field in attrs.fields(cls):
        schema = _type_schema(hints[field.name])
        if field.name in docs:
            schema["description"] = docs[field.name]
        properties[field.name] = schema
        required.append(field.name)
    description = " ".join((cls.__doc__ or "").split("\n\n")[0].split())
    return {
        "type": "object",
        "description": description,
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }


def json_schema() -> dict[str, Any]:
    """A JSON Schema (draft 2020-12) of :func:`to_dict` output, generated from the models."""
    defs = {cls.__name__: _class_schema(cls) for cls in _DEFS_ORDER}
    root = defs.pop("Article")
    root["properties"] = {"schema_version": {"const": SCHEMA_VERSION}, **root["properties"]}
    root["required"] = ["schema_version", *root["required"]]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://articlekit.invalid/schema/article-v{SCHEMA_VERSION}.json",
        "title": "articlekit Article",
        **root,
        "$defs": defs,
    }


