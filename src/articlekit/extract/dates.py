"""Dates and times in the forms news pages write them.

:func:`parse_date` reads one date string (ISO 8601, ``Oct 4, 2022``, ``4 October 2022``,
``Tuesday, October 4, 2022 10:31 AM EDT``, ``2022/10/04`` ...) into a timezone-aware
:class:`~datetime.datetime` when a time *and* a zone are given, or a :class:`~datetime.date`
otherwise: articlekit never invents a time or a zone. :func:`find_date` finds the first such
date inside a longer line (a dateline).
"""

from __future__ import annotations

import datetime as dt
import re

from ..models import DateValue

__all__ = ["MONTHS", "TZ_OFFSETS", "date_in_url", "find_date", "is_plausible", "parse_date"]

#: Month names and their usual abbreviations (lower case) in English, French, Spanish, German,
#: Portuguese, Italian, Dutch, Polish (nominative and genitive: "4 października 2022") and
#: Russian (genitive: "15 августа 2016"), as datelines write them.
MONTHS: dict[str, int] = {}
for _i, _names in enumerate(
    (
        ("january", "jan", "janvier", "janv", "enero", "ene", "januar", "jänner", "janeiro", "gennaio", "gen",
         "januari", "styczeń", "stycznia", "января", "январь"),
        ("february", "feb", "févr", "février", "fév", "febrero", "februar", "fevereiro", "fev", "febbraio",
         "februari", "luty", "lutego", "февраля", "февраль"),
        ("march", "mar", "mars", "marzo", "märz", "mär", "março", "maart", "marzec", "marca", "марта", "март"),
        ("april", "apr", "avril", "avr", "abril", "abr", "aprile", "kwiecień", "kwietnia", "апреля", "апрель"),
        ("may", "mai", "mayo", "maio", "maggio", "mag", "mei", "maj", "maja", "мая", "май"),
        ("june", "jun", "juin", "junio", "juni", "junho", "giugno", "giu", "czerwiec", "czerwca", "июня", "июнь"),
        ("july", "jul", "juillet", "juil", "julio", "juli", "julho", "luglio", "lug", "lipiec", "lipca", "июля",
         "июль"),
        ("august", "aug", "août", "agosto", "ago", "augustus", "sierpień", "sierpnia", "августа", "август"),
        ("september", "sep", "sept", "septembre", "septiembre", "setembro", "set", "settembre", "wrzesień",
         "września", "сентября", "сентябрь"),
        ("october", "oct", "octobre", "octubre", "oktober", "okt", "outubro", "out", "ottobre", "ott",
         "październik", "października", "октября", "октябрь"),
        ("november", "nov", "novembre", "noviembre", "novembro", "listopad", "listopada", "ноября", "ноябрь"),
        ("december", "dec", "décembre", "déc", "diciembre", "dic", "dezember", "dez", "dezembro", "dicembre",
         "grudzień", "grudnia", "декабря", "декабрь"),
    ),
    start=1,
):  # fmt: skip
    for _n in _names:
        MONTHS[_n] = _i

#: UTC offsets, in minutes, of the zone abbreviations news sites print.
TZ_OFFSETS: dict[str, int] = {
    "UTC": 0, "GMT": 0, "Z": 0, "BST": 60, "CET": 60, "CEST": 120, "EET": 120, "EEST": 180,
    "MSK": 180, "IST": 330, "JST": 540, "KST": 540, "AEST": 600, "AEDT": 660, "NZST": 720,
    "EST": -300, "EDT": -240, "CST": -360, "CDT": -300, "MST": -420, "MDT": -360,
    "PST": -480, "PDT": -420, "ET": -300, "PT": -480,
}  # fmt: skip

_MONTH_RE = r"(?P<month>" + "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True)) + r")\.?"
_TIME_RE = (
    r"(?:(?:\s*,?\s*|\s+at\s+|T)(?P<hour>\d{1,2})[:.h](?P<minute>\d{2})(?::(?P<second>\d{2})(?:[.,]\d+)?)?"
    r"\s*(?P<ampm>[ap]\.?m\.?)?"
    r"\s*(?P<zone>Z|[+-]\d{2}:?\d{2}|(?:UTC|GMT)?[+-]\d{1,2}(?::?\d{2})?|"
    + "|".join(sorted(TZ_OFFSETS, key=len, reverse=True))
    + r")?\b)?"
)
_PATTERNS = (
    # 2022-10-04, 2022/10/04, 2022.10.04 (+ time)
    re.compile(r"(?P<year>(?:19|20)\d{2})[-/.](?P<mnum>\d{1,2})[-/.](?P<day>\d{1,2})(?!\d)" + _TIME_RE, re.I),
    # Oct 4, 2022 / October 4th 2022
    re.compile(
        r"\b" + _MONTH_RE + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d{2})\b" + _TIME_RE, re.I
    ),
    # 4 October 2022 / 4. Oktober 2022 / 4 de octubre de 2022
    re.compile(
        r"\b(?P<day>\d{1,2})(?:st|nd|rd|th|er)?\.?\s+(?:de\s+)?"
        + _MONTH_RE
        + r",?\s+(?:de\s+)?(?P<year>(?:19|20)\d{2})\b"
        + _TIME_RE,
        re.I,
    ),
    # 04.10.2022 and 4. 10. 2022 (day first, European) and 10/04/2022 (US month first)
    re.compile(r"\b(?P<a>\d{1,2})(?P<sep>[./])\s?(?P<b>\d{1,2})(?P=sep)\s?(?P<year>(?:19|20)\d{2})\b" + _TIME_RE),
    # Tue Oct 4 09:30:00 CEST 2022 (the C and Java way of writing a time)
    re.compile(
        r"\b" + _MONTH_RE + r"\s+(?P<day>\d{1,2})\s+(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?"
        r"(?:\s+(?P<zone>[+-]\d{4}|" + "|".join(sorted(TZ_OFFSETS, key=len, reverse=True)) + r"))?"
        r"\s+(?P<year>(?:19|20)\d{2})\b",
        re.I,
    ),
    # 2022年10月4日 (Chinese, Japanese), 2022년 10월 4일 (Korean)
    re.compile(r"(?P<year>(?:19|20)\d{2})\s*[年년]\s*(?P<mnum>\d{1,2})\s*[月월]\s*(?P<day>\d{1,2})(?!\d)" + _TIME_RE),
    # 2022. 10. 4. (Korean, Hungarian)
    re.compile(r"(?P<year>(?:19|20)\d{2})\.\s(?P<mnum>\d{1,2})\.\s(?P<day>\d{1,2})\.(?!\d)" + _TIME_RE),
)
_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-](\d{1,2})(?:[/-](\d{1,2}))?(?=[/-]|$|\.html?)")


