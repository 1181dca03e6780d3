"""The benchmark scorer (hermetic) and the quality gate over the shared corpora (skipped without them)."""

from __future__ import annotations

import datetime as dt
import gzip
import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

from .conftest import ROOT, require_shared


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"articlekit_benchmarks_{name}", ROOT / "benchmarks" / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


gate = _load("gate")  # puts benchmarks/ on sys.path, so its `score` module is importable
score = sys.modules["score"]


# --------------------------------------------------------------------------- scorer


def test_tokens_lowercase_words_and_single_cjk_characters() -> None:
    assert score.tokens("Ça va? NO_WAY — 3.5%") == ["ça", "va", "no", "way", "3", "5"]
    assert score.tokens("北京欢迎你 ok") == ["北", "京", "欢", "迎", "你", "ok"]
    assert score.tokens("") == []
    assert score.tokens(None) == []


def test_body_scores_are_bag_of_token_overlap() -> None:
    prf = score.body_scores("a a b c", "a b b d")
    # common multiset {a, b}: 2 of 4 predicted, 2 of 4 reference
    assert (prf.precision, prf.recall, prf.f1) == (0.5, 0.5, 0.5)
    assert score.body_scores("", "a b").f1 == 0.0
    assert score.body_scores("x y", "a b").f1 == 0.0
    reference = score.strip_list_markers("- One.\n\n1. Two | three\n10) four")
    assert score.body_scores("One. Two three four", reference).f1 == 1.0


def test_title_match_normalises_space_and_quotes_but_keeps_case() -> None:
    assert score.title_match("  \u201cWhy\u201d  it\u2019s  \u2013 so\n", '"Why" it\'s - so')
    assert not score.title_match("why it's so", "Why it's so")
    assert not score.title_match(None, "Anything")


def test_byline_f1_ignores_by_and_connectives() -> None:
    assert score.byline_f1(["Jane Doe", "John Smith"], "By Jane Doe and John Smith") == 1.0
    assert score.byline_f1([], "Jane Doe") == 0.0
    assert score.byline_f1(["Jane Doe"], "Jane Doe, John Smith") == pytest.approx(2 / 3)


def test_same_day_as_written_or_in_utc() -> None:
    assert score.same_day(dt.date(2015, 3, 17), "2015-03-17T16:27:40.294Z")
    assert score.same_day("Tue, 17 Mar 2015 23:10:00 -0500", "2015-03-18T04:10:00Z")
    assert not score.same_day(dt.date(2015, 3, 16), "2015-03-17")
    assert not score.same_day(None, "2015-03-17")
    assert not score.same_day("not a date", "2015-03-17")


def test_site_name_and_description_matches() -> None:
    assert score.site_name_match("www.Example.com", "example.com")
    assert not score.site_name_match("", "Example")
    assert score.description_match(" A  short\nsummary. ", "a short summary.")
    assert not score.description_match("A short summary", "Another summary")


def test_html_text_separates_blocks() -> None:
    text = score.html_text("<div><p>one</p><p>two<b>three</b></p><ul><li>four</li><li>five</li></ul></div>")
    assert score.tokens(text) == ["one", "twothree", "four", "five"]


def test_summarise_skips_unscored_pages() -> None:
    rows = [
        {"precision": 1.0, "recall": 1.0, "f1": 1.0, "title": None, "byline": 0.5},
        {"precision": 0.0, "recall": 0.0, "f1": 0.0, "title": 1.0, "byline": None},
    ]
    summary = score.summarise(rows)
    assert summary.means["f1"] == 50.0
    assert summary.means["title"] == 100.0
    assert summary.means["byline"] == 50.0
    assert summary.counts["title"] == 1


def _write_page(folder: Path, source: str, expected: str, metadata: dict[str, object]) -> None:
    folder.mkdir(parents=True)
    (folder / "source.html").write_text(source, encoding="utf-8")
    (folder / "expected.html").write_text(expected, encoding="utf-8")
    (folder / "expected-metadata.json").write_text(json.dumps(metadata), encoding="utf-8")


