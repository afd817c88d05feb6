"""A flashcard's gloss: a short translation of a lemma from a bilingual dictionary installed on
the machine, such as Debian's ``dict-freedict-spa-eng`` in ``/usr/share/dictd`` (the format is
read by ``documents.dictd``). Without one, ``glossary_for`` gives None and cards have no gloss.

Loading ``freedict-deu-eng`` (519,000 headwords) takes about 2.5 s and 13 MB of resident memory
once per process (``freedict-spa-eng``, 4,500 headwords: 20 ms and under 1 MB), and a lookup
about 1.5 ms (0.03 ms in the Spanish one).

**The gloss**: up to three translations on one line, at most 120 characters, joined by "; ",
without pronunciation, part of speech, domain labels, examples, notes, synonyms or cross
references. A headword's several entries (homographs, and FreeDict German's one entry per
sense) are merged, in this order:

- entries with a domain label ("[mus.]") or a usage note after the plain ones;
- the entries written exactly like the lemma first ("gehen" the verb before "Gehen" the noun),
  the other spellings interleaved after them, since a lower-cased lemma may be either word;
- a compound-forming "Haus…" only when there is nothing else.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import chain, zip_longest
from pathlib import Path

from parla.chassis.logging import get_logger
from parla.content.documents.dictd import READ_ERRORS, Dictionary, text_path

log = get_logger(__name__)

# FreeDict names its dictionaries by ISO 639-3 codes; Parla's languages are ISO 639-1.
ISO_639_3 = {"en": "eng", "es": "spa", "fr": "fra", "de": "deu", "it": "ita", "pt": "por", "ja": "jpn", "zh": "zho"}
MAX_SENSES = 3
MAX_CHARS = 120
# A headword with more entries is glossed from its first ones: a lookup's cost stays bounded
# (an entry may cost a chunk to inflate) and three senses are found long before.
MAX_ENTRIES = 40


def find_dictionary(directory: Path, language: str, gloss_language: str) -> Path | None:
    """The ``.index`` of the FreeDict dictionary from ``language`` into ``gloss_language`` in
    ``directory``, when it is there with its text."""
    source, target = ISO_639_3.get(language), ISO_639_3.get(gloss_language)
    if source is None or target is None:
        return None
    index = Path(directory) / f"freedict-{source}-{target}.index"
    return index if index.is_file() and text_path(index) is not None else None


def glossary_for(directory: str | Path | None, language: str, gloss_language: str | None) -> Callable[[str], str | None] | None:
    """The glossary for a learner of ``language`` who reads ``gloss_language``, or None when
    there is none to give: no gloss language, the same language, no directory configured or no
    dictionary installed for the pair."""
    if not gloss_language or gloss_language == language or not directory:
        return None
    index = find_dictionary(Path(directory), language, gloss_language)
    return Glossary(index) if index is not None else None


class Glossary:
    """``glossary(lemma)``: a short gloss, or None. The dictionary is loaded on the first lookup
    and kept for the process; one that cannot be read gives None and is logged once."""

    def __init__(self, index: Path) -> None:
        self.index = Path(index)

    def __call__(self, lemma: str) -> str | None:
        source = _source(self.index)
        return source.gloss(lemma) if source is not None else None

    def __repr__(self) -> str:
        return f"Glossary({str(self.index)!r})"


class _Source:
    """A loaded dictionary that stops answering, with one warning, once its text fails to read:
    a file that failed once fails again."""

    def __init__(self, index: Path, dictionary: Dictionary) -> None:
        self.index, self.dictionary, self.broken = index, dictionary, False

    def gloss(self, lemma: str) -> str | None:
        if self.broken or not lemma.strip():
            return None
        try:
            entries = self.dictionary.entries(lemma, limit=MAX_ENTRIES)
        except READ_ERRORS as error:
            self.broken = True
            _warn_unreadable(self.index, error)
            return None
        return shape_gloss(entries, lemma)


# Loaded once per process, and again when the index changes on disk (a package upgrade):
# offsets into the old text would give another word's gloss.
_loaded: dict[Path, tuple[tuple[int, int] | None, _Source | None]] = {}
_loading = threading.Lock()


def _source(index: Path) -> _Source | None:
    try:
        stat = index.stat()
        signature: tuple[int, int] | None = (stat.st_mtime_ns, stat.st_size)
    except OSError:
        signature = None
    with _loading:
        cached = _loaded.get(index)
        if cached is None or cached[0] != signature:
            cached = _loaded[index] = (signature, _load(index))
        return cached[1]


def _load(index: Path) -> _Source | None:
    try:
        dictionary = Dictionary.open(index)
    except READ_ERRORS as error:
        _warn_unreadable(index, error)
        return None
    log.info("bilingual dictionary loaded", dictionary=str(index), headwords=dictionary.size)
    if dictionary.past_the_text:
        log.warning(
            "bilingual dictionary index points past its text; those entries left out",
            dictionary=str(index),
            entries=dictionary.past_the_text,
        )
    return _Source(index, dictionary)


def _warn_unreadable(index: Path, error: Exception) -> None:
    log.warning(
        "bilingual dictionary unreadable; cards get no gloss", dictionary=str(index), error=str(error) or type(error).__name__
    )


# --- shaping a gloss -----------------------------------------------------------------------

_SENSE_NUMBER = re.compile(r"^\s*\d+\.(?:\s+|$)")
_APPARATUS = re.compile(r"^\s*(?:see(?: also)?|synonyms?|antonyms?|notes?|examples?|usage|cf\.?)\s*:", re.IGNORECASE)
_NOTE = re.compile(r"^\s*notes?\s*:", re.IGNORECASE)
_EXAMPLE_QUOTES = ('"', "“", "„", "«")
_CROSS_REFERENCE = re.compile(r"\{[^{}\n]*\}")
# "road <n>Rd,  /ˌɛɾdˈeː/": an abbreviation after the part of speech, with how it is said.
_ABBREVIATION = re.compile(r"(?<=>)[^\s,<>]+,?\s*/(?!\s)[^/\n]*(?<!\s)/")
_PRONUNCIATION = re.compile(r"(?:^|(?<=\s))/(?!\s)[^/\n]*(?<!\s)/")
_PART_OF_SPEECH = re.compile(r"<[^<>\n]*>")
_LABEL = re.compile(r"\[[^\[\]\n]*\]")
_LEADING_LABEL = re.compile(r"^\s*\[")
_AFFIX_MARKS = ("…", "...", "-")


@dataclass(frozen=True)
class _Entry:
    headword: str  # as the entry writes it: "Haus", "gehen", "Haus…"
    senses: list[str]
    specialised: bool  # a domain label ("[mus.]") or a usage note narrows it
    position: int

    @property
    def affix(self) -> bool:
        return self.headword.endswith(_AFFIX_MARKS) or self.headword.startswith(_AFFIX_MARKS)


def shape_gloss(entries: Iterable[str], lemma: str) -> str | None:
    """The gloss of a lemma from the texts of its headword's entries, in the index's order."""
    parsed = [entry for position, text in enumerate(entries) if (entry := _parse(text, position)).senses]
    whole_words = [entry for entry in parsed if not entry.affix]
    ranked = sorted(whole_words or parsed, key=lambda entry: (entry.specialised, entry.position))
    written = unicodedata.normalize("NFC", lemma.strip())
    spellings: dict[str, list[_Entry]] = {}
    if any(entry.headword == written for entry in ranked):
        spellings[written] = []  # its own spelling first
    for entry in ranked:
        spellings.setdefault(entry.headword, []).append(entry)
    return _join(_interleave([_interleave([entry.senses for entry in group]) for group in spellings.values()]))


def _parse(text: str, position: int) -> _Entry:
    """An entry's senses: the first line of translations of each numbered sense (or of the
    whole entry), skipping the headword line and whatever follows a sense's translations."""
    header, *lines = text.splitlines() or [""]
    senses: list[list[str]] = []
    current: list[str] | None = None
    specialised = finished = False
    for line in lines:
        if number := _SENSE_NUMBER.match(line):
            current, finished, line = [], False, line[number.end() :]
            senses.append(current)
        elif current is None:
            current = []
            senses.append(current)
        if _APPARATUS.match(line) or line.lstrip().startswith(_EXAMPLE_QUOTES):
            specialised = specialised or bool(_NOTE.match(line))
            finished = True
        elif not (finished or current) and (cleaned := _clean(line)):
            specialised = specialised or bool(_LEADING_LABEL.match(line))
            current.append(cleaned)
    return _Entry(_headword(header), [sense[0] for sense in senses if sense], specialised, position)


