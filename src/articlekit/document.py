"""The input as received: bytes or text, decoded, classified as HTML or plain text.

A :class:`Document` is what parsers see. It decodes bytes once (BOM, then an explicit
``charset`` hint, then the page's own ``<meta charset>``, then UTF-8, then cp1252), enforces the
size limit, and parses HTML lazily, once, with safe :mod:`lxml` settings (no network, no
external entities, no processing instructions, bounded tree).
"""

from __future__ import annotations

import codecs
import re
from functools import cached_property
from typing import Literal
from urllib.parse import urlsplit

import lxml.html
from lxml import etree

from .errors import DecodeError, InputError, InputTooLargeError

__all__ = ["MAX_INPUT_BYTES", "Document", "DocumentKind", "decode", "looks_like_html"]

#: Largest input accepted, in bytes (or characters for ``str`` input): 32 MiB. Real article
#: pages are below 5 MiB; anything larger is almost surely not one article.
MAX_INPUT_BYTES = 32 * 1024 * 1024

DocumentKind = Literal["html", "text"]

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([a-zA-Z0-9_:.\-]+)""",
    re.IGNORECASE,
)
_HTML_SIGNS = re.compile(
    r"<(?:!doctype\s+html|html|head|body|meta|title|div|p|article|section|span|a\s|br|table|h[1-6]|ul|ol|script|style|!--)\b",
    re.IGNORECASE,
)
#: Encodings in which ASCII characters are single bytes that nothing else uses.
_ASCII_SAFE = frozenset(["utf-8", "cp1252", "iso8859-15", "cp1250", "cp1251", "cp1253", "cp1254", "cp1257"])
_XML_DECLARATION = re.compile(r"\s*<\?xml")
_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>")


def _normalise_charset(name: str) -> str | None:
    try:
        codec = codecs.lookup(name.strip().strip("\"'").lower())
    except LookupError:
        return None
    # Browsers treat these labels as windows-1252 (WHATWG Encoding Standard).
    if codec.name in {"latin-1", "iso8859-1", "ascii"}:
        return "cp1252"
    return codec.name


def decode(data: bytes, charset: str | None = None) -> tuple[str, str]:
    """Decode ``data`` and return ``(text, encoding used)``.

    Order: byte-order mark; the ``charset`` hint (as an HTTP ``Content-Type`` would give);
    a ``<meta charset>`` in the first 4 KiB; UTF-8 if the bytes are valid UTF-8; UTF-8 with the
    stray non-UTF-8 bytes read as cp1252 when the bytes are mostly UTF-8; cp1252 (which
    never fails on bytes, so Latin-1 pages do not come out garbled). A declared charset that
    cannot decode the bytes is skipped in favour of the next candidate.
    """
    text, encoding, _ = _decode(data, charset)
    return text, encoding


def _decode(data: bytes, charset: str | None) -> tuple[str, str, bool]:
    """:func:`decode`, and whether the text is exactly ``data`` in that encoding (no byte-order
    mark, replacement or mixed reading), so that a parser given the bytes reads the same text."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(name, errors="replace"), name, False
    candidates: list[str] = []
    if charset:
        hint = _normalise_charset(charset)
        if hint:
            candidates.append(hint)
    match = _META_CHARSET.search(data[:4096])
    if match:
        declared = _normalise_charset(match.group(1).decode("ascii", "replace"))
        if declared:
            candidates.append(declared)
    candidates += ["utf-8", "cp1252"]
    for name in candidates:
        if name == "cp1252" and name != candidates[-1] and _valid_utf8(data):
            # A page declared windows-1252 but written in UTF-8 (common after CMS migrations).
            continue
        if name == "cp1252" and _mostly_utf8(data):
            # UTF-8 with stray windows-1252 bytes (text pasted from another system): read the
            # UTF-8 as UTF-8 and only the stray bytes as cp1252, so neither comes out garbled.
            return data.decode("utf-8", errors=_MIXED_ERRORS), "utf-8", False
        try:
            return data.decode(name), name, True
        except (UnicodeDecodeError, LookupError):
            continue
    try:  # cp1252 leaves five bytes undefined; map them like browsers do.
        return data.decode("cp1252", errors="replace"), "cp1252", False
    except Exception as exc:  # pragma: no cover - decode with errors=replace does not fail
        raise DecodeError(f"cannot decode input: {exc}") from exc


