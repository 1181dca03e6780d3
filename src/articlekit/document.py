"""The input as received: bytes or text, decoded, classified as HTML or plain text.

A :class:`Document` is what parsers see. It refuses what is not a text document (images, PDF,
archives, executables: by magic number, or by a share of control characters), decompresses a
gzip or zlib body (within the size limit and a ratio limit against decompression bombs), decodes
bytes once (BOM, then an explicit ``charset`` hint, then the page's own ``<meta charset>``, then
UTF-8, then cp1252), removes control characters, enforces the :class:`Limits`, and parses HTML
lazily, once, with safe :mod:`lxml` settings (no network, no external entities, no processing
instructions, bounded tree) after cutting markup that would make the parser slow (an element with
too many attributes, a huge attribute value, a huge JSON-LD block).
"""

from __future__ import annotations

import bisect
import codecs
import re
import zlib
from functools import cached_property, lru_cache
from typing import Literal
from urllib.parse import urlsplit

import attrs
import lxml.html
from lxml import etree

from .errors import DecodeError, InputError, InputTooLargeError

__all__ = [
    "DEFAULT_LIMITS",
    "MAX_INPUT_BYTES",
    "Document",
    "DocumentKind",
    "Limits",
    "check_url",
    "clean_controls",
    "decode",
    "has_controls",
    "looks_like_html",
]

#: Largest input accepted, in bytes (or characters for ``str`` input): 32 MiB. Real article
#: pages are below 5 MiB; anything larger is almost surely not one article.
MAX_INPUT_BYTES = 32 * 1024 * 1024

_MIB = 1024 * 1024


def _positive(_inst: object, attribute: attrs.Attribute[int], value: int) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise InputError(f"Limits.{attribute.name} must be a positive integer, got {value!r}")


@attrs.frozen
class Limits:
    """Bounds on the work one document may cost (see :doc:`/reference/errors`).

    Past :attr:`max_input_bytes` the input is refused (:class:`~articlekit.InputTooLargeError`);
    past any other bound the result is truncated and :attr:`Article.warnings
    <articlekit.Article.warnings>` says what was cut. The defaults leave every real article page
    whole; pass your own to :func:`articlekit.parse` (``limits=``) to be stricter.

    >>> Limits().max_quote_chars
    100000
    >>> Limits(max_chars=1_000_000).max_chars
    1000000
    """

    #: Largest input accepted, in bytes (characters for ``str``), after decompression: 32 MiB.
    max_input_bytes: int = attrs.field(default=MAX_INPUT_BYTES, validator=_positive)
    #: Characters of the decoded document given to the parsers: 8 Mi (8,388,608). The rest is
    #: cut at a tag or line boundary, with a warning.
    max_chars: int = attrs.field(default=8 * _MIB, validator=_positive)
    #: Characters of body text given to quote extraction: 100,000 (a very long article is
    #: 60,000). Quotes in the rest are not looked for, with a warning.
    max_quote_chars: int = attrs.field(default=100_000, validator=_positive)
    #: Attributes kept on one HTML element: 128 (real elements have up to about 70); libxml2's
    #: cost grows with the square of an element's attribute count.
    max_attributes: int = attrs.field(default=128, validator=_positive)
    #: Characters kept of one attribute value: 262,144 (256 Ki). The longest values of real pages
    #: are inline images and serialised data under 100 Ki, none of it text.
    max_attribute_chars: int = attrs.field(default=256 * 1024, validator=_positive)
    #: Characters of one JSON-LD block: 1 MiB; a larger block is dropped, with a warning.
    max_json_ld_chars: int = attrs.field(default=_MIB, validator=_positive)
    #: How many times larger than itself a compressed (gzip, zlib) body may become: 100
    #: (HTML compresses 5 to 15 times); past it the input is refused as a decompression bomb.
    #: Bodies that decompress to at most 1 MiB are always accepted.
    max_compression_ratio: int = attrs.field(default=100, validator=_positive)


#: The limits :func:`articlekit.parse` applies unless given others.
DEFAULT_LIMITS = Limits()


def _size(n: int, unit: str = "bytes") -> str:
    """``n`` for people: ``"40.0 MiB (41,943,040 bytes)"``, ``"9,000,000 characters"``."""
    if unit == "bytes" and n >= _MIB:
        return f"{n / _MIB:.1f} MiB ({n:,} bytes)"
    if unit == "bytes" and n >= 1024:
        return f"{n / 1024:.1f} KiB ({n:,} bytes)"
    return f"{n:,} {unit}"


