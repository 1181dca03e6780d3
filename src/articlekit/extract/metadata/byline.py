"""The byline stage: the authors' names (:func:`find_authors`), persons before organisations."""

from __future__ import annotations

import re
from typing import Any, cast

import lxml.html
from lxml import etree

from ..authors import _LABEL_WORDS, AGENCIES, split_authors
from .sources import _META_AUTHOR, _NOT_TEXT, Sources, _clean, _els, _squash, _unique

__all__ = ["find_authors"]

#: Links to an author page (``/author/jane-doe``), a byline when nothing else names the author.
_AUTHOR_PATH = re.compile(r"/(?:authors?|writers|contributors|staff|producers|by)/")
#: Class names that mark a byline (case as written: ``Author`` but not ``AUTHOR``).
_BYLINE_CLASSES = ("byline", "Byline", "author", "Author", "by-line", "writer")
#: Elements that may be a byline (see :func:`_is_byline`): each ``contains`` costs a copy of
#: every class attribute, so ``yline`` and ``uthor`` stand for two words each here.
_BYLINES = etree.XPath(
    "/descendant::*[@class[contains(., 'yline') or contains(., 'uthor') or contains(., 'by-line') "
    "or contains(., 'writer')] or @id[contains(., 'byline')] or @data-testid[contains(., 'byline')]]"
)
#: Text that labels a byline in words: "Written by Jane Doe", "von Max Muster", "par Jean Dupont",
#: "Autor: Ana Ruiz", "Posted on May 4, 2021 by Tom Lee", or such a label before the element (or
#: after the element) holding the name (page builders put label and name apart). The XPath only
#: keeps the text nodes that can hold a label (a letter or two every label has: "by", "von",
#: "par", "przez", "Text", "Auteur"); :data:`_LABEL` tests them. Few ``contains`` per text node,
#: each a copy of the node's text: one per label word costs several times more on large pages,
#: and testing every text node in Python more still.
_LABEL_TEXTS = etree.XPath(
    "/html/body//text()[contains(., 'y') or contains(., 'o') or contains(., 'ar') or contains(., 'ext') "
    "or contains(., 'rz') or contains(., 'eur')]"
    "[not(parent::script or parent::style)]"
)
_LABEL = re.compile(
    r"\s*(?:(?:(?:" + _LABEL_WORDS + r")\s+)?(?:by|von|par|por|przez|door)\b\s*:?"
    r"|(?:author|authors|autor|autorin|autoren|auteur|auteurs|autore|autora|autores|text|texte|texto|tekst)\s*:"
    r"|(?:posted|published|veröffentlicht|publié|publicado)\s+(?:on|am|le|el|em)\s+[^|:]{4,40}?\s+"
    r"(?:by|von|par|por)\b)",
    re.IGNORECASE,
)
#: Weekday names in the languages of news pages (English, German, French, Spanish, Italian,
#: Portuguese, Polish, Dutch).
_WEEKDAYS = (
    "monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    "montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|"
    "lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|"
    "lunes|martes|miércoles|jueves|viernes|sábado|domingo|"
    "lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica|"
    "segunda-feira|terça-feira|quarta-feira|quinta-feira|sexta-feira|"
    "poniedziałek|wtorek|środa|czwartek|piątek|sobota|niedziela|"
    "maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag"
)
_MONTH_NAMES = "january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec"
_BYLINE_TAIL = re.compile(
    r"\s+(?:[|•·—–-]\s*)?(?:last\s+)?(?:updated|published|posted|modified|reviewed|on)\b"
    r"|\s+(?:[|•·—–-]\s*)?(?:medically\s+)?(?:edited|reviewed|fact[- ]checked|illustrated|photographed)\s+by\b"
    # The photographer's or illustrator's credit after the author's ("Foto: ...", "Illustration von ...").
    r"|\s+(?:[|•·—–-]\s*)?(?:fotos?|photos?|bilder?|illustrations?|illustrationen)\s*(?::|(?:by|von|par|por)\b)"
    r"|\s+\(?(?:sponsored|advertorial|partner content)\b"
    r"|\s*(?:發表|发表)(?:在|於|于)"  # "Name 發表在 Site": posted at (Chinese blogs)
    r"|(?<=[a-z])(?-i:Updated|Published|Posted|" + _MONTH_NAMES.title() + r")"
    r"|\s(?:[|•·—–-]\s*)?(?:" + _MONTH_NAMES + r")\.?\s*\d|\s[|•·—–-]?\s*\d"
    # A weekday before the date ("Jane Doe Thursday, Nov 9", "Max Muster Fr, 10.11."), a relative
    # time ("vor 3 Stunden", "hace 2 horas"), a handle, a link to the author's other articles.
    r"|\s+(?:[|•·—–-]\s*)?(?:" + _WEEKDAYS + r")\b\.?,?(?=\s*(?:\d|$|(?:" + _MONTH_NAMES + r")\b))"
    r"|\s+(?:[|•·—–-]\s*)?(?:mo|di|mi|do|fr|sa|so|lu|ma|me|je|ve)\b\.?,?(?=\s*\d)"
    r"|\s+(?:hace|vor|il y a|há|fa)\s+\d"
    r"|\s+@\w"
    r"|\s+(?:alle|all|more|mehr|weitere|tous les|todos los)\s+(?:artikel|articles|posts|beiträge|stories|artículos)\b",
    re.IGNORECASE,
)
#: The words that end a team's name ("The Currency editors", "The Verge Staff").
_TEAM_NOUNS = ("editors", "staff", "team", "desk", "newsroom", "writers")
#: A publication's team as the byline: "The", its capitalised name, a :data:`_TEAM_NOUNS` word.
_TEAM = re.compile(r"^(?i:the)(?:\s+[A-Z][\w&.'’-]*){1,4}\s+(?i:" + "|".join(_TEAM_NOUNS) + r")$")
_AUTHOR_LABEL = re.compile(
    r"^(?:(?:author|authors|autor|autorin|autoren|auteur|auteurs|autore|autora|autores|written by|words by|"
    r"posted by|by)\s*:?|(?:text|texte|texto|testo|tekst|fotos?|photos?|interview|entrevista)"
    r"(?:\s*(?:&|and|und|et|y|e|/)\s*(?:text|texte|texto|fotos?|photos?|bilder))?\s*:)\s*(?=\w)",
    re.IGNORECASE,
)
_WITH = re.compile(r"\s*[()]\s*(?:(?:avec|with|mit|con|com)\s+)?|\s+(?:avec|with|mit|con|com)\s+", re.IGNORECASE)
#: "Surname, Given Names" as citation and library metadata write it.
_INVERTED = re.compile(r"^([^\W\d][\w'’-]+),\s+((?:[^\W\d][\w.'’-]*\s?){1,3})$")
#: A role after a name of two or more words ("Jane Doe Senior Editor"; "Max Muster Chefredakteur"
#: in the languages of news pages): cut (see :func:`_byline_names`), the name kept in group 1.
_TRAILING_TITLE = re.compile(
    r"(?<=\S\s)(\S+)\s+\w+\s+(?:editor|writer|reporter|correspondent|columnist|producer)$", re.IGNORECASE
)
_TRAILING_ROLE = re.compile(
    r"(?<=\S\s)(\S+)\s+(?:(?:chefredakteur|redakteur|autor|journalist|korrespondent|reporter)(?:in)?|editor|"
    r"periodista|redactora?|corresponsal|journaliste|rédact(?:eur|rice)|correspondante?|giornalista|"
    r"redatt(?:ore|rice)|dziennikarz|dziennikarka|redaktor|redaktorka)$",
    re.IGNORECASE,
)
_ROLE_NOUNS = frozenset({*_TEAM_NOUNS, "editorial", "admin"})
_COMPANY_WORDS = frozenset({"ltd", "inc", "llc", "gmbh", "corp", "limited", "plc", "llp", "s.a", "ag"})
_CREDENTIALS = frozenset(
    {
        "MA",
        "MD",
        "PHD",
        "RN",
        "MS",
        "MSC",
        "BSC",
        "MPH",
        "DO",
        "RD",
        "LD",
        "CPT",
        "MBA",
        "JD",
        "DDS",
        "NP",
        "PA-C",
        "FACP",
        "FACS",
        "JR",
        "SR",
        "II",
        "III",
    }
)
_HANDLE = re.compile(r"^@\w+$")
_NOT_AUTHOR = re.compile(
    r"^(?:about|contact|follow|subscribe|share|comments?|more from|posts? by|all posts|view all|"
    r"see all|read more|menu|sign in|log in|full bio|bio|no author)\b",
    re.IGNORECASE,
)
#: :data:`~articlekit.extract.authors.AGENCIES` as :func:`~articlekit.extract.metadata.sources._squash` writes them.
_AGENCY_KEYS = frozenset(_squash(a) for a in AGENCIES)


