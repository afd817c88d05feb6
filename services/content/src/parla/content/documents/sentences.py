"""A document's text cut into sentences, in the 8 languages. Pure string work."""

from __future__ import annotations

import re

from parla.content.documents.language import OPENERS as _OPENERS
from parla.content.documents.language import UNSPACED, has_letter

# Longest sentence kept whole: a text without punctuation still yields readable example
# sentences, and the summary never picks a page-long "sentence".
MAX_SENTENCE_CHARS = {"zh": 200, "ja": 200}
DEFAULT_MAX_SENTENCE_CHARS = 500

# A period after one of these (or after a single letter: "J. Smith", "z. B.") does not end a sentence.
_ABBREVIATED = (
    "mr mrs ms dr prof st mt vs no nr vol fig pp ca approx",  # English, and shared
    "sr sra srta dra av avda",  # Spanish, Portuguese
    "sig sigg dott ing avv",  # Italian
    "herr frau bzw usw vgl",  # German
    "mme mlle me",  # French
)
ABBREVIATIONS = frozenset(word for group in _ABBREVIATED for word in group.split())
_WESTERN_END = re.compile(r"[.!?…]+[\"'»”’)\]]*\s+")
_CJK_END = re.compile(r"[。！？!?．]+[」』）)\"”’]*")
_QUOTATIVE = ("と", "っ")
_PARAGRAPH = re.compile(r"\n\s*\n")
_LINE = re.compile(r"\s*\n\s*")


def split_sentences(text: str, language: str) -> list[str]:
    """The text's sentences in order, whitespace collapsed, each with at least one letter.

    Blank lines always end a sentence. In Chinese and Japanese every line break does (subtitles
    and headings have no final punctuation); elsewhere a line break ends one only before a
    capital letter, so a hard-wrapped paragraph of a PDF stays whole.
    """
    limit = MAX_SENTENCE_CHARS.get(language, DEFAULT_MAX_SENTENCE_CHARS)
    split = _cjk_sentences if language in UNSPACED else _western_sentences
    sentences: list[str] = []
    for paragraph in _PARAGRAPH.split(text):
        for line in _lines(paragraph, language):
            for piece in split(line, language):
                if len(piece) > limit:
                    sentences.extend(bounded for bounded in _bounded(piece, limit, language) if has_letter(bounded))
                elif has_letter(piece):
                    sentences.append(piece)
    return sentences


def _lines(paragraph: str, language: str) -> list[str]:
    if "\n" not in paragraph:  # every paragraph of an extracted text is one line
        line = " ".join(paragraph.split())
        return [line] if line else []
    lines = [line for line in _LINE.split(paragraph.strip()) if line]
    if language in UNSPACED:
        return [" ".join(line.split()) for line in lines]
    groups: list[list[str]] = []  # lines joined once per group: a long wrapped paragraph stays linear
    for line in lines:
        if groups and not _starts_sentence(line):
            groups[-1].append(line)
        else:
            groups.append([line])
    return [" ".join(" ".join(group).split()) for group in groups]  # blanks squeezed to one space


def _starts_sentence(text: str) -> bool:
    first = text.lstrip(_OPENERS)[:1]
    return first.isupper() or first.isdigit() or not first


def _western_sentences(line: str, language: str) -> list[str]:
    pieces: list[str] = []
    start = 0
    for match in _WESTERN_END.finditer(line):
        end = match.end()
        following = line[end : end + 3].lstrip(_OPENERS)[:1]
        if not (following.isupper() or following.isdigit()):
            continue
        stop = match.start()
        if line[stop] == ".":
            space = line.rfind(" ", start, stop)
            if _is_abbreviation(line[space + 1 if space >= 0 else start : stop].lstrip(_OPENERS), language):
                continue
        pieces.append(line[start:end].strip())
        start = end
    pieces.append(line[start:].strip())
    return [piece for piece in pieces if piece]


def _is_abbreviation(word: str, language: str) -> bool:
    """The word before a period ("Mr", "z. B" -> "B", "J") is a short form, not a sentence's end."""
    word = word.rsplit(".", 1)[-1]  # "z.B" -> "B", "e.g" -> "g"
    if len(word) == 1 and word.isalpha():  # an initial ("J. Smith") or a short form ("z. B.")
        return True
    if word.isdigit() and language == "de":  # a German ordinal: "am 3. Mai"
        return True
    return word.lower() in ABBREVIATIONS


def _cjk_sentences(line: str, language: str) -> list[str]:
    pieces: list[str] = []
    start = 0
    for match in _CJK_END.finditer(line):
        if line[match.end() : match.end() + 1] in _QUOTATIVE and match.group()[-1] in "」』”":
            continue  # 「安いですね！」と言った: a quotation inside the sentence
        pieces.append(line[start : match.end()].strip())
        start = match.end()
    pieces.append(line[start:].strip())
    return [piece for piece in pieces if piece]


def _bounded(sentence: str, limit: int, language: str) -> list[str]:
    """A sentence longer than ``limit`` cut at a comma or space near the limit (at the limit in CJK)."""
    if len(sentence) <= limit:
        return [sentence]
    pieces: list[str] = []
    rest = sentence
    while len(rest) > limit:
        window = rest[:limit]
        cut = max(window.rfind(mark) for mark in ("，", "、", "；", ", ", "; ")) + 1
        if cut <= limit // 2 and language not in UNSPACED:
            cut = window.rfind(" ") + 1
        if cut <= limit // 4:
            cut = limit
        pieces.append(rest[:cut].strip())
        rest = rest[cut:].strip()
    if rest:
        pieces.append(rest)
    return pieces
