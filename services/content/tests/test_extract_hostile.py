"""Hostile and unusable documents: each ends in UnreadableDocument with a reason the learner can act
on, refused from cheap checks (sizes, counts, signatures) before any costly parsing where possible."""

from __future__ import annotations

import io
import zipfile

import pytest

from parla.content.documents import containers, markup
from parla.content.documents import extract as extraction
from parla.content.documents import pdf as pdf_module
from parla.content.documents.archives import MAX_ENTRIES
from parla.content.documents.extract import MAX_BYTES, MAX_WORDS, UnreadableDocument, extract, sniff

from .document_fixtures import (
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
    scanned_pdf_bytes,
    with_declared_sizes,
    zip_bytes,
)

MiB = 1024 * 1024


def test_an_empty_or_blank_file_is_refused() -> None:
    assert "empty" in refusal(b"", "notes.txt")
    assert "no text" in refusal(b" \n\t\n ", "notes.txt")


def test_a_file_over_the_size_limit_is_refused_before_it_is_parsed(monkeypatch: pytest.MonkeyPatch) -> None:
    parsed: list[str] = []
    monkeypatch.setattr(extraction, "read", lambda kind, data: parsed.append(kind))
    monkeypatch.setattr(extraction, "archive_kind", lambda data: parsed.append("zip"))

    reason = refusal(b"%PDF-1.7\n" + b"0" * MAX_BYTES, "book.pdf")

    assert "20 MB" in reason
    assert parsed == []


def test_a_text_over_the_word_limit_says_how_many_words_and_the_limit() -> None:
    reason = refusal(b"word " * (MAX_WORDS + 1), "long.txt")

    assert f"{MAX_WORDS + 1:,}" in reason and f"{MAX_WORDS:,}" in reason


def test_a_pdf_over_the_word_limit_stops_reading_early() -> None:
    with pytest.raises(UnreadableDocument) as raised:
        pdf_module.pdf_document(sample_pdf_bytes(SAMPLES["en"]), max_words=10)

    assert "more than 10 words" in raised.value.reason


@pytest.mark.parametrize(
    ("data", "said"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64), "PNG image"),
        (b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 4, "ELF"),
        (b"\x7fDATA" + bytes(range(256)) * 4, "neither UTF-8 nor UTF-16"),
        (b"plain words\x00\x01\x02 then zeros" + bytes(32), "neither UTF-8 nor UTF-16"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512), ".docx"),
    ],
)
def test_a_binary_file_named_txt_is_refused_as_not_a_document(data: bytes, said: str) -> None:
    assert said in refusal(data, "notes.txt")


def test_a_pdf_that_takes_too_long_is_refused_between_pages() -> None:
    seconds = iter(range(0, 1_000, 100))  # a clock that moves 100 s each time it is read

    with pytest.raises(UnreadableDocument) as raised:
        pdf_module.pdf_document(pdf_bytes(["Slow."], pages=3), MAX_WORDS, clock=lambda: next(seconds))

    assert "takes too long to read: 1 of its 3 pages" in raised.value.reason


def test_a_book_over_the_word_limit_stops_reading_at_the_chapter_that_crosses_it() -> None:
    with pytest.raises(UnreadableDocument) as raised:
        containers.epub_document(epub_bytes(SAMPLES["en"]), max_words=12)

    assert "more than 12 words" in raised.value.reason and "first 2 of 2 chapters" in raised.value.reason


