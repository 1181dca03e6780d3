"""extract_body on pages in other languages and scripts: what holds up everywhere.

Every page here is written for the test (original prose, realistic markup).
"""

from __future__ import annotations

import lxml.html
import pytest

from articlekit.extract.body import Body, extract_body
from articlekit.models import LinkKind

GERMAN = (
    "Der Gemeinderat hat am Dienstag nach langer Debatte beschlossen, die alte Fährstelle am Fluss wieder "
    "zu öffnen, sobald die neuen Stege geliefert und geprüft worden sind."
)


def _story(paragraphs: int) -> str:
    return f"<p>{GERMAN}</p>" * paragraphs


def _body(html: str) -> Body:
    return extract_body(lxml.html.document_fromstring(html), base_url="https://news.example/a")


def test_ruby_readings_are_not_read_into_the_text() -> None:
    # Japanese pages for learners print readings over the kanji (<rt>, with <rp> fallbacks):
    # they annotate the text, they are not part of it.
    sentence = "<ruby>漢字<rp>（</rp><rt>かんじ</rt><rp>）</rp></ruby>を<ruby>勉強<rt>べんきょう</rt></ruby>しました。"
    paragraphs = "".join(f"<p>今日は{sentence}明日も続けます、そして来週も続けます。</p>" for _ in range(5))
    body = _body(f"<html><body><article>{paragraphs}</article></body></html>")
    assert body.paragraphs[0] == "今日は漢字を勉強しました。明日も続けます、そして来週も続けます。"


@pytest.mark.parametrize(
    "heading",
    [
        "Das könnte Sie auch interessieren",
        "Mehr zum Thema",
        "Lesen Sie auch:",
        "Le puede interesar",
        "Temas relacionados",
        "À lire aussi",
        "Czytaj też",
        "Leia também",
        "Leggi anche",
        "Top Stories",
    ],
)
def test_a_related_heading_in_any_language_and_its_list_stay_out(heading: str) -> None:
    story = _story(5)
    teasers = "".join(f"<li><a href='/t/{n}'>Neue Brücke über den Kanal, Teil {n}</a></li>" for n in range(4))
    html = f"<html><body><article>{story}<h3>{heading}</h3><ul>{teasers}</ul></article></body></html>"
    body = _body(html)
    assert body.paragraphs == (GERMAN,) * 5
    assert [link.kind for link in body.links] == [LinkKind.RELATED] * 4


@pytest.mark.parametrize(
    "label", ["Lesen Sie auch:", "LE PUEDE INTERESAR:", "VEA TAMBIÉN:", "Czytaj także:", "Lire aussi :", "Leia mais:"]
)
def test_a_read_also_line_in_any_language_is_a_related_link(label: str) -> None:
    story = _story(3)
    line = f"<p>{label} <a href='/other'>Hochwasser am Oberlauf: die Pegel steigen</a></p>"
    body = _body(f"<html><body><article>{story}{line}{story}</article></body></html>")
    assert not any(label.rstrip(" :") in p for p in body.paragraphs)
    assert [link.kind for link in body.links] == [LinkKind.RELATED]


def test_a_sentence_opening_with_related_words_stays_body() -> None:
    # Only a short label (a heading, or "Label: link") is furniture; prose using the words is not.
    said = "Mehr zum Thema Brücken sagte die Bürgermeisterin am Abend, und sie lobte die Arbeiter ausdrücklich."
    story = _story(4)
    body = _body(f"<html><body><article>{story}<p>{said}</p></article></body></html>")
    assert said in body.paragraphs


def test_a_landmark_role_that_swallowed_the_page_is_a_wrapper() -> None:
    # An unclosed <section role="complementary"> (a live-radio box) nests the rest of the page,
    # the article included: it is broken markup, not a sidebar to remove.
    story = _story(5)
    html = (
        "<html><body><header role='banner'><a href='/'>Start</a></header>"
        "<section role='complementary'><p>Jetzt live: Morgenmagazin</p>"
        f"<section role='main'><article>{story}</article></section></body></html>"
    )
    assert _body(html).paragraphs.count(GERMAN) == 5
    # A sidebar landmark beside the article still goes.
    aside = "<section role='complementary'>" + f"<p>{GERMAN}</p>" * 2 + "</section>"
    assert _body(f"<html><body><article>{story}</article>{aside}</body></html>").paragraphs == (GERMAN,) * 5