def _clean(line: str) -> str:
    text = _CROSS_REFERENCE.sub(" ", line)
    text = _ABBREVIATION.sub(" ", text)
    text = _PRONUNCIATION.sub(" ", text)
    text = _PART_OF_SPEECH.sub(" ", text)
    text = " ".join(_LABEL.sub(" ", text).split())
    if _parenthesised(text):  # "(noun (common) (futsuumeishi))": a class, not a translation
        return ""
    return ", ".join(part.strip() for part in text.split(",") if part.strip()).strip(" ;:")


def _parenthesised(text: str) -> bool:
    if not text.startswith("("):
        return False
    depth = 0
    for place, char in enumerate(text):
        depth += (char == "(") - (char == ")")
        if depth == 0:
            return place == len(text) - 1
    return True


def _headword(header: str) -> str:
    text = _LABEL.sub(" ", header).strip()
    for mark in (" /", " <", " (", "\t"):
        text = text.split(mark, 1)[0]
    return unicodedata.normalize("NFC", text.strip())


def _interleave(sequences: list[Iterable[str]]) -> Iterator[str]:
    """The first of each, then the second of each, and so on."""
    missing = object()
    return (item for item in chain.from_iterable(zip_longest(*sequences, fillvalue=missing)) if item is not missing)


def _join(senses: Iterable[str]) -> str | None:
    chosen: list[str] = []
    for sense in senses:
        if sense.casefold() in {each.casefold() for each in chosen}:
            continue
        if len("; ".join([*chosen, sense])) > MAX_CHARS:
            if not chosen:
                chosen.append(_shorten(sense))
            break
        chosen.append(sense)
        if len(chosen) == MAX_SENSES:
            break
    return "; ".join(chosen) or None


def _shorten(sense: str) -> str:
    """A sense too long for a card, cut after its last translation that fits (or at a word)."""
    kept = ""
    for part in sense.split(", "):
        longer = f"{kept}, {part}" if kept else part
        if len(longer) > MAX_CHARS:
            break
        kept = longer
    return kept or sense[: MAX_CHARS - 1].rsplit(" ", 1)[0] + "…"
