"""Sniffing a learner's document and reading its text: every format in every supported language,
the file name never trusted over the bytes. Hostile files: test_extract_hostile.py."""

from __future__ import annotations

import re
import unicodedata

import pytest

from parla.content.documents.extract import KINDS, count_words, extract, sniff

from .document_fixtures import (
    BUILDERS,
    FILENAMES,
    LANGUAGES,
    SAMPLES,
    chapter_xhtml,
    docx_bytes,
    encrypted_pdf_bytes,
    epub_archive,
    epub_bytes,
    flat,
    html_bytes,
    package_opf,
    pdf_bytes,
    refusal,
    sample_pdf_bytes,
    srt_bytes,
    txt_bytes,
    vtt_bytes,
)

TITLED = {"md", "html", "pdf", "docx", "epub"}
MARKUP = re.compile(r"<[^>]+>|\*\*|-->|\{\\|\d\d:\d\d:\d\d")


# --- every format in every language -------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", KINDS)
def test_every_format_in_every_language_gives_its_sentences_in_order(kind: str, language: str) -> None:
    sample = SAMPLES[language]

    extracted = extract(BUILDERS[kind](sample), FILENAMES[kind])

    assert extracted.kind == kind
    text = flat(extracted.text)
    positions = [text.find(sentence) for sentence in sample.sentences]
    assert -1 not in positions, f"missing sentences in {extracted.text!r}"
    assert positions == sorted(positions)  # for EPUB: the spine's order, not the zip's or the manifest's
    assert extracted.title == (sample.title if kind in TITLED else None)


@pytest.mark.parametrize("kind", KINDS)
def test_the_text_is_plain_nfc_paragraphs_without_markup(kind: str) -> None:
    text = extract(BUILDERS[kind](SAMPLES["fr"]), FILENAMES[kind]).text

    assert unicodedata.normalize("NFC", text) == text
    assert "\x00" not in text
    assert not MARKUP.search(text)
    assert "not prose" not in text and "color: black" not in text  # Markdown's code, the page's CSS
    for paragraph in text.split("\n\n"):
        assert paragraph and "\n" not in paragraph and paragraph == paragraph.strip()


def test_decomposed_accents_are_composed_and_control_characters_dropped() -> None:
    menu = "Cafe\u0301 cre\u0300me\x07 et un the\u0301 au citron, avec un croissant du matin.\u200b"

    text = extract(menu.encode(), "menu.txt").text

    assert text == "Café crème et un thé au citron, avec un croissant du matin."


def test_utf16_with_a_bom_is_text_and_legacy_encodings_are_refused_with_a_way_out() -> None:
    sample = SAMPLES["de"]

    assert flat(extract(sample.paragraph.encode("utf-16")).text) == sample.paragraph
    reason = refusal(sample.paragraph.encode("cp1252"), "winter.txt")
    assert "UTF-8" in reason


# --- the bytes decide the kind, not the name ---------------------------------------------------------


@pytest.mark.parametrize(
    ("build", "filename", "kind"),
    [
        (sample_pdf_bytes, "notes.txt", "pdf"),
        (html_bytes, "film.srt", "html"),
        (docx_bytes, "book.pdf", "docx"),
        (epub_bytes, "archive.zip", "epub"),
        (epub_bytes, "essay.docx", "epub"),
        (srt_bytes, "notes.txt", "srt"),
        (vtt_bytes, None, "vtt"),
        (txt_bytes, "page.html", "txt"),
    ],
)
def test_a_lying_extension_still_gives_the_real_kind(build, filename: str | None, kind: str) -> None:
    data = build(SAMPLES["es"])

    assert sniff(data, filename) == kind
    assert extract(data, filename).kind == kind


def test_the_extension_only_breaks_the_tie_between_markdown_and_plain_text() -> None:
    data = b"# Notes\n\nSome *text*."

    assert sniff(data, "notes.md") == "md"
    assert sniff(data, "notes.txt") == "txt"
    assert sniff(data) == "txt"
    assert sniff(b'<p align="center">Logo</p>\n\n# Project', "README.md") == "md"
    assert sniff(b'<p align="center">Logo</p>\n\n# Project', "README.txt") == "html"


# --- format details -------------------------------------------------------------------------------


def test_webvtt_gives_the_dialogue_only() -> None:
    vtt = (
        "WEBVTT - Episode 1\n\nSTYLE\n::cue { color: yellow }\n\nNOTE written by the translator\n\n"
        "intro\n00:00:01.000 --> 00:00:03.000 align:start position:10%\n<v Anna>Where is the <c.loud>station</c>?</v>\n\n"
        "00:00:03.500 --> 00:00:05.000\n<00:00:03.500>Turn <00:00:04.000>left &amp; walk.\n"
    )

    extracted = extract(vtt.encode(), "episode.vtt")

    assert extracted.text == "Where is the station? Turn left & walk."


def test_subtitle_cues_split_into_paragraphs_at_a_pause_after_a_sentence() -> None:
    srt = (
        "1\n00:00:01,000 --> 00:00:02,000\nI went to the\n\n"
        "2\n00:00:02,100 --> 00:00:03,000\nstation today.\n\n"
        "3\n00:00:09,000 --> 00:00:10,000\n<b>Later</b> it rained.\n"
    )

    assert extract(srt.encode()).text == "I went to the station today.\n\nLater it rained."