_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_HIGH_BYTE = re.compile(rb"[\x80-\xff]")
_MIXED_ERRORS = "articlekit-cp1252"


def _cp1252_fallback(error: UnicodeError) -> tuple[str, int]:
    """Codec error handler: bytes that are not UTF-8 are read as windows-1252."""
    if not isinstance(error, UnicodeDecodeError):  # pragma: no cover - registered for decoding only
        raise error
    bad = error.object[error.start : error.end]
    return bytes(bad).decode("cp1252", errors="replace"), error.end


codecs.register_error(_MIXED_ERRORS, _cp1252_fallback)


def _mostly_utf8(data: bytes) -> bool:
    """Whether most non-ASCII bytes form valid UTF-8 sequences (but not all: see :func:`decode`)."""
    sequences = _UTF8_SEQUENCE.findall(data)
    if not sequences:
        return False
    in_sequences = sum(len(seq) for seq in sequences)
    stray = len(_HIGH_BYTE.findall(data)) - in_sequences
    return len(sequences) >= 2 * max(stray, 1)


def _valid_utf8(data: bytes) -> bool:
    if data.isascii():
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _normalise_line_ends(text: str) -> str:
    """``\\r\\n`` and a lone ``\\r`` as ``\\n``."""
    if "\r" not in text:
        return text
    # split + join: str.replace with a two-character needle is slow on non-ASCII text.
    return "\n".join(text.split("\r\n")).replace("\r", "\n")


def looks_like_html(text: str) -> bool:
    """Whether ``text`` is HTML rather than plain text.

    HTML if it starts (after white space) with ``<`` and a known tag, or if tags make up a
    noticeable share of its first 4,000 characters.
    """
    head = text[:4000]
    stripped = head.lstrip()
    if stripped.startswith("<") and _HTML_SIGNS.match(stripped):
        return True
    tags = _TAG.findall(head)
    if len(tags) < 3:
        return False
    return sum(len(t) for t in tags) > 0.05 * len(head) and bool(_HTML_SIGNS.search(head))


def _html_parser(encoding: str | None = None) -> lxml.html.HTMLParser:
    parser = lxml.html.HTMLParser(
        encoding=encoding,
        no_network=True,
        remove_comments=True,
        remove_pis=True,
        huge_tree=False,
        recover=True,
        collect_ids=False,
    )
    # Every element an HtmlElement, chosen in C: lxml.html's own lookup runs Python code for each
    # element proxy (to make <form> a FormElement, ...), which articlekit never needs.
    parser.set_element_class_lookup(_LOOKUP)
    return parser


_LOOKUP = etree.ElementDefaultClassLookup(
    element=lxml.html.HtmlElement, comment=lxml.html.HtmlComment, pi=lxml.html.HtmlProcessingInstruction, entity=lxml.html.HtmlEntity
)


