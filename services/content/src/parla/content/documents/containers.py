"""DOCX and EPUB, the zip-based formats. Every archive is checked from its central directory
(entry count, paths, declared sizes, compression ratios) before a single byte is inflated, and
entries are read with a bounded read, so a zip bomb or a lying header costs nothing."""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from urllib.parse import unquote

import docx
from docx.table import Table
from docx.text.paragraph import Paragraph
from lxml import etree

from parla.content.documents.markup import block_paragraphs, local_name, parse_xml
from parla.content.documents.plaintext import count_words, single_line
from parla.content.documents.unreadable import UnreadableDocument

MiB = 1024 * 1024
MAX_ENTRIES = 5_000
MAX_ENTRY_BYTES = 32 * MiB
MAX_ARCHIVE_BYTES = 100 * MiB
# Text compresses 3 to 20 times; a ratio in the hundreds or thousands is a bomb. Small entries may
# compress better (a run of spaces), and cannot hurt, so the ratio only applies from 1 MiB up.
MAX_RATIO = 100
RATIO_APPLIES_FROM = MiB
CENTRAL_DIRECTORY_ENTRY = b"PK\x01\x02"
WINDOWS_DRIVE = re.compile(r"^[A-Za-z]:")

CONTAINER = "META-INF/container.xml"
DOCX_MAIN_PART = "word/document.xml"
TITLE_STYLES = frozenset({"Title", "Heading 1"})
XHTML_TYPES = frozenset({"application/xhtml+xml", "text/html"})


def open_archive(data: bytes, label: str) -> zipfile.ZipFile:
    """The archive, once every entry's path, size and compression look like a document's."""
    # Each central directory entry becomes an object when zipfile opens the archive: count them
    # first, so 20 MB of empty entries cannot become hundreds of megabytes of bookkeeping.
    if data.count(CENTRAL_DIRECTORY_ENTRY) > MAX_ENTRIES:
        raise too_many_entries(label)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError) as exc:
        raise UnreadableDocument(
            f"The {label} file is damaged (its zip structure cannot be read). Save or export it again."
        ) from exc
    entries = archive.infolist()
    if len(entries) > MAX_ENTRIES:
        raise too_many_entries(label)
    if len({entry.filename for entry in entries}) != len(entries):
        raise UnreadableDocument(f"The {label} file lists the same entry twice, which no editor writes. Save or export it again.")
    for entry in entries:
        check_entry(entry, label)
    declared = sum(entry.file_size for entry in entries)
    if declared > MAX_ARCHIVE_BYTES:
        raise UnreadableDocument(
            f"The {label} file would expand to {declared // MiB:,} MB, more than the {MAX_ARCHIVE_BYTES // MiB} MB "
            "Parla unpacks. Remove large images or split the document, and import it again."
        )
    return archive


def too_many_entries(label: str) -> UnreadableDocument:
    return UnreadableDocument(f"The {label} file holds more than {MAX_ENTRIES:,} files inside; Parla refuses it as unsafe.")


def check_entry(entry: zipfile.ZipInfo, label: str) -> None:
    path = entry.filename.replace("\\", "/")
    if path.startswith("/") or WINDOWS_DRIVE.match(path) or ".." in path.split("/"):
        raise UnreadableDocument(
            f"The {label} file contains an entry with an unsafe path ({entry.filename!r}) that points outside "
            "the document. Parla refuses it; export the document again from a trusted application."
        )
    if entry.flag_bits & 0x1:
        raise UnreadableDocument(f"The {label} file is password-protected. Save a copy without a password and import that.")
    if entry.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        # DOCX and EPUB allow only these two; the others have no bounded decompression in zipfile.
        raise UnreadableDocument(f"The {label} file uses a compression method these documents never use. Save it again.")
    too_large = entry.file_size > MAX_ENTRY_BYTES
    too_compressed = entry.file_size >= RATIO_APPLIES_FROM and entry.file_size > MAX_RATIO * max(entry.compress_size, 1)
    if too_large or too_compressed:
        raise UnreadableDocument(
            f"The {label} file contains {entry.filename!r}, which would expand to {entry.file_size // MiB:,} MB "
            f"from {entry.compress_size:,} bytes: that is a zip bomb, not a document. Parla refuses it."
        )


def read_entry(archive: zipfile.ZipFile, name: str, label: str) -> bytes:
    """An entry's bytes. Reads at most the checked size plus one byte: zipfile stops at the size the
    directory declares, and this read stops there too should that ever change."""
    try:
        entry = archive.getinfo(name)
    except KeyError as exc:
        raise UnreadableDocument(f"The {label} file is missing {name!r}. Export it again from its application.") from exc
    limit = min(entry.file_size, MAX_ENTRY_BYTES)
    with archive.open(entry) as stream:
        data = stream.read(limit + 1)
    if len(data) > limit:
        raise UnreadableDocument(f"The {label} file's entry {name!r} is larger than it declares; Parla refuses it as unsafe.")
    return data


