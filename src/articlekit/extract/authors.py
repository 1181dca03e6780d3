"""Author names from bylines: ``By Jane Doe and John Roe``, ``Jane Doe, Reuters``, ``Jane Doe | Staff``.

Fewer but right: a candidate that does not look like a person's or an organisation's name (too
long, digits, an e-mail address, a date, a role word on its own) is dropped.
"""

from __future__ import annotations

import re

__all__ = ["AGENCIES", "clean_author", "looks_like_name", "parse_byline", "split_authors"]

#: The words that label a byline before its "by" ("Posted by", "Veröffentlicht von", "Publié par",
#: "Publicado por", "Opublikowane przez", "Geplaatst door"), in the languages of news pages.
_LABEL_WORDS = (
    "written|words|text|story|reporting|report|posted|published|photos?|article|"
    "veröffentlicht|eingestellt|erstellt|geschrieben|verfasst|gepostet|artikel|beitrag|ein beitrag|alles|"
    "publié|écrit|rédigé|publicado|escrito|publicada|escrita|pubblicato|scritto|"
    "opublikowane|opublikowany|napisane|napisany|geplaatst|geschreven"
)
_PREFIX = re.compile(
    r"^\s*(?:(?:" + _LABEL_WORDS + r")\s+)?(?:by|von|par|por|di|door|av|de|przez)\s*[:\-–]?(?:\s+|$)",
    re.IGNORECASE,
)
#: News agencies: a byline naming one alone is an organisation, not a person.
AGENCIES = (
    "Reuters", "AP", "Associated Press", "AFP", "Agence France-Presse", "Bloomberg", "dpa",
    "UPI", "PA", "PA Media", "TASS", "RIA Novosti", "Xinhua", "EFE", "ANSA", "CNN", "BBC",
)  # fmt: skip
_ROLE_WORDS = {
    "staff", "writer", "reporter", "correspondent", "editor", "contributor", "columnist",
    "senior", "chief", "editorial", "board", "team", "desk", "bureau", "newsroom", "opinion",
    "contributing", "political", "news", "updated", "published", "posted", "email", "follow",
    "author", "more", "articles", "share", "twitter", "facebook", "linkedin", "read", "bio",
    "view", "profile", "and", "photographer", "illustrations", "graphics", "admin", "guest",
}  # fmt: skip
_SPLIT = re.compile(r"\s*(?:,|;|\s&\s|\band\b|\bund\b|\bet\b|\by\b|\be\b|\s\|\s|/|\n)\s*", re.IGNORECASE)
_EMAIL = re.compile(r"\S+@\S+")
_DIGITS = re.compile(r"\d")
_TRAILING_ROLE = re.compile(
    r"\s*[,|–—-]\s*(?:(?:senior|sr\.?|chief|staff|political|contributing|special|foreign|white house|"
    r"national|deputy|associate|managing|executive|head|vice)\s+)*(?:[\w.&-]+\s+){0,2}"
    r"(?:writer|reporter|correspondent|editor|contributor|columnist|staff|producer|director|manager|"
    r"founder|co-founder|ceo|expert|specialist|consultant|dietitian|nutritionist|analyst|strategist)\b.*$",
    re.IGNORECASE,
)


def clean_author(text: str) -> str:
    """One author string without ``By``, e-mail addresses, roles, or surrounding punctuation."""
    text = " ".join(text.split())
    text = _PREFIX.sub("", text)
    text = _EMAIL.sub("", text)
    text = _TRAILING_ROLE.sub("", text)
    text = re.sub(r"^(?:dr|prof)\.?\s+", lambda m: m.group(0), text, flags=re.IGNORECASE)
    return text.strip(" \t,;:|-–—·•@()[]")


def looks_like_name(text: str, *, declared: bool = False) -> bool:
    """Whether ``text`` can be a person's or an organisation's name.

    ``declared``: the text is a value the page marks as a name (a schema.org ``Person``'s
    ``name``), so a name of two or more words written all in lower case passes too.
    """
    if not text or len(text) > 60 or _DIGITS.search(text) or "http" in text.lower():
        return False
    words = text.split()
    if not 1 <= len(words) <= 6:
        return False
    if all(w.lower().strip(".,") in _ROLE_WORDS for w in words):
        return False
    if words[0].lower() in {"and", "updated", "published", "posted", "follow", "email", "share", "more"}:
        return False
    # Names are capitalised in every script that has case; allow particles (de, van, al-).
    letters = [w for w in words if w[0].isalpha()]
    if not letters:
        return False
    capitalised = sum(
        1
        for w in letters
        if not w[0].islower()
        or w.lower() in {"de", "van", "von", "da", "al", "bin", "la", "le", "der", "den", "di", "du"}
    )
    if declared and len(letters) >= 2 and all(w.islower() for w in letters):
        return True
    return capitalised == len(letters)


def split_authors(text: str, *, declared: bool = False) -> list[str]:
    """Several authors in one byline, split and cleaned, duplicates removed (``declared``: as
    :func:`looks_like_name`)."""
    text = clean_author(text)
    names: list[str] = []
    rejected = False
    for part in _SPLIT.split(text):
        name = clean_author(part)
        if not looks_like_name(name, declared=declared):
            rejected = rejected or len(name.split()) > 1
        elif name.lower() not in {n.lower() for n in names}:
            names.append(name)
    if rejected:
        # Next to a phrase that is no name, a lone word is the tail of the phrase the split cut
        # ("Center for Drug Evaluation and Research"), not a person.
        names = [n for n in names if len(n.split()) > 1]
    return names


def parse_byline(line: str) -> list[str] | None:
    """The authors of a plain-text byline, or ``None`` when ``line`` is not a byline.

    >>> parse_byline("by Kyle Anzalone")
    ['Kyle Anzalone']
    >>> parse_byline("By Jane Doe and John Roe")
    ['Jane Doe', 'John Roe']
    >>> parse_byline("Jane Doe, Reuters")
    ['Jane Doe']
    >>> parse_byline("The plan called for referendums.") is None
    True
    """
    line = " ".join(line.split())
    if not line or len(line) > 120 or (line.endswith((".", "?", "!", ":")) and not _PREFIX.match(line)):
        return None
    if _PREFIX.match(line):
        names = split_authors(line)
        return names or None
    agency = next((a for a in AGENCIES if re.search(r"[,|–—-]\s*" + re.escape(a) + r"\s*$", line)), None)
    if agency:
        person = re.sub(r"\s*[,|–—-]\s*" + re.escape(agency) + r"\s*$", "", line)
        names = split_authors(person)
        return names or [agency]
    return None