def test_load_corpus_reads_references_and_fails_loudly(tmp_path: Path) -> None:
    with pytest.raises(score.CorpusMissing):
        score.load_corpus("readability", tmp_path)
    corpus = tmp_path / "corpora" / "readability-pages"
    _write_page(
        corpus / "meta-description",
        '<html><head><meta name="description" content="The  summary."></head><body><p>Body.</p></body></html>',
        "<div><p>Body text</p><p>here.</p></div>",
        {"title": "T", "byline": None, "excerpt": "The summary.", "publishedTime": "2020-01-02"},
    )
    _write_page(
        corpus / "excerpt-from-body",
        "<html><body><p>First paragraph.</p></body></html>",
        "<div><p>First paragraph.</p></div>",
        {"title": "U", "excerpt": "First paragraph.", "siteName": ""},
    )
    pages = {page.name: page for page in score.load_corpus("readability", tmp_path)}
    described = pages["meta-description"]
    assert score.tokens(described.body) == ["body", "text", "here"]
    assert (described.title, described.byline, described.published) == ("T", None, "2020-01-02")
    assert described.description == "The summary."
    # an excerpt that is not the page's own meta description is not scored
    assert pages["excerpt-from-body"].description is None
    assert pages["excerpt-from-body"].site_name is None
    row = score.score_page(described, score.Extraction(text="Body text here.", title="T", published="2020-01-02"))
    assert row["f1"] == 1.0
    assert row["title"] == 1.0
    assert row["date"] == 1.0
    assert row["description"] == 0.0
    assert row["byline"] is None


def test_errata_correct_only_titles_and_bylines_each_with_a_reason(tmp_path: Path) -> None:
    raw = json.loads(score.ERRATA.read_text(encoding="utf-8"))
    for corpus, pages in raw.items():
        if corpus == "about":
            continue
        assert corpus in score.CORPORA
        for page, fixes in pages.items():
            for name, fix in fixes.items():
                assert name in score.CORRECTABLE, (page, name)
                assert fix["why"].strip(), (page, name)
                assert fix["value"] is None or fix["value"].strip(), (page, name)
    page = score.Page("readability", "p", b"", None, "", title="Story - Site", byline="Last updated today")
    fixed = score.corrected(page, {"readability": {"p": {"title": "Story", "byline": None}}})
    assert (fixed.title, fixed.byline, fixed.body) == ("Story", None, "")
    assert score.corrected(page, {}) is page
    bad = tmp_path / "errata.json"
    bad.write_text(json.dumps({"readability": {"p": {"date": {"value": "x", "why": "y"}}}}), encoding="utf-8")
    with pytest.raises(ValueError, match="only"):
        score.load_errata(bad)


def test_snippets_are_whitespace_normalised_substrings_pooled_over_snippets() -> None:
    text = "Der Rat  tagte am\nMontag.\u00a0Danach: Kaffee."
    assert score.snippet_counts(text, ["Rat tagte am Montag.", "rat tagte", "Danach:"], ["Impressum", "Kaffee"]) == (
        2,
        1,
    )
    assert score.snippet_counts("", ["a"], ["b"]) == (0, 1)
    assert score.snippet_counts(None, [], []) == (0, 0)
    page = score.Page("trafilatura-eval", "0001", b"", None, None, with_snippets=("a b", "c"), without_snippets=("z",))
    row = score.score_page(page, score.Extraction(text="a  b z"))
    assert (row["with"], row["without"], row["with_n"], row["without_n"]) == (0.5, 0.0, 2.0, 1.0)
    assert row["f1"] is None  # no reference body: not scored
    other = score.Page("trafilatura-eval", "0002", b"", None, None, with_snippets=("q",) * 4, without_snippets=("y",))
    summary = score.summarise([row, score.score_page(other, score.Extraction(text="q"))])
    # pooled: 1 + 4 of 6 found (not the mean of the page shares, 75%); 0 + 1 of 2 absent
    assert summary.means["with"] == pytest.approx(100 * 5 / 6)
    assert summary.means["without"] == 50.0
    assert summary.counts["with"] == 2
    assert summary.counts["f1"] == 0
    body_row = score.score_page(score.Page("wcxb", "p", b"", None, "x"), score.Extraction(text="x"))
    assert body_row["with"] is None
    assert score.summarise([body_row]).counts["with"] == 0


