"""PDF: the text layer, read by pypdf within tightened limits, its lines joined back into paragraphs."""

from __future__ import annotations

import io
import re
import time
from collections.abc import Callable

import pypdf
from pypdf.errors import DependencyError, FileNotDecryptedError, LimitReachedError
from pypdf.generic import ArrayObject, IndirectObject

from parla.content.documents.plaintext import count_words, single_line
from parla.content.documents.unreadable import UnreadableDocument

MAX_PAGES = 10_000
# pypdf reads some 20 to 50 pages a second; a book of a few thousand pages fits, a file built to
# make each page cost seconds does not. Checked between pages (one page is bounded by LIMITS).
MAX_SECONDS = 180.0
DECODED_STREAM_BYTES = 16 * 1024 * 1024
LIMITS = {
    # A page's content stream is kilobytes, a dense vector drawing's a few megabytes; pypdf's
    # defaults (75 MB, two million operators) let one 30 KB page cost seconds and 400 MB to parse.
    "zlib_maximum_output_length": DECODED_STREAM_BYTES,
    "lzw_maximum_output_length": DECODED_STREAM_BYTES,
    "run_length_maximum_output_length": DECODED_STREAM_BYTES,
    "brotli_maximum_output_length": DECODED_STREAM_BYTES,
    "array_based_stream_maximum_output_length": DECODED_STREAM_BYTES,
    "stream_parsing_work_maximum_count": 1_000_000,
    # Never start an external image decoder to read text.
    "jbig2dec_binary": None,
}
# Acrobat only requires the end-of-file marker within the last 1024 bytes; a file without one was
# cut off, and pypdf would quietly rebuild whatever pages survived.
EOF_WINDOW = 1024
LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"})
ENDS_SENTENCE = re.compile(r"[.!?…:。！？：][\"'”’»」』)\]]*$")
# A line this much shorter than the page's widest line, ending a sentence, ends its paragraph.
SHORT_LINE = 0.8


def pdf_document(data: bytes, max_words: int, clock: Callable[[], float] = time.monotonic) -> tuple[str | None, list[str]]:
    if b"%%EOF" not in data[-EOF_WINDOW:]:
        raise UnreadableDocument(
            "The PDF is incomplete: it stops before its end, as after an interrupted download or copy. "
            "Download or export it again."
        )
    with pypdf.apply_configuration(**LIMITS):
        try:
            reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
            unlock(reader)
            return metadata_title(reader), page_paragraphs(reader, max_words, clock)
        except LimitReachedError as exc:
            raise UnreadableDocument(
                "The PDF is built in a way too costly to read safely (a stream or structure beyond the limits). "
                "Print it to a new PDF or export its text, and import that."
            ) from exc


def unlock(reader: pypdf.PdfReader) -> None:
    """Many PDFs are encrypted with an empty password only to restrict printing or copying;
    those open as any viewer opens them. A PDF that needs a real password is refused."""
    if not reader.is_encrypted:
        return
    try:
        opened = reader.decrypt("")
    except (DependencyError, NotImplementedError, FileNotDecryptedError) as exc:
        raise UnreadableDocument(
            "The PDF is encrypted in a way Parla cannot open. Export or print it to a new PDF without protection."
        ) from exc
    if opened == pypdf.PasswordType.NOT_DECRYPTED:
        raise UnreadableDocument(
            "The PDF is password-protected. Open it with its password, export or print it to a new PDF "
            "without a password, and import that."
        )


def metadata_title(reader: pypdf.PdfReader) -> str | None:
    metadata = reader.metadata
    title = single_line(str(metadata.title or "")) if metadata is not None else ""
    return title or None


def page_paragraphs(reader: pypdf.PdfReader, max_words: int, clock: Callable[[], float]) -> list[str]:
    pages = reader.pages
    if len(pages) > MAX_PAGES:
        raise UnreadableDocument(
            f"The PDF has {len(pages):,} pages; Parla reads up to {MAX_PAGES:,}. Split it into parts and import them one by one."
        )
    paragraphs: list[str] = []
    seen_contents: set[tuple[tuple[int, int], ...]] = set()
    words = 0
    started = clock()
    for number, page in enumerate(pages, start=1):
        if clock() - started > MAX_SECONDS:
            raise UnreadableDocument(
                f"The PDF takes too long to read: {number - 1:,} of its {len(pages):,} pages in {MAX_SECONDS:.0f} seconds. "
                "Split it into parts, or print it to a new PDF, and import that."
            )
        # Pages that all point at one content stream are a way to make a small file cost hours
        # of parsing; the same content read again adds no text worth having.
        key = contents_key(page)
        if key is not None and key in seen_contents:
            continue
        if key is not None:
            seen_contents.add(key)
        page_text = page.extract_text().translate(LIGATURES)
        found = reflow(page_text.splitlines())
        words += sum(count_words(paragraph) for paragraph in found)
        if words > max_words:
            raise UnreadableDocument(
                f"The document has more than {max_words:,} words ({words:,} in its first {number:,} of "
                f"{len(pages):,} pages), the most Parla imports at once. Split it into parts and import them one by one."
            )
        paragraphs.extend(found)
    if not any(paragraph.strip() for paragraph in paragraphs):
        raise UnreadableDocument(
            "The PDF has no text layer: its pages are images, as in a scan. Parla cannot read text from images "
            "(OCR is not supported). Import the original document, or a PDF exported with its text."
        )
    return paragraphs


def contents_key(page: pypdf.PageObject) -> tuple[tuple[int, int], ...] | None:
    if "/Contents" not in page:
        return None
    raw = page.raw_get("/Contents")
    references = raw if isinstance(raw, ArrayObject) else [raw]
    key = tuple((ref.idnum, ref.generation) for ref in references if isinstance(ref, IndirectObject))
    return key or None


def reflow(lines: list[str]) -> list[str]:
    """pypdf gives a page line by line; paragraphs are what the reader needs. A line that ends a
    sentence well short of the page's widest line ends a paragraph; a word hyphenated at a line's
    end is joined back when the line after goes on in lower case."""
    lines = [line.strip() for line in lines]
    widest = max((len(line) for line in lines), default=0)
    paragraphs: list[str] = []
    current: list[str] = []
    for line in lines:
        if not line:
            if current:
                paragraphs.append("\n".join(current))
                current = []
            continue
        previous = current[-1] if current else ""
        if len(previous) > 1 and previous.endswith("-") and previous[-2].isalpha() and line[0].islower():
            current[-1] = previous[:-1] + line
        else:
            current.append(line)
        if ENDS_SENTENCE.search(line) and len(line) < SHORT_LINE * widest:
            paragraphs.append("\n".join(current))
            current = []
    if current:
        paragraphs.append("\n".join(current))
    return paragraphs
