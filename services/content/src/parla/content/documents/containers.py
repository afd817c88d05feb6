"""DOCX and EPUB, the zip-based formats, read from archives ``archives`` has checked first."""

from __future__ import annotations

import io
import posixpath
from urllib.parse import unquote

import docx
from docx.table import Table
from docx.text.paragraph import Paragraph
from lxml import etree

from parla.content.documents.archives import CONTAINER, WINDOWS_DRIVE, open_archive, read_entry
from parla.content.documents.markup import block_paragraphs, local_name, parse_xml
from parla.content.documents.plaintext import count_words, single_line
from parla.content.documents.unreadable import UnreadableDocument

TITLE_STYLES = frozenset({"Title", "Heading 1"})
XHTML_TYPES = frozenset({"application/xhtml+xml", "text/html"})


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