# -- what is not a text document ----------------------------------------------------------------

#: ``(what it is, magic bytes, offset)``: files that are not text, by their first bytes.
_MAGIC: tuple[tuple[str, bytes, int], ...] = (
    ("a PDF document", b"%PDF-", 0),
    ("a PNG image", b"\x89PNG\r\n\x1a\n", 0),
    ("a JPEG image", b"\xff\xd8\xff", 0),
    ("a GIF image", b"GIF87a", 0),
    ("a GIF image", b"GIF89a", 0),
    ("a TIFF image", b"II*\x00", 0),
    ("a TIFF image", b"MM\x00*", 0),
    ("a WebP image", b"WEBP", 8),
    ("a RIFF audio or video file", b"WAVE", 8),
    ("a RIFF audio or video file", b"AVI ", 8),
    ("an MP4 or QuickTime video", b"ftyp", 4),
    ("an Ogg media file", b"OggS", 0),
    ("a FLAC audio file", b"fLaC", 0),
    ("a font file", b"wOFF", 0),
    ("a font file", b"wOF2", 0),
    ("a ZIP archive (or an office document or e-book: docx, xlsx, odt, epub)", b"PK\x03\x04", 0),
    ("a ZIP archive", b"PK\x05\x06", 0),
    ("a ZIP archive", b"PK\x07\x08", 0),
    ("an office document (doc, xls, ppt)", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 0),
    ("a RAR archive", b"Rar!\x1a\x07", 0),
    ("a 7-Zip archive", b"7z\xbc\xaf\x27\x1c", 0),
    ("an xz archive", b"\xfd7zXZ\x00", 0),
    ("a bzip2 archive", b"BZh", 0),
    ("a zstd archive", b"\x28\xb5\x2f\xfd", 0),
    ("a tar archive", b"ustar", 257),
    ("an ELF executable", b"\x7fELF", 0),
    ("a Mach-O executable", b"\xfe\xed\xfa\xce", 0),
    ("a Mach-O executable", b"\xfe\xed\xfa\xcf", 0),
    ("a Mach-O executable", b"\xce\xfa\xed\xfe", 0),
    ("a Mach-O executable", b"\xcf\xfa\xed\xfe", 0),
    ("a Java class or Mach-O universal binary", b"\xca\xfe\xba\xbe", 0),
    ("a WebAssembly module", b"\x00asm", 0),
    ("an SQLite database", b"SQLite format 3\x00", 0),
)
#: Magic numbers that are also plausible starts of text, kept only with a binary byte after them.
_WEAK_MAGIC = frozenset([b"BZh", b"WEBP", b"WAVE", b"AVI ", b"ftyp", b"ustar"])
_GZIP_MAGIC = b"\x1f\x8b"
#: Control characters that say "binary" (tab, line feed, vertical tab, form feed and carriage
#: return are text).
_BINARY_BYTES = bytes([*range(0x09), *range(0x0E, 0x20), 0x7F])
#: Share of control characters above which an input is taken for a binary file.
_BINARY_SHARE = 0.01
_BINARY_COUNT = 8
_SNIFF = 64 * 1024


def _has_binary(data: bytes) -> bool:
    return len(data.translate(None, _BINARY_BYTES)) < len(data)


def _what_binary(head: bytes) -> str | None:
    """What ``head`` (the first bytes of an input) is, when its magic number says it is not text."""
    for label, magic, offset in _MAGIC:
        if head[offset : offset + len(magic)] == magic and (magic not in _WEAK_MAGIC or _has_binary(head[: offset + 64])):
            return label
    if head.startswith(b"MZ") and b"\x00" in head[:64]:
        return "a Windows executable"
    return None


def _refuse_binary(head: bytes) -> None:
    what = _what_binary(head)
    if what:
        raise InputError(f"the input is not a text document: it is {what}")


