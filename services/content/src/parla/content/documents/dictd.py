"""Reading a dictionary in the dictd format (dictd(8), dictfmt(1), dictzip(1)), as Debian's
``dict-freedict-*`` packages install them in ``/usr/share/dictd``.

The ``.index`` holds one UTF-8 line per headword, ``headword TAB offset TAB length`` (a fourth
column, the original headword, may follow), the numbers in dictd's base-64 digits
``A-Za-z0-9+/``, most significant first; they locate the entry's text in the ``.dict``. Unless
the dictionary was made with ``--allchars``, its headwords are lower-cased and keep only
letters, digits and spaces ("e-mail" is indexed as "email"), so a word is looked up the same
way. The ``.dict.dz`` is dictzip: gzip whose header carries the compressed size of every chunk
(58 kB of text each), so that an entry is read by inflating only its chunks; an uncompressed
``.dict`` is read in place, a plain gzip whole into memory. The headwords ``00-database-*``
(``00databaseinfo``...) are the dictionary's description of itself, never a word: left out.

**Memory.** FreeDict's German-English has 519,000 index lines and 100 MB of text: as Python
strings and a dict they would take 140 MB. So the text stays on disk and the index is four
arrays of machine integers (each headword's hash, its entry's offset and length, and an
open-addressing table over them). Two headwords with the same 64-bit hash would share their
entries; with half a million headwords the chance that a given word meets one is 1 in 10^13.
"""

from __future__ import annotations

import binascii
import gzip
import re
import struct
import threading
import unicodedata
import zlib
from array import array
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Protocol

DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
_NUMBER = re.compile(r"[A-Za-z0-9+/]{1,8}")


class Unreadable(Exception):
    """The dictionary's files are not what their format says."""


# What reading a damaged or vanished file may raise, besides ``Unreadable``.
READ_ERRORS = (Unreadable, OSError, EOFError, ValueError, zlib.error, struct.error)


def dictd_number(digits: str | bytes) -> int:
    """A number written in dictd's base-64 digits, most significant first ("CgE" is 10244)."""
    text = digits.decode("ascii") if isinstance(digits, bytes) else digits
    if not _NUMBER.fullmatch(text):
        raise ValueError(f"not a dictd number: {text!r}")
    return _number(text.encode("ascii"))


def _number(digits: bytes) -> int:
    # dictd's digits are base64's alphabet: padded on the left with zeros ("A") to whole
    # 4-digit groups, they decode to the number's big-endian bytes.
    return int.from_bytes(binascii.a2b_base64(digits.rjust(8, b"A")), "big")


def text_path(index: Path) -> Path | None:
    """The ``.dict.dz`` or ``.dict`` beside an ``.index``, if there is one."""
    stem = index.name.removesuffix(".index")
    for name in (f"{stem}.dict.dz", f"{stem}.dict"):
        if (candidate := index.with_name(name)).is_file():
            return candidate
    return None


class Dictionary:
    """A dictd dictionary: the entries' texts of a word, looked up case-insensitively."""

    def __init__(self, headwords: _Index, text: _Text) -> None:
        self.headwords, self.text = headwords, text

    @classmethod
    def open(cls, index: Path) -> Dictionary:
        """Reads the index and the text's header; raises one of ``READ_ERRORS`` if it cannot."""
        text = _open_text(index)
        return cls(_Index.read(index, text.size), text)

    @property
    def past_the_text(self) -> int:
        """How many index lines were left out for pointing past the end of the text."""
        return self.headwords.past_the_text

    @property
    def size(self) -> int:
        return self.headwords.size

    def entries(self, word: str, *, limit: int) -> list[str]:
        """The texts of the word's first ``limit`` entries, in the index's order. Accents count
        ("sí" is not "si"), case does not; the case-folded spelling is tried last ("Straße"
        finds "strasse"). Raises one of ``READ_ERRORS`` when the text cannot be read."""
        places = self._places(word)[:limit]
        return [self.text.read(offset, length).decode("utf-8", "replace") for offset, length in places]

    def _places(self, word: str) -> list[tuple[int, int]]:
        lowered = _key(word)
        folded = lowered.casefold()
        for key in dict.fromkeys((lowered, _dictd_key(lowered), folded, _dictd_key(folded))):
            if key and not _is_metadata(key) and (places := self.headwords.find(key)):
                return places
        return []


