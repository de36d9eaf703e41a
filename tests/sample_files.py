"""Real files for the upload tests: valid ones, damaged ones, decompression bombs and polyglots.

Each is built the way the format's specification says (PNG chunks with their CRC, PDFs written
by pypdf, office documents as zip archives with their parts), so a test that refuses one
refuses it for what it is and not because the sample is sloppy.
"""

import io
import struct
import zipfile
import zlib

from PIL import Image
from pypdf import PdfWriter
from pypdf.actions import JavaScript

HTML = b"<html><body><script>alert(document.cookie)</script></body></html>"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def png_chunk(kind: bytes, data: bytes) -> bytes:
    return (
        struct.pack(">I", len(data))
        + kind
        + data
        + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    )


def png(width=40, height=20, colour=(11, 93, 75)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(buffer, format="PNG")
    return buffer.getvalue()


def jpeg(width=40, height=20, comment=b"") -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (200, 120, 40)).save(buffer, format="JPEG", comment=comment)
    return buffer.getvalue()


def png_bomb(width=11_000, height=11_000, *, rows=None) -> bytes:
    """An RGBA PNG of `width` × `height` pixels, all zero: a few kilobytes of file that
    decode to width × height × 4 bytes. `rows` limits the pixel rows actually stored (the
    header still claims `height`): enough for tests that must be refused from the header."""
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    compressor = zlib.compressobj(9)
    row = b"\x00" * (1 + 4 * width)
    data = bytearray()
    for _ in range(height if rows is None else rows):
        data += compressor.compress(row)
    data += compressor.flush()
    return (
        PNG_SIGNATURE
        + png_chunk(b"IHDR", header)
        + png_chunk(b"IDAT", bytes(data))
        + png_chunk(b"IEND", b"")
    )


def corrupt_png() -> bytes:
    """A PNG whose chunks are all well formed (CRCs included) but whose pixel data is not a
    valid zlib stream: only decoding finds out."""
    header = struct.pack(">IIBBBBB", 40, 20, 8, 2, 0, 0, 0)
    garbage = b"x\x9c" + bytes(range(7, 250))
    return (
        PNG_SIGNATURE
        + png_chunk(b"IHDR", header)
        + png_chunk(b"IDAT", garbage)
        + png_chunk(b"IEND", b"")
    )


def png_with_text(text: bytes) -> bytes:
    """A valid PNG carrying `text` in a tEXt chunk, before its pixel data."""
    original = png()
    # The IHDR chunk is 25 bytes after the 8-byte signature.
    split = len(PNG_SIGNATURE) + 25
    return original[:split] + png_chunk(b"tEXt", b"Comment\x00" + text) + original[split:]


def pdf(*, javascript=None) -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    if javascript:
        writer.add_open_action(JavaScript(javascript))
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def encrypted_pdf() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.encrypt("secret")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _zip(parts) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts:
            compression = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            archive.writestr(name, content, compress_type=compression)
    return buffer.getvalue()


def docx() -> bytes:
    return _zip(
        [
            ("[Content_Types].xml", "<Types/>"),
            ("_rels/.rels", "<Relationships/>"),
            ("word/document.xml", "<w:document><w:body>Bonjour</w:body></w:document>"),
        ]
    )


def xlsx() -> bytes:
    return _zip(
        [
            ("[Content_Types].xml", "<Types/>"),
            ("_rels/.rels", "<Relationships/>"),
            ("xl/workbook.xml", "<workbook/>"),
        ]
    )


def opendocument(media_type="application/vnd.oasis.opendocument.text") -> bytes:
    return _zip([("mimetype", media_type), ("content.xml", "<office:document-content/>")])


def zip_bomb_docx() -> bytes:
    """A docx whose document part expands to 200 MB of zeros (a few hundred kilobytes)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("_rels/.rels", "<Relationships/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as part:
            block = b"\x00" * (1024 * 1024)
            for _ in range(200):
                part.write(block)
    return buffer.getvalue()
