"""Scoring for the web-page benchmark and the CI quality gate: pure functions plus corpus loading.

Nothing here knows how any extractor works. An extractor's output for one page is an
:class:`Extraction`; a corpus page with its reference values is a :class:`Page`;
:func:`score_page` compares the two and :func:`summarise` aggregates per-page scores.

Metrics (each scored only on the pages whose reference value is present; ``None`` otherwise)
---------------------------------------------------------------------------------------------
body P/R/F1
    Bag-of-tokens overlap. :func:`tokens` lower-cases the text (NFKC, ``casefold``) and splits
    it into word tokens: runs of letters/digits (``\\w+`` without ``_``), except that every
    Chinese/Japanese/Korean ideograph or kana is a token on its own (those scripts have no
    spaces). Punctuation, list bullets and table bars are not tokens. With ``C`` the multiset
    intersection of the predicted and reference tokens, precision = ``|C| / |predicted|``,
    recall = ``|C| / |reference|``, F1 their harmonic mean. Empty output scores 0/0/0.
    Order is ignored (as in Bevendorff et al., SIGIR 2023, and WCXB's own metric).
title exact
    Equal after :func:`normalise_text`: NFKC, curly/angle quotes to straight ones, dashes to
    ``-``, whitespace collapsed and stripped. Case matters.
byline F1
    Bag-of-tokens F1 between the predicted authors (joined) and the reference byline, over
    :func:`name_tokens`: :func:`tokens` without the connective words ``by``/``and``.
date same-day
    The reference's calendar day (as written, or its UTC day when it carries a time zone)
    equals the prediction's calendar day (as given, or its UTC day when aware).
site name
    Equal after :func:`normalise_text` and ``casefold``; a leading ``www.`` is ignored.
description
    Equal after :func:`normalise_text` and ``casefold``. Only scored where the reference
    description is the page's own meta description (``<meta name=description>``,
    ``og:description``, ``twitter:description``): Readability's ``excerpt`` otherwise falls back
    to the first body paragraph, which is not a description to reproduce.
with / without (snippet corpora)
    trafilatura-eval's own scoring (its README): whitespace is collapsed (``\\s+`` to one space,
    stripped) in the extracted text and in each snippet, and a snippet is found when it is a
    substring of the text (case, punctuation and quote marks count). ``with`` is the share of the
    must-contain snippets found, ``without`` the share of the must-not-contain snippets absent;
    per page in :func:`score_page`, and pooled over all snippets of the pages in
    :func:`summarise` (``with_n``/``without_n`` carry each page's snippet counts). A crash or an
    empty result is an empty text.

Corpora (:data:`CORPORA`, with a reference body): ``readability-pages`` (body = text content of
``expected.html``, a line break around each block element; title, byline, publishedTime,
siteName, excerpt from ``expected-metadata.json``) and ``wcxb-articles`` (body = ``expected.txt`` without its list-item
markers ``- ``/``1. `` at line starts, which are WCXB's notation, not page text; title, author,
publish_date and url from ``meta.json``). :data:`SNIPPET_CORPORA`: ``trafilatura-eval`` (no
reference body, so no body P/R/F1; the ``with``/``without`` snippets, and url, title, author
(a list joined with ``, ``), date and sitename from ``expected.json`` where not empty; the HTML is
``source.html.gz`` gunzipped, bytes as published). :data:`ALL_CORPORA` is both. The shared folder
comes from ``--shared``, ``$ARTICLEKIT_SHARED`` or ``<repo>/../shared``; a missing corpus is an
error (:class:`CorpusMissing`), never a silent skip.

Parts: every :class:`Page` has a :attr:`Page.part`, ``tune`` or ``validate``
(:func:`splits.part` of its corpus and name); ``load_corpus(..., part=...)`` and ``--part`` keep
one part only. Tune on the tune part; report both.

Errata: ``benchmarks/errata.json`` lists reference titles and bylines of ``readability-pages``
that are Readability.js mistakes (a site suffix kept, a timestamp run into a name), each with
its reason. :func:`corrected` applies them to a page; ``run.py`` reports title and byline both
against the reference as published and against the corrected one, for every tool alike.

Run ``python benchmarks/score.py`` to score articlekit alone and list its worst pages.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import gzip
import json
import math
import os
import re
import statistics
import sys
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote

import lxml.html

sys.path.insert(0, str(Path(__file__).resolve().parent))

import splits
from splits import PARTS, Part

ROOT = Path(__file__).resolve().parents[1]
#: Corpora with a reference body (short name: folder under ``corpora/``).
CORPORA = {"readability": "readability-pages", "wcxb": "wcxb-articles"}
#: Corpora scored by must-contain / must-not-contain snippets, without a reference body.
SNIPPET_CORPORA = {"trafilatura-eval": "trafilatura-eval"}
ALL_CORPORA = {**CORPORA, **SNIPPET_CORPORA}
ERRATA = Path(__file__).resolve().parent / "errata.json"
#: Reference fields the errata may correct.
CORRECTABLE = ("title", "byline")

__all__ = [
    "ALL_CORPORA",
    "CORPORA",
    "SNIPPET_CORPORA",
    "CorpusMissing",
    "Extraction",
    "Page",
    "body_scores",
    "byline_f1",
    "corrected",
    "description_match",
    "load_corpus",
    "load_errata",
    "name_tokens",
    "normalise_text",
    "same_day",
    "score_page",
    "shared_dir",
    "site_name_match",
    "snippet_counts",
    "summarise",
    "title_match",
    "tokens",
]


class CorpusMissing(RuntimeError):
    """The shared corpora are not where they were looked for."""


# --------------------------------------------------------------------------- tokens and text

# A word is a run of letters/digits; a CJK ideograph, kana or hangul syllable is a token alone.
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af"
_TOKEN = re.compile(rf"[{_CJK}]|[^\W_{_CJK}]+")
_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2039": "'",
        "\u203a": "'",
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
    }
)
_SPACE = re.compile(r"\s+")
_CONNECTIVES = frozenset({"by", "and"})


def tokens(text: str | None) -> list[str]:
    """The word tokens of ``text``, lower-cased (see the module docstring).

    >>> tokens("Hello, World! It's 2024 — 東京です")
    ['hello', 'world', 'it', 's', '2024', '東', '京', 'で', 'す']
    """
    if not text:
        return []
    return _TOKEN.findall(unicodedata.normalize("NFKC", text).casefold())


def normalise_text(text: str | None) -> str:
    """NFKC, straight quotes, ``-`` for dashes, whitespace collapsed and stripped.

    >>> normalise_text("  \u201cHello\u201d \u2014  world\\n")
    '"Hello" - world'
    """
    if not text:
        return ""
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", text).translate(_QUOTES)).strip()


def name_tokens(names: str | Iterable[str] | None) -> list[str]:
    """Tokens of a byline or a list of names, without ``by``/``and``.

    >>> name_tokens("By Jane Doe and John Smith")
    ['jane', 'doe', 'john', 'smith']
    """
    if names is None:
        return []
    text = names if isinstance(names, str) else " ; ".join(names)
    return [token for token in tokens(text) if token not in _CONNECTIVES]


# --------------------------------------------------------------------------- metrics


@dataclass(frozen=True)
class PRF:
    precision: float
    recall: float
    f1: float


def _bag_prf(predicted: Sequence[str], reference: Sequence[str]) -> PRF:
    if not predicted or not reference:
        return PRF(0.0, 0.0, 0.0)
    common = sum((Counter(predicted) & Counter(reference)).values())
    if common == 0:
        return PRF(0.0, 0.0, 0.0)
    precision = common / len(predicted)
    recall = common / len(reference)
    return PRF(precision, recall, 2 * precision * recall / (precision + recall))


def body_scores(predicted: str | None, reference: str) -> PRF:
    """Bag-of-tokens precision, recall and F1 of a body against the reference body.

    >>> body_scores("the cat sat", "the cat sat down")
    PRF(precision=1.0, recall=0.75, f1=0.8571428571428571)
    """
    return _bag_prf(tokens(predicted), tokens(reference))


def title_match(predicted: str | None, reference: str) -> bool:
    """Exact title match after :func:`normalise_text` (case kept).

    >>> title_match("\u2018Spam\u2019  and eggs", "'Spam' and eggs")
    True
    """
    return bool(predicted) and normalise_text(predicted) == normalise_text(reference)


def byline_f1(predicted: str | Iterable[str] | None, reference: str) -> float:
    """Bag-of-tokens F1 over :func:`name_tokens`.

    >>> byline_f1(["Jane Doe"], "By Jane Doe and John Smith")
    0.6666666666666666
    """
    return _bag_prf(name_tokens(predicted), name_tokens(reference)).f1


_ISO_DAY = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


def to_day(value: object) -> tuple[dt.date, dt.date | None] | None:
    """``(calendar day as written, UTC day or None)`` of a date, datetime or date string."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        utc = value.astimezone(dt.UTC).date() if value.tzinfo is not None else None
        return value.date(), utc
    if isinstance(value, dt.date):
        return value, None
    text = str(value).strip()
    if not text:
        return None
    try:
        parsed = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        parsed = None
    if parsed is None:
        try:
            parsed = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            parsed = None
    if parsed is not None:
        return to_day(parsed)
    match = _ISO_DAY.search(text)
    if match:
        try:
            return dt.date(int(match[1]), int(match[2]), int(match[3])), None
        except ValueError:
            return None
    try:  # dateutil comes with the peers; the gate does without it
        from dateutil import parser as dateutil_parser  # type: ignore[import-untyped]

        return to_day(dateutil_parser.parse(text))
    except (ImportError, ValueError, OverflowError, TypeError):
        return None