def archive_kind(data: bytes) -> str | None:
    """'docx' or 'epub' for a zip that is one, from its entries; None for any other zip."""
    if data.count(CENTRAL_DIRECTORY_ENTRY) > MAX_ENTRIES:
        raise too_many_entries("zip")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError):
        return None
    # Not the "mimetype" entry: some tools compress it or leave it out, and readers cope.
    if CONTAINER in names:
        return "epub"
    if DOCX_MAIN_PART in names:
        return "docx"
    return None


def docx_document(data: bytes) -> tuple[str | None, list[str]]:
    open_archive(data, "DOCX").close()
    document = docx.Document(io.BytesIO(data))
    title = single_line(document.core_properties.title or "")
    # Style ids mapped to names once: python-docx's paragraph.style looks the styles up anew each
    # time, a millisecond a paragraph. Ids are localised by Word ("berschrift1"); names are not.
    heading_ids = {style.style_id for style in document.styles if style.name in TITLE_STYLES}
    paragraphs: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            paragraphs.append(block.text)
            if not title and block._p.style in heading_ids:
                title = single_line(block.text)
        else:
            paragraphs.extend(table_paragraphs(block))
    return title or None, paragraphs


def table_paragraphs(table: Table) -> list[str]:
    """Each cell's paragraphs, row by row; a merged cell (python-docx repeats it) once."""
    paragraphs: list[str] = []
    seen: set[int] = set()
    for row in table.rows:
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            for block in cell.iter_inner_content():
                paragraphs.extend([block.text] if isinstance(block, Paragraph) else table_paragraphs(block))
    return paragraphs


def epub_document(data: bytes, max_words: int) -> tuple[str | None, list[str]]:
    """container.xml names the package (OPF); the package's spine orders its XHTML chapters."""
    archive = open_archive(data, "EPUB")
    with archive:
        container = parse_xml(read_entry(archive, CONTAINER, "EPUB"), "EPUB container")
        package_paths = container.xpath("//*[local-name()='rootfile']/@full-path")
        if not package_paths:
            raise UnreadableDocument("The EPUB file does not name its package document. Export the book again.")
        package_path = inside_archive(str(package_paths[0]), "")
        package = parse_xml(read_entry(archive, package_path, "EPUB"), "EPUB package")
        titles = [single_line("".join(element.itertext())) for element in package.xpath("//*[local-name()='title']")]
        base = posixpath.dirname(package_path)
        paragraphs: list[str] = []
        words = 0
        chapters = spine_paths(package, base)
        for number, path in enumerate(chapters, start=1):
            chapter = parse_xml(read_entry(archive, path, "EPUB"), "EPUB chapter")
            bodies = [element for element in chapter.iter() if local_name(element) == "body"]
            found = block_paragraphs(bodies[0] if bodies else chapter)
            words += count_words("\n".join(found))
            if words > max_words:
                raise UnreadableDocument(
                    f"The book has more than {max_words:,} words ({words:,} in its first {number:,} of {len(chapters):,} "
                    "chapters), the most Parla imports at once. Split it into parts and import them one by one."
                )
            paragraphs.extend(found)
    return next((title for title in titles if title), None), paragraphs


def spine_paths(package: etree._Element, base: str) -> list[str]:
    """The chapters' paths in reading order, each once: a spine naming one large chapter a
    thousand times must not make Parla read it a thousand times."""
    manifest = {
        item.get("id"): (item.get("href") or "", item.get("media-type") or "")
        for item in package.xpath("//*[local-name()='manifest']/*[local-name()='item']")
    }
    paths: list[str] = []
    seen: set[str] = set()
    for itemref in package.xpath("//*[local-name()='spine']/*[local-name()='itemref']"):
        href, media_type = manifest.get(itemref.get("idref"), ("", ""))
        if not href or media_type not in XHTML_TYPES or itemref.get("linear") == "no":
            continue
        path = inside_archive(href, base)
        if path not in seen:
            seen.add(path)
            paths.append(path)
    return paths


def inside_archive(href: str, base: str) -> str:
    target = unquote(href.split("#", 1)[0]).replace("\\", "/")
    path = posixpath.normpath(posixpath.join(base, target))
    if target.startswith("/") or WINDOWS_DRIVE.match(target) or path == ".." or path.startswith("../"):
        raise UnreadableDocument(
            f"The EPUB file refers to {href!r}, a path outside the book. Parla refuses it; export the book again."
        )
    return path