def _decompress(data: bytes, limits: Limits, notes: list[str]) -> bytes:
    """``data`` itself, or its content when it is a gzip or zlib stream (as saved crawls keep
    ``Content-Encoding: gzip`` or ``deflate`` bodies).

    The output is bounded by :attr:`Limits.max_input_bytes` and, past 1 MiB, by
    :attr:`Limits.max_compression_ratio` times the input (a decompression bomb is refused).
    A stream cut short keeps what it held, with a note. Bytes that only look like a zlib header
    (``x^`` can start a text) are kept as they are when they do not decompress.
    """
    if data.startswith(_GZIP_MAGIC):
        kind, wbits = "gzip", 16 + zlib.MAX_WBITS
    elif len(data) > 2 and data[0] & 0x0F == 8 and data[0] >> 4 <= 7 and not data[1] & 0x20 and (data[0] << 8 | data[1]) % 31 == 0:
        kind, wbits = "zlib", zlib.MAX_WBITS
    else:
        return data
    bound = min(limits.max_input_bytes, max(_MIB, len(data) * limits.max_compression_ratio))
    out = bytearray()
    rest = data
    try:
        while rest:
            stream = zlib.decompressobj(wbits)
            out += stream.decompress(rest, bound + 1 - len(out))
            if len(out) > bound:
                if bound == limits.max_input_bytes:
                    raise InputTooLargeError(
                        f"the {kind} input expands past the limit of {_size(limits.max_input_bytes)}"
                    )
                raise InputError(
                    f"the {kind} input expands more than {limits.max_compression_ratio} times its "
                    f"{_size(len(data))} (a decompression bomb?); refused"
                )
            if not stream.eof:
                notes.append(f"the {kind} stream is cut short; the text it held was kept")
                break
            # gzip allows several members one after another; anything else after the end is dropped.
            rest = stream.unused_data if kind == "gzip" and stream.unused_data.startswith(_GZIP_MAGIC) else b""
    except zlib.error as exc:
        if kind == "zlib" and not out:
            return data
        if not out:
            raise InputError(f"the input is {kind}-compressed but cannot be decompressed: {exc}") from exc
        notes.append(f"the {kind} stream is damaged; the text before the damage was kept")
    if out.startswith(_GZIP_MAGIC) or _what_binary(bytes(out[:_SNIFF])):
        inner = _what_binary(bytes(out[:_SNIFF])) or "compressed again"
        raise InputError(f"the input is {kind}-compressed, and what it holds is not a text document: it is {inner}")
    return bytes(out)


# -- control characters -------------------------------------------------------------------------

#: C0 controls but tab, line feed and carriage return; DEL; C1 controls; surrogates (only a
#: ``str`` can hold them, and no encoder writes them); the two noncharacters at the end of the BMP.
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def _c1(char: str) -> str | None:
    """A C1 control as the windows-1252 character with its code (what the author meant when
    text in cp1252 was stored as Latin-1), or ``None`` where cp1252 leaves the code undefined."""
    try:
        return bytes([ord(char)]).decode("cp1252")
    except UnicodeDecodeError:
        return None


def _input_replacement(char: str) -> str:
    if char in "\x0b\x0c":
        return " "
    if "\x80" <= char <= "\x9f":
        return _c1(char) or ""
    if "\ud800" <= char <= "\udfff":
        return "\ufffd"
    return ""


def _output_replacement(char: str) -> str:
    if char in "\x0b\x0c":
        return " "
    if "\x80" <= char <= "\x9f":
        return _c1(char) or "\ufffd"
    return "\ufffd"


_INPUT_MAP = {chr(c): _input_replacement(chr(c)) for c in [*range(0x20), *range(0x7F, 0xA0), 0xFFFE, 0xFFFF]}
_OUTPUT_MAP = {chr(c): _output_replacement(chr(c)) for c in [*range(0x20), *range(0x7F, 0xA0), 0xFFFE, 0xFFFF]}


_C0_BYTES = bytes([*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])
#: The rest of :data:`_CONTROLS` in UTF-8 (C1 controls, surrogates as ``surrogatepass`` writes
#: them, U+FFFE and U+FFFF): one pattern each, so that each searches for its literal first bytes.
_UTF8_CONTROLS = (re.compile(rb"\xc2[\x80-\x9f]"), re.compile(rb"\xed[\xa0-\xbf]"), re.compile(rb"\xef\xbf[\xbe\xbf]"))


def _utf8_has_controls(data: bytes) -> bool:
    """:func:`has_controls` for text written as UTF-8 (``surrogatepass``)."""
    if len(data.translate(None, _C0_BYTES)) != len(data):
        return True
    return not data.isascii() and any(pattern.search(data) for pattern in _UTF8_CONTROLS)