def same_day(predicted: object, reference: object) -> bool:
    """Whether two dates fall on the same day (as written, or the same UTC day when both are aware).

    >>> same_day(dt.datetime(2020, 5, 1, 23, tzinfo=dt.timezone(dt.timedelta(hours=-5))), "2020-05-02T04:00:00Z")
    True
    >>> same_day("2020-05-01", "2020-05-02")
    False
    """
    left, right = to_day(predicted), to_day(reference)
    if left is None or right is None:
        return False
    return left[0] == right[0] or (left[1] is not None and left[1] == right[1])


def _squeeze(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def snippet_counts(text: str | None, with_: Sequence[str], without: Sequence[str]) -> tuple[int, int]:
    """``(must-contain snippets found, must-not-contain snippets absent)`` in ``text``, after
    collapsing whitespace in both (trafilatura-eval's rule: a plain substring test, case kept).

    >>> snippet_counts("The  cat\\nsat.", ["cat sat", "Cat"], ["dog", "sat."])
    (1, 1)
    """
    squeezed = _squeeze(text or "")
    found = sum(_squeeze(snippet) in squeezed for snippet in with_)
    absent = sum(_squeeze(snippet) not in squeezed for snippet in without)
    return found, absent


def _loose(text: str | None) -> str:
    return normalise_text(text).casefold()


def site_name_match(predicted: str | None, reference: str) -> bool:
    """Site name equal, case-insensitively, ignoring a leading ``www.``.

    >>> site_name_match("The Guardian", "the guardian")
    True
    """
    left, right = _loose(predicted).removeprefix("www."), _loose(reference).removeprefix("www.")
    return bool(left) and left == right


def description_match(predicted: str | None, reference: str) -> bool:
    """Description equal after :func:`normalise_text`, case-insensitively."""
    left = _loose(predicted)
    return bool(left) and left == _loose(reference)


# --------------------------------------------------------------------------- corpus pages


@dataclass(frozen=True)
class Page:
    """One corpus page with its reference values (``None`` = not scored)."""

    corpus: str
    name: str
    html: bytes
    url: str | None
    body: str | None
    title: str | None = None
    byline: str | None = None
    published: str | None = None
    site_name: str | None = None
    description: str | None = None
    #: Snippets the main text must contain / must not contain (snippet corpora only).
    with_snippets: tuple[str, ...] | None = None
    without_snippets: tuple[str, ...] | None = None

    @property
    def part(self) -> Part:
        """``tune`` or ``validate``: :func:`splits.part` of the corpus and page name."""
        return splits.part(self.corpus, self.name)


@dataclass
class Extraction:
    """What one tool returned for one page (empty output = an :class:`Extraction` with defaults)."""

    text: str = ""
    title: str | None = None
    authors: Sequence[str] = ()
    published: object = None
    site_name: str | None = None
    description: str | None = None
    error: str | None = None


def shared_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """``--shared``, else ``$ARTICLEKIT_SHARED``, else ``<repo>/../shared``."""
    if explicit:
        return Path(explicit)
    env = os.environ.get("ARTICLEKIT_SHARED")
    return Path(env) if env else ROOT.parent / "shared"


_BLOCKS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
    ]
)