def _key(word: str) -> str:
    return unicodedata.normalize("NFC", word).strip().lower()


def _dictd_key(key: str) -> str:
    """The key as dictfmt indexes it by default: letters, digits and spaces only."""
    return "".join(char for char in key if char.isalnum() or char == " ").strip()


def _is_metadata(key: str) -> bool:
    return key.startswith("00") and _dictd_key(key).startswith("00database")


# --- the index -----------------------------------------------------------------------------

# A well-formed index line; anything else is skipped.
_INDEX_LINE = re.compile(rb"^([^\t\n]*)\t([A-Za-z0-9+/]{1,8})\t([A-Za-z0-9+/]{1,8})(?:\t[^\n]*)?\r?$", re.MULTILINE)
_READ_SIZE = 1 << 20
_UINT32 = 1 << 32


class _Index:
    """Headword → its entries' (offset, length) in the index's order, in flat arrays."""

    def __init__(self, hashes: array, offsets: array, lengths: array, past_the_text: int = 0) -> None:
        self.hashes, self.offsets, self.lengths = hashes, offsets, lengths
        self.size, self.past_the_text = len(hashes), past_the_text
        # Open addressing with linear probing, at most half full: slot → entry number + 1.
        self.mask = (1 << max(3, (2 * self.size).bit_length())) - 1
        self.slots = array("I", bytes(4 * (self.mask + 1)))
        for entry, hashed in enumerate(hashes, 1):
            slot = hashed & self.mask
            while self.slots[slot]:
                slot = (slot + 1) & self.mask
            self.slots[slot] = entry

    @classmethod
    def read(cls, path: Path, text_size: int) -> _Index:
        hashes, offsets, lengths = array("q"), array("I"), array("I")
        end, past_the_text = min(text_size, _UINT32), 0
        # Half a million lines in the largest dictionaries: ``_key`` and ``_number`` inlined.
        normalize, a2b, from_bytes = unicodedata.normalize, binascii.a2b_base64, int.from_bytes
        with path.open("rb") as file:
            for line in _index_lines(file):
                headword, offset_digits, length_digits = line.groups()
                key = normalize("NFC", headword.decode("utf-8", "replace")).strip().lower()
                offset = from_bytes(a2b(offset_digits.rjust(8, b"A")), "big")
                length = from_bytes(a2b(length_digits.rjust(8, b"A")), "big")
                if not key or (key.startswith("00") and _is_metadata(key)):
                    continue
                if offset + length > end:
                    past_the_text += 1
                    continue
                hashes.append(hash(key))
                offsets.append(offset)
                lengths.append(length)
        if not hashes:
            raise Unreadable("no headwords in the index")
        return cls(hashes, offsets, lengths, past_the_text)

    def find(self, key: str) -> list[tuple[int, int]]:
        hashed = hash(key)
        slot, entries = hashed & self.mask, []
        while entry := self.slots[slot]:
            if self.hashes[entry - 1] == hashed:
                entries.append(entry - 1)
            slot = (slot + 1) & self.mask
        return [(self.offsets[entry], self.lengths[entry]) for entry in sorted(entries)]


def _index_lines(file: BinaryIO):
    """The index's well-formed lines, read a megabyte at a time rather than all at once."""
    rest = b""
    while block := file.read(_READ_SIZE):
        block = rest + block
        end = block.rfind(b"\n") + 1
        yield from _INDEX_LINE.finditer(block, 0, end)
        rest = block[end:]
    yield from _INDEX_LINE.finditer(rest)


# --- the text ------------------------------------------------------------------------------


class _Text(Protocol):
    @property
    def size(self) -> int:
        """The text's length, or a bound on it."""
        ...

    def read(self, offset: int, length: int) -> bytes: ...


def _open_text(index: Path) -> _Text:
    path = text_path(index)
    if path is None:
        raise Unreadable("no .dict or .dict.dz beside the index")
    if path.suffix != ".dz":
        return _PlainText(path)
    with path.open("rb") as file:
        chunks = _dictzip_chunks(file)
    if chunks is None:  # a gzip without dictzip's table can only be read whole
        return _WholeText(gzip.decompress(path.read_bytes()))
    return _DictzipText(path, *chunks)