def _zone(text: str | None) -> dt.tzinfo | None:
    if not text:
        return None
    text = text.strip()
    upper = text.upper()
    if upper in TZ_OFFSETS:
        return dt.timezone(dt.timedelta(minutes=TZ_OFFSETS[upper]))
    m = re.fullmatch(r"(?:UTC|GMT)?([+-])(\d{1,2}):?(\d{2})?", upper)
    if not m:
        return None
    minutes = int(m.group(2)) * 60 + int(m.group(3) or 0)
    if minutes > 14 * 60:
        return None
    return dt.timezone(dt.timedelta(minutes=minutes if m.group(1) == "+" else -minutes))


def _build(match: re.Match[str], *, day_first: bool = True) -> DateValue | None:
    groups = match.groupdict()
    try:
        year = int(groups["year"])
        if groups.get("month"):
            month = MONTHS[groups["month"].lower().rstrip(".")]
            day = int(groups["day"])
        elif groups.get("mnum"):
            month, day = int(groups["mnum"]), int(groups["day"])
        else:
            a, b = int(groups["a"]), int(groups["b"])
            if groups["sep"] == "/" and not day_first:
                a, b = b, a
            if b > 12 >= a:
                a, b = b, a
            day, month = a, b
        day_value = dt.date(year, month, day)
    except (KeyError, ValueError, TypeError):
        return None
    if groups.get("hour") is None:
        return day_value
    hour, minute = int(groups["hour"]), int(groups["minute"])
    ampm = (groups.get("ampm") or "").replace(".", "").lower()
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    zone = _zone(groups.get("zone"))
    if zone is None:
        # A time without a zone would be a guess: keep the day only.
        return day_value
    try:
        return dt.datetime(year, month, day, hour, minute, int(groups.get("second") or 0), tzinfo=zone)
    except ValueError:
        return day_value


def parse_date(text: str | None, *, day_first: bool = True) -> DateValue | None:
    """Parse one date string; ``None`` when it holds no recognisable date.

    >>> parse_date("2022-10-04T09:30:00Z")
    datetime.datetime(2022, 10, 4, 9, 30, tzinfo=datetime.timezone.utc)
    >>> parse_date("Oct 4, 2022")
    datetime.date(2022, 10, 4)
    >>> parse_date("Tuesday 4 October 2022 10:31 EDT").isoformat()
    '2022-10-04T10:31:00-04:00'
    """
    if not text:
        return None
    text = text.strip()
    if len(text) > 200:
        text = text[:200]
    iso = _parse_iso(text)
    if iso is not None:
        return iso
    return find_date(text, day_first=day_first)


def _parse_iso(text: str) -> DateValue | None:
    candidate = text.replace(" ", "T", 1) if re.match(r"\d{4}-\d{2}-\d{2} \d", text) else text
    if not re.match(r"\d{4}-\d{2}-\d{2}", candidate):
        return None
    try:
        value = dt.datetime.fromisoformat(candidate.replace("z", "Z"))
    except ValueError:
        return None
    if "T" not in candidate:
        return value.date()
    if value.tzinfo is None:
        return value.date()
    return value


def find_date(text: str, *, day_first: bool = True) -> DateValue | None:
    """The first date found anywhere in ``text`` (e.g. a dateline), or ``None``."""
    best: tuple[int, DateValue] | None = None
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            value = _build(match, day_first=day_first)
            if value is not None:
                if best is None or match.start() < best[0]:
                    best = (match.start(), value)
                break
    return best[1] if best else None


def date_in_url(url: str | None) -> dt.date | None:
    """A ``/2022/10/04/`` (or ``/2022/10/``, day unknown then ``None``) date in a URL path."""
    if not url:
        return None
    match = _URL_DATE.search(url)
    if not match or not match.group(3):
        return None
    try:
        return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


def is_plausible(value: DateValue, *, now: dt.datetime | None = None) -> bool:
    """Whether ``value`` can be a publication date: after 1990 and not in the future."""
    now = now or dt.datetime.now(dt.UTC)
    day = value.date() if isinstance(value, dt.datetime) else value
    if day.year < 1990:
        return False
    if isinstance(value, dt.datetime):
        return value <= now + dt.timedelta(hours=14)
    return day <= (now + dt.timedelta(hours=14)).date()
