"""Hypothesis strategies for articles that obey every model invariant."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from articlekit import Article, Link, LinkKind, ParserInfo, Quote, Span
from articlekit.models import paragraph_starts

_text = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)
_para = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=80)
_zones = st.sampled_from([dt.UTC, dt.timezone(dt.timedelta(hours=-4)), dt.timezone(dt.timedelta(hours=5, minutes=30))])
_datetimes = st.builds(
    lambda d, z: d.replace(tzinfo=z),
    st.datetimes(min_value=dt.datetime(1990, 1, 1), max_value=dt.datetime(2100, 1, 1)),
    _zones,
)
dates = st.one_of(st.none(), st.dates(min_value=dt.date(1990, 1, 1)), _datetimes)
urls = st.one_of(st.none(), st.from_regex(r"https://[a-z]{1,10}\.example/[a-z0-9/._-]{0,20}", fullmatch=True))


@st.composite
def articles(draw: st.DrawFn) -> Article:
    paragraphs = draw(st.lists(_para, max_size=5))
    starts = paragraph_starts(paragraphs)
    quotes: list[Quote] = []
    links: list[Link] = []
    for index, paragraph in enumerate(paragraphs):
        if draw(st.booleans()):
            a = draw(st.integers(0, len(paragraph) - 1))
            b = draw(st.integers(a + 1, len(paragraph)))
            quotes.append(
                Quote(
                    text=paragraph[a:b],
                    span=Span(starts[index] + a, starts[index] + b),
                    paragraph=index,
                    speaker=draw(st.one_of(st.none(), _text)),
                    cue=draw(st.one_of(st.none(), _text)),
                )
            )
        if draw(st.booleans()):
            a = draw(st.integers(0, len(paragraph)))
            b = draw(st.integers(a, len(paragraph)))
            links.append(
                Link(
                    url=draw(urls),
                    text=paragraph[a:b],
                    kind=LinkKind.INLINE,
                    span=Span(starts[index] + a, starts[index] + b),
                    paragraph=index,
                )
            )
    links += draw(st.lists(st.builds(Link, url=urls, text=_text, kind=st.sampled_from(list(LinkKind))), max_size=3))
    return Article(
        title=draw(st.one_of(st.none(), _text)),
        authors=draw(st.lists(_text, max_size=3)),
        published=draw(dates),
        modified=draw(dates),
        url=draw(urls),
        site_name=draw(st.one_of(st.none(), _text)),
        language=draw(st.one_of(st.none(), st.sampled_from(["en", "pt-BR", "de"]))),
        description=draw(st.one_of(st.none(), _text)),
        section=draw(st.one_of(st.none(), _text)),
        tags=draw(st.lists(_text, max_size=3)),
        image=draw(urls),
        paragraphs=paragraphs,
        quotes=quotes,
        links=links,
        disclaimer=draw(st.one_of(st.none(), _text)),
        parser=draw(st.one_of(st.none(), st.builds(ParserInfo, _text, _text))),
        warnings=draw(st.lists(_text, max_size=2)),
    )