def html_text(fragment: str) -> str:
    """Text content of an HTML fragment, with a line break around every block element."""
    root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.lower() in _BLOCKS:
            element.tail = "\n" + (element.tail or "")
            element.text = "\n" + (element.text or "")
    return str(root.text_content())


_DESCRIPTION_KEYS = frozenset({"description", "og:description", "twitter:description"})


def _meta_descriptions(html: bytes) -> set[str]:
    """The page's own descriptions: ``<meta name|property=description|og:…|twitter:…>``."""
    try:
        root = lxml.html.document_fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return set()
    found = set()
    for meta in root.iter("meta"):
        key = (meta.get("name") or meta.get("property") or "").strip().lower()
        content = meta.get("content")
        if key in _DESCRIPTION_KEYS and content and content.strip():
            found.add(_loose(content))
    return found


def _present(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def _load_readability(folder: Path) -> Page:
    html = (folder / "source.html").read_bytes()
    meta = json.loads((folder / "expected-metadata.json").read_text(encoding="utf-8"))
    description = _present(meta.get("excerpt"))
    if description is not None and _loose(description) not in _meta_descriptions(html):
        description = None
    return Page(
        corpus="readability",
        name=folder.name,
        html=html,
        url=None,
        body=html_text((folder / "expected.html").read_text(encoding="utf-8")),
        title=_present(meta.get("title")),
        byline=_present(meta.get("byline")),
        published=_present(meta.get("publishedTime")),
        site_name=_present(meta.get("siteName")),
        description=description,
    )


_LIST_MARKER = re.compile(r"^[ \t]*(?:[-*\u2022]|\d{1,3}[.)])[ \t]+", re.MULTILINE)


def strip_list_markers(text: str) -> str:
    """WCXB's reference writes list items as ``- item`` or ``1. item``; the numbers are not page text.

    >>> strip_list_markers("Intro\\n1. First\\n- Second\\n2024 was good")
    'Intro\\nFirst\\nSecond\\n2024 was good'
    """
    return _LIST_MARKER.sub("", text)


def _load_wcxb(folder: Path) -> Page:
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    return Page(
        corpus="wcxb",
        name=folder.name,
        html=(folder / "source.html").read_bytes(),
        url=_present(meta.get("url")),
        body=strip_list_markers((folder / "expected.txt").read_text(encoding="utf-8")),
        title=_present(meta.get("title")),
        byline=_present(meta.get("author")),
        published=_present(meta.get("publish_date")),
    )


def _names_text(value: Any) -> str | None:
    if isinstance(value, list):
        return _present(", ".join(name.strip() for name in value if isinstance(name, str) and name.strip()))
    return _present(value)


def _as_url(value: Any) -> str | None:
    """A reference URL as a crawler would have it: the annotators' copies hold a few spaces
    (one page's query string lost its ``?``), which ``articlekit.parse`` rightly refuses."""
    url = _present(value)
    return None if url is None else quote(url, safe=":/?#[]@!$&'()*+,;=%~")


def _load_trafilatura_eval(folder: Path) -> Page:
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    return Page(
        corpus="trafilatura-eval",
        name=folder.name,
        html=gzip.decompress((folder / "source.html.gz").read_bytes()),
        url=_as_url(expected.get("url")),
        body=None,
        title=_present(expected.get("title")),
        byline=_names_text(expected.get("author")),
        published=_present(expected.get("date")),
        site_name=_present(expected.get("sitename")),
        with_snippets=tuple(expected.get("with") or ()),
        without_snippets=tuple(expected.get("without") or ()),
    )


#: Per corpus: the file every page folder has, and the loader of one folder.
_LOADERS: dict[str, tuple[str, Callable[[Path], Page]]] = {
    "readability": ("source.html", _load_readability),
    "wcxb": ("source.html", _load_wcxb),
    "trafilatura-eval": ("source.html.gz", _load_trafilatura_eval),
}


def load_corpus(
    corpus: str,
    shared: str | os.PathLike[str] | None = None,
    limit: int | None = None,
    part: Part | None = None,
) -> list[Page]:
    """The pages of ``corpus`` (a key of :data:`ALL_CORPORA`), sorted by name; with ``part``,
    only that part's pages (``limit`` then counts pages of that part).

    :raises CorpusMissing: the corpus folder is absent or holds no pages.
    """
    if corpus not in ALL_CORPORA:
        raise ValueError(f"unknown corpus {corpus!r}; expected one of {sorted(ALL_CORPORA)}")
    if part is not None and part not in PARTS:
        raise ValueError(f"unknown part {part!r}; expected one of {PARTS}")
    folder = shared_dir(shared) / "corpora" / ALL_CORPORA[corpus]
    if not folder.is_dir():
        raise CorpusMissing(f"{folder} is absent: pass --shared or set ARTICLEKIT_SHARED")
    source, load = _LOADERS[corpus]
    folders = sorted(path for path in folder.iterdir() if (path / source).is_file())
    if not folders:
        raise CorpusMissing(f"{folder} holds no pages")
    if part is not None:
        folders = [path for path in folders if splits.part(corpus, path.name) == part]
    return [load(path) for path in folders[:limit]]


def load_errata(path: Path = ERRATA) -> dict[str, dict[str, dict[str, str | None]]]:
    """``{corpus: {page: {field: corrected value or None}}}`` from the errata file."""
    data = json.loads(path.read_text(encoding="utf-8"))
    errata: dict[str, dict[str, dict[str, str | None]]] = {}
    for corpus in CORPORA:
        for page, fixes in data.get(corpus, {}).items():
            unknown = set(fixes) - set(CORRECTABLE)
            if unknown:
                raise ValueError(f"{path.name}: {corpus}/{page} corrects {sorted(unknown)}; only {CORRECTABLE} may be")
            errata.setdefault(corpus, {})[page] = {name: fix["value"] for name, fix in fixes.items()}
    return errata


def corrected(page: Page, errata: Mapping[str, Mapping[str, Mapping[str, str | None]]]) -> Page:
    """``page`` with the errata's corrections to its reference values applied.

    >>> page = Page("readability", "p", b"", None, "", title="Story - Site")
    >>> corrected(page, {"readability": {"p": {"title": "Story"}}}).title
    'Story'
    """
    fixes = errata.get(page.corpus, {}).get(page.name)
    return dataclasses.replace(page, **fixes) if fixes else page  # type: ignore[arg-type]


# --------------------------------------------------------------------------- per page and summary

METRICS = ("precision", "recall", "f1", "title", "byline", "date", "site_name", "description")
#: Snippet metrics (pooled over snippets by :func:`summarise`), and the per-page counts they pool by.
SNIPPET_METRICS = ("with", "without")
SNIPPET_COUNTS = ("with_n", "without_n")


def score_page(page: Page, got: Extraction) -> dict[str, float | None]:
    """Every metric for one page; ``None`` where the reference has no value (not scored)."""
    body = None if page.body is None else body_scores(got.text, page.body)
    with_ = page.with_snippets or ()
    without = page.without_snippets or ()
    found, absent = snippet_counts(got.text, with_, without)
    return {
        "precision": None if body is None else body.precision,
        "recall": None if body is None else body.recall,
        "f1": None if body is None else body.f1,
        "title": None if page.title is None else float(title_match(got.title, page.title)),
        "byline": None if page.byline is None else byline_f1(got.authors, page.byline),
        "date": None if page.published is None else float(same_day(got.published, page.published)),
        "site_name": None if page.site_name is None else float(site_name_match(got.site_name, page.site_name)),
        "description": (
            None if page.description is None else float(description_match(got.description, page.description))
        ),
        "with": found / len(with_) if with_ else None,
        "without": absent / len(without) if without else None,
        "with_n": float(len(with_)) if with_ else None,
        "without_n": float(len(without)) if without else None,
    }


@dataclass
class Summary:
    """Means (and body medians) over the scored pages, in percent."""

    pages: int
    means: dict[str, float] = field(default_factory=dict)
    medians: dict[str, float] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)


