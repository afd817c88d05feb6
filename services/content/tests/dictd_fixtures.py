"""Dictionaries in the dictd format written by the tests: an index with dictd's base-64 numbers
and the text as dictzip (dictzip(1)), plain gzip or uncompressed."""

from __future__ import annotations

import gzip
import string
import struct
import zlib
from pathlib import Path

ALPHABET = string.ascii_uppercase + string.ascii_lowercase + string.digits + "+/"


def dictd_digits(number: int) -> str:
    digits = ALPHABET[number % 64]
    while number := number // 64:
        digits = ALPHABET[number % 64] + digits
    return digits


def dictzip(text: bytes, chunk_length: int, *, file_name: bytes | None = None) -> bytes:
    """gzip with dictzip's chunk table (dictzip(1)): each chunk flushed so it inflates alone."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    chunks = [
        compressor.compress(text[at : at + chunk_length]) + compressor.flush(zlib.Z_FULL_FLUSH)
        for at in range(0, len(text), chunk_length)
    ]
    table = struct.pack(f"<HHH{len(chunks)}H", 1, chunk_length, len(chunks), *map(len, chunks))
    extra = b"RA" + struct.pack("<H", len(table)) + table
    flags = 0x04 | (0x08 if file_name else 0)
    header = bytes([0x1F, 0x8B, 8, flags, 0, 0, 0, 0, 2, 3]) + struct.pack("<H", len(extra)) + extra
    header += file_name + b"\x00" if file_name else b""
    trailer = struct.pack("<II", zlib.crc32(text), len(text))
    return header + b"".join(chunks) + compressor.flush(zlib.Z_FINISH) + trailer


def write_dictionary(
    directory: Path,
    entries: list[tuple[str, str]],
    *,
    name: str = "freedict-spa-eng",
    form: str = "dictzip",
    extra_lines: tuple[str, ...] = (),
    file_name: bytes | None = None,
) -> Path:
    text, lines = b"", []
    for headword, body in entries:
        data = body.encode()
        lines.append(f"{headword}\t{dictd_digits(len(text))}\t{dictd_digits(len(data))}")
        text += data
    directory.mkdir(parents=True, exist_ok=True)
    index = directory / f"{name}.index"
    index.write_text("\n".join([*lines, *extra_lines]) + "\n", encoding="utf-8")
    if form == "dictzip":
        (directory / f"{name}.dict.dz").write_bytes(dictzip(text, 64, file_name=file_name))
    elif form == "gzip":
        (directory / f"{name}.dict.dz").write_bytes(gzip.compress(text))
    else:
        (directory / f"{name}.dict").write_bytes(text)
    return index