def has_controls(text: str) -> bool:
    """Whether ``text`` holds a character :func:`clean_controls` would replace (a fast test:
    the text is checked as UTF-8 bytes, several times faster than a regular expression over
    the ``str``)."""
    return _utf8_has_controls(text.encode("utf-8", "surrogatepass"))


def clean_controls(text: str) -> str:
    r"""``text`` with every control character replaced by one character, so that offsets into it
    stay valid: form feed and vertical tab by a space, a C1 control by the windows-1252 character
    with its code, anything else (NUL, ESC, a lone surrogate, ...) by U+FFFD. Tab, line feed and
    carriage return are kept.

    This is what :func:`articlekit.parse` applies to every string of the article it returns, so
    that no control character reaches the output whatever a parser or plugin produced.

    >>> clean_controls("a\x00b\x93c\x94")
    'a\ufffdb“c”'
    """
    if not has_controls(text):
        return text
    return _CONTROLS.sub(lambda m: _OUTPUT_MAP.get(m.group(), "\ufffd"), text)


def _strip_controls(text: str) -> tuple[str, int]:
    """The input with its control characters removed (see :func:`clean_controls`, which keeps
    the length instead), and how many there were."""
    if not has_controls(text):
        return text, 0
    return _CONTROLS.subn(lambda m: _INPUT_MAP.get(m.group(), "\ufffd"), text)


def _controls_say_binary(text: str) -> float | None:
    """The share of control characters in the first 64 KiB of ``text`` when it says the input
    is a binary file (over 1%, and at least 8 of them), else ``None``."""
    head = text[:_SNIFF]
    if not _CONTROLS.search(head):
        return None
    count = sum(1 for m in _CONTROLS.finditer(head) if m.group() < "\x80" and m.group() not in "\x0b\x0c")
    return count / len(head) if count >= _BINARY_COUNT and count > _BINARY_SHARE * len(head) else None


# -- markup that would make the HTML parser slow ------------------------------------------------

_DOCTYPE = re.compile(r"<!doctype", re.IGNORECASE)
_DOCTYPE_SUBSET = re.compile(r"<!doctype([^\[>]*)\[[^\]]*\]\s*>", re.IGNORECASE)
_JSON_LD_OPEN = re.compile(r"<script\b[^<>]*?ld\+json[^<>]*>", re.IGNORECASE)
_SCRIPT_CLOSE = re.compile(r"</script", re.IGNORECASE)
#: Elements whose content the HTML parser reads as raw text: what looks like a tag in them is not.
_RAW_OPEN = re.compile(r"<(script|style)\b", re.IGNORECASE)
_RAW_CLOSE = {name: re.compile(rf"</{name}", re.IGNORECASE) for name in ("script", "style")}
# Attributes as libxml2's HTML parser reads them: separated by white space or "/", a name is
# anything else up to "=" (quotes and "<" included, "=" allowed first), a value is quoted or runs
# to white space or ">".
_NAME = r"[^\s/>][^\s/>=]*+"
_VALUE = r"(?:\"[^\"]*+\"|'[^']*+'|[^\s>]++)"
_ATTRIBUTE = re.compile(rf"[\s/]*+({_NAME})(?:\s*+=\s*+({_VALUE}))?+")
_TAG_NAME = re.compile(r"<([a-zA-Z][^\s/>]*+)")
_TAG_REST = re.compile(r"[^<>]*+>?")


@lru_cache(maxsize=8)
def _heavy_tag(max_attributes: int, max_chars: int | None) -> re.Pattern[str]:
    """A start tag with more than ``max_attributes`` attributes, or with a value longer than
    ``max_chars``: matched up to the first attribute too many or the start of the long value.
    With ``max_chars`` ``None``, only the first kind (for markup that cannot hold a long value:
    see :func:`_may_hold_long_value`), which reads each tag once.

    Possessive quantifiers only, so a tag is read at most twice, whatever it holds: the search
    costs a few steps per attribute of the page.
    """
    attribute = rf"[\s/]*+{_NAME}(?:\s*+=\s*+{_VALUE})?+"
    if max_chars is None:
        return re.compile(rf"<[a-zA-Z][^\s/>]*+(?:{attribute}){{{max_attributes + 1}}}")
    n = max_chars
    # For the long value: names that do not start with "=", values up to n characters, then "=" and
    # n + 1 characters of a value.
    short_value = rf"(?:\"[^\"]{{0,{n}}}+\"|'[^']{{0,{n}}}+'|[^\s>\"'][^\s>]{{0,{n - 1}}}+(?![^\s>]))"
    short = rf"[\s/]*+[^\s/>=]++(?:\s*+=\s*+{short_value})?+"
    long_value = rf"\s*+=\s*+(?:\"[^\"]{{{n + 1}}}|'[^']{{{n + 1}}}|[^\s>\"'][^\s>]{{{n}}})"
    return re.compile(rf"<[a-zA-Z][^\s/>]*+(?:(?:{attribute}){{{max_attributes + 1}}}|(?:{short})*+{long_value})")


