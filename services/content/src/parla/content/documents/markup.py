"""HTML and XHTML: parsed by lxml within its resource limits, main text found by trafilatura,
and block text read by a flat (non-recursive) walk of the tree."""

from __future__ import annotations

import re

import lxml.html
import trafilatura
from lxml import etree

from parla.content.documents.plaintext import count_words, decode_text, single_line
from parla.content.documents.unreadable import UnreadableDocument

# Elements that end a paragraph. Everything else (spans, links, emphasis) flows inside one.
BLOCKS = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "caption", "dd", "div", "dl", "dt",
        "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li",
        "main", "nav", "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul",
    }
)  # fmt: skip
# Elements whose text is not prose: code, page furniture, and ruby readings (<rt>), which would
# otherwise land in the middle of the Japanese word they annotate.
SKIPPED = frozenset(
    {"head", "script", "style", "noscript", "template", "svg", "math", "rt", "rp", "iframe", "object", "select", "textarea"}
)
# Tags ("<") a document may have: about half a million elements, which lxml holds in ~150 MB.
MAX_TAGS = 1_000_000
# Up to this many elements a file is a web page and trafilatura looks for its main text (about a
# second at this size; its time grows faster than linearly beyond).
WEB_PAGE_ELEMENTS = 10_000
XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*\?>")


def html_document(data: bytes, max_words: int) -> tuple[str | None, list[str]]:
    """The title and main-text paragraphs of an HTML page. trafilatura decides what to leave out
    (navigation, footers, comments). When it finds no main text (a short note, a fragment, text
    straight in a <div>) its last resort is every text node of the page, one per line, which cuts
    a sentence at each <b>; the page's own paragraphs are used instead: the same words, truer blocks.
    A file larger than a web page (a book saved as HTML) is read whole: trafilatura's time grows
    faster than the page, and such a file has no navigation worth removing."""
    refuse_too_much_markup(data, "page")
    tree = parse_html(data)
    everything = block_paragraphs(tree)
    if count_words("\n".join(everything)) > max_words or sum(1 for _ in tree.iter()) > WEB_PAGE_ELEMENTS:
        return page_title(tree), everything
    found = trafilatura.bare_extraction(
        tree,
        # The backup extractors (readability, jusText) are the slow part and add little on the
        # article-like pages learners bring; the fallback to the page's own paragraphs covers the rest.
        fast=True,
        include_comments=False,
        include_tables=True,
        with_metadata=True,
    )
    if found is None or not found.text or not found.text.strip() or whole_page_dump(found.body):
        return page_title(tree), everything
    return single_line(found.title or "") or page_title(tree), found.text.splitlines()


def refuse_too_much_markup(data: bytes, what: str) -> None:
    # Counted on the bytes, before parsing: lxml and trafilatura spend memory and time per element,
    # and 20 MB of "<b>x</b>" is two million of them.
    if data.count(b"<") > MAX_TAGS:
        raise UnreadableDocument(
            f"The {what} has more than {MAX_TAGS // 2:,} HTML elements, too many to read safely. "
            "Save it as plain text, DOCX or PDF and import that."
        )


def whole_page_dump(body: etree._Element | None) -> bool:
    # What trafilatura's baseline returns as its last tier: one <p> holding the page's text nodes
    # joined by newlines. Its real extractions mark line breaks with <lb/> and never look like this.
    return body is not None and len(body) == 1 and len(body[0]) == 0 and "\n" in (body[0].text or "")


def parse_html(data: bytes) -> lxml.html.HtmlElement:
    """An HTML tree, or UnreadableDocument when lxml had to stop (a document nested deeper than
    libxml2's limit of 256 levels would otherwise come back silently cut short)."""
    parser = lxml.html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True)
    source: str | bytes = data
    text = decode_text(data)
    if text is not None:
        # Decoded here because libxml2 reads bytes without a <meta charset> as Latin-1; lxml
        # refuses a str that still carries an XML declaration.
        source = XML_DECLARATION.sub("", text, count=1)
    try:
        tree = lxml.html.document_fromstring(source, parser=parser)
    except etree.ParserError as exc:
        raise UnreadableDocument("The page contains no text.") from exc
    refuse_if_cut_short(parser.error_log, "page")
    return tree


def parse_xml(data: bytes, what: str) -> etree._Element:
    """An XML (or XHTML) tree: entities are not expanded (no "billion laughs"), nothing is fetched,
    and the recovering parser accepts the HTML entities some books use without declaring them."""
    refuse_too_much_markup(data, what)
    parser = etree.XMLParser(recover=True, resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    root = etree.fromstring(data, parser=parser)
    refuse_if_cut_short(parser.error_log, what)
    if root is None:
        raise UnreadableDocument(f"The {what} is not readable XML. Export the document again, or convert it to PDF or DOCX.")
    return root


def refuse_if_cut_short(error_log: etree._ListErrorLog, what: str) -> None:
    for error in error_log:
        if error.type_name == "ERR_RESOURCE_LIMIT":
            # libxml2 stops at 256 levels of nesting, at 10 MB of text in one node, and at entities
            # expanding far beyond their size (a "billion laughs"), and would return what it had read.
            problem = "is nested too deeply" if "depth" in error.message else "expands beyond what can be read safely"
            raise UnreadableDocument(
                f"The {what} {problem} ({error.message.strip()}). Save it again from a browser or an editor, or paste its text."
            )


def page_title(tree: etree._Element) -> str | None:
    for path in ("//title", "//h1"):
        for element in tree.xpath(path):
            title = single_line("".join(element.itertext()))
            if title:
                return title
    return None


def local_name(element: etree._Element) -> str:
    # XHTML elements carry a namespace; HTML ones do not. Comments and PIs have no string tag.
    tag = element.tag
    return etree.QName(tag).localname.lower() if isinstance(tag, str) else ""


def block_paragraphs(root: etree._Element) -> list[str]:
    """Every paragraph of text under ``root``, in document order. A flat walk, never recursion,
    so no depth of nesting can overflow the stack."""
    paragraphs: list[str] = []
    current: list[str] = []

    def end_paragraph() -> None:
        if current:
            paragraphs.append("".join(current))
            current.clear()

    walk = etree.iterwalk(root, events=("start", "end", "comment", "pi"))
    for event, element in walk:
        name = local_name(element)
        if event == "start":
            if name in SKIPPED:
                walk.skip_subtree()
                continue
            if name in BLOCKS:
                end_paragraph()
            elif name == "br":
                current.append("\n")
            if element.text and name:
                current.append(element.text)
            continue
        if event == "end" and name in BLOCKS:
            end_paragraph()
        if element.tail:
            current.append(element.tail)
    end_paragraph()
    return paragraphs
