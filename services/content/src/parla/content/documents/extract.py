"""A learner's document: what it really is (from its bytes) and its text, or a reason it has none.

Each format is read by the library made for it (see the sibling modules); this module sniffs,
dispatches, bounds the result and turns any parser's failure into ``UnreadableDocument``, whose
``reason`` tells the learner what is wrong and what to do. The work is CPU-bound and synchronous:
run it off the event loop."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass

from parla.content.documents.archives import archive_kind
from parla.content.documents.plaintext import (
    as_text,
    blank_line_paragraphs,
    count_words,
    decode_text,
    looks_binary,
    markdown_document,
    single_line,
)
from parla.content.documents.unreadable import UnreadableDocument

__all__ = ["KINDS", "MAX_BYTES", "MAX_WORDS", "Extracted", "UnreadableDocument", "count_words", "extract", "sniff"]

MAX_BYTES = 20 * 1024 * 1024  # an upload above this is refused before anything else
MAX_WORDS = 500_000
MAX_TITLE_CHARACTERS = 300
KINDS = ("txt", "md", "html", "pdf", "docx", "epub", "srt", "vtt")
LABELS = {
    "txt": "text file",
    "md": "Markdown file",
    "html": "HTML page",
    "pdf": "PDF",
    "docx": "DOCX document",
    "epub": "EPUB book",
    "srt": "SRT subtitle file",
    "vtt": "WebVTT subtitle file",
}
SUPPORTED = "Parla reads TXT, Markdown, HTML, PDF, DOCX, EPUB, SRT and VTT files."
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd", ".mkdn"})

PDF_SIGNATURE = b"%PDF-"
ZIP_SIGNATURES = (b"PK\x03\x04", b"PK\x05\x06")
IMAGE_SIGNATURES = {
    b"\x89PNG\r\n\x1a\n": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF87a": "a GIF image",
    b"GIF89a": "a GIF image",
    b"II*\x00": "a TIFF image",
    b"MM\x00*": "a TIFF image",
}
OTHER_SIGNATURES = {
    b"\x7fELF": "a program (an ELF executable)",
    b"\x1f\x8b": "a gzip archive",
    b"7z\xbc\xaf\x27\x1c": "a 7-Zip archive",
    b"Rar!\x1a\x07": "a RAR archive",
    b"ID3": "an MP3 audio file",
}
OLD_OFFICE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
RTF = b"{\\rtf"

VTT_START = re.compile(r"\AWEBVTT(?:[ \t\r\n]|\Z)")
SRT_START = re.compile(r"\A(?:\d+[ \t]*\r?\n)?[ \t]*\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}[ \t]*-->[ \t]*\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}")
HTML_DOCUMENT_START = re.compile(r"\A(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S)
HTML_FRAGMENT_TAG = re.compile(r"<(?:p|div|span|h[1-6]|article|section|main|title|meta|table|ul|ol|li|br|a)\b[^>]*>", re.I)


@dataclass(frozen=True)
class Extracted:
    kind: str  # one of KINDS
    title: str | None  # from the document's own metadata or heading when it has one
    text: str  # one line per paragraph, a blank line between paragraphs; NUL-free, NFC


def sniff(data: bytes, filename: str | None = None) -> str:
    """The document's real kind, from its bytes. The file name may lie; it only breaks ties between
    text kinds (a .md file is Markdown, and an HTML fragment in one stays Markdown)."""
    refuse_size(data)
    if data[:1024].lstrip().startswith(PDF_SIGNATURE):
        return "pdf"
    if data.startswith(ZIP_SIGNATURES):
        if kind := archive_kind(data):
            return kind
        raise UnreadableDocument(
            "The file is a zip archive but neither a DOCX document nor an EPUB book (perhaps an OpenDocument or "
            "spreadsheet file). Save it as DOCX, PDF or plain text and import that."
        )
    refuse_known_binary(data)
    text = decode_text(data)
    if text is None or looks_binary(text):
        if PDF_SIGNATURE in data[:1024]:
            return "pdf"  # viewers accept the header anywhere in the first kilobyte
        if HTML_DOCUMENT_START.match(data[:1024].decode("latin-1").lstrip()):
            return "html"  # in a legacy encoding its <meta charset> names, which lxml honours
        raise UnreadableDocument(
            "The file is not a document Parla can read: it is neither UTF-8 nor UTF-16 text nor a known format. "
            f"{SUPPORTED} A text in an older encoding (Windows-1252, Shift_JIS, GB2312) must be saved as UTF-8 first."
        )
    return text_kind(text, filename)


def extract(data: bytes, filename: str | None = None) -> Extracted:
    """Sniff, then read the document with its format's library. Raises UnreadableDocument with a
    reason the learner can act on; never anything else."""
    kind = sniff(data, filename)
    try:
        title, paragraphs = read(kind, data)
    except UnreadableDocument:
        raise
    except Exception as exc:  # any parser's failure, RecursionError and MemoryError included
        label = LABELS[kind]
        raise UnreadableDocument(
            f"The {label} could not be read: it looks damaged, or is not really a {label}. "
            "Open it in the application that made it, save or export it again, and import the new file."
        ) from exc
    text = as_text(paragraphs)
    if not text:
        raise UnreadableDocument(f"The {LABELS[kind]} contains no text to study.")
    # No text has more words than characters: a short one need not be counted.
    words = count_words(text) if len(text) > MAX_WORDS else 0
    if words > MAX_WORDS:
        raise UnreadableDocument(
            f"The document has {words:,} words; Parla imports up to {MAX_WORDS:,} at once. "
            "Split it into parts and import them one by one."
        )
    clean_title = single_line(title or "")[:MAX_TITLE_CHARACTERS].strip()
    return Extracted(kind=kind, title=clean_title or None, text=text)


def read(kind: str, data: bytes) -> tuple[str | None, list[str]]:
    # Each format's parser is imported when a document of its kind comes: the service's process
    # sniffs with this module and never needs them (about 50 MB and half a second of imports),
    # and a worker that reads only text never loads them either.
    if kind == "pdf":
        from parla.content.documents.pdf import pdf_document

        return pdf_document(data, MAX_WORDS)
    if kind in ("docx", "epub"):
        from parla.content.documents.containers import docx_document, epub_document

        return docx_document(data) if kind == "docx" else epub_document(data, MAX_WORDS)
    if kind == "html":
        from parla.content.documents.markup import html_document

        return html_document(data, MAX_WORDS)
    text = decode_text(data) or ""
    if kind in ("srt", "vtt"):
        from parla.content.documents.subtitles import subtitle_paragraphs

        return None, subtitle_paragraphs(text, kind)
    if kind == "md":
        return markdown_document(text)
    return None, blank_line_paragraphs(text)


def refuse_size(data: bytes) -> None:
    if not data:
        raise UnreadableDocument("The file is empty. Choose the document again, or paste its text.")
    if len(data) > MAX_BYTES:
        raise UnreadableDocument(
            f"The file is {len(data) / 1024 / 1024:.1f} MB; Parla imports files up to {MAX_BYTES // 1024 // 1024} MB. "
            "Split it into parts, or remove its images, and import it again."
        )


def refuse_known_binary(data: bytes) -> None:
    if data.startswith(OLD_OFFICE):
        raise UnreadableDocument("The file is an old-style Office document (.doc). Save it as .docx and import that.")
    if data.startswith(RTF):
        raise UnreadableDocument("The file is an RTF document. Save it as .docx or plain text and import that.")
    for signature, what in IMAGE_SIGNATURES.items():
        if data.startswith(signature):
            raise UnreadableDocument(
                f"The file is {what}, not a document. Parla reads text, not pictures of text (OCR is not supported)."
            )
    for signature, what in OTHER_SIGNATURES.items():
        if data.startswith(signature):
            raise UnreadableDocument(f"The file is {what}, not a document. {SUPPORTED}")


def text_kind(text: str, filename: str | None) -> str:
    start = text.lstrip()
    if VTT_START.match(start):
        return "vtt"
    if SRT_START.match(start):
        return "srt"
    markdown = posixpath.splitext((filename or "").replace("\\", "/").lower())[1] in MARKDOWN_SUFFIXES
    if HTML_DOCUMENT_START.match(start):
        return "html"
    if start.startswith("<") and not markdown and HTML_FRAGMENT_TAG.search(start[:4096]):
        return "html"
    return "md" if markdown else "txt"
