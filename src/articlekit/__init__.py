"""articlekit: news articles (web pages or plain text) as typed, trustworthy data.

>>> import articlekit
>>> article = articlekit.parse("Rain at last\\n\\nby Ana Lima\\nMay 2, 2024\\n\\nIt rained in the valley.")
>>> article.title, article.authors
('Rain at last', ('Ana Lima',))
>>> articlekit.from_json(articlekit.to_json(article)) == article
True
"""

from __future__ import annotations

from ._version import __version__
from .api import parse, parse_async, parse_document, parse_file
from .document import Document, Limits
from .errors import (
    ArticlekitError,
    ArticlekitWarning,
    DecodeError,
    InputError,
    InputTooLargeError,
    ParseError,
    ParserNotFoundError,
    PluginError,
    SchemaError,
)
from .extract.quotes import extract_quotes
from .models import Article, DateValue, Link, LinkKind, ParserInfo, Quote, Span
from .plugins import hookimpl
from .serialize import SCHEMA_VERSION, from_dict, from_json, json_schema, to_dict, to_json

__all__ = [
    "SCHEMA_VERSION",
    "Article",
    "ArticlekitError",
    "ArticlekitWarning",
    "DateValue",
    "DecodeError",
    "Document",
    "InputError",
    "InputTooLargeError",
    "Limits",
    "Link",
    "LinkKind",
    "ParseError",
    "ParserInfo",
    "ParserNotFoundError",
    "PluginError",
    "Quote",
    "SchemaError",
    "Span",
    "__version__",
    "extract_quotes",
    "from_dict",
    "from_json",
    "hookimpl",
    "json_schema",
    "parse",
    "parse_async",
    "parse_document",
    "parse_file",
    "to_dict",
    "to_json",
]
