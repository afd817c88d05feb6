"""SubRip (.srt) and WebVTT (.vtt): the dialogue only, read by pysubs2; timings, cue numbers and
formatting tags stay behind."""

from __future__ import annotations

import html
import re

import pysubs2

# A new paragraph starts where a cue ends a sentence and the next one comes after a pause.
PARAGRAPH_PAUSE_MS = 2000
ENDS_SENTENCE = re.compile(r"[.!?…。！？][\"'”’»」』)\]]*$")
# pysubs2 reads WebVTT with its SubRip reader, which would take a cue's name ("intro") for the
# last line of the cue before it, a NOTE or STYLE block for dialogue, and a line holding two karaoke
# timestamps (<00:00:01.500>) for a timing line. Only the cue blocks, from their timing line on, go in.
BLOCK_BREAK = re.compile(r"\n[ \t]*\n")
INLINE_TIMESTAMP = re.compile(r"<\d[\d:.]*>")


def subtitle_paragraphs(text: str, kind: str) -> list[str]:
    source = cue_blocks(text) if kind == "vtt" else text
    subs = pysubs2.SSAFile.from_string(source, format_=kind)
    paragraphs: list[str] = []
    current: list[str] = []
    previous_end: int | None = None
    for event in subs:
        if event.is_comment:
            continue
        line = event.plaintext.strip()
        if kind == "vtt":
            line = html.unescape(line)  # &amp; &lt; &nbsp; are WebVTT's escapes
        if not line:
            continue
        pause = event.start - previous_end if previous_end is not None else 0
        if current and pause >= PARAGRAPH_PAUSE_MS and ENDS_SENTENCE.search(current[-1]):
            paragraphs.append("\n".join(current))
            current = []
        current.append(line)
        previous_end = event.end
    if current:
        paragraphs.append("\n".join(current))
    return paragraphs


def cue_blocks(vtt: str) -> str:
    cues = []
    for block in BLOCK_BREAK.split(vtt.replace("\r\n", "\n").replace("\r", "\n")):
        lines = block.strip("\n").split("\n")
        timing = next((i for i, line in enumerate(lines) if "-->" in line), None)
        if timing is not None:
            cues.append("\n".join(lines[timing:]))
    return INLINE_TIMESTAMP.sub("", "\n\n".join(cues)) + "\n"
