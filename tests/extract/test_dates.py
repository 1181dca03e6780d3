"""Unit tests for :mod:`articlekit.extract.dates`."""

from __future__ import annotations

import datetime as dt

import pytest

from articlekit.extract.dates import date_in_url, find_date, is_plausible, parse_date

EDT = dt.timezone(dt.timedelta(hours=-4))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2022-10-04T09:30:00Z", dt.datetime(2022, 10, 4, 9, 30, tzinfo=dt.UTC)),
        ("2022-10-04 09:30:00+02:00", dt.datetime(2022, 10, 4, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=2)))),
        ("2022-10-04T09:30:00", dt.date(2022, 10, 4)),  # no zone: the day only, never a guessed time
        ("2022-10-04", dt.date(2022, 10, 4)),
        ("Oct 4, 2022", dt.date(2022, 10, 4)),
        ("October 4th 2022", dt.date(2022, 10, 4)),
        ("4 October 2022", dt.date(2022, 10, 4)),
        ("4. Oktober 2022", dt.date(2022, 10, 4)),
        ("4 de octubre de 2022", dt.date(2022, 10, 4)),
        ("Tuesday, October 4, 2022 10:31 AM EDT", dt.datetime(2022, 10, 4, 10, 31, tzinfo=EDT)),
        ("2022/10/04", dt.date(2022, 10, 4)),
        ("04.10.2022", dt.date(2022, 10, 4)),
    ],
)
def test_parse_date_forms(text: str, expected: dt.date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mittwoch, 19. Mai 2010", dt.date(2010, 5, 19)),
        ("am 3. Jänner 2021", dt.date(2021, 1, 3)),
        ("1er octobre 2022", dt.date(2022, 10, 1)),
        ("12 févr. 2021", dt.date(2021, 2, 12)),
        ("4 de setembro de 2019", dt.date(2019, 9, 4)),
        ("7 dic 2020", dt.date(2020, 12, 7)),
        ("4 października 2022 r.", dt.date(2022, 10, 4)),
        ("opublikowano 12 lutego 2021", dt.date(2021, 2, 12)),
        ("15 августа 2016, 13:43", dt.date(2016, 8, 15)),
        ("3 maart 2020", dt.date(2020, 3, 3)),
        ("2022年1月26日 10:30", dt.date(2022, 1, 26)),
        ("입력 2022년 1월 26일", dt.date(2022, 1, 26)),
        ("2022. 1. 26. 오전", dt.date(2022, 1, 26)),
        ("Vydáno 12. 3. 2021", dt.date(2021, 3, 12)),
    ],
)
def test_dates_in_other_languages_and_scripts(text: str, expected: dt.date) -> None:
    assert find_date(text) == expected


def test_c_and_java_style_timestamps() -> None:
    cet = dt.timezone(dt.timedelta(hours=1))
    assert parse_date("Tue Jan 28 15:28:56 CET 2020") == dt.datetime(2020, 1, 28, 15, 28, 56, tzinfo=cet)
    assert parse_date("Mon Mar 02 11:00:00 +0100 2020") == dt.datetime(2020, 3, 2, 11, 0, tzinfo=cet)
    assert parse_date("Tue Jan 28 15:28:56 2020") == dt.date(2020, 1, 28)


@pytest.mark.parametrize("text", ["", "no date here", "2022-13-45", "Feb 30, 2022"])
def test_parse_date_rejects_non_dates(text: str) -> None:
    assert parse_date(text) is None


def test_us_and_european_slashes() -> None:
    assert parse_date("10/04/2022", day_first=False) == dt.date(2022, 10, 4)
    assert parse_date("10/04/2022") == dt.date(2022, 4, 10)
    assert parse_date("25/12/2022", day_first=False) == dt.date(2022, 12, 25)  # 25 cannot be a month


def test_find_date_in_a_dateline() -> None:
    assert find_date("LONDON, Oct 4, 2022 (Reuters) - Shares fell") == dt.date(2022, 10, 4)
    assert find_date("Posted by Ana on 3 May 2021 at 14:05 BST") == dt.datetime(
        2021, 5, 3, 14, 5, tzinfo=dt.timezone(dt.timedelta(hours=1))
    )


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.com/2022/10/04/story", dt.date(2022, 10, 4)),
        ("https://example.com/news/2022-10-04-story.html", dt.date(2022, 10, 4)),
        ("https://example.com/2022/10/story", None),  # the day is unknown
        ("https://example.com/story-2022", None),
        (None, None),
    ],
)
def test_date_in_url(url: str | None, expected: dt.date | None) -> None:
    assert date_in_url(url) == expected


def test_is_plausible() -> None:
    now = dt.datetime(2024, 1, 1, 12, 0, tzinfo=dt.UTC)
    assert is_plausible(dt.date(2023, 12, 31), now=now)
    assert is_plausible(dt.datetime(2024, 1, 1, 20, 0, tzinfo=dt.UTC), now=now)  # zones ahead of UTC
    assert not is_plausible(dt.datetime(2024, 1, 3, 0, 0, tzinfo=dt.UTC), now=now)
    assert not is_plausible(dt.date(2024, 6, 1), now=now)
    assert not is_plausible(dt.date(1970, 1, 1), now=now)
