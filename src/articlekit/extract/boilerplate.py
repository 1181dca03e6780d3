"""Vocabularies of boilerplate, grouped by concept, in one place.

Each concept is a tuple of regular-expression fragments matched against an element's
``class`` and ``id`` (lower-cased, joined by a space). :data:`UNLIKELY` (the union of the
concepts) marks containers that are almost never article text; :data:`MAYBE` rescues a
container whose names also say it could be content (``"article-sidebar"`` is not dropped for
``"sidebar"`` when it also says ``"article"``). :data:`POSITIVE` / :data:`NEGATIVE` weigh
candidate containers while the body is scored.

Text vocabularies (:data:`RELATED_HEADINGS`, :data:`READ_MORE_TEXT`, :data:`DISCLAIMER_TEXT`,
:data:`DISCLOSURE_TEXT`, :data:`SOURCE_TEXT`, :data:`CREDIT_TEXT`, :data:`CAPTION_CREDIT`,
:data:`PROMPT_TEXT`, :data:`FURNITURE_TEXT`) recognise blocks by what they say rather than by
their markup, in the languages of the development corpora (English, German, Spanish, French,
Polish, Portuguese, Italian; Korean too for a site's imprint).

Generic words only: site-specific class names belong in a publisher parser
(:attr:`articlekit.parsers.html.HtmlParser.drop_selectors`), never here.
"""

from __future__ import annotations

import re

__all__ = [
    "AUTHOR_BOX",
    "AUTHOR_HEADINGS",
    "BROWSER_NOTICE",
    "BUILDER_SCAFFOLDING",
    "CAPTION_CREDIT",
    "COMMENTS",
    "CONSENT",
    "CREDIT",
    "CREDIT_TEXT",
    "DISCLAIMER",
    "DISCLAIMER_TEXT",
    "DISCLOSURE_TEXT",
    "FOOTER",
    "FURNITURE_TEXT",
    "GALLERY",
    "MAYBE",
    "NAVIGATION",
    "NEGATIVE",
    "NEWSLETTER",
    "POSITIVE",
    "PROMPT_TEXT",
    "READ_MORE_OPENERS",
    "READ_MORE_TEXT",
    "RELATED",
    "RELATED_HEADINGS",
    "SHARE",
    "SOURCE_TEXT",
    "UNLIKELY",
    "WIDGETS",
    "compile_names",
]

#: Menus, breadcrumbs, pagination, skip links.
NAVIGATION = (
    r"screen-reader-text",
    r"sr-only",
    r"visually-hidden",
    r"\bnav",
    r"menu",
    r"breadcrumb",
    r"pagination",
    r"pager\b",
    r"skip-?link",
    r"masthead",
    r"toolbar",
)
#: Share bars and social buttons.
SHARE = (r"\bshare", r"sharing", r"social", r"addthis", r"sharethis", r"tweet", r"facebook", r"whatsapp")
#: Cookie and consent notices.
CONSENT = (r"cookie", r"consent", r"gdpr", r"(?<![\w-])cmp(?![\w-])", r"privacy-?(?:notice|banner)")
#: "Your browser is out of date" notices and overlays (shown to old browsers only).
BROWSER_NOTICE = (
    r"(?:old|outdated|update|upgrade|unsupported|legacy)-?browser",
    r"browser-?(?:update|upgrade|warning|notice|outdated|unsupported)",
    r"\bie\d*-?(?:overlay|warning|notice|banner|message)",
)
#: Newsletter sign-ups, subscription and other promos, ads.
NEWSLETTER = (
    r"newsletter",
    r"subscri",
    r"signup",
    r"sign-up",
    r"promo",
    r"\bads?\b",
    r"\bad-",
    r"-ad\b",
    r"advert",
    r"sponsor",
    r"banner",
    r"paywall",
    r"popup",
    r"modal",
    r"outbrain",
    r"taboola",
)
#: Reader comments.
COMMENTS = (r"comment", r"disqus", r"discuss", r"respond\b", r"reply")
#: "Related", "recommended", "read also", "most popular" lists.
RELATED = (
    r"related",
    r"recommend",
    r"read-?(?:also|next)",
    r"more-?(?:stories|articles|from|on)",
    r"popular",
    r"trending",
    r"most-?read",
    r"you-?may-?like",
    r"also-?read",
)
#: Author boxes and biographies after the article.
AUTHOR_BOX = (r"author-?(?:box|bio|info|card|profile)", r"\bbio\b", r"about-?the-?author", r"contributor-?bio")
#: Site footers, sidebars, widgets.
FOOTER = (r"footer", r"sidebar", r"\bfoot\b", r"copyright", r"\bmeta-?links", r"\btags?-?list", r"rss")
#: Generic widgets: dropped unless they hold prose (some CMSs wrap the article itself in one).
WIDGETS = (r"widget",)
#: Class tokens page builders put on every block, the article's text included (Elementor's
#: ``elementor-widget-container``, HubSpot's ``hs_cos_wrapper_widget`` / ``widget-type-rich_text``):
#: scaffolding, not widgets. Taken out of a class name before it is read, so what the rest of
#: the token says still counts (``elementor-widget-share-buttons`` is still a share bar).
BUILDER_SCAFFOLDING = re.compile(r"\b(?:elementor-widget|hs_cos_wrapper_widget|widget-span|widget-type)")
#: Photo galleries and carousels (captions in a slideshow are not the article's prose).
GALLERY = (r"gallery", r"slideshow", r"carousel", r"lightbox")
#: Disclaimers and republication notices (by markup).
DISCLAIMER = (r"disclaimer", r"republish", r"syndicat")
#: Photo credits (by markup): the caption may be the article's, the credit never is.
CREDIT = (
    r"(?<![\w-])credits?(?![\w-])",
    r"(?:photo|image|img|media|picture|caption)-?credit",
    r"photographer",
    r"bildnachweis",
    r"bildquelle",
    r"subcaption",
    r"(?:image|photo)-?source",
)

