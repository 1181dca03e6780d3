"""Parsing is thread-safe: 8 threads give the same articles as one, plugin loading included."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import articlekit
from articlekit import plugins

# Our own documents: two web pages (one with JSON-LD, one with a related-links box and a quote
# inside a blockquote), a plain-text article with a byline and a date, and bytes in Latin-1.
DOCUMENTS: list[tuple[str | bytes, str | None]] = [
    (
        "<!DOCTYPE html><html lang='en'><head><title>Ferry fares rise again | Harbour Times</title>"
        "<script type='application/ld+json'>{\"@type\": \"NewsArticle\", \"headline\": \"Ferry fares rise again\","
        " \"datePublished\": \"2025-03-09T08:00:00Z\", \"author\": {\"@type\": \"Person\", \"name\": \"Mira Holt\"}}"
        "</script></head><body><article><h1>Ferry fares rise again</h1>"
        "<p>Island families will pay more to reach the mainland from April, the operator said on Sunday.</p>"
        "<p>“Every crossing costs us more in fuel than it did last year,” said Jon Aske, the operator's director.</p>"
        "<p>The council will discuss the <a href='/2025/03/ferry-subsidy'>subsidy</a> on Tuesday.</p>"
        "</article></body></html>",
        "https://harbourtimes.example/2025/03/09/ferry-fares",
    ),
    (
        "<html><head><title>Library opens late on Thursdays</title><meta name='author' content='Priya Das'>"
        "</head><body><nav><a href='/'>Home</a><a href='/local'>Local</a></nav><main><h1>Library opens late on Thursdays</h1>"
        "<p>The central library will stay open until nine in the evening every Thursday from next month.</p>"
        "<blockquote><p>“Students asked for it, and we listened,” the head librarian, Carla Nunes, said.</p></blockquote>"
        "<p>Staff numbers will not change, the city said, because the morning hours move to the evening.</p>"
        "</main><aside><h2>Related</h2><ul><li><a href='/local/museum-hours'>Museum changes its hours</a></li></ul></aside>"
        "</body></html>",
        "https://citynews.example/local/library-hours",
    ),
    (
        "Rain ends a long dry spell\n\nby Tomas Lindqvist\n2024-09-14\n\n"
        "The first heavy rain in four months fell over the valley on Friday night.\n\n"
        "“We had almost given up on this season,” said Ana Ruiz, who grows apricots near the river.\n\n"
        "Forecasters expect more showers through the weekend.",
        None,
    ),
    (
        (
            "<html><head><meta charset='iso-8859-1'><title>Caf\xe9 reopens</title></head><body><article>"
            "<p>The caf\xe9 on the square reopened on Monday after a year of repairs to its fa\xe7ade.</p>"
            "<p>Its owner said the menu would stay the same, cr\xe8me br\xfbl\xe9e included.</p></article></body></html>"
        ).encode("latin-1"),
        "https://square.example/cafe",
    ),
]


def _parse_all(order: list[int]) -> dict[int, list[str]]:
    results: dict[int, list[str]] = {}
    lock = threading.Lock()
    barrier = threading.Barrier(8)

    def one(batch: list[int]) -> None:
        barrier.wait()  # all threads start together, so the first ones race to load the plugins
        for index in batch:
            source, url = DOCUMENTS[index]
            text = articlekit.to_json(articlekit.parse(source, url=url))
            with lock:
                results.setdefault(index, []).append(text)

    batches = [order[i::8] for i in range(8)]
    with ThreadPoolExecutor(max_workers=8) as pool:
        for future in [pool.submit(one, batch) for batch in batches]:
            future.result()
    return results


def test_eight_threads_give_the_same_articles_as_one() -> None:
    plugins.reload()  # a registry not loaded yet: the threads load it concurrently
    try:
        order = [i % len(DOCUMENTS) for i in range(8 * len(DOCUMENTS))]
        threaded = _parse_all(order)
        alone = {i: articlekit.to_json(articlekit.parse(source, url=url)) for i, (source, url) in enumerate(DOCUMENTS)}
    finally:
        plugins.reload()
    assert sorted(threaded) == sorted(alone)
    for index, texts in threaded.items():
        assert len(texts) == 8
        assert set(texts) == {alone[index]}, f"document {index} differs between threads"
    # The documents exercise what they should: quotes, authors, links and both parser kinds.
    parsed = [articlekit.from_json(alone[i]) for i in sorted(alone)]
    assert {a.parser.name for a in parsed if a.parser is not None} >= {"html", "text"}
    assert sum(len(a.quotes) for a in parsed) >= 3
    assert parsed[0].authors == ("Mira Holt",)
