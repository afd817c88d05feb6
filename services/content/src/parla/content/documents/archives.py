"""Zip archives as documents come in them (DOCX, EPUB). Every archive is checked from its central
directory (entry count, paths, declared sizes, compression ratios) before a single byte is
inflated, and entries are read with a bounded read, so a zip bomb or a lying header costs nothing.

Only the standard library: the service's own process sniffs an upload's kind with it, and never
loads the document parsers (``containers``), which only the job's worker process needs."""

from __future__ import annotations

import io
import re
import zipfile

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