#: Every boilerplate concept: a container named by one of these is dropped in the strict pass.
UNLIKELY = (
    *NAVIGATION,
    *WIDGETS,
    *GALLERY,
    *SHARE,
    *CONSENT,
    *BROWSER_NOTICE,
    *NEWSLETTER,
    *COMMENTS,
    *RELATED,
    *AUTHOR_BOX,
    *FOOTER,
    *DISCLAIMER,
    *CREDIT,
)
#: Names that may be content despite an :data:`UNLIKELY` word.
MAYBE = (r"and", r"article", r"body", r"column", r"content", r"main", r"shadow")
#: Names of containers that usually hold the article (raise the score).
POSITIVE = (
    r"article",
    r"body",
    r"content",
    r"entry",
    r"hentry",
    r"h-entry",
    r"main",
    r"page",
    r"pagination",
    r"post",
    r"text",
    r"blog",
    r"story",
)
#: Names of containers that usually do not (lower the score).
NEGATIVE = (
    r"-ad-",
    r"hidden",
    r"\bhid\b",
    r"banner",
    r"combx",
    r"comment",
    r"com-",
    r"contact",
    r"footer",
    r"gdpr",
    r"masthead",
    r"media",
    r"meta",
    r"outbrain",
    r"promo",
    r"related",
    r"scroll",
    r"share",
    r"shoutbox",
    r"sidebar",
    r"skyscraper",
    r"sponsor",
    r"shopping",
    r"tags",
    r"widget",
    r"byline",
    r"author",
)

