"""Hostile input (issue 14): non-documents refused, compressed bodies read within limits, control
characters kept out of the output, the cost of pathological markup bounded, bad URLs refused, and
nothing but an :class:`~articlekit.ArticlekitError` escaping the public API or the command line.

Every input here is written by hand: file headers, markup and prose.
"""

from __future__ import annotations

import asyncio
import contextlib
import gzip
import io
import json
import struct
import tempfile
import zlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import articlekit
from articlekit import Article, Document, InputError, InputTooLargeError, Limits
from articlekit.cli import main
from articlekit.document import _cut_markup, _heavy_tag, _may_hold_long_value, check_url, clean_controls
from articlekit.extract.quotes import extract_quotes
from articlekit.parsers import enrich
from articlekit.plugins import Registry

from .conftest import growth

PROSE = (
    "The harbour board met on Tuesday and agreed to keep the night ferry running through the "
    "winter, after residents of the outer islands asked for a later crossing."
)
QUOTED = "“We cannot leave the islands without a late boat,” said Marta Quist, who chairs the board."


def page(body: str = f"<p>{PROSE}</p><p>{QUOTED}</p>", head: str = "") -> str:
    return f"<html><head><title>Night ferry stays</title>{head}</head><body><article>{body}</article></body></html>"


def registry() -> Registry:
    return Registry(entry_points=False)


# -- non-documents ------------------------------------------------------------------------------


def _zip_header() -> bytes:
    # A local file header of a .docx (word/document.xml), as a ZIP archive starts.
    name = b"word/document.xml"
    return b"PK\x03\x04" + struct.pack("<5H3I2H", 20, 0, 8, 0, 0, 0, 10, 20, len(name), 0) + name + bytes(10)


BINARIES = {
    "png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00",
    "jpeg": b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00",
    "gif": b"GIF89a\x10\x00\x10\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!",
    "pdf": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n",
    "zip (docx)": _zip_header(),
    "ole2 (doc)": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(24),
    "elf": b"\x7fELF\x02\x01\x01\x00" + bytes(8) + b"\x02\x00\x3e\x00\x01\x00\x00\x00" + bytes(40),
    "mach-o": b"\xcf\xfa\xed\xfe\x07\x00\x00\x01\x03\x00\x00\x00",
    "windows exe": b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + bytes(48),
    "7z": b"7z\xbc\xaf\x27\x1c\x00\x04" + bytes(24),
    "webp": b"RIFF\x24\x00\x00\x00WEBPVP8 \x18\x00\x00\x00",
    "mp4": b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom",
    "wasm": b"\x00asm\x01\x00\x00\x00",
    "gzipped png": gzip.compress(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(32), mtime=0),
    "no magic, mostly control bytes": bytes(range(256)) * 8,
    "utf-8 text with a binary block": ("A few words first.\n" + "\x00\x01\x02\x03 " * 400).encode(),
}


@pytest.mark.parametrize("data", BINARIES.values(), ids=BINARIES.keys())
def test_a_binary_file_is_refused_with_one_clear_line(data: bytes) -> None:
    with pytest.raises(InputError, match="not a text document"):
        articlekit.parse(data, registry=registry())


@pytest.mark.parametrize("text", ["BZh is what the old sign said.\n\nIt is gone.", "ftyp and ustar are just words here.\n\nFine."])
def test_text_that_starts_like_a_weak_magic_number_is_text(text: str) -> None:
    assert articlekit.parse(text.encode(), registry=registry()).paragraphs


def test_binary_is_refused_at_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "picture.html"
    path.write_bytes(BINARIES["png"])
    assert main(["parse", str(path)], stdout=io.StringIO()) == 1
    err = capsys.readouterr().err
    assert err.strip() == "articlekit: error: the input is not a text document: it is a PNG image"


# -- compressed bodies -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "compress",
    [
        lambda data: gzip.compress(data, mtime=0),
        zlib.compress,
        # Two gzip members one after the other (what concatenated crawl records give).
        lambda data: gzip.compress(data[:40], mtime=0) + gzip.compress(data[40:], mtime=0),
    ],
    ids=["gzip", "zlib", "gzip, two members"],
)
def test_a_compressed_page_reads_like_the_page(compress: object) -> None:
    data = page().encode()
    plain = articlekit.parse(data, registry=registry())
    assert callable(compress)
    packed = articlekit.parse(compress(data), registry=registry())
    assert packed == plain
    assert packed.paragraphs == (PROSE, QUOTED)


