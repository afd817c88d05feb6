"""Documents built in code for the extraction tests: one short paragraph per supported language,
written out as every format, plus the hostile files (bombs, traversal, truncation) those tests need."""

from __future__ import annotations

import io
import struct
import zipfile
from dataclasses import dataclass

import docx
import pypdf
import pysubs2
import pytest

from parla.content.documents.extract import UnreadableDocument, extract


@dataclass(frozen=True)
class Sample:
    language: str
    title: str
    sentences: tuple[str, ...]

    @property
    def paragraph(self) -> str:
        joiner = "" if self.language in ("zh", "ja") else " "
        return joiner.join(self.sentences)


SAMPLES = {
    sample.language: sample
    for sample in (
        Sample(
            "en",
            "The Lighthouse",
            (
                "The old lighthouse stands at the edge of the cliff.",
                "Every evening, the keeper climbs the stairs to light the lamp.",
                "Sailors trust its beam to guide them home.",
            ),
        ),
        Sample(
            "es",
            "El mercado",
            (
                "El mercado abre muy temprano los sábados.",
                "Los vendedores colocan frutas frescas y flores de todos los colores.",
                "Mi abuela siempre compra allí el pan para toda la semana.",
            ),
        ),
        Sample(
            "fr",
            "Le train pour Lyon",
            (
                "Le train pour Lyon part à huit heures précises.",
                "Nous avons acheté des croissants à la gare avant de monter.",
                "Par la fenêtre, les champs défilent sous un ciel d'été.",
            ),
        ),
        Sample(
            "de",
            "Winter in den Bergen",
            (
                "Im Winter frieren die Seen in den Bergen oft zu.",
                "Dann gehen die Kinder nach der Schule Schlittschuh laufen.",
                "Danach trinken alle gemeinsam heiße Schokolade.",
            ),
        ),
        Sample(
            "it",
            "La piazza",
            (
                "La piazza del paese si riempie di gente ogni domenica.",
                "Gli anziani giocano a carte all'ombra dei portici.",
                "I bambini corrono intorno alla fontana con un gelato in mano.",
            ),
        ),
        Sample(
            "pt",
            "A padaria",
            (
                "A padaria da esquina vende o melhor pão da cidade.",
                "Todas as manhãs, forma-se uma fila na calçada antes das sete.",
                "O cheiro de café fresco chega até a praça.",
            ),
        ),
        Sample(
            "zh",
            "我的早晨",
            (
                "我每天早上骑自行车去公司。",
                "路上会经过一个美丽的公园。",
                "周末的时候，我喜欢和朋友在那里喝茶聊天。",
            ),
        ),
        Sample(
            "ja",
            "駅前の喫茶店",
            (
                "毎朝、駅前の小さな喫茶店でコーヒーを飲みます。",
                "店主はとても親切で、いつも天気の話をします。",
                "週末には友達と一緒に公園を散歩します。",
            ),
        ),
    )
}
LANGUAGES = tuple(SAMPLES)


# --- text formats -----------------------------------------------------------------------------


def txt_bytes(sample: Sample) -> bytes:
    return f"{sample.paragraph}\n".encode()


def md_bytes(sample: Sample) -> bytes:
    first, second, third = sample.sentences
    return (
        f"# {sample.title}\n\n{first} **{second}** [{third}](https://example.org/a)\n\n```python\nprint('not prose')\n```\n"
    ).encode()


def html_bytes(sample: Sample) -> bytes:
    first, second, third = sample.sentences
    return (
        f'<!DOCTYPE html><html lang="{sample.language}"><head><meta charset="utf-8"><title>{sample.title}</title>'
        f"<style>p {{ color: black; }}</style></head><body><article><h1>{sample.title}</h1>"
        f"<p>{first} <em>{second}</em></p><p>{third}</p></article></body></html>"
    ).encode()


def srt_bytes(sample: Sample) -> bytes:
    return subtitles(sample).to_string("srt").encode()


def vtt_bytes(sample: Sample) -> bytes:
    return subtitles(sample).to_string("vtt").encode()


def subtitles(sample: Sample) -> pysubs2.SSAFile:
    """One cue a sentence, the second in italics (which the file must not keep)."""
    subs = pysubs2.SSAFile()
    for number, sentence in enumerate(sample.sentences):
        text = f"{{\\i1}}{sentence}{{\\i0}}" if number == 1 else sentence
        subs.append(pysubs2.SSAEvent(start=number * 3000 + 500, end=number * 3000 + 2500, text=text))
    return subs


# --- DOCX ---------------------------------------------------------------------------------------


