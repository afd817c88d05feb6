"""Plain text: strict decoding, the one text shape every format ends in, Markdown read lightly,
and word counts that make sense for Chinese and Japanese too."""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Iterable

# Han (with its extensions and compatibility block), Hiragana, Katakana (full and half width), and
# the iteration marks 々〆〇: the scripts written without spaces between words.
CJK = (
    "\u3005-\u3007\u3040-\u309f\u30a0-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f"
    "\U00020000-\U0003134f"
)
# ... plus their punctuation (、。「」！？), across which a line break is not a space either.
CJK_OR_PUNCTUATION = CJK + "\u3001-\u303f\uff01-\uff65"
CJK_RUN = re.compile(f"[{CJK}]+")
CJK_LINE_BREAK = re.compile(f"(?<=[{CJK_OR_PUNCTUATION}])[ \\t\\r\\f\\v]*\\n\\s*(?=[{CJK_OR_PUNCTUATION}])")
WORD = re.compile(r"\w+")
# The mean token length jieba (zh) and MeCab with UniDic (ja) find in running prose is about 1.6
# characters; counting by it keeps a Chinese or Japanese count comparable to an English one.
CJK_CHARACTERS_PER_WORD = 1.6

# Control characters (but the whitespace ones), C1 controls (but NEL), lone surrogates, and the
# invisible marks that split words without meaning anything: zero-width space, soft hyphen, BOM.
INVISIBLE = re.compile("[\x00-\x08\x0e-\x1f\x7f\x80-\x84\x86-\x9f\ud800-\udfff\u00ad\u200b\ufeff\ufffe\uffff]")
CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
BLANK_LINE = re.compile(r"\n[ \t\f\v]*\n")


def decode_text(data: bytes) -> str | None:
    """UTF-8 (with or without a BOM), or UTF-16 with a BOM; None for anything else. Strict on
    purpose: guessing a legacy code page turns a text into plausible-looking nonsense."""
    try:
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return data.decode("utf-16")
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None


def looks_binary(text: str) -> bool:
    """Decoded text that is still not text: a NUL anywhere, or control characters beyond a few
    strays (which are dropped) and beyond 1% of the text."""
    if "\x00" in text:
        return True
    sample = text[:65536]
    return len(CONTROL.findall(sample)) > max(4, len(sample) // 100)


def single_line(text: str) -> str:
    """One paragraph as one NFC line: invisible characters gone, whitespace runs one space, and a
    line break between two Chinese or Japanese characters dropped (there was never a space there)."""
    text = INVISIBLE.sub("", unicodedata.normalize("NFC", text))
    if "\n" in text:  # the look-behind is tried at every character: only where it can match
        text = CJK_LINE_BREAK.sub("", text)
    return " ".join(text.split())


def as_text(paragraphs: Iterable[str]) -> str:
    """What every extractor returns: one line per paragraph, a blank line between paragraphs."""
    return "\n\n".join(line for line in map(single_line, paragraphs) if line)


def blank_line_paragraphs(text: str) -> list[str]:
    return BLANK_LINE.split(text.replace("\r\n", "\n").replace("\r", "\n"))


def count_words(text: str) -> int:
    """Words as a reader would count them. Spaced languages: each run of word characters (``\\w+``),
    so "l'homme" is two. Chinese and Japanese: each run of Han and Kana characters counts as its
    length divided by 1.6 (the mean word length segmenters find), rounded, and at least one."""
    words = 0
    for run in CJK_RUN.finditer(text):
        words += max(1, int((run.end() - run.start()) / CJK_CHARACTERS_PER_WORD + 0.5))
    return words + len(WORD.findall(CJK_RUN.sub(" ", text)))  # findall: the loop stays in C


# Markdown is read lightly: the markup goes (heading marks, emphasis, link targets, images, tables'
# pipes, list bullets, quotes, HTML tags), the prose stays, and fenced code is left out, being no prose.
FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
FRONT_MATTER_TITLE = re.compile(r"""^title:[ \t]*["']?(.*?)["']?[ \t]*$""", re.MULTILINE)
FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})")
ATX_HEADING = re.compile(r"^[ \t]{0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
SETEXT_OR_RULE = re.compile(r"^[ \t]{0,3}(?:=+|-+|(?:[-*_][ \t]*){3,})[ \t]*$")
REFERENCE_DEFINITION = re.compile(r"^[ \t]{0,3}\[[^\]]+\]:[ \t]*\S+")
TABLE_DIVIDER = re.compile(r"^[ \t]*\|?(?:[ \t]*:?-+:?[ \t]*\|)+[ \t]*(?::?-+:?)?[ \t]*$")
ITEM = re.compile(r"^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+")
QUOTE = re.compile(r"^[ \t]*(?:>[ \t]?)+")
INLINE = (
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), ""),  # images: their alt text is not prose
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # [text](url)
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),  # [text][ref]
    (re.compile(r"<(?:https?|mailto):[^>]*>"), ""),  # autolinks
    (re.compile(r"</?[A-Za-z][^>]*>"), ""),  # inline HTML tags
    (re.compile(r"`+([^`]+?)`+"), r"\1"),  # inline code keeps its words
    (re.compile(r"(\*\*|__|~~)(?=\S)(.+?)(?<=\S)\1"), r"\2"),
    (re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])"), r"\1"),
    (re.compile(r"(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])"), r"\1"),  # never inside snake_case
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!>|~])"), r"\1"),  # backslash escapes
)


def strip_inline(text: str) -> str:
    for pattern, replacement in INLINE:
        text = pattern.sub(replacement, text)
    return text


def markdown_document(text: str) -> tuple[str | None, list[str]]:
    """The title (front matter ``title:``, else the first level-one heading) and the paragraphs
    of a Markdown text: headings, list items, table rows are paragraphs of their own."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    title: str | None = None
    if front := FRONT_MATTER.match(text):
        if named := FRONT_MATTER_TITLE.search(front.group(1)):
            title = named.group(1)
        text = text[front.end() :]
    paragraphs: list[str] = []
    current: list[str] = []
    fence: str | None = None

    def end_paragraph() -> None:
        if current:
            paragraphs.append(strip_inline("\n".join(current)))
            current.clear()

    for line in text.split("\n"):
        if fence is not None:
            if line.strip().startswith(fence):
                fence = None
            continue
        if opening := FENCE.match(line):
            end_paragraph()
            fence = opening.group(1)
        elif heading := ATX_HEADING.match(line):
            end_paragraph()
            if title is None and len(heading.group(1)) == 1:
                title = heading.group(2)
            paragraphs.append(strip_inline(heading.group(2) or ""))
        elif SETEXT_OR_RULE.match(line):
            # "Title\n=====" makes the line above a heading; a rule on its own ends a paragraph.
            if title is None and line.strip().startswith("=") and len(current) == 1:
                title = current[0]
            end_paragraph()
        elif not line.strip():
            end_paragraph()
        elif REFERENCE_DEFINITION.match(line) or TABLE_DIVIDER.match(line):
            continue
        else:
            line = QUOTE.sub("", line)
            if ITEM.match(line) or line.lstrip().startswith("|"):
                end_paragraph()
                line = ITEM.sub("", line).replace("|", " ")
            current.append(line)
    end_paragraph()
    return (single_line(strip_inline(title)) or None) if title else None, paragraphs