def test_a_gzip_stream_cut_short_keeps_its_text_and_says_so() -> None:
    padding = "<!-- " + " ".join(f"{i * 7919:x}" for i in range(500)) + " -->"
    data = gzip.compress((page() + padding).encode(), mtime=0)
    article = articlekit.parse(data[: len(data) - 30], registry=registry())
    assert article.paragraphs == (PROSE, QUOTED)
    assert any("cut short" in warning for warning in article.warnings)


def test_a_decompression_bomb_is_refused() -> None:
    bomb = gzip.compress(b"<p>" + b"a" * 5_000_000, mtime=0)
    assert len(bomb) * 100 < 5_000_000
    with pytest.raises(InputError, match="decompression bomb"):
        articlekit.parse(bomb)


def test_decompression_stops_at_the_size_limit() -> None:
    data = gzip.compress(page(f"<p>{PROSE}</p>" * 20).encode(), mtime=0)
    with pytest.raises(InputTooLargeError, match=r"expands past the limit of 1\.0 KiB"):
        Document(data, max_bytes=1024)


def test_a_damaged_gzip_body_is_refused() -> None:
    with pytest.raises(InputError, match="gzip-compressed but cannot be decompressed"):
        articlekit.parse(b"\x1f\x8b\x08\x00" + b"not deflate at all" * 3)


def test_text_that_looks_like_a_zlib_header_is_text() -> None:
    # "x^" is a valid zlib header; the bytes after it are not a stream, so this is text.
    article = articlekit.parse(b"x^2 grows faster than x\n\nThe second paragraph says why.", registry=registry())
    assert article.paragraphs[-1] == "The second paragraph says why."


# -- control characters ------------------------------------------------------------------------


def _strings(article: Article) -> list[str]:
    found: list[str] = []

    def walk(value: object) -> None:
        if isinstance(value, str):
            found.append(value)
        elif isinstance(value, (list, tuple)):
            for item in value:
                walk(item)
        elif isinstance(value, dict):
            for key, item in value.items():
                walk(key)
                walk(item)

    walk(articlekit.to_dict(article))
    return found


def _has_controls(article: Article) -> bool:
    return any((ch < " " and ch not in "\t\n\r") or "\x7f" <= ch <= "\x9f" for s in _strings(article) for ch in s)


@pytest.mark.parametrize(
    "source",
    [
        page(f"<p>{PROSE}\x00</p><p>Nul\x00 in a wo\x00rd and an escape \x1b[1m here.</p>").encode(),
        page(f"<p>{PROSE}\x00</p><p>Nul\x00 in a wo\x00rd and an escape \x1b[1m here.</p>"),
        page(f"<p>{PROSE}&#0;</p><p>Character references &#1;&#x1b;&#x7f; and &#x93;curly&#x94;.</p>"),
        page(
            f"<p>{PROSE}</p>",
            '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Head\\u0000line",'
            ' "author": {"name": "Ana\\u0007 Lima"}, "url": "https://news.example/a\\u0000b"}</script>',
        ),
        "Title\x00 with a NUL\n\nby Ana Lima\n\nBody with \x0c a form feed and a \ud800 lone surrogate.",
    ],
    ids=["utf-8 bytes", "str", "character references", "json-ld escapes", "plain text"],
)
def test_no_control_character_reaches_the_output(source: str | bytes) -> None:
    article = articlekit.parse(source, registry=registry())
    assert not _has_controls(article)
    assert "\x00" not in articlekit.to_json(article)
    articlekit.to_json(article).encode("utf-8")  # no lone surrogate either
    assert articlekit.from_json(articlekit.to_json(article)) == article


def test_a_nul_inside_a_word_is_removed_not_turned_into_a_space() -> None:
    article = articlekit.parse(page(f"<p>{PROSE}</p><p>The wo\x00rd stays whole.</p>").encode(), registry=registry())
    assert "The word stays whole." in article.paragraphs