def _is_byline(el: lxml.html.HtmlElement) -> bool:
    """Whether ``el``'s class names a byline (:data:`_BYLINE_CLASSES`), or its id or test id does."""
    names = el.get("class") or ""
    return any(word in names for word in _BYLINE_CLASSES) or any(
        "byline" in (el.get(attribute) or "") for attribute in ("id", "data-testid")
    )


def _byline_names(text: str, orgs: list[str] | None = None, *, declared: bool = False) -> list[str]:
    """The person names in a visible byline or a ``<meta>`` author value.

    Team and desk names ("Health Desk", "The Editors") go to ``orgs`` instead. ``declared``: the
    text is a JSON-LD ``Person``'s name (see :func:`~articlekit.extract.authors.looks_like_name`).
    """
    text = _clean(text)
    if not text or len(text) > 150 or _NOT_AUTHOR.match(text):
        return []
    text = _AUTHOR_LABEL.sub("", text)
    # Cut a date or time the byline runs into ("Jane Doe Updated 4 Oct 2022", "Jane Doe 10:31 AM").
    text = _BYLINE_TAIL.split(text, maxsplit=1)[0]
    if _TEAM.match(text):
        if orgs is not None:
            orgs.append(text)
        return []
    text = _WITH.sub(", ", text)
    names: list[str] = []
    for raw in split_authors(text, declared=declared):
        name = _TRAILING_ROLE.sub(r"\1", _TRAILING_TITLE.sub(r"\1", raw))
        words = {w.strip(".,").casefold() for w in name.split()}
        if name.casefold() == "by" or name.replace(".", "").upper() in _CREDENTIALS:
            continue
        if name.split()[0].casefold() == "the" or words & _ROLE_NOUNS or words & _COMPANY_WORDS:
            if orgs is not None and len(name.split()) >= 2:
                orgs.append(name)
            continue
        if any(q in name for q in '"“”«»'):
            continue  # a quoted title, not a name
        first = name.split()[0]
        if (len(first) == 1 and first.isalpha()) or all(len(w.strip(".")) <= 1 for w in name.split()):
            continue  # initials on an avatar ("J J")
        if names and name.isupper() and len(name) <= 6:
            continue  # a credential after the name: "Jane Doe, MS, RD, FAND"
        names.append(name)
    return names