def test_load_trafilatura_eval_reads_gzipped_pages_snippets_and_parts(tmp_path: Path) -> None:
    corpus = tmp_path / "corpora" / "trafilatura-eval"
    html = "<html><head><meta charset=iso-8859-1></head><body><p>Gr\u00fc\u00dfe aus K\u00f6ln.</p></body></html>"
    for number in range(1, 10):
        folder = corpus / f"{number:04d}"
        folder.mkdir(parents=True)
        (folder / "source.html.gz").write_bytes(gzip.compress(html.encode("iso-8859-1")))
        expected: dict[str, object] = {"url": None, "with": ["aus K\u00f6ln"], "without": ["Werbung", "Login"]}
        if number == 1:
            expected |= {"url": "https://example.org/a", "title": "T", "author": ["Ann Lee", "Bo Chan"], "date": ""}
        (folder / "expected.json").write_text(json.dumps(expected), encoding="utf-8")
    pages = score.load_corpus("trafilatura-eval", tmp_path)
    assert [page.name for page in pages] == [f"{number:04d}" for number in range(1, 10)]
    first = pages[0]
    assert first.html == html.encode("iso-8859-1")  # bytes as published, not re-encoded
    assert (first.url, first.title, first.byline, first.published) == (
        "https://example.org/a",
        "T",
        "Ann Lee, Bo Chan",
        None,
    )
    assert (first.body, first.with_snippets, first.without_snippets) == (None, ("aus K\u00f6ln",), ("Werbung", "Login"))
    assert pages[1].title is None
    assert {page.part for page in pages} <= {"tune", "validate"}
    for which in ("tune", "validate"):
        chosen = score.load_corpus("trafilatura-eval", tmp_path, part=which)
        assert [page.name for page in chosen] == [page.name for page in pages if page.part == which]
    with pytest.raises(ValueError, match="part"):
        score.load_corpus("trafilatura-eval", tmp_path, part="test")
    with pytest.raises(score.CorpusMissing):
        score.load_corpus("wcxb", tmp_path)


def test_errata_name_pages_of_the_corpus() -> None:
    require_shared("corpora", "readability-pages")
    pages = {page.name for page in score.load_corpus("readability", require_shared())}
    assert set(score.load_errata()["readability"]) <= pages


# --------------------------------------------------------------------------- gate


def test_compare_allows_the_tolerance_and_catches_drops() -> None:
    baseline = {"tolerance": 0.2, "corpora": {"c": {"pages": 3, "failures": 0, "f1": 90.0, "date": 80.0}}}
    same = {"c": {"pages": 3, "failures": 0, "f1": 89.81, "date": 95.0, "title": None}}
    assert gate.compare(same, baseline) == []
    worse = {"c": {"pages": 3, "failures": 0, "f1": 89.79, "date": 80.0}}
    assert gate.compare(worse, baseline) == ["c: f1 89.79 < baseline 90.00 - 0.2"]
    other_corpus = {"c": {"pages": 4, "failures": 0, "f1": 99.0, "date": 99.0}}
    assert "the baseline has 3" in gate.compare(other_corpus, baseline)[0]
    assert gate.compare({}, baseline) == ["c: not measured"]


def test_quality_gate_against_the_stored_baseline() -> None:
    """articlekit's body F1 and metadata scores on both corpora stay at or above benchmarks/baseline.json."""
    for folder in score.CORPORA.values():
        require_shared("corpora", folder)
    current = gate.measure(str(require_shared()))
    problems = gate.compare(current, gate.load_baseline())
    assert not problems, "quality fell below benchmarks/baseline.json:\n" + "\n".join(problems)
