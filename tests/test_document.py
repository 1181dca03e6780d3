"""Decoding bytes: BOM, charset hint, <meta charset>, UTF-8, and undeclared cp1252."""

from __future__ import annotations

import codecs

import pytest

import articlekit
from articlekit.document import Document, decode
from articlekit.plugins import Registry

TEXT = "Café crème — “naïve” déjà vu, 10 €"


def page(body: str, head: str = "") -> str:
    return f"<html><head>{head}<title>T</title></head><body><p>{body}</p></body></html>"


def test_utf8_bom_wins_over_a_wrong_meta() -> None:
    data = codecs.BOM_UTF8 + page(TEXT, '<meta charset="iso-8859-1">').encode("utf-8")
    text, used = decode(data)
    assert used == "utf-8"
    assert TEXT in text
    assert not text.startswith("\ufeff")


def test_utf16_bom() -> None:
    data = codecs.BOM_UTF16_LE + page(TEXT).encode("utf-16-le")
    text, used = decode(data)
    assert used == "utf-16-le"
    assert TEXT in text


def test_meta_charset_declares_windows_1252() -> None:
    data = page(TEXT, '<meta charset="windows-1252">').encode("cp1252")
    text, used = decode(data)
    assert used == "cp1252"
    assert TEXT in text


def test_http_equiv_latin1_is_read_as_cp1252() -> None:
    # Browsers read "iso-8859-1" as windows-1252: the curly quotes and the euro sign survive.
    data = page(TEXT, '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">').encode("cp1252")
    text, used = decode(data)
    assert used == "cp1252"
    assert TEXT in text


def test_charset_hint_is_used_before_the_page_guess() -> None:
    data = page("Привет, мир").encode("koi8-r")
    text, used = decode(data, charset="koi8-r")
    assert used == "koi8-r"
    assert "Привет, мир" in text


def test_undeclared_cp1252_is_not_garbled() -> None:
    data = page(TEXT).encode("cp1252")
    text, used = decode(data)
    assert used == "cp1252"
    assert TEXT in text
    assert "\ufffd" not in text


def test_declared_utf8_but_cp1252_bytes_falls_back() -> None:
    data = page(TEXT, '<meta charset="utf-8">').encode("cp1252")
    text, _ = decode(data)
    assert TEXT in text


def test_declared_cp1252_but_utf8_bytes_stays_utf8() -> None:
    data = page(TEXT, '<meta charset="windows-1252">').encode("utf-8")
    text, used = decode(data)
    assert used == "utf-8"
    assert TEXT in text


def test_unknown_charset_label_is_ignored() -> None:
    data = page(TEXT, '<meta charset="no-such-charset">').encode("utf-8")
    text, used = decode(data, charset="also-unknown")
    assert used == "utf-8"
    assert TEXT in text


@pytest.mark.parametrize("encoding", ["utf-8", "cp1252"])
def test_parse_bytes_gives_the_same_body_whatever_the_encoding(encoding: str) -> None:
    body = " ".join([TEXT] * 8)
    article = articlekit.parse(page(body).encode(encoding), url="https://example.com/a")
    assert article.paragraphs == (body,)


def test_entities_are_unescaped_once() -> None:
    article = articlekit.parse(
        page("Fish &amp; chips &amp;amp; peas &eacute;t&eacute; " * 5), url="https://example.com/"
    )
    assert "Fish & chips &amp; peas été" in article.text


def test_document_text_is_decoded_once() -> None:
    doc = Document(page(TEXT).encode("cp1252"))
    assert doc.encoding == "cp1252"
    assert doc.tree is doc.tree  # parsed once, cached


@pytest.mark.parametrize("source", ["Title\r\n\r\nBody one\rBody two\n", b"Title\r\n\r\nBody one\rBody two\n"])
def test_line_ends_are_normalised_in_the_text(source: str | bytes) -> None:
    doc = Document(source)
    assert doc.text == "Title\n\nBody one\nBody two\n"
    assert doc.kind == "text"
    assert not doc.blank