def _visible_byline_names(text: str, orgs: list[str] | None = None) -> list[str]:
    """Names in visible page text: as :func:`_byline_names`, but a lone word is not trusted."""
    return [n for n in _byline_names(text, orgs) if len(n.split()) >= 2 and "*" not in n]


def _labelled_names(tree: lxml.html.HtmlElement, teams: list[str]) -> list[str]:
    """Names after a byline label in words (:data:`_LABEL`): in the label's own text, in the
    element that holds it, or just after it (its tail, or the next element)."""
    labels = [n for n in cast("list[Any]", _LABEL_TEXTS(tree)) if len(n) <= 200 and _LABEL.match(n)]
    for node in labels[:10]:
        holder = node.getparent()
        if holder is None or holder.tag in _NOT_TEXT:
            continue
        following = holder.getnext()
        if node.is_tail:
            text, after = _clean(node), following.text_content() if following is not None else ""
        else:
            text, after = _clean(holder.text_content()), holder.tail or ""
            if not after.strip():
                after = following.text_content() if following is not None else ""
        if _LABEL.fullmatch(text):
            text += " " + _clean(after)  # only the label here: the name is what follows it
        label = _LABEL.match(text)
        if label is None or text[label.end() :].lstrip(" :")[:1].islower():
            continue  # "By clicking ...": a label followed by words, not a name
        names = _visible_byline_names("By " + text[label.end() :], teams)
        if names:
            return names
    return []


