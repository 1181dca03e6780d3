"""The ``articlekit`` command.

``articlekit parse PATH|-``
    Parse one article and print it as JSON (default), plain text or Markdown.
``articlekit plugins``
    List every registered parser: name, version, package, and what it claims.
``articlekit batch INPUT... -o OUT``
    Parse many pages (files, folders, globs, JSON Lines, WARC archives) into JSON Lines or
    Parquet, in worker processes; rerunning with the same output resumes.
``articlekit schema``
    Print the JSON Schema of the JSON output.
``articlekit new-plugin NAME --host HOST``
    Write a new publisher plugin package ``articlekit-NAME`` from the template.
``articlekit check-fixtures PATH...``
    Check plugin fixture folders: each parses to its ``expected.json`` and is claimed by exactly
    one publisher parser.

Exit codes: 0 success, 1 the input could not be parsed (one line on stderr), 2 usage error.
``--debug`` shows the traceback of a failure.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from collections.abc import Callable, Sequence
from typing import TextIO

from ._version import __version__
from .api import parse
from .batch import DEFAULT_TIMEOUT, run_batch
from .document import _normalise_charset, check_url
from .errors import ArticlekitError, InputError, ParserNotFoundError
from .models import Article, DateValue, LinkKind, Quote, paragraph_starts
from .plugins import default_registry
from .scaffold import ScaffoldError, render_plugin
from .serialize import json_schema, to_json
from .testing import FixtureMismatch, assert_fixture, check_claims, find_fixtures

__all__ = ["main", "render_markdown", "render_text"]

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def _build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="articlekit", description="News articles as typed data.")
    parser.add_argument("--version", action="version", version=f"articlekit {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks of failures")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND", parser_class=_Parser)

    p = commands.add_parser("parse", help="parse one article (a file, or - for standard input)")
    p.add_argument("path", metavar="PATH|-", help="HTML or plain-text file; - reads standard input")
    p.add_argument("--format", choices=("json", "text", "markdown"), default="json", help="output format (default: json)")
    p.add_argument("--parser", metavar="NAME", help="force a registered parser (see 'articlekit plugins')")
    p.add_argument("--url", metavar="URL", help="the page's URL: chooses publisher parsers, resolves links")
    p.add_argument("--charset", metavar="NAME", help="the encoding the server declared, if known")
    p.add_argument("--no-enrich", action="store_true", help="skip enrichment (quote extraction and plugins)")
    p.add_argument("--indent", type=_indent, default=2, metavar="N", help="JSON indentation, 0 for one line (default: 2)")
    p.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help=argparse.SUPPRESS)

    pl = commands.add_parser("plugins", help="list registered parsers and what they claim")
    pl.add_argument("--json", action="store_true", help="as JSON")
    pl.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help=argparse.SUPPRESS)

    b = commands.add_parser("batch", help="parse many pages (files, folders, globs, JSON Lines, WARC) into JSON Lines or Parquet")
    b.add_argument("paths", nargs="+", metavar="INPUT", help="files, folders to walk, globs, .jsonl and .warc[.gz] files")
    b.add_argument("--pattern", default="*", help="file name pattern inside folders (default: *)")
    b.add_argument("--output", "-o", metavar="OUT", help="JSON Lines file, or Parquet folder if it ends in .parquet (default: standard output); rerunning resumes")
    b.add_argument("--format", choices=("jsonl", "parquet"), help="output format (default: from OUT's name)")
    b.add_argument("--rows-per-part", type=int, default=1000, metavar="N", help="Parquet rows per part file (default: 1000)")
    b.add_argument("--errors", metavar="FILE", help="JSON Lines file for errors (default: OUT's name with .errors.jsonl)")
    b.add_argument("--workers", type=int, default=None, metavar="N", help="worker processes (default: CPU count)")
    b.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, metavar="SECONDS", help=f"time bound per document, 0 for none (default: {DEFAULT_TIMEOUT:g})")
    b.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None, help="progress line on standard error (default: on a terminal)")
    b.add_argument("--parser", metavar="NAME", help="force a registered parser")
    b.add_argument("--no-enrich", action="store_true", help="skip enrichment (quote extraction and plugins)")
    b.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help=argparse.SUPPRESS)

    s = commands.add_parser("schema", help="print the JSON Schema of the JSON output")
    s.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help=argparse.SUPPRESS)

    n = commands.add_parser("new-plugin", help="write a new publisher plugin package from the template")
    n.add_argument("name", metavar="NAME", help="plugin name: lower-case words joined by '-', e.g. valley-post")
    n.add_argument("--host", action="append", default=[], metavar="HOST", help="a host the parser claims (repeatable)")
    n.add_argument("--signature", action="append", default=[], metavar="REGEX", help="a content signature it claims (repeatable)")
    n.add_argument("--site-name", metavar="NAME", help="the publisher's name, for the sample page")
    n.add_argument("--dir", default=".", metavar="DIR", help="where to write articlekit-NAME (default: here)")
    n.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help=argparse.SUPPRESS)

    c = commands.add_parser("check-fixtures", help="compare fixture folders with their expected.json and check who claims them")
    c.add_argument("paths", nargs="+", metavar="PATH", help="fixture folders, or folders holding them")
    c.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    return parser


def _indent(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if not 0 <= number <= 16:
        raise argparse.ArgumentTypeError(f"must be between 0 and 16, got {number}")
    return number


def _date(value: DateValue | None) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="minutes")
    return value.isoformat()


def render_text(article: Article) -> str:
    """The article as plain text: title, byline and date, body, then related links and footer."""
    head = [article.title or ""]
    byline = ", ".join(article.authors)
    meta = " · ".join(x for x in (byline, _date(article.published), article.site_name or "") if x)
    if meta:
        head.append(meta)
    parts = ["\n".join(h for h in head if h), article.text]
    if article.quotes:
        parts.append("Quotes:\n" + "\n".join(f"- {_quote_line(quote)}" for quote in article.quotes))
    related = article.links_of(LinkKind.RELATED)
    if related:
        parts.append("Related:\n" + "\n".join(f"- {link.text}" + (f" <{link.url}>" if link.url else "") for link in related))
    if article.disclaimer:
        parts.append(article.disclaimer)
    return "\n\n".join(p for p in parts if p) + "\n"


def _quote_line(quote: Quote, escape: Callable[[str], str] = str) -> str:
    """``“text” — speaker (cue)``, each part passed through ``escape``."""
    who = escape(quote.speaker or "unknown speaker")
    return f"“{escape(quote.text)}” — {who}" + (f" ({escape(quote.cue)})" if quote.cue else "")


_MD_INLINE = re.compile(r"([\\`*_\[\]<>])")
#: What makes a line a heading, list item, quote, rule, fence or table row in Markdown.
_MD_BLOCK = re.compile(r"(\s*)(#|[-+*](?=\s|$)|\d{1,9}(?=[.)](?:\s|$))|>|=+\s*$|-{3,}|_{3,}|```|~~~|\|)")


def _md_escape(text: str) -> str:
    """``text`` with the characters Markdown would read as markup (emphasis, links, code, HTML)
    escaped."""
    return _MD_INLINE.sub(r"\\\1", text)


def _md_block(text: str) -> str:
    """An escaped paragraph that Markdown does not read as a heading, list, quote or rule."""
    match = _MD_BLOCK.match(text)
    if match is None:
        return text
    start = match.end(1)
    if text[start].isdigit():  # "1. " starts a list: escape the dot after the number
        end = match.end(2)
        return text[:end] + "\\" + text[end:]
    return text[:start] + "\\" + text[start:]


def render_markdown(article: Article) -> str:
    """The article as Markdown, with inline links kept as links and quotes listed."""
    out: list[str] = []
    if article.title:
        out.append(f"# {_md_escape(article.title)}")
    meta = []
    if article.authors:
        meta.append("By " + ", ".join(_md_escape(author) for author in article.authors))
    if article.published:
        meta.append(_date(article.published))
    if article.site_name:
        meta.append(_md_escape(article.site_name))
    if meta:
        out.append("*" + " · ".join(meta) + "*")
    by_paragraph: dict[int, list[tuple[int, int, str]]] = {}
    starts = paragraph_starts(article.paragraphs)
    for link in article.links:
        if link.span is not None and link.paragraph is not None and link.url:
            by_paragraph.setdefault(link.paragraph, []).append((link.span.start, link.span.end, link.url))
    for index, paragraph in enumerate(article.paragraphs):
        pieces: list[str] = []
        cursor = 0
        for text_start, text_end, url in sorted(by_paragraph.get(index, [])):
            start, end = text_start - starts[index], text_end - starts[index]
            if start < cursor:
                continue
            pieces.append(_md_escape(paragraph[cursor:start]))
            pieces.append(f"[{_md_escape(paragraph[start:end])}]({url})")
            cursor = end
        pieces.append(_md_escape(paragraph[cursor:]))
        out.append(_md_block("".join(pieces)))
    if article.quotes:
        out.append("## Quotes")
        out.extend(f"- {_quote_line(quote, _md_escape)}" for quote in article.quotes)
    related = article.links_of(LinkKind.RELATED)
    if related:
        out.append("## Related")
        out.extend(f"- [{_md_escape(link.text)}]({link.url})" if link.url else f"- {link.text}" for link in related)
    if article.disclaimer:
        out.append("---")
        out.append(f"*{_md_escape(article.disclaimer)}*")
    return "\n\n".join(out) + "\n"


def _read_source(path: str) -> bytes:
    if path == "-":
        return sys.stdin.buffer.read()
    with open(path, "rb") as handle:
        return handle.read()


def _cmd_parse(args: argparse.Namespace, out: TextIO) -> int:
    if args.url is not None:
        try:
            check_url(args.url)
        except InputError as exc:
            raise _Usage(f"--url: {exc}") from exc
    if args.charset is not None and _normalise_charset(args.charset) is None:
        raise _Usage(f"--charset: unknown text encoding {args.charset!r}")
    try:
        data = _read_source(args.path)
    except (OSError, ValueError) as exc:
        raise _Failure(f"cannot read {args.path}: {getattr(exc, 'strerror', None) or exc}") from exc
    article = parse(data, url=args.url, parser=args.parser, charset=args.charset, enrich=not args.no_enrich)
    if args.format == "json":
        out.write(to_json(article, indent=args.indent if args.indent > 0 else None) + "\n")
    elif args.format == "text":
        out.write(render_text(article))
    else:
        out.write(render_markdown(article))
    return EXIT_OK


def _cmd_plugins(args: argparse.Namespace, out: TextIO) -> int:
    registry = default_registry()
    rows: list[dict[str, str | bool]] = [
        {
            "name": entry.name,
            "version": entry.parser.version,
            "package": entry.package,
            "plugin": entry.plugin,
            "builtin": entry.builtin,
            "claims": entry.parser.describe(),
        }
        for entry in sorted(registry.parsers().values(), key=lambda e: (e.builtin, e.name))
    ]
    if args.json:
        out.write(json.dumps({"parsers": rows, "problems": registry.load_errors}, indent=2) + "\n")
        return EXIT_OK
    width = max((len(str(r["name"])) for r in rows), default=4)
    for row in rows:
        out.write(f"{row['name']!s:<{width}}  {row['version']!s:<10}  {row['package']!s:<28}  {row['claims']}\n")
    for problem in registry.load_errors:
        out.write(f"warning: {problem}\n")
    return EXIT_OK


def _cmd_batch(args: argparse.Namespace, out: TextIO) -> int:
    if args.workers is not None and args.workers < 1:
        raise _Usage("--workers must be at least 1")
    if args.format == "parquet" and not args.output:
        raise _Usage("--format parquet needs --output")
    try:
        summary = run_batch(
            args.paths,
            args.output,
            output_format=args.format,
            errors=args.errors,
            pattern=args.pattern,
            workers=args.workers,
            parser=args.parser,
            enrich=not args.no_enrich,
            timeout=args.timeout or None,
            rows_per_part=args.rows_per_part,
            stdout=out,
            progress=args.progress,
        )
    except KeyboardInterrupt:
        print("articlekit: interrupted; run the same command again to resume", file=sys.stderr)
        return EXIT_INTERRUPTED
    print(f"articlekit: {summary.describe()}", file=sys.stderr)
    return EXIT_FAILURE if summary.failed else EXIT_OK


def _cmd_new_plugin(args: argparse.Namespace, out: TextIO) -> int:
    try:
        root = render_plugin(args.name, hosts=args.host, signatures=args.signature, directory=args.dir, site_name=args.site_name)
    except ScaffoldError as exc:
        raise _Usage(str(exc)) from exc
    out.write(
        f"wrote {root}\n"
        f"next: pip install -e {root}, then in {root}: pytest --articlekit-regenerate, review tests/fixtures/, pytest\n"
    )
    return EXIT_OK


def _cmd_check_fixtures(args: argparse.Namespace, out: TextIO) -> int:
    fixtures = [fixture for path in args.paths for fixture in find_fixtures(path)]
    if not fixtures:
        raise _Failure(f"no fixture folders (with fixture.json) under {', '.join(args.paths)}")
    problems = check_claims(fixtures)
    for fixture in fixtures:
        try:
            assert_fixture(fixture)
        except FixtureMismatch as exc:
            problems.append(str(exc))
    for problem in problems:
        out.write(problem + "\n")
    out.write(f"{len(fixtures)} fixture(s), {len(problems)} problem(s)\n")
    return EXIT_FAILURE if problems else EXIT_OK


class _Usage(Exception):
    pass


class _Failure(Exception):
    pass


def main(argv: Sequence[str] | None = None, *, stdout: TextIO | None = None) -> int:
    """Run the command line; returns the exit code."""
    out = stdout or sys.stdout
    args = _build_parser().parse_args(argv)
    try:
        if args.command == "parse":
            return _cmd_parse(args, out)
        if args.command == "plugins":
            return _cmd_plugins(args, out)
        if args.command == "batch":
            return _cmd_batch(args, out)
        if args.command == "new-plugin":
            return _cmd_new_plugin(args, out)
        if args.command == "check-fixtures":
            return _cmd_check_fixtures(args, out)
        out.write(json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n")
        return EXIT_OK
    except (ParserNotFoundError, _Usage) as exc:
        if args.debug:
            raise
        print(f"articlekit: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except (ArticlekitError, _Failure) as exc:
        if args.debug:
            raise
        print(f"articlekit: error: {exc}", file=sys.stderr)
        return EXIT_FAILURE
    except Exception as exc:
        if args.debug:
            raise
        print(f"articlekit: internal error: {type(exc).__name__}: {exc} (run with --debug for the traceback)", file=sys.stderr)
        return EXIT_FAILURE