def test_c1_character_references_read_as_windows_1252() -> None:
    article = articlekit.parse(page(f"<p>{PROSE} She said &#x93;yes&#x94;.</p>"), registry=registry())
    assert "She said “yes”." in article.text


def test_clean_controls_keeps_length_so_spans_stay_valid() -> None:
    text = "a\x00b\x1bc\x85d\ud800e\x0cf\tg\nh"
    cleaned = clean_controls(text)
    assert len(cleaned) == len(text)
    assert cleaned == "a\ufffdb\ufffdc…d\ufffde f\tg\nh"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.one_of(st.sampled_from([PROSE, "“Fine,” said Ana Lima.", "<p>", "</p>", "&#0;", "&#x9d;", "\n\n"]), st.characters()),
        max_size=40,
    )
)
def test_any_mix_of_controls_and_text_gives_clean_output_or_a_refusal(pieces: list[str]) -> None:
    source = "".join(pieces)
    try:
        article = articlekit.parse(source, registry=registry())
    except articlekit.ArticlekitError:
        return
    assert not _has_controls(article)


# -- pathological markup -----------------------------------------------------------------------


def _attributes(count: int, value: str = "x") -> str:
    return " ".join(f'data-a{i}="{value}"' for i in range(count))


@pytest.mark.parametrize(
    "tag",
    [
        f"<p {_attributes(5000)}>",
        "<p " + " ".join(f"a{i}=x" for i in range(5000)) + ">",
        "<p " + "".join(f'a{i}="v"' for i in range(5000)) + ">",  # no space between attributes
        "<p " + " ".join(f"a{i}='>'" for i in range(5000)) + ">",  # '>' inside the values
        "<p " + " ".join(f"a{i}" for i in range(5000)) + ">",  # names without values
    ],
    ids=["quoted", "unquoted", "no spaces", "angle brackets in values", "bare names"],
)
def test_an_attribute_storm_is_cut_before_lxml_sees_it(tag: str) -> None:
    markup = page(f"<p>{PROSE}</p>{tag}{QUOTED}</p>")
    cut, notes = _cut_markup(markup, Limits())
    assert len(cut) < len(markup) / 5
    assert notes == ["1 element(s) had more than 128 attributes; the rest were dropped (max_attributes)"]
    article = articlekit.parse(markup, registry=registry())
    assert article.paragraphs == (PROSE, QUOTED)
    assert notes[0] in article.warnings


def test_an_ordinary_element_with_many_attributes_is_left_alone() -> None:
    markup = page(f'<p {_attributes(100)}>{PROSE}</p><img src="/a.png" alt="a &quot;b&quot;" data-x=\'{{"k": 1}}\'>')
    cut, notes = _cut_markup(markup, Limits())
    assert cut is markup
    assert notes == []


def test_what_looks_like_a_tag_in_a_script_or_style_is_left_alone() -> None:
    code = "for (var i = 0; i<n.length; i++) { " + " ".join(f"x{i} = a{i} + b{i};" for i in range(300)) + " }"
    style = "a<b " + " ".join(f".c{i}" for i in range(300)) + " { color: red }"
    markup = page(f"<p>{PROSE}</p><script>{code}</script><style>{style}</style><p>{QUOTED}</p>")
    cut, notes = _cut_markup(markup, Limits())
    assert cut is markup
    assert notes == []


def test_a_huge_attribute_value_is_cut() -> None:
    markup = page(f'<p class="{"lead " * 60_000}">{PROSE}</p><p data-x={"v" * 300_000}>{QUOTED}</p>')
    article = articlekit.parse(markup, registry=registry())
    assert article.paragraphs == (PROSE, QUOTED)
    assert "2 attribute value(s) longer than 262,144 characters were cut (max_attribute_chars)" in article.warnings


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="<p a=\"'> \nxé", max_size=80), st.integers(min_value=1, max_value=12))
def test_the_quick_test_for_long_values_never_misses_one(markup: str, max_chars: int) -> None:
    # Markup the quick test clears holds no value longer than the limit: the search that looks
    # for long values finds nothing there either.
    if not _may_hold_long_value(markup, max_chars):
        assert _heavy_tag(1000, max_chars).search(markup) is None