def find_authors(sources: Sources, site_name: str | None) -> tuple[str, ...]:
    """The page's authors, by the precedence of :mod:`articlekit.extract.metadata`."""
    ld, metas, tagged, tree = sources.ld, sources.metas, sources.tagged, sources.tree
    itemprop = sources.itemprop
    site_keys = {_squash(n) for n in (site_name, ld.site_name) if n}
    people: list[str] = []
    teams: list[str] = []
    #: The publication named as author in ``<meta>`` (kept only when nobody else is named).
    site_authors: list[str] = []
    for name in ld.people:
        key = _squash(name)
        if key in site_keys or key in _AGENCY_KEYS:
            ld.orgs.append(name)  # an organisation typed as a Person
        else:
            people.extend(_byline_names(name, teams, declared=True))
    if not people:
        for key in _META_AUTHOR:
            for value in metas.get(key, ()):
                if value.startswith(("http", "www.")) or _HANDLE.match(value):
                    continue
                inverted = _INVERTED.match(value)
                if inverted and inverted.group(1).casefold() not in {"by", "and"}:
                    value = f"{inverted.group(2).strip()} {inverted.group(1)}"  # noqa: PLW2901
                for name in _byline_names(value, teams):
                    (site_authors if _squash(name) in site_keys else people).append(name)
            if people:
                break
    if not people:
        for el in itemprop("author", "creator"):
            named = el.find(".//*[@itemprop='name']")
            source = named if named is not None else el
            text = source.get("content") if source.tag == "meta" else " ".join(source.itertext())
            people.extend(_visible_byline_names(text or "", teams))
    if not people:
        rel_authors = [a for a in tagged["a"] if (rel := a.get("rel")) and (rel == "author" or "author " in rel)]
        for el in rel_authors[:4]:
            people.extend(_visible_byline_names(" ".join(el.itertext()), teams))
    if not people:
        for el in [e for e in _els(_BYLINES, tree) if e.tag not in _NOT_TEXT and _is_byline(e)][:20]:
            names = _visible_byline_names(" ".join(el.itertext()), teams)
            if names:
                people.extend(names)
                break
    if not people:
        parent = None
        author_links = [
            a
            for a in tagged["a"]
            if (href := a.get("href")) and _AUTHOR_PATH.search(href) and "license" not in (a.get("rel") or "")
        ]
        for el in author_links[:12]:
            if parent is not None and el.getparent() is not parent:
                break
            names = _visible_byline_names(el.text_content(), teams)
            if names:
                people.extend(names)
                parent = el.getparent()
    if not (people or teams or ld.orgs or site_authors):
        # The last resort, only when nothing at all names an author: it reads every text node.
        people.extend(_labelled_names(tree, teams))
    return _unique(people) or _unique(teams[:1]) or _unique(ld.orgs) or _unique(site_authors[:1])