class Document:
    """One input document, decoded and classified.

    >>> doc = Document("<html><body><p>Hi</p></body></html>", url="https://example.com/a")
    >>> doc.kind, doc.host
    ('html', 'example.com')
    """

    def __init__(
        self,
        source: str | bytes,
        *,
        url: str | None = None,
        charset: str | None = None,
        kind: DocumentKind | None = None,
        max_bytes: int = MAX_INPUT_BYTES,
    ) -> None:
        if isinstance(source, (bytearray, memoryview)):
            source = bytes(source)
        if not isinstance(source, (str, bytes)):
            raise InputError(f"source must be str or bytes, not {type(source).__name__}")
        if len(source) > max_bytes:
            raise InputTooLargeError(f"input is {len(source):,} long; the limit is {max_bytes:,}")
        #: The input bytes as given (``None`` for ``str`` input).
        self.raw: bytes | None = source if isinstance(source, bytes) else None
        #: The charset hint given by the caller (as an HTTP header would declare it).
        self.charset: str | None = charset
        if isinstance(source, bytes):
            text, encoding, exact = _decode(source, charset)
        else:
            text, encoding, exact = source, None, False
        #: libxml2 can read the bytes themselves (faster than a wide ``str``): exact UTF-8.
        self._parse_bytes = exact and encoding == "utf-8" and bool(source)
        #: The decoded input as it came (line ends not yet normalised: see :attr:`text`).
        self._decoded = text.lstrip("\ufeff")
        #: The encoding the bytes were decoded with (``None`` for ``str`` input).
        self.encoding: str | None = encoding
        #: The page's URL, when known.
        self.url: str | None = url
        #: ``"html"`` or ``"text"``: given, or detected from the text. Normalising line ends at
        #: most halves a text, so its first 8,000 characters hold the 4,000 that
        #: :func:`~articlekit.document.looks_like_html` reads once they are normalised.
        self.kind: DocumentKind = kind or ("html" if looks_like_html(_normalise_line_ends(self._decoded[:8000])) else "text")
        #: Problems met while reading the document (e.g. markup nested past the parser's depth
        #: limit); :func:`articlekit.parse_document` passes them on as :attr:`Article.warnings`.
        self.warnings: list[str] = []
        #: Whether the HTML parser dropped part of the markup (see :attr:`warnings`).
        self.truncated: bool = False

    @cached_property
    def text(self) -> str:
        """The decoded input, with line ends normalised to ``\\n`` (done on first use: an HTML page
        parsed from its bytes needs no text at all)."""
        return _normalise_line_ends(self._decoded)

    @property
    def blank(self) -> bool:
        """Whether the input is empty or only white space."""
        return not self._decoded or self._decoded.isspace()

    @property
    def host(self) -> str | None:
        """The URL's host name without ``www.``, lower-cased; ``None`` without a URL."""
        if not self.url:
            return None
        host = (urlsplit(self.url).hostname or "").lower()
        return host.removeprefix("www.") or None

    def mentions(self, word: str) -> bool:
        """Whether the input contains ``word`` (case-sensitive).

        An ASCII word is looked for in the input bytes when their encoding writes ASCII as
        itself: a scan of bytes is several times faster than one of a wide ``str``.
        """
        if self.raw is not None and self.encoding in _ASCII_SAFE and word.isascii():
            return word.encode("ascii") in self.raw
        return word in self.text

    @cached_property
    def lowered(self) -> str:
        """:attr:`text` in lower case (computed once; for case-insensitive scans)."""
        return self.text.lower()

    @cached_property
    def tree(self) -> lxml.html.HtmlElement:
        """The parsed HTML tree (parsed on first use, then cached).

        Raises :class:`~articlekit.InputError` for a document that is not HTML or yields no tree.
        """
        if self.kind != "html":
            raise InputError("a plain-text document has no HTML tree")
        parser = _html_parser("utf-8" if self._parse_bytes else None)
        try:
            if self._parse_bytes and self.raw is not None:
                # libxml2 normalises line ends itself, and the parser's encoding overrides any
                # declaration in the page, so the bytes give the tree that :attr:`text` would.
                root = lxml.html.document_fromstring(self.raw, parser=parser)
            else:
                root = lxml.html.document_fromstring(self._markup() or "<html></html>", parser=parser)
        except (etree.ParserError, ValueError) as exc:
            try:
                root = lxml.html.document_fromstring("<html><body><pre></pre></body></html>", parser=_html_parser())
                root.find("body")[0].text = self._markup()  # type: ignore[index]
            except Exception:  # pragma: no cover - parsing an empty skeleton does not fail
                raise InputError(f"cannot parse HTML: {exc}") from exc
        if any(error.type_name == "ERR_RESOURCE_LIMIT" for error in parser.error_log):
            # libxml2 stops at 256 levels of nesting (a limit kept on purpose: it bounds every
            # recursive walk); what lies deeper is not in the tree.
            self.truncated = True
            self.warnings.append("the HTML is nested too deeply; markup past 256 levels was not parsed")
        return root

    def _markup(self) -> str:
        """:attr:`text` for the parser: lxml refuses ``str`` input with an XML encoding declaration."""
        text = self.text
        if _XML_DECLARATION.match(text):
            text = text.split("?>", 1)[1] if "?>" in text else text
        return text

    def __repr__(self) -> str:
        return f"<Document kind={self.kind} url={self.url!r} chars={len(self.text)}>"