def _may_hold_long_value(markup: str, max_chars: int) -> bool:
    """Whether ``markup`` may hold an attribute value longer than ``max_chars``: a quoted one
    needs more characters than that without its quote, an unquoted one without ``>``. Such a
    run holds a whole block of ``max_chars // 2`` characters starting at a multiple of that, so
    a search of each block for the mark, which stops at the first one, is enough (a necessary
    condition: a few :meth:`str.find` calls per page)."""
    if len(markup) <= max_chars:
        return False
    step = max(max_chars // 2, 1)
    starts = range(0, len(markup) - step + 1, step)
    return any(markup.find(mark, start, start + step) < 0 for mark in ('"', "'", ">") for start in starts)


def _rebuild_tag(markup: str, start: int, limits: Limits) -> tuple[str, int, int, int]:
    """The start tag at ``start`` with its first :attr:`Limits.max_attributes` attributes, each
    value cut to :attr:`Limits.max_attribute_chars`: ``(new tag, end of the old one, attributes
    dropped, values cut)``."""
    name = _TAG_NAME.match(markup, start)
    if name is None:  # pragma: no cover - the caller matched a tag here
        return markup[start], start + 1, 0, 0
    kept: list[str] = []
    dropped = cut = 0
    pos = name.end()
    while (attribute := _ATTRIBUTE.match(markup, pos)) is not None and attribute.end() > pos:
        pos = attribute.end()
        if len(kept) >= limits.max_attributes:
            dropped += 1
            continue
        value = attribute.group(2)
        if value is None:
            kept.append(attribute.group(1))
            continue
        quote = value[:1] if value[:1] in ("'", '"') else ""
        inner = value[len(quote) : len(value) - len(quote)]
        if len(inner) > limits.max_attribute_chars:
            inner = inner[: limits.max_attribute_chars]
            cut += 1
        kept.append(f"{attribute.group(1)}={quote}{inner}{quote}")
    rest = _TAG_REST.match(markup, pos)
    end = rest.end() if rest is not None else pos
    return f"<{name.group(1)} {' '.join(kept)}>", end, dropped, cut


def _raw_text(markup: str) -> tuple[list[int], list[int]]:
    """Where each ``<script>`` and ``<style>`` element starts, and where its content ends: one
    pass over the markup."""
    starts: list[int] = []
    ends: list[int] = []
    pos = 0
    while (opening := _RAW_OPEN.search(markup, pos)) is not None:
        closing = _RAW_CLOSE[opening.group(1).lower()].search(markup, opening.end())
        starts.append(opening.start())
        ends.append(closing.start() if closing else len(markup))
        if closing is None:
            break
        pos = closing.end()
    return starts, ends


def _cut_markup(markup: str, limits: Limits) -> tuple[str, list[str]]:
    """``markup`` without what would make libxml2 slow or leak into the text, and a warning for
    each kind of cut: an internal DTD subset (whose ``]>`` the HTML parser reads as text), JSON-LD
    blocks past :attr:`Limits.max_json_ld_chars`, attributes past :attr:`Limits.max_attributes`
    on one element, attribute values past :attr:`Limits.max_attribute_chars`. Linear in the
    markup; returns ``markup`` itself when there is nothing to cut."""
    notes: list[str] = []
    doctype = _DOCTYPE.search(markup, 0, _SNIFF)
    subset = _DOCTYPE_SUBSET.match(markup, doctype.start(), _SNIFF) if doctype else None
    if subset:
        markup = f"{markup[: subset.start()]}<!DOCTYPE{subset.group(1).rstrip()}>{markup[subset.end() :]}"
    pieces: list[str] = []
    pos = dropped_blocks = 0
    # A block longer than the limit needs markup longer than it.
    openings = _JSON_LD_OPEN.finditer(markup) if len(markup) > limits.max_json_ld_chars else ()
    for opening in openings:
        if opening.start() < pos:
            continue
        close = _SCRIPT_CLOSE.search(markup, opening.end())
        if close is None:  # no later block closes either: each would search to the end
            break
        end = close.start()
        if end - opening.end() > limits.max_json_ld_chars:
            pieces += [markup[pos : opening.end()]]
            pos = end
            dropped_blocks += 1
    if dropped_blocks:
        markup = "".join([*pieces, markup[pos:]])
        notes.append(
            f"{dropped_blocks} JSON-LD block(s) longer than {limits.max_json_ld_chars:,} characters were dropped (max_json_ld_chars)"
        )
    long_values = _may_hold_long_value(markup, limits.max_attribute_chars)
    heavy = _heavy_tag(limits.max_attributes, limits.max_attribute_chars if long_values else None)
    pieces = []
    pos = elements = cut_values = 0
    raw: tuple[list[int], list[int]] | None = None
    while (match := heavy.search(markup, pos)) is not None:
        raw = raw or _raw_text(markup)
        inside = bisect.bisect_right(raw[0], match.start()) - 1
        if inside >= 0 and raw[0][inside] < match.start() < raw[1][inside]:
            pos = raw[1][inside]  # code in a script or a style, not a tag
            continue
        tag, end, dropped, cut = _rebuild_tag(markup, match.start(), limits)
        pieces += [markup[pos : match.start()], tag]
        pos = end
        elements += bool(dropped)
        cut_values += cut
    if pieces:
        markup = "".join([*pieces, markup[pos:]])
        if elements:
            notes.append(
                f"{elements} element(s) had more than {limits.max_attributes} attributes; the rest were dropped (max_attributes)"
            )
        if cut_values:
            notes.append(
                f"{cut_values} attribute value(s) longer than {limits.max_attribute_chars:,} characters were cut (max_attribute_chars)"
            )
    return markup, notes


_URL_FORBIDDEN = re.compile(r"[\s<>\"\x00-\x1f\x7f]")


def check_url(url: object) -> str:
    """``url`` without surrounding white space, when it is an absolute ``http`` or ``https`` URL
    with a host; otherwise :class:`~articlekit.InputError` saying why.

    >>> check_url(" https://example.com/a?b=1 ")
    'https://example.com/a?b=1'
    >>> check_url("mailto:desk@example.com")
    Traceback (most recent call last):
    ...
    articlekit.errors.InputError: url must be an absolute http(s) URL such as https://example.com/story, got 'mailto:desk@example.com'
    """
    if not isinstance(url, str):
        raise InputError(f"url must be a str, not {type(url).__name__}")
    clean = url.strip()
    problem = f"url must be an absolute http(s) URL such as https://example.com/story, got {url!r}"
    if _URL_FORBIDDEN.search(clean):
        raise InputError(f"{problem}: it holds a space, a control character, a quote or an angle bracket")
    try:
        parts = urlsplit(clean)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number in range
    except ValueError as exc:
        raise InputError(f"{problem}: {exc}") from exc
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise InputError(problem)
    return clean


def _cut_at(text: str, limit: int, separator: str) -> str:
    """``text`` cut to at most ``limit`` characters, at the last ``separator`` before the limit
    when there is one in its second half."""
    if len(text) <= limit:
        return text
    at = text.rfind(separator, limit // 2, limit)
    return text[: at if at > 0 else limit]

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
    except (LookupError, ValueError):  # ValueError: a name with a NUL
        return None
    if not getattr(codec, "_is_text_encoding", True):  # hex, zlib, rot13: bytes-to-bytes codecs
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
        except (UnicodeError, LookupError):
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
        max_bytes: int | None = None,
        limits: Limits | None = None,
    ) -> None:
        if url is not None:
            url = check_url(url)
        if limits is not None and not isinstance(limits, Limits):
            raise InputError(f"limits must be a Limits, not {type(limits).__name__}")
        limits = limits or DEFAULT_LIMITS
        if max_bytes is not None:
            limits = attrs.evolve(limits, max_input_bytes=max_bytes)
        #: The bounds this document is read within.
        self.limits: Limits = limits
        #: Problems met while reading the document (a compressed stream cut short, text past
        #: :attr:`Limits.max_chars`, markup nested past the parser's depth limit, ...);
        #: :func:`articlekit.parse_document` passes them on as :attr:`Article.warnings`.
        self.warnings: list[str] = []
        #: Whether the HTML parser dropped part of the markup (see :attr:`warnings`).
        self.truncated: bool = False
        if isinstance(source, (bytearray, memoryview)):
            source = bytes(source)
        if not isinstance(source, (str, bytes)):
            raise InputError(f"source must be str or bytes, not {type(source).__name__}")
        if charset is not None and not isinstance(charset, str):
            raise InputError(f"charset must be a str, not {type(charset).__name__}")
        if kind not in (None, "html", "text"):
            raise InputError(f"kind must be 'html' or 'text', got {kind!r}")
        unit = "bytes" if isinstance(source, bytes) else "characters"
        if len(source) > limits.max_input_bytes:
            raise InputTooLargeError(f"the input is {_size(len(source), unit)}; the limit is {_size(limits.max_input_bytes, unit)}")
        if isinstance(source, bytes):
            source = _decompress(source, limits, self.warnings)
            _refuse_binary(source[:_SNIFF])
            text, encoding, exact = _decode(source, charset)
        else:
            _refuse_binary(source[:_SNIFF].encode("latin-1", "replace"))
            text, encoding, exact = source, None, False
        # Exact UTF-8 is the text itself: its bytes are checked without encoding it again.
        removed = 0
        if _utf8_has_controls(source) if isinstance(source, bytes) and exact and encoding == "utf-8" else has_controls(text):
            share = _controls_say_binary(text)
            if share is not None:
                raise InputError(f"the input is not a text document: {share:.0%} of its first characters are control characters")
            # Control characters are not text: they go without a warning (CMS content has strays).
            text, removed = _strip_controls(text)
            if removed:
                exact = False
        #: The input bytes as given (decompressed; ``None`` for ``str`` input).
        self.raw: bytes | None = source if isinstance(source, bytes) else None
        #: The charset hint given by the caller (as an HTTP header would declare it).
        self.charset: str | None = charset
        decoded = text.lstrip("\ufeff")
        #: ``"html"`` or ``"text"``: given, or detected from the text. Normalising line ends at
        #: most halves a text, so its first 8,000 characters hold the 4,000 that
        #: :func:`~articlekit.document.looks_like_html` reads once they are normalised.
        self.kind: DocumentKind = kind or ("html" if looks_like_html(_normalise_line_ends(decoded[:8000])) else "text")
        cut = len(decoded) > limits.max_chars
        if cut:
            exact = False
            decoded = _cut_at(decoded, limits.max_chars, "<" if self.kind == "html" else "\n")
            self.warnings.append(
                f"the document is {_size(len(text), 'characters')}; only the first {_size(len(decoded), 'characters')} "
                "were read (max_chars)"
            )
        #: The decoded input as it came (line ends not yet normalised: see :attr:`text`).
        self._decoded = decoded
        #: Whether :attr:`raw` holds exactly :attr:`text` (nothing removed or cut).
        self._raw_is_text = not (removed or cut)
        #: libxml2 can read the bytes themselves (faster than a wide ``str``): exact UTF-8.
        self._parse_bytes = exact and encoding == "utf-8" and bool(source)
        #: The encoding the bytes were decoded with (``None`` for ``str`` input).
        self.encoding: str | None = encoding
        #: The page's URL, when known (an absolute http(s) URL: see :func:`~articlekit.document.check_url`).
        self.url: str | None = url

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
        if self.raw is not None and self._raw_is_text and self.encoding in _ASCII_SAFE and word.isascii():
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
        markup = self._markup()
        cut, notes = _cut_markup(markup, self.limits)
        self.warnings.extend(notes)
        from_bytes = self._parse_bytes and self.raw is not None and cut is markup
        parser = _html_parser("utf-8" if from_bytes else None)
        try:
            if from_bytes and self.raw is not None:
                # libxml2 normalises line ends itself, and the parser's encoding overrides any
                # declaration in the page, so the bytes give the tree that :attr:`text` would.
                root = lxml.html.document_fromstring(self.raw, parser=parser)
            else:
                root = lxml.html.document_fromstring(cut or "<html></html>", parser=parser)
        except (etree.ParserError, ValueError) as exc:
            try:
                root = lxml.html.document_fromstring("<html><body><pre></pre></body></html>", parser=_html_parser())
                root.find("body")[0].text = cut  # type: ignore[index]
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