def test_an_attribute_storm_costs_work_in_proportion() -> None:
    # Work counted, not timed: the cut markup grows with the page's text, not with its attributes.
    small, big = (page(f"<p {_attributes(n)}>{PROSE}</p>") for n in (2_000, 8_000))
    assert len(_cut_markup(small, Limits())[0]) == len(_cut_markup(big, Limits())[0])


def test_a_huge_json_ld_block_is_dropped_and_a_small_one_read() -> None:
    data = {"@type": "NewsArticle", "headline": "From JSON-LD", "articleBody": PROSE}
    small = page(f"<p>{PROSE}</p>", f'<script type="application/ld+json">{json.dumps(data)}</script>')
    assert articlekit.parse(small, registry=registry()).warnings == ()
    limits = Limits(max_json_ld_chars=100)
    article = articlekit.parse(small, registry=registry(), limits=limits)
    assert "1 JSON-LD block(s) longer than 100 characters were dropped (max_json_ld_chars)" in article.warnings
    assert article.paragraphs == (PROSE,)


def test_an_internal_dtd_subset_does_not_leak_into_the_text() -> None:
    markup = '<!DOCTYPE html [\n  <!ENTITY ferry "night ferry">\n]>\n' + page()
    article = articlekit.parse(markup, registry=registry())
    assert article.paragraphs == (PROSE, QUOTED)
    assert "]>" not in article.text


def test_text_past_max_chars_is_cut_at_a_tag_with_a_warning() -> None:
    markup = page("".join(f"<p>{i}. {PROSE}</p>" for i in range(40)))
    article = articlekit.parse(markup, registry=registry(), limits=Limits(max_chars=2_000))
    assert 5 <= len(article.paragraphs) < 40
    assert all(p.endswith(PROSE) for p in article.paragraphs)
    assert any("were read (max_chars)" in warning for warning in article.warnings)


def test_plain_text_past_max_chars_is_cut_at_a_line() -> None:
    text = "Title\n\n" + "\n\n".join(f"{i}. {PROSE}" for i in range(40))
    article = articlekit.parse(text, registry=registry(), limits=Limits(max_chars=2_000))
    assert all(p.endswith(PROSE) for p in article.paragraphs)
    assert any("max_chars" in warning for warning in article.warnings)