def docx_bytes(sample: Sample, *, with_title: bool = True) -> bytes:
    document = docx.Document()
    if with_title:
        document.core_properties.title = sample.title
    document.add_heading(sample.title, level=1)
    first, second, third = sample.sentences
    paragraph = document.add_paragraph(f"{first} ")
    paragraph.add_run(second).bold = True  # a sentence in its own run must still read as one
    table = document.add_table(rows=1, cols=1)
    table.cell(0, 0).text = third
    return saved(document)


def saved(document: docx.document.Document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# --- EPUB ---------------------------------------------------------------------------------------

CONTAINER_XML = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">'
    '<rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles>'
    "</container>"
)


def chapter_xhtml(title: str, body: str, language: str = "en") -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="{language}"><head><title>{title}</title></head>'
        f"<body>{body}</body></html>"
    ).encode()


def package_opf(title: str, language: str, chapters: list[tuple[str, str]], spine: list[str]) -> bytes:
    """chapters: (id, href) in manifest order; spine: ids in reading order."""
    items = "".join(f'<item id="{id_}" href="{href}" media-type="application/xhtml+xml"/>' for id_, href in chapters)
    itemrefs = "".join(f'<itemref idref="{id_}"/>' for id_ in spine)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">'
        '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f'<dc:identifier id="id">urn:uuid:0</dc:identifier><dc:title>{title}</dc:title><dc:language>{language}</dc:language>'
        f"</metadata><manifest>{items}</manifest><spine>{itemrefs}</spine></package>"
    ).encode()


def epub_bytes(sample: Sample) -> bytes:
    """Two chapters whose zip and manifest order is the reverse of the spine's: the spine wins."""
    first, *rest = sample.sentences
    one = chapter_xhtml("1", f"<h1>{sample.title}</h1><p>{first}</p>", sample.language)
    two = chapter_xhtml("2", "".join(f"<p>{sentence}</p>" for sentence in rest), sample.language)
    opf = package_opf(sample.title, sample.language, [("c2", "text/two.xhtml"), ("c1", "text/one.xhtml")], ["c1", "c2"])
    return epub_archive({"OEBPS/content.opf": opf, "OEBPS/text/two.xhtml": two, "OEBPS/text/one.xhtml": one})


def epub_archive(entries: dict[str, bytes], *, container: bytes = CONTAINER_XML.encode()) -> bytes:
    return zip_bytes({"mimetype": b"application/epub+zip", "META-INF/container.xml": container, **entries})


def zip_bytes(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries.items():
            method = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            archive.writestr(zipfile.ZipInfo(name), data, compress_type=method)
    return buffer.getvalue()


def with_declared_sizes(archive: bytes, sizes: dict[str, tuple[int, int]]) -> bytes:
    """The archive with the central directory lying about entries' (compressed, uncompressed)
    sizes: what a crafted zip says about itself, not what it holds."""
    data = bytearray(archive)
    position = data.find(b"PK\x01\x02")
    while position != -1:
        name_length, extra_length, comment_length = struct.unpack_from("<HHH", data, position + 28)
        name = bytes(data[position + 46 : position + 46 + name_length]).decode()
        if name in sizes:
            struct.pack_into("<II", data, position + 20, *sizes[name])
        position = data.find(b"PK\x01\x02", position + 46 + name_length + extra_length + comment_length)
    return bytes(data)


# --- PDF ----------------------------------------------------------------------------------------


def pdf_bytes(lines: list[str], *, title: str | None = None, pages: int = 1) -> bytes:
    """A PDF whose pages show ``lines``, one text line each. Text WinAnsi can encode uses the
    standard Helvetica; anything else (Chinese, Japanese) a Type0 font with Identity-H codes and a
    ToUnicode CMap, which is what lets a reader map the glyphs back to text. No font is embedded:
    extraction only needs the CMap."""
    if all(fits_win_ansi(line) for line in lines):
        font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
        shown = [b"(" + escaped(line.encode("cp1252")) + b") Tj" for line in lines]
        extra: list[bytes] = []
    else:
        codes = {character: index + 1 for index, character in enumerate(dict.fromkeys("".join(lines)))}
        shown = [b"<" + "".join(f"{codes[c]:04X}" for c in line).encode() + b"> Tj" for line in lines]
        font = (
            b"<< /Type /Font /Subtype /Type0 /BaseFont /CJKSans /Encoding /Identity-H "
            b"/DescendantFonts [6 0 R] /ToUnicode 7 0 R >>"
        )
        extra = [
            b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /CJKSans /CIDSystemInfo "
            b"<< /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 8 0 R /DW 1000 >>",
            stream(to_unicode_cmap(codes)),
            b"<< /Type /FontDescriptor /FontName /CJKSans /Flags 4 /FontBBox [0 -120 1000 880] /ItalicAngle 0 "
            b"/Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>",
        ]
    content = b"BT /F1 11 Tf 16 TL 56 760 Td " + b" T* ".join(shown) + b" ET"
    return pdf_file(content, font, extra, title=title, pages=pages)


def scanned_pdf_bytes() -> bytes:
    """A page that is only an image: what a scanner makes."""
    image = b"<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 4 >>"
    body = image + b"\nstream\n\x00\xff\xff\x00\nendstream"
    return pdf_file(b"q 200 0 0 200 100 500 cm /Im1 Do Q", None, [body], xobject=True)


def pdf_file(
    content: bytes, font: bytes | None, extra: list[bytes], *, title: str | None = None, pages: int = 1, xobject: bool = False
) -> bytes:
    """Objects 1 catalog, 2 page tree, 3 content stream, 4 info, 5 font (or the image), 6+ extra;
    pages 100+ share the one content stream."""
    resources = "/XObject << /Im1 6 0 R >>" if xobject else "/Font << /F1 5 0 R >>"
    kids = " ".join(f"{100 + page} 0 R" for page in range(pages))
    info = b"<< /Producer (Parla tests)" + (b" /Title " + text_string(title) if title else b"") + b" >>"
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>".encode(),
        3: stream(content),
        4: info,
        5: font or b"<< >>",
    }
    objects.update({6 + index: body for index, body in enumerate(extra)})
    for page in range(pages):
        objects[100 + page] = (
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << {resources} >> /Contents 3 0 R >>"
        ).encode()
    output = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets: dict[int, int] = {}
    for number in sorted(objects):
        offsets[number] = len(output)
        output += f"{number} 0 obj\n".encode() + objects[number] + b"\nendobj\n"
    size = max(objects) + 1
    xref = len(output)
    output += f"xref\n0 {size}\n0000000000 65535 f \n".encode()
    for number in range(1, size):
        output += f"{offsets[number]:010d} 00000 n \n".encode() if number in offsets else b"0000000000 65535 f \n"
    output += f"trailer\n<< /Size {size} /Root 1 0 R /Info 4 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(output)