def test_a_choice_with_little_prose_gives_way_to_the_block_of_prose_elsewhere() -> None:
    # A disclosure box named like content, its one paragraph full of commas, outscores an
    # article written in short plain sentences; its prose is a fraction of the article's.
    disclosure = (
        "<div class='disclosure-body'><p>Offers, rates, fees, terms, and partners, listed here, may, at times, "
        "change, vary, lapse, or differ, by region, by product, by issuer, and by date.</p>"
        "<p>Cards, loans, and accounts, shown, ranked, or rated, here, are, in part, paid placements.</p></div>"
    )
    sentences = [
        "Die Fähre fährt wieder ab Montag",
        "Sie legt jede Stunde am neuen Steg an",
        "Der alte Steg wird im Winter abgerissen",
        "Kinder fahren in den Ferien umsonst mit",
        "Am Wochenende gibt es zusätzliche Fahrten",
        "Die Stadt zahlt die Hälfte der Kosten",
    ]
    story = "".join(f"<p>{s} und alle freuen sich darüber sehr.</p>" for s in sentences * 2)
    html = f"<html><body>{disclosure}<div class='wrap'><div><div>{story}</div></div></div></body></html>"
    paragraphs = _body(html).paragraphs
    assert len(paragraphs) == 12
    assert not any("Offers" in p for p in paragraphs)
    # A choice holding enough prose of its own stands, however long the other block is.
    long_story = _story(4)
    page = f"<html><body><article>{long_story}</article><div class='wrap'><div>{story * 3}</div></div></body></html>"
    assert _body(page).paragraphs[:4] == (GERMAN,) * 4


@pytest.mark.parametrize("credit", ["Foto: Agentur Nordlicht", "© Hafenbild / M. Berger", "Bild: Stadtarchiv", "Photo by Ana Ruiz"])
def test_photo_credits_stay_out_of_the_body(credit: str) -> None:
    story = _story(4)
    figure = f"<figure><img src='/f.jpg'><figcaption>Der neue Steg im Morgennebel.<p>{credit}</p></figcaption></figure>"
    named = "<figure><img src='/g.jpg'><span class='image-credit'>Nordlicht</span></figure>"
    body = _body(f"<html><body><article>{story}{figure}{story}{named}</article></body></html>")
    assert "Der neue Steg im Morgennebel." in body.paragraphs  # the caption is kept
    assert not any(credit in p or "Nordlicht" in p for p in body.paragraphs)


def test_credit_words_in_prose_and_in_names_of_headings_stay() -> None:
    # A long caption that opens like a credit is a caption; "tax-credit" in a heading's id is a topic.
    caption = "Foto: Die Fähre am ersten Morgen, als die Pendler sie noch nicht kannten und am Ufer warteten."
    story = _story(4)
    html = f"<html><body><article>{story}<h2 id='the-tax-credit'>The tax credit</h2><p>{caption}</p>{story}</article></body></html>"
    body = _body(html)
    assert "The tax credit" in body.paragraphs
    assert caption in body.paragraphs


@pytest.mark.parametrize(
    "prompts",
    [
        ("Diesen Artikel teilen", "Keine Kommentare"),
        ("Folgen Sie uns auf Facebook und Instagram",),
        ("Tags: Fähre, Hafen, Stadtrat",),
        ("Síguenos en nuestras redes sociales", "Comentarios (3)"),
        ("Subscribe now for the full story.", "Download our app for the latest news."),
        ("Zapraszamy do subskrypcji naszego tygodnika",),
    ],
)
def test_prompts_the_body_ends_with_stay_out(prompts: tuple[str, ...]) -> None:
    story = _story(4)
    tail = "".join(f"<p>{prompt}</p>" for prompt in prompts)
    assert _body(f"<html><body><article>{story}{tail}</article></body></html>").paragraphs == (GERMAN,) * 4


def test_prompt_words_in_the_article_stay() -> None:
    # In the middle of the text, or deep in the last sentence, the words are the author's.
    middle = "Folgen Sie uns auf Facebook, riefen die Demonstranten."
    last = "Die Fähre hat inzwischen viele Stammgäste, die sie gern abonnieren würden, schrieb der Kapitän in den Kommentaren."
    story = _story(4)
    body = _body(f"<html><body><article>{story}<p>{middle}</p>{story}<p>{last}</p></article></body></html>")
    assert middle in body.paragraphs
    assert body.paragraphs[-1] == last