def test_a_truncated_pdf_is_refused_as_incomplete() -> None:
    data = sample_pdf_bytes(SAMPLES["en"])

    assert "incomplete" in refusal(data[: len(data) // 2], "book.pdf")


@pytest.mark.parametrize("algorithm", ["RC4-128", "AES-256"])
def test_a_password_protected_pdf_is_refused_with_how_to_export_it(algorithm: str) -> None:
    data = encrypted_pdf_bytes(sample_pdf_bytes(SAMPLES["en"]), user_password="s3cret", algorithm=algorithm)

    reason = refusal(data, "book.pdf")

    assert "password-protected" in reason and "without a password" in reason


def test_a_scanned_pdf_without_a_text_layer_says_ocr_is_not_supported() -> None:
    reason = refusal(scanned_pdf_bytes(), "scan.pdf")

    assert "no text layer" in reason and "OCR is not supported" in reason


def test_a_damaged_pdf_is_refused() -> None:
    assert "damaged" in refusal(b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >>\n%%EOF\n", "book.pdf")


def test_any_parser_failure_becomes_an_unreadable_document(monkeypatch: pytest.MonkeyPatch) -> None:
    def overflow(*args: object, **kwargs: object) -> None:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(pdf_module.pypdf, "PdfReader", overflow)

    with pytest.raises(UnreadableDocument) as raised:
        extract(sample_pdf_bytes(SAMPLES["en"]), "book.pdf")
    assert isinstance(raised.value.__cause__, RecursionError)


def test_html_nested_a_hundred_thousand_levels_deep_is_refused() -> None:
    page = "<html><body>" + "<div>" * 100_000 + "<p>Deep.</p>" + "</div>" * 100_000 + "</body></html>"

    assert "nested too deeply" in refusal(page.encode(), "page.html")


def test_html_with_too_many_elements_is_refused_before_parsing() -> None:
    page = "<html><body>" + "<b>x</b> " * 600_000 + "</body></html>"

    assert "too many to read safely" in refusal(page.encode(), "page.html")


def test_a_book_sized_html_file_is_read_whole_without_looking_for_a_main_text(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(markup, "WEB_PAGE_ELEMENTS", 5)
    monkeypatch.setattr(markup.trafilatura, "bare_extraction", lambda *args, **kwargs: pytest.fail("trafilatura was called"))

    extracted = extract(html_bytes(SAMPLES["it"]))

    assert flat(extracted.text).endswith(SAMPLES["it"].paragraph)
    assert extracted.title == SAMPLES["it"].title


def test_an_epub_chapter_nested_too_deeply_is_refused() -> None:
    # <b>, not <div>: under 1 MiB, so the zip's ratio check lets it through to the XML parser.
    chapter = chapter_xhtml("1", "<b>" * 100_000 + "Deep." + "</b>" * 100_000)
    book = epub_archive({"OEBPS/content.opf": package_opf("T", "en", [("c1", "c1.xhtml")], ["c1"]), "OEBPS/c1.xhtml": chapter})

    assert "nested too deeply" in refusal(book, "book.epub")


def test_an_epub_entity_bomb_is_refused_unexpanded() -> None:
    entities = '<!ENTITY a "aaaaaaaaaa">' + "".join(
        f'<!ENTITY {n} "{("&" + p + ";") * 10}">' for p, n in zip("abcdefgh", "bcdefghi", strict=True)
    )
    chapter = (
        f'<?xml version="1.0"?><!DOCTYPE html [{entities}]>'
        '<html xmlns="http://www.w3.org/1999/xhtml"><body><p>Safe. &i;</p></body></html>'
    ).encode()
    book = epub_archive({"OEBPS/content.opf": package_opf("T", "en", [("c1", "c1.xhtml")], ["c1"]), "OEBPS/c1.xhtml": chapter})

    assert "expands beyond what can be read safely" in refusal(book, "book.epub")


def bomb(kind: str) -> bytes:
    """A real one: 4 MiB of zeros deflates to a few kilobytes."""
    zeros = b"\x00" * (4 * MiB)
    if kind == "docx":
        return zip_bytes({"[Content_Types].xml": b"<Types/>", "word/document.xml": zeros})
    return epub_archive({"OEBPS/content.opf": zeros})


@pytest.mark.parametrize("kind", ["docx", "epub"])
def test_a_zip_bomb_is_refused_from_its_compression_ratio(kind: str) -> None:
    data = bomb(kind)
    assert sniff(data) == kind

    assert "zip bomb" in refusal(data, f"book.{kind}")


@pytest.mark.parametrize("kind", ["docx", "epub"])
def test_a_zip_declaring_gigabytes_is_refused_before_inflating(kind: str) -> None:
    archive = docx_bytes(SAMPLES["en"]) if kind == "docx" else epub_bytes(SAMPLES["en"])
    name = "word/document.xml" if kind == "docx" else "OEBPS/text/one.xhtml"
    compressed = zipfile.ZipFile(io.BytesIO(archive)).getinfo(name).compress_size

    reason = refusal(with_declared_sizes(archive, {name: (compressed, 4_000_000_000)}), f"book.{kind}")

    assert "zip bomb" in reason


@pytest.mark.parametrize("kind", ["docx", "epub"])
def test_a_zip_entry_inflating_past_its_declared_size_is_refused(kind: str) -> None:
    archive = docx_bytes(SAMPLES["en"]) if kind == "docx" else epub_bytes(SAMPLES["en"])
    name = "word/document.xml" if kind == "docx" else "OEBPS/text/one.xhtml"
    compressed = zipfile.ZipFile(io.BytesIO(archive)).getinfo(name).compress_size

    reason = refusal(with_declared_sizes(archive, {name: (compressed, 100)}), f"book.{kind}")

    assert "could not be read" in reason


def test_a_zip_whose_entries_add_up_past_the_limit_is_refused() -> None:
    names = [f"OEBPS/part{number}.xhtml" for number in range(5)]
    archive = epub_archive({name: b"<p/>" for name in names})

    reason = refusal(with_declared_sizes(archive, {name: (MiB, 25 * MiB) for name in names}), "book.epub")

    assert "would expand to 125 MB" in reason


def test_a_zip_with_too_many_entries_is_refused() -> None:
    archive = epub_archive({f"OEBPS/{number}.css": b"" for number in range(MAX_ENTRIES + 1)})

    assert f"more than {MAX_ENTRIES:,} files" in refusal(archive, "book.epub")


@pytest.mark.parametrize("path", ["../../etc/passwd", "/etc/passwd", "OEBPS/../../evil.xhtml", "C:/Windows/evil.xhtml"])
def test_an_epub_with_a_path_leaving_the_book_is_refused(path: str) -> None:
    book = epub_bytes(SAMPLES["en"])
    hostile = epub_archive({"OEBPS/content.opf": package_opf("T", "en", [("c1", "c1.xhtml")], ["c1"]), path: b"root:x:0:0"})

    assert "unsafe path" in refusal(hostile, "book.epub")
    assert extract(book).kind == "epub"  # the next good import still works


def test_an_epub_spine_pointing_outside_the_book_is_refused() -> None:
    opf = package_opf("T", "en", [("c1", "../../../etc/passwd")], ["c1"])

    assert "outside the book" in refusal(epub_archive({"OEBPS/content.opf": opf}), "book.epub")


def test_a_zip_that_is_neither_docx_nor_epub_is_refused() -> None:
    spreadsheet = zip_bytes({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"})

    assert "neither a DOCX document nor an EPUB book" in refusal(spreadsheet, "sheet.docx")