@pytest.mark.parametrize(("source", "blank"), [("", True), (" \r\n\t\u00a0", True), (b"\xef\xbb\xbf  \n", True), ("\ufeffx", False)])
def test_blank_input(source: str | bytes, blank: bool) -> None:
    assert Document(source).blank is blank


def test_kind_is_read_from_the_head_of_the_normalised_text() -> None:
    # Tags past the first 4,000 characters do not count, however many carriage returns come first.
    text = "plain words\r\n" * 700 + "<p>a</p><div>b</div><span>c</span>" * 50
    assert Document(text).kind == "text"
    assert Document(text.replace("\r\n", "\n")).kind == "text"
    assert Document("<p>a</p><div>b</div><span>c</span>\r\n" * 50).kind == "html"


def test_mostly_utf8_with_stray_cp1252_bytes_reads_both_right() -> None:
    # UTF-8 text into which one windows-1252 quote was pasted.
    data = page("Zoë Mercier runs Le Petit Déjà, said “les terrasses” ").encode("utf-8")
    data = data.replace(b"said", b"said \x93yes\x94")
    text, used = decode(data)
    assert used == "utf-8"
    assert "Zoë Mercier runs Le Petit Déjà, said “yes” “les terrasses”" in text


def test_cp1252_page_with_few_accents_is_not_taken_for_utf8() -> None:
    data = page("Caf\u00e9 cr\u00e8me and na\u00efve").encode("cp1252")
    text, used = decode(data)
    assert used == "cp1252"
    assert "Café crème and naïve" in text


def test_markup_nested_past_the_depth_limit_is_reported_and_its_text_kept() -> None:
    words = "Nested words that must not vanish. " * 20
    page = "<html><head><title>Deep</title></head><body>" + "<div>" * 2000 + words + "</div>" * 2000 + "</body></html>"
    document = Document(page)
    assert document.tree is not None
    assert document.truncated
    article = articlekit.parse(page, registry=Registry(entry_points=False))
    assert article.title == "Deep"
    assert article.text.split() == words.split()
    assert any("nested too deeply" in warning for warning in article.warnings)


def test_ordinary_markup_is_not_truncated() -> None:
    document = Document("<html><body>" + "<div>" * 100 + "<p>Fine.</p>" + "</div>" * 100 + "</body></html>")
    assert document.tree is not None
    assert not document.truncated
    assert document.warnings == []


@pytest.mark.parametrize(
    ("source", "charset"),
    [
        ("<p>Café paywall</p>".encode(), None),
        ("<p>Café paywall</p>".encode("cp1252"), "cp1252"),
        ("<p>Café paywall</p>".encode("utf-16"), None),
        ("<p>カフェ paywall</p>".encode("shift_jis"), "shift_jis"),
        ("<p>Café paywall</p>", None),
    ],
)
def test_mentions_finds_words_whatever_the_encoding(source: str | bytes, charset: str | None) -> None:
    doc = Document(source, charset=charset)
    assert doc.mentions("paywall")
    assert doc.mentions("<p>")
    assert not doc.mentions("Paywall")
    assert not doc.mentions("absent")


def test_mentions_reads_non_ascii_words_in_the_text() -> None:
    assert Document("<p>Café</p>".encode()).mentions("Café")


@pytest.mark.parametrize(
    "page",
    [
        "<html><body><p>Line one\r\nline two\rline three é</p><pre>a\r\n  b</pre></body></html>",
        '<?xml version="1.0" encoding="iso-8859-1"?><html><body><p>Café au lait</p></body></html>',
        '<html><head><meta charset="windows-1252"></head><body><p>Naïve “quotes”</p></body></html>',
        "<html><body><p>Emoji 🌧 and 中文</p></body></html>",
    ],
)
def test_tree_from_utf8_bytes_is_the_tree_of_the_decoded_text(page: str) -> None:
    from_bytes = Document(page.encode("utf-8")).tree
    from_text = Document(page).tree
    assert [(e.tag, e.text, e.tail) for e in from_bytes.iter()] == [(e.tag, e.text, e.tail) for e in from_text.iter()]