def test_all_rights_reserved_in_other_languages_is_a_notice() -> None:
    story = _story(4)
    body = _body(f"<html><body><article>{story}<p>© 2024 Hafenbote. Alle Rechte vorbehalten.</p></article></body></html>")
    assert body.paragraphs == (GERMAN,) * 4
    assert body.disclaimer == "© 2024 Hafenbote. Alle Rechte vorbehalten."


@pytest.mark.parametrize(
    "caption",
    [
        "Der neue Steg im Morgennebel. Foto: Agentur Nordlicht",
        "Pendler warten am Ufer. © Hafenbild / M. Berger",
        "El muelle nuevo al amanecer / Shutterstock",
        "Nowa przystań o świcie. Fot.: Jan Nowak",
    ],
)
def test_a_short_caption_ending_with_its_credit_stays_out(caption: str) -> None:
    story = _story(4)
    body = _body(f"<html><body><article>{story}<p>{caption}</p>{story}</article></body></html>")
    assert body.paragraphs == (GERMAN,) * 8


def test_a_table_row_naming_an_agency_is_data() -> None:
    story = _story(4)
    table = (
        "<table><tr><th>Thema</th><th>Status</th></tr><tr><td>Datenschutz</td><td>Vertrag / DPA</td></tr>"
        "<tr><td>Fähre</td><td>in Betrieb</td></tr></table>"
    )
    body = _body(f"<html><body><article>{story}{table}</article></body></html>")
    assert "Datenschutz | Vertrag / DPA" in body.paragraphs


def test_a_footer_chosen_for_its_commas_gives_way_to_the_article() -> None:
    # A Korean news page: the imprint (address, registration number, publisher, phone, copyright),
    # its lines full of commas and its box named like content, outscores the article's plain
    # sentences. It reads like furniture, and a larger block of prose is elsewhere: the article.
    imprint_line = (
        "<p>주소: 서울특별시 중구 세종대로 1, 2층, 대표전화: 02-000-0000, 팩스: 02-000-0001, 등록번호: 서울 아 00000, "
        "등록일: 2010년 1월 1일, 발행인: 김하늘, 편집인: 이바다, 청소년보호책임자: 박구름, 무단 전재 및 재배포 금지, "
        "Copyright © 하늘일보, All rights reserved.</p>"
    )
    imprint = "<div class='footer-body-info'>" + imprint_line * 3 + "</div>"
    sentence = "시의회는 화요일 오랜 논의 끝에 강가의 옛 나루터를 다시 열기로 결정했다 새 부두가 도착하고 점검이 끝나는 대로 배가 다닌다"
    story = "".join(f"<p>{sentence} {n}번째 소식이다</p>" for n in range(14))
    html = f"<html><body><div class='wrap'><div><div>{story}</div></div></div>{imprint}</body></html>"
    paragraphs = _body(html).paragraphs
    assert len(paragraphs) == 14
    assert not any("등록번호" in p for p in paragraphs)


@pytest.mark.parametrize(
    "opening",
    ["Anzeige, enthält Affiliate-Links", "This post may contain affiliate links: we may earn a commission on purchases."],
)
def test_an_advertising_disclosure_opening_the_body_is_a_notice(opening: str) -> None:
    story = _story(4)
    body = _body(f"<html><body><article><p>Zurück zur Übersicht</p><p>{opening}</p>{story}</article></body></html>")
    assert body.paragraphs == (GERMAN,) * 4
    assert body.disclaimer == opening


def test_an_article_opening_with_a_commission_is_an_article() -> None:
    first = "The European Commission said on Monday it would fund the new ferry line across the estuary."
    story = _story(4)
    assert _body(f"<html><body><article><p>{first}</p>{story}</article></body></html>").paragraphs[0] == first


@pytest.mark.parametrize("heading", ["Über die Autorin", "About the author", "Sobre el autor", "O autorze"])
def test_the_author_box_after_the_article_stays_out(heading: str) -> None:
    bio = "<p>Mara Lind schreibt seit 2010 über Häfen, Fähren und Kanäle für das Blatt.</p>"
    body = _body(f"<html><body><article>{_story(5)}<h3>{heading}</h3>{bio}</article></body></html>")
    assert body.paragraphs == (GERMAN,) * 5


def test_an_author_heading_in_the_middle_of_a_long_article_stays() -> None:
    body = _body(f"<html><body><article>{_story(3)}<h3>Zur Person</h3>{_story(6)}</article></body></html>")
    assert "Zur Person" in body.paragraphs
