"""The one exception hierarchy of articlekit.

Every error articlekit raises on purpose derives from :class:`ArticlekitError`, so
``except articlekit.ArticlekitError`` is enough to handle bad input without catching
programming errors.
"""

from __future__ import annotations

__all__ = [
    "ArticlekitError",
    "ArticlekitWarning",
    "DecodeError",
    "InputError",
    "InputTooLargeError",
    "ParseError",
    "ParserNotFoundError",
    "PluginError",
    "SchemaError",
]


class ArticlekitError(Exception):
    """Base class of every exception articlekit raises."""


class InputError(ArticlekitError, ValueError):
    """The input cannot be read as a document (wrong type, empty, unreadable, not text: an image,
    a PDF, an archive, an executable, a decompression bomb), or an argument is malformed (a
    ``url`` that is not an absolute http(s) URL)."""


class InputTooLargeError(InputError):
    """The input is larger than the configured limit (:attr:`Limits.max_input_bytes
    <articlekit.Limits.max_input_bytes>`, by default :data:`articlekit.document.MAX_INPUT_BYTES`)."""


class DecodeError(InputError):
    """Bytes could not be decoded to text with any candidate encoding."""


class ParserNotFoundError(ArticlekitError, LookupError):
    """``parser=`` named a parser that is not registered."""


class ParseError(ArticlekitError):
    """No parser could produce an :class:`~articlekit.Article` for the document."""


class PluginError(ArticlekitError):
    """A plugin failed while loading, claiming, parsing or enriching.

    Raised only in strict mode (``ARTICLEKIT_STRICT_PLUGINS=1``); otherwise the failure is
    reported as a warning on the article and the plugin is skipped.
    """


class SchemaError(ArticlekitError, ValueError):
    """Serialised data does not match the article schema (or has an unknown ``schema_version``)."""


class ArticlekitWarning(UserWarning):
    """Category of the Python warnings articlekit emits (for ``warnings.filterwarnings``)."""