def test_a_web_page_keeps_its_article_and_leaves_navigation_and_footer_out() -> None:
    article = "".join(f"<p>{sentence} {sentence}</p>" for sentence in SAMPLES["en"].sentences * 2)
    page = (
        "<html><head><title>The Lighthouse | Coast News</title></head><body>"
        '<nav><ul><li><a href="/">Home</a></li><li><a href="/about">About us</a></li></ul></nav>'
        f"<main><article><h1>The Lighthouse</h1>{article}</article></main>"
        "<footer><p>Copyright 2024 Coast News. All rights reserved.</p></footer></body></html>"
    )

    extracted = extract(page.encode())

    assert SAMPLES["en"].sentences[0] in extracted.text
    assert "Copyright" not in extracted.text and "About us" not in extracted.text
    assert extracted.title == "The Lighthouse"


@pytest.mark.parametrize(
    "page",
    [
        "<p>Hola <b>mundo</b>, qué <i>tal</i>.</p>",
        "<html><body><h1>Hola</h1><div>Hola <b>mundo</b>, qué <i>tal</i>.</div><ul><li>uno <b>dos</b></li></ul></body></html>",
    ],
)
def test_inline_formatting_never_splits_a_sentence_on_a_page_without_an_article(page: str) -> None:
    text = extract(page.encode()).text

    assert "Hola mundo, qué tal." in text.split("\n\n")


def test_html_in_a_legacy_encoding_is_read_by_its_declared_charset() -> None:
    page = (
        '<html><head><meta charset="windows-1252"><title>Café</title></head><body><p>Un café, s\'il vous plaît.</p></body></html>'
    )

    extracted = extract(page.encode("cp1252"))

    assert extracted.text == "Un café, s'il vous plaît."


def test_japanese_ruby_readings_do_not_split_the_word_they_annotate() -> None:
    chapter = chapter_xhtml("1", "<p><ruby>漢字<rt>かんじ</rt></ruby>を勉強します。</p>", "ja")
    book = epub_archive({"OEBPS/content.opf": package_opf("本", "ja", [("c1", "c1.xhtml")], ["c1"]), "OEBPS/c1.xhtml": chapter})

    assert extract(book).text == "漢字を勉強します。"


def test_markdown_loses_its_markup_and_front_matter_gives_the_title() -> None:
    markdown = (
        '---\ntitle: "Il mercato"\nauthor: Anna\n---\n\n## Sabato\n\n'
        "Il *mercato* apre [presto](https://example.org) ![foto](a.png).\n\n- pane\n- frutta\n\n| a | b |\n|---|---|\n| c | d |\n"
    )

    extracted = extract(markdown.encode(), "mercato.md")

    assert extracted.title == "Il mercato"
    assert extracted.text == "Sabato\n\nIl mercato apre presto .\n\npane\n\nfrutta\n\na b\n\nc d"


def test_a_docx_without_a_core_title_takes_its_first_heading() -> None:
    extracted = extract(docx_bytes(SAMPLES["it"], with_title=False))

    assert extracted.title == "La piazza"


def test_pdf_lines_are_joined_into_paragraphs_and_hyphenated_words_mended() -> None:
    lines = [
        "The keeper climbs the long stairs every evening to light the",
        "lamp, and the sailors out at sea trust its beam to guide them safely",
        "home. The lighthouse has stood at the edge of the cliff for a hun-",
        "dred years.",
        "A new paragraph starts here.",
    ]

    text = extract(pdf_bytes(lines)).text

    assert text == (
        "The keeper climbs the long stairs every evening to light the lamp, and the sailors out at sea trust its "
        "beam to guide them safely home. The lighthouse has stood at the edge of the cliff for a hundred years."
        "\n\nA new paragraph starts here."
    )


@pytest.mark.parametrize("algorithm", ["RC4-128", "AES-128", "AES-256"])
def test_a_pdf_encrypted_with_an_empty_password_opens_as_viewers_open_it(algorithm: str) -> None:
    source = sample_pdf_bytes(SAMPLES["pt"])

    extracted = extract(encrypted_pdf_bytes(source, user_password="", algorithm=algorithm))

    assert SAMPLES["pt"].sentences[0] in extracted.text


def test_pdf_pages_sharing_one_content_stream_are_read_once() -> None:
    data = pdf_bytes(["Only once."], pages=500)

    assert extract(data).text == "Only once."


# --- word counts ---------------------------------------------------------------------------------


def test_words_in_spaced_languages_are_runs_of_word_characters() -> None:
    assert count_words("Hello, world! It's 2024.") == 5
    assert count_words("Danach trinken alle gemeinsam heiße Schokolade.") == 6
    assert count_words("") == 0


def test_chinese_and_japanese_count_about_one_word_per_one_and_a_half_characters() -> None:
    assert count_words("東京") == 1
    assert count_words("我是学生") == 3  # 我 / 是 / 学生
    assert count_words("私は学生です。") == 4  # 私 / は / 学生 / です
    assert count_words("我 在 Tokyo 工作") == 1 + 1 + 1 + 1