def stream(data: bytes) -> bytes:
    return f"<< /Length {len(data)} >>\nstream\n".encode() + data + b"\nendstream"


def fits_win_ansi(text: str) -> bool:
    try:
        text.encode("cp1252")
    except UnicodeEncodeError:
        return False
    return True


def escaped(data: bytes) -> bytes:
    return data.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def text_string(text: str) -> bytes:
    """A PDF text string in UTF-16BE with its BOM, which holds any title."""
    return b"<FEFF" + text.encode("utf-16-be").hex().upper().encode() + b">"


def to_unicode_cmap(codes: dict[str, int]) -> bytes:
    pairs = [f"<{code:04X}> <{character.encode('utf-16-be').hex().upper()}>" for character, code in codes.items()]
    blocks = [pairs[start : start + 100] for start in range(0, len(pairs), 100)]  # at most 100 a block
    mappings = "".join(f"{len(block)} beginbfchar\n" + "\n".join(block) + "\nendbfchar\n" for block in blocks)
    return (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
        f"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n{mappings}"
        "endcmap CMapName currentdict /CMap defineresource pop end end"
    ).encode()


def sample_pdf_bytes(sample: Sample) -> bytes:
    return pdf_bytes(list(sample.sentences), title=sample.title)


def encrypted_pdf_bytes(source: bytes, *, user_password: str, algorithm: str = "AES-256") -> bytes:
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(source)))
    writer.encrypt(user_password=user_password, owner_password="owner-secret", algorithm=algorithm)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


BUILDERS = {
    "txt": txt_bytes,
    "md": md_bytes,
    "html": html_bytes,
    "pdf": sample_pdf_bytes,
    "docx": docx_bytes,
    "epub": epub_bytes,
    "srt": srt_bytes,
    "vtt": vtt_bytes,
}
FILENAMES = {"txt": "notes.txt", "md": "notes.md", "html": "page.html", "pdf": "book.pdf", "docx": "essay.docx",
             "epub": "book.epub", "srt": "film.srt", "vtt": "film.vtt"}  # fmt: skip


# --- assertions' helpers --------------------------------------------------------------------------


def flat(text: str) -> str:
    return " ".join(text.split())


def refusal(data: bytes, filename: str | None = None) -> str:
    """The reason extraction gives for refusing ``data``; fails the test if it does not refuse."""
    with pytest.raises(UnreadableDocument) as raised:
        extract(data, filename)
    return raised.value.reason