def summarise(rows: Iterable[Mapping[str, float | None]]) -> Summary:
    """Mean of every metric (and median of the body ones) over the pages that score it, in percent;
    the snippet metrics pooled over all snippets (``counts`` is the number of pages scored)."""
    rows = list(rows)
    summary = Summary(pages=len(rows))
    for metric in METRICS:
        values = [value for row in rows if (value := row.get(metric)) is not None]
        summary.counts[metric] = len(values)
        summary.means[metric] = 100 * statistics.fmean(values) if values else math.nan
        if metric in ("precision", "recall", "f1"):
            summary.medians[metric] = 100 * statistics.median(values) if values else math.nan
    for metric, weight in zip(SNIPPET_METRICS, SNIPPET_COUNTS, strict=True):
        pairs = [(value, n) for row in rows if (value := row.get(metric)) is not None and (n := row.get(weight))]
        summary.counts[metric] = len(pairs)
        total = sum(n for _, n in pairs)
        summary.means[metric] = 100 * sum(value * n for value, n in pairs) / total if total else math.nan
    return summary


# --------------------------------------------------------------------------- articlekit alone


_GENERIC: Any = None


def generic_registry() -> Any:
    """articlekit's built-in parsers only: publisher plugins (some written for pages of these
    corpora) must not inflate the scores of the generic parser, nor the comparison with peers."""
    global _GENERIC
    if _GENERIC is None:
        from articlekit.plugins import Registry

        _GENERIC = Registry(entry_points=False)
    return _GENERIC