def test_quote_extraction_is_given_at_most_max_quote_chars(monkeypatch: pytest.MonkeyPatch) -> None:
    given_chars: list[int] = []
    real = extract_quotes

    def counting(text: str, **kwargs: object) -> tuple[articlekit.Quote, ...]:
        given_chars.append(len(text))
        return real(text, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(enrich, "extract_quotes", counting)  # the name the enricher calls
    body = "\n\n".join([QUOTED] * 50)
    article = articlekit.parse("Title\n\n" + body, registry=registry(), limits=Limits(max_quote_chars=1_000))
    assert given_chars
    assert given_chars[0] <= 1_000
    assert 1 <= len(article.quotes) < 50
    assert any("max_quote_chars" in warning for warning in article.warnings)
    storm = "“a ”" * 100_000
    articlekit.parse(storm, registry=registry())
    assert given_chars[-1] <= Limits().max_quote_chars


@pytest.mark.parametrize("bad", [0, -1, 1.5, "10", True])
def test_limits_must_be_positive_integers(bad: object) -> None:
    with pytest.raises(InputError, match="positive integer"):
        Limits(max_chars=bad)  # type: ignore[arg-type]


def test_the_size_error_gives_a_unit() -> None:
    with pytest.raises(InputTooLargeError, match=r"the input is 2.0 KiB \(2,048 bytes\); the limit is 1.0 KiB"):
        Document(b"x" * 2048, max_bytes=1024)
    with pytest.raises(InputTooLargeError, match="2,048 characters; the limit is 1,024 characters"):
        Document("x" * 2048, max_bytes=1024)


def test_parse_file_refuses_a_large_file_with_a_unit(tmp_path: Path) -> None:
    path = tmp_path / "big.html"
    path.write_bytes(b"x" * 3000)
    with pytest.raises(InputTooLargeError, match=r"2.9 KiB \(3,000 bytes\); the limit is 1.0 KiB"):
        articlekit.parse_file(path, limits=Limits(max_input_bytes=1024))


# -- URLs --------------------------------------------------------------------------------------

BAD_URLS = [
    "notaurl",
    "javascript:alert(1)",
    "data:text/html,<p>x</p>",
    "//news.example/story",
    "/story",
    "mailto:desk@news.example",
    "ftp://news.example/story",
    "https://news.example/a story",
    "https://news.example/\x00",
    "http://[::1",
    "https://news.example:99999/",
    "https:///story",
    "",
]


@pytest.mark.parametrize("url", BAD_URLS)
def test_a_bad_url_is_an_input_error(url: str) -> None:
    with pytest.raises(InputError, match="absolute http"):
        articlekit.parse(page(), url=url, registry=registry())
    with pytest.raises(InputError):
        asyncio.run(articlekit.parse_async(page(), url=url, registry=registry()))


def test_a_bad_url_is_refused_even_when_the_page_has_a_canonical_link() -> None:
    head = '<link rel="canonical" href="https://news.example/night-ferry">'
    with pytest.raises(InputError):
        articlekit.parse(page(head=head), url="notaurl", registry=registry())


@pytest.mark.parametrize("url", ["https://news.example/a?b=1#c", "HTTP://NEWS.EXAMPLE", " https://news.example/x\n", "http://10.0.0.1:8080/a"])
def test_a_good_url_is_accepted(url: str) -> None:
    assert check_url(url) == url.strip()
    assert articlekit.parse(page(), url=url, registry=registry()).url == url.strip()


def test_bad_url_at_the_command_line_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "a.html"
    path.write_text(page())
    for url in ("notaurl", "javascript:x", "//host/x"):
        assert main(["parse", str(path), "--url", url], stdout=io.StringIO()) == 2
        err = capsys.readouterr().err
        assert err.startswith("articlekit: error: --url:")
        assert "internal error" not in err


# -- links, parsers ----------------------------------------------------------------------------


def test_relative_links_resolve_against_the_canonical_url_without_a_url() -> None:
    head = '<link rel="canonical" href="https://news.example/ferry/night">'
    body = f'<p>{PROSE}</p><p>The <a href="/ferry/timetable">winter timetable</a> is online. {QUOTED}</p>'
    article = articlekit.parse(page(body, head), registry=registry())
    assert [link.url for link in article.links_of("inline")] == ["https://news.example/ferry/timetable"]
    assert not any("relative links" in warning for warning in article.warnings)


def test_relative_links_without_any_base_are_reported() -> None:
    body = f'<p>{PROSE}</p><p>The <a href="/ferry/timetable">winter timetable</a> is online. {QUOTED}</p>'
    article = articlekit.parse(page(body), registry=registry())
    assert article.links_of("inline") == ()
    assert any("relative links were left out" in warning for warning in article.warnings)
    absolute = articlekit.parse(page(body.replace("/ferry", "https://news.example/ferry")), registry=registry())
    assert not any("relative links" in warning for warning in absolute.warnings)


def test_forcing_the_text_parser_on_html_warns() -> None:
    article = articlekit.parse(page(), parser="text", registry=registry())
    assert any("reads text documents but this one is html" in warning for warning in article.warnings)
    assert not any("reads" in warning for warning in articlekit.parse(page(), parser="html", registry=registry()).warnings)


# -- nothing but ArticlekitError escapes -------------------------------------------------------

_sources = st.one_of(
    st.binary(max_size=300),
    st.text(max_size=300),
    st.sampled_from([page(), page().encode("utf-16"), gzip.compress(page().encode(), mtime=0), b"\x1f\x8b", BINARIES["png"]]),
    st.builds(lambda s: page(f"<p>{s}</p>"), st.text(max_size=200)),
    st.sampled_from([None, 42, 3.5, ["a"], bytearray(b"<p>x</p>"), memoryview(b"Title\n\nBody.")]),
)
_urls = st.one_of(st.none(), st.text(max_size=40), st.sampled_from(["https://news.example/a", *BAD_URLS, 7]))
_parsers = st.one_of(st.none(), st.sampled_from(["html", "text", "no-such-parser", "", 3, ["html"]]), st.text(max_size=10))
_charsets = st.one_of(
    st.none(),
    st.sampled_from(["utf-8", "koi8-r", "utf-16", "no-such", "", "base64", "rot13", "idna", "utf-7", "a\x00b", 8]),
    st.text(max_size=12),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(source=_sources, url=_urls, parser=_parsers, charset=_charsets, enrich_=st.booleans())
def test_the_public_api_raises_only_articlekit_errors(source: object, url: object, parser: object, charset: object, enrich_: bool) -> None:
    try:
        article = articlekit.parse(source, url=url, parser=parser, charset=charset, enrich=enrich_, registry=registry())  # type: ignore[arg-type]
    except articlekit.ArticlekitError:
        pass
    else:
        assert articlekit.from_json(articlekit.to_json(article)) == article
        assert not _has_controls(article)
    with contextlib.suppress(articlekit.ArticlekitError):
        Document(source, url=url, charset=charset).kind  # type: ignore[arg-type]  # noqa: B018
    with contextlib.suppress(articlekit.ArticlekitError):
        articlekit.parse_document(source, parser=parser, registry=registry())  # type: ignore[arg-type]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=st.text(max_size=200),
    data=st.one_of(st.text(max_size=100), st.binary(max_size=100), st.integers(), st.none(), st.lists(st.integers(), max_size=3)),
)
def test_reading_files_and_json_raises_only_articlekit_errors(text: str, data: object) -> None:
    with contextlib.suppress(articlekit.ArticlekitError):
        articlekit.from_json(text)
    with contextlib.suppress(articlekit.ArticlekitError):
        articlekit.from_dict(data)  # type: ignore[arg-type]
    with contextlib.suppress(articlekit.ArticlekitError):
        articlekit.parse_file(text, registry=registry())


_options = st.lists(
    st.one_of(
        st.tuples(st.just("--url"), _urls.filter(lambda u: isinstance(u, str))),
        st.tuples(st.just("--charset"), _charsets.filter(lambda c: isinstance(c, str))),
        st.tuples(st.just("--indent"), st.one_of(st.integers(-5, 40).map(str), st.text(max_size=4))),
        st.tuples(st.just("--parser"), _parsers.filter(lambda p: isinstance(p, str))),
        st.tuples(st.just("--format"), st.sampled_from(["json", "text", "markdown", "yaml"])),
        st.tuples(st.just("--no-enrich")),
    ),
    max_size=4,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(content=_sources.filter(lambda s: isinstance(s, (str, bytes))), options=_options)
def test_the_command_line_answers_with_an_exit_code_and_one_line(content: str | bytes, options: list[tuple[str, ...]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "input"
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8", "surrogatepass"))
        argv = ["parse", str(path), *(part for option in options for part in option)]
        err = io.StringIO()
        with contextlib.redirect_stderr(err):
            try:
                code = main(argv, stdout=io.StringIO())
            except SystemExit as exit_info:  # argparse's usage errors
                code = int(exit_info.code or 0)
    assert code in (0, 1, 2)
    assert "internal error" not in err.getvalue()
    assert "Traceback" not in err.getvalue()
    if code == 1:
        assert len(err.getvalue().strip().splitlines()) == 1


# -- growth: time for n and 4n in the same test, a generous bound on the ratio -------------------


def test_a_bare_url_with_a_long_tail_of_brackets_costs_linear_time() -> None:
    from articlekit.extract.links import find_bare_urls

    assert growth(lambda n: list(find_bare_urls("see https://news.example/x" + ")" * n)), 50_000) < 10


def test_unclosed_scripts_cost_linear_time_in_the_last_resort() -> None:
    from articlekit.api import _last_resort

    def run(n: int) -> None:
        _last_resort(Document(f"<html><body><p>{PROSE}</p>" + "<script " * n + "</body></html>", kind="html"))

    assert growth(run, 100_000) < 10


def test_attribute_storms_cost_linear_time_before_the_parser() -> None:
    assert growth(lambda n: _cut_markup(page("<p " + " ".join(f"a{i}='>'" for i in range(n)) + ">x</p>"), Limits()), 20_000) < 10