#: "Related"/"read also" phrases in the languages of the development corpora (English, German,
#: Spanish, French, Polish, Portuguese, Italian): the words of a heading or lone label that
#: introduces a list of other articles.
_RELATED_PHRASES = (
    # English
    r"related(?:\s+(?:articles?|stories|posts|content|coverage|reading|links|news|topics))?",
    r"read\s+(?:also|more|next)",
    r"see\s+also",
    r"also\s+read",
    r"more\s+(?:on|about|from)\b.*",
    r"more\s+(?:stories|articles|news)",
    r"recommended(?:\s+for\s+you)?",
    r"you\s+(?:may|might)\s+also\s+(?:like|be\s+interested\s+in)",
    r"further\s+reading",
    r"most\s+(?:read|popular|viewed)",
    r"what\s+to\s+read\s+next",
    r"top\s+stories",
    r"(?:latest|recent)\s+(?:news|stories|articles|posts)",
    r"don'?t\s+miss",
    # German
    r"(?:lesen|sehen)\s+sie\s+(?:auch|mehr)(?:\s+(?:die\s+folgenden\s+beiträge|zum\s+thema))?",
    r"(?:das|dies)\s+könnte\s+(?:sie|dich)\s+(?:auch\s+)?interessieren",
    r"auch\s+interessant",
    r"mehr\s+(?:zum\s+thema|themen|dazu|artikel|nachrichten)",
    r"weitere\s+(?:artikel|beiträge|nachrichten|meldungen|themen)(?:\s+\w+(?:\s+\w+)?)?",
    r"weiterführende\s+(?:links|artikel|beiträge)",
    r"zum\s+weiterlesen",
    r"schon\s+gelesen\??",
    r"(?:ähnliche|verwandte|empfohlene|neueste|aktuelle)\s+(?:artikel|beiträge|themen|nachrichten)",
    r"passend\s+zum\s+thema",
    r"(?:am\s+)?meist(?:en)?\s*gelesen(?:e)?",
    r"siehe\s+auch",
    # Spanish
    r"(?:le|te)\s+puede\s+interesar",
    r"también\s+(?:le|te)\s+puede\s+interesar",
    r"(?:lea|lee|vea|ver|mira|mire)\s+también",
    r"(?:temas|noticias|artículos|contenidos?)\s+relacionad[oa]s",
    r"más\s+(?:noticias|leíd[oa]s|vist[oa]s)",
    r"te\s+recomendamos",
    r"puedes\s+ver",
    # French
    r"(?:à\s+)?lire\s+(?:aussi|également)",
    r"voir\s+aussi",
    r"sur\s+le\s+même\s+sujet",
    r"articles?\s+(?:similaires|liés|connexes)",
    r"les\s+plus\s+lus",
    r"vous\s+aimerez\s+aussi",
    # Polish
    r"(?:czytaj|zobacz|przeczytaj)\s+(?:też|także|również)",
    r"polecamy",
    r"najczęściej\s+czytane",
    r"podobne\s+artykuły",
    # Portuguese
    r"(?:leia|veja)\s+(?:também|mais)",
    r"(?:notícias|matérias)\s+relacionadas",
    r"mais\s+lidas",
    # Italian
    r"(?:leggi|vedi)\s+anche",
    r"articoli\s+correlati",
    r"potrebbe\s+interessarti",
)
#: A heading (or a lone label) that introduces a list of related articles.
RELATED_HEADINGS = re.compile(
    r"^\s*(?:" + "|".join(_RELATED_PHRASES) + r")\s*[:.!…]*\s*$",
    re.IGNORECASE,
)
#: The words a :data:`READ_MORE_TEXT` line opens with (a cheap test run before the pattern:
#: keep the two in step). Lines that open with a letter outside ASCII always take the real test.
READ_MORE_OPENERS = (
    "read",
    "see",
    "also",
    "related",
    "more",
    "recommended",
    "click",
    "lesen",
    "sehen",
    "das",
    "auch",
    "mehr",
    "weitere",
    "zum",
    "schon",
    "le",
    "te",
    "lea",
    "lee",
    "vea",
    "ver",
    "mira",
    "mire",
    "puedes",
    "lire",
    "voir",
    "czytaj",
    "zobacz",
    "przeczytaj",
    "polecamy",
    "leia",
    "veja",
    "leggi",
    "vedi",
)
#: A body line that is a single "Read also: <link>" pointer to another article.
READ_MORE_TEXT = re.compile(
    r"^\s*(?:read\s+(?:also|more|next)|see\s+also|also\s+read|related|more\s+on\s+this(?:\s+story)?"
    r"|recommended|click\s+here\s+to\s+read"
    r"|(?:lesen|sehen)\s+sie\s+(?:auch|mehr)|auch\s+interessant|mehr\s+zum\s+thema|weitere\s+(?:artikel|beiträge)"
    r"|zum\s+weiterlesen|schon\s+gelesen\??"
    r"|(?:le|te)\s+puede\s+interesar|(?:lea|lee|vea|ver)\s+también|mir[ae]|puedes\s+ver"
    r"|(?:à\s+)?lire\s+(?:aussi|également)|voir\s+aussi"
    r"|(?:czytaj|zobacz|przeczytaj)\s+(?:też|także|również)|polecamy"
    r"|(?:leia|veja)\s+(?:também|mais)|(?:leggi|vedi)\s+anche)\s*[:\-–—»]",
    re.IGNORECASE,
)
#: Text of a disclaimer or republication notice at the end of an article.
DISCLAIMER_TEXT = re.compile(
    r"(?:(?:this|the)\s+(?:article|story|post|piece)\s+(?:was|is|has\s+been)\s+(?:originally\s+|first\s+)?"
    r"(?:published|republished|reprinted|reproduced|syndicated)"
    r"|originally\s+(?:published|appeared)\s+(?:at|on|in|by)"
    r"|first\s+(?:published|appeared)\s+(?:at|on|in|by)"
    r"|republished\s+(?:here\s+)?(?:with|under|from)"
    r"|(?:is|are)\s+republished\s+(?:from|under|with)"
    r"|under\s+a\s+creative\s+commons"
    r"|the\s+views\s+(?:and\s+opinions\s+)?expressed\s+(?:in\s+this\s+\w+\s+)?are\s+(?:those|solely)"
    r"|(?:do|does)\s+not\s+necessarily\s+reflect\s+the\s+views"
    r"|all\s+rights\s+reserved|alle\s+rechte\s+vorbehalten|tod[oa]s\s+los\s+derechos\s+reservados"
    r"|tous\s+droits\s+réservés|wszelkie\s+prawa\s+zastrzeżone|todos\s+os\s+direitos\s+reservados"
    r"|tutti\s+i\s+diritti\s+riservati"
    r"|^\s*(?:©|\(c\)|copyright)\s*\d{4})",
    re.IGNORECASE,
)
#: A line that is only a photo credit: "Foto: Agentur", "© Name / Agentur", "Bild: ...", in the
#: languages of the development corpora.
CREDIT_TEXT = re.compile(
    r"^\s*\(?\s*(?:©|\(c\)|(?:photo|image|picture|foto|bild|fot|zdjęcie|imagen|imagem|crédito|credit)s?\.?\s*(?::|©|/)"
    r"|(?:photos?|images?|fotos?|bilder?)\s+(?:by|von|de|di)\s)",
    re.IGNORECASE,
)
#: What a site's footer or imprint says: copyright, legal registration numbers and officers,
#: postal and phone contacts, in the languages of the development corpora and of the pages the
#: body was found to be a footer on (Korean, Brazilian Portuguese). Several distinct ones in a
#: little text mark site furniture, never an article.
FURNITURE_TEXT = re.compile(
    r"©|\bcopyright\b|all\s+rights\s+reserved|alle\s+rechte\s+vorbehalten|derechos\s+reservados"
    r"|direitos\s+reservados|droits\s+réservés|prawa\s+zastrzeżone|무단\s*전재|재배포|저작권"
    r"|등록번호|사업자|등록일|발행인|편집인|발행일자|청소년\s*보호|대표\s*전화|대표이사|주소|전화|팩스|이메일"
    r"|\bcnpj\b|\bcep\b|\binscrição|\bhandelsregister|\bhrb\b|ust-?id|\bamtsgericht|\bimpressum"
    r"|\bgeschäftsführer|\bvat\s+(?:no|number|reg)|company\s+(?:no|number|registration)|registered\s+(?:office|in)"
    r"|\b(?:tel|fax|phone|telefon[eo]?|teléfono)\b\s*[.:]|\be-?mail\s*:|\b(?:address|endereço|dirección|adresse)\s*:",
    re.IGNORECASE,
)
#: An advertising or affiliate disclosure, as a page puts it before (or after) the article.
DISCLOSURE_TEXT = re.compile(
    r"^\W*(?:anzeige|werbung|advertisement|sponsored|gesponsert|publicidad|publicité|reklama|patrocinado)\b"
    r"|affiliate[\s-]*(?:links?|partner|programm?e?)|enthält\s+(?:\w+\s+)?werbung"
    r"|(?:earn|earns|receive|receives|erhält|erhalten)\s+(?:\w+\s+){0,4}(?:commission|provision)"
    r"|advertisers\s+do\s+not\s+influence|independent\s+review\s+process|paid\s+partnership",
    re.IGNORECASE,
)
#: A heading (or a lone label) over the author's box after the article.
AUTHOR_HEADINGS = re.compile(
    r"^\s*(?:about\s+the\s+authors?|(?:über|ueber)\s+(?:den|die)\s+(?:autor(?:in|en)?)|autor(?:in|en)?|zur\s+person"
    r"|sobre\s+(?:el|la|o|a)\s+autor(?:a)?|à\s+propos\s+de\s+l'auteur|l'auteur|o\s+autorze|sull'autore"
    r"|the\s+authors?|written\s+by)\s*:?\s*$",
    re.IGNORECASE,
)
#: The credit a photo caption ends with: "... Foto: Agentur", "... © Name", "... / Shutterstock".
#: A short paragraph ending so is a caption that lost its figure (or never had one).
CAPTION_CREDIT = re.compile(
    r"(?:(?:^|[\s.!?)|/])(?:photo|image|picture|foto|bild|fot|zdjęcie|imagen|imagem|crédito|credit)s?\.?\s*[:©]"
    r"|©|\(c\)\s|[/|]\s*(?:[^/|]{0,40}?\b)?(?:shutterstock|getty\s*images|istock(?:photo)?|unsplash|imago|"
    r"picture[\s-]alliance|afp|reuters|dpa|epa|ap\s+photo|domena\s+publiczna|public\s+domain)\b)(?:[^.!?]|[.!?](?=\S)|(?<=\b\w)\.){0,60}$",
    re.IGNORECASE,
)
#: A short line after the article that asks the reader to do something other than read it (share,
#: comment, follow, subscribe, download the app) or files the post (tags, "posted in", "back to"),
#: in the languages of the development corpora. Searched only in the body's last lines.
PROMPT_TEXT = re.compile(
    r"share\s+(?:this|on|via)\b|(?:artikel|beitrag|seite)\s+teilen|teilen\s+sie\b|compart(?:ir|e)\s+(?:esta|este|en)\b"
    r"|partager\s+(?:cet|sur)\b|udostępnij"
    r"|(?:leave|post|write|add)\s+a\s+(?:comment|reply)|\bno\s+comments\b|\bcomments?\s*(?:\(\d+\)|:|$)"
    r"|\bkommentare\b|kommentar\s+(?:schreiben|verfassen|abgeben)|\bin\s+den\s+kommentaren|\bcomentarios?\b"
    r"|\bcommentaires?\b|\bkomentarz(?:e|y|a)?\b|\bcommenti\b"
    r"|follow\s+(?:us|@?\w+\s+on)\b|folg(?:en\s+sie|e)\s+uns|síguenos|suivez-nous|obserwuj\s+nas|seguici|siga-nos"
    r"|subscribe\s+(?:now|here|today|to)\b|^\s*subscribe\b|sign\s+up\s+(?:now|here|today|for|to)\b|newsletter"
    r"|(?:jetzt|hier)\s+(?:\w+\s+)?abonnieren|abonnieren\s+sie|abonnez-vous|suscr[ií]b(?:ete|ase)|zapisz\s+się"
    r"|zapraszamy\s+(?:też\s+)?do\s+subskrypcji|iscriviti|assine\s+(?:já|agora)"
    r"|wird\s+geladen|loading\.\.\.|gefällt\s+mir|\blike\s+this:|cargando\.\.\."
    r"|^\s*(?:tags|schlagw(?:ö|o)rte?r?|stichw(?:ö|o)rte?r?|etiquetas|tagi|mots-clés)\s*:"
    r"|this\s+entry\s+was\s+posted|\bposted\s+in\b|veröffentlicht\s+in\b|\bpermalink"
    r"|^\s*(?:zurück\s+zu[mr]?|back\s+to|volver\s+a|retour\s+à|powrót\s+do)\b"
    r"|download\s+(?:the|our)\s+(?:\w+\s+)?apps?\b",
    re.IGNORECASE,
)
#: Text naming where the article first appeared; its link becomes a ``source`` link.
SOURCE_TEXT = re.compile(
    r"(?:originally|first)\s+(?:published|appeared|posted)|republished\s+(?:from|with)|reprinted\s+(?:from|with)"
    r"|\bsource\s*:",
    re.IGNORECASE,
)


def compile_names(*groups: tuple[str, ...]) -> re.Pattern[str]:
    """One compiled pattern for the fragments of ``groups`` (matched with ``search``)."""
    return re.compile("|".join(f"(?:{fragment})" for group in groups for fragment in group))