def articlekit_extraction(page: Page, *, enrich: bool = False, registry: Any = None) -> Extraction:
    """articlekit's output for a page, through the public API only (generic parsers by default)."""
    import articlekit

    article = articlekit.parse(page.html, url=page.url, enrich=enrich, registry=registry or generic_registry())
    return Extraction(
        text=article.text,
        title=article.title,
        authors=article.authors,
        published=article.published,
        site_name=article.site_name,
        description=article.description,
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Score articlekit alone and list its worst pages.")
    parser.add_argument(
        "--corpus",
        choices=[*ALL_CORPORA, "both", "all"],
        default="both",
        help="both = readability and wcxb; all = with trafilatura-eval too",
    )
    parser.add_argument("--part", choices=PARTS, help="only the tune or only the validate part (default: all pages)")
    parser.add_argument("--shared", help="the shared folder (default: $ARTICLEKIT_SHARED or ../shared)")
    parser.add_argument("--limit", type=int, help="first N pages of each corpus (of the part)")
    parser.add_argument(
        "--worst",
        type=int,
        default=10,
        help="how many worst TUNE pages (by body F1, or by with-snippets found) to list",
    )
    parser.add_argument("--page", action="append", default=[], help="only these page names")
    parser.add_argument(
        "--misses",
        choices=[metric for metric in METRICS if metric not in ("precision", "recall", "f1")],
        help="list the tune pages that miss this metadata field, with articlekit's value and the reference's",
    )
    args = parser.parse_args(argv)
    corpora = {"both": list(CORPORA), "all": list(ALL_CORPORA)}.get(args.corpus, [args.corpus])
    for corpus in corpora:
        pages = load_corpus(corpus, args.shared, args.limit, args.part)
        if args.page:
            pages = [page for page in pages if page.name in args.page]
        rows = []
        misses = []
        for page in pages:
            try:
                got = articlekit_extraction(page)
            except Exception as exc:  # a crash is a finding: report it, score empty
                got = Extraction(error=f"{type(exc).__name__}: {exc}")
                print(f"{corpus}/{page.name}: {got.error}", file=sys.stderr)
            row = score_page(page, got)
            rows.append((page, row))
            if args.misses and page.part == "tune" and (value := row[args.misses]) is not None and value < 1.0:
                misses.append((page.name, value, _FIELDS[args.misses](got), _REFERENCES[args.misses](page)))
        summary = summarise(row for _, row in rows)
        print(f"\n{corpus}: {summary.pages} pages" + (f" ({args.part} part)" if args.part else ""))
        for metric in (*METRICS, *SNIPPET_METRICS):
            if not summary.counts[metric]:
                continue
            median = summary.medians.get(metric)
            extra = f"  median {median:5.1f}" if median is not None else ""
            print(f"  {metric:<12} {summary.means[metric]:5.1f}{extra}  (n={summary.counts[metric]})")
        tune = [(page, row) for page, row in rows if page.part == "tune"]  # validate pages are not for reading
        if corpus in SNIPPET_CORPORA:
            print(f"  worst {args.worst} tune pages by with-snippets found:")
            worst = sorted(tune, key=lambda item: (item[1]["with"] or 0.0, item[1]["without"] or 0.0))
            for page, row in worst[: args.worst]:
                print(
                    f"    {page.name:<40} with {100 * (row['with'] or 0):5.1f}  without {100 * (row['without'] or 0):5.1f}"
                )
        else:
            print(f"  worst {args.worst} tune pages by body F1:")
            for page, row in sorted(tune, key=lambda item: item[1]["f1"] or 0.0)[: args.worst]:
                print(
                    f"    {page.name:<40} F1 {100 * (row['f1'] or 0):5.1f}  P {100 * (row['precision'] or 0):5.1f}  R {100 * (row['recall'] or 0):5.1f}"
                )
        if args.misses:
            print(f"  {len(misses)} tune pages miss {args.misses} (score, articlekit | reference):")
            for name, value, got_value, expected in misses:
                print(f"    {name:<40} {100 * value:5.1f}  {got_value!r} | {expected!r}")
    return 0


_FIELDS: dict[str, Callable[[Extraction], object]] = {
    "title": lambda got: got.title,
    "byline": lambda got: list(got.authors),
    "date": lambda got: str(got.published) if got.published is not None else None,
    "site_name": lambda got: got.site_name,
    "description": lambda got: got.description,
}
_REFERENCES: dict[str, Callable[[Page], object]] = {
    "title": lambda page: page.title,
    "byline": lambda page: page.byline,
    "date": lambda page: page.published,
    "site_name": lambda page: page.site_name,
    "description": lambda page: page.description,
}


if __name__ == "__main__":
    sys.exit(main())