def _dictzip_chunks(file: BinaryIO) -> tuple[int, int, list[int]] | None:
    """(chunk length, where the data starts, compressed size of each chunk) from dictzip's "RA"
    subfield of the gzip header (RFC 1952 2.3.1.1), or None for a gzip without one."""
    fixed = file.read(10)
    if len(fixed) < 10 or fixed[:3] != b"\x1f\x8b\x08":
        raise Unreadable("not a gzip file")
    flags, chunks = fixed[3], None
    if flags & 0x04:  # FEXTRA: subfields of (id, length, data)
        (extra_length,) = struct.unpack("<H", file.read(2))
        extra, position = file.read(extra_length), 0
        while position + 4 <= len(extra):
            (size,) = struct.unpack("<H", extra[position + 2 : position + 4])
            data = extra[position + 4 : position + 4 + size]
            if extra[position : position + 2] == b"RA" and len(data) >= 6:
                _version, chunk_length, count = struct.unpack("<HHH", data[:6])
                chunks = (chunk_length, list(struct.unpack(f"<{count}H", data[6 : 6 + 2 * count])))
            position += 4 + size
    for flag in (0x08, 0x10):  # FNAME, FCOMMENT: zero-terminated
        if flags & flag:
            while file.read(1) not in (b"\x00", b""):
                pass
    if flags & 0x02:  # FHCRC
        file.read(2)
    return None if chunks is None else (chunks[0], file.tell(), chunks[1])


def _exactly(data: bytes, length: int) -> bytes:
    if len(data) != length:
        raise Unreadable("the text is shorter than its index says")
    return data


@dataclass
class _PlainText:
    path: Path

    @property
    def size(self) -> int:
        return self.path.stat().st_size

    def read(self, offset: int, length: int) -> bytes:
        with self.path.open("rb") as file:
            file.seek(offset)
            return _exactly(file.read(length), length)


@dataclass
class _WholeText:
    data: bytes

    @property
    def size(self) -> int:
        return len(self.data)

    def read(self, offset: int, length: int) -> bytes:
        return _exactly(self.data[offset : offset + length], length)


class _DictzipText:
    """Entries read by inflating only their chunks; the last few chunks are kept."""

    CACHED_CHUNKS = 8

    def __init__(self, path: Path, chunk_length: int, data_start: int, sizes: list[int]) -> None:
        self.path, self.chunk_length, self.sizes = path, chunk_length, sizes
        self.starts = [data_start]
        for size in sizes:
            self.starts.append(self.starts[-1] + size)
        if chunk_length == 0 or not sizes or path.stat().st_size < self.starts[-1]:
            raise Unreadable("dictzip file truncated")
        self.cache: OrderedDict[int, bytes] = OrderedDict()
        self.lock = threading.Lock()

    @property
    def size(self) -> int:
        return self.chunk_length * len(self.sizes)  # the last chunk may be shorter

    def read(self, offset: int, length: int) -> bytes:
        first, last = offset // self.chunk_length, (offset + max(length, 1) - 1) // self.chunk_length
        if last >= len(self.sizes):
            raise Unreadable("an entry past the end of the text")
        data = b"".join(self._chunk(number) for number in range(first, last + 1))
        start = offset - first * self.chunk_length
        return _exactly(data[start : start + length], length)

    def _chunk(self, number: int) -> bytes:
        with self.lock:
            if (cached := self.cache.get(number)) is not None:
                self.cache.move_to_end(number)
                return cached
        with self.path.open("rb") as file:
            file.seek(self.starts[number])
            compressed = _exactly(file.read(self.sizes[number]), self.sizes[number])
        # dictzip flushes the compressor fully after each chunk: each inflates on its own.
        data = zlib.decompressobj(-zlib.MAX_WBITS).decompress(compressed)
        if number < len(self.sizes) - 1 and len(data) != self.chunk_length:
            raise Unreadable(f"chunk {number} inflates to {len(data)} bytes, not {self.chunk_length}")
        with self.lock:
            self.cache[number] = data
            while len(self.cache) > self.CACHED_CHUNKS:
                self.cache.popitem(last=False)
        return data
