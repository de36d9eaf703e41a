"""Files from outside are judged by what they contain: name, sniffed type and a full parse agree.

These call `core.uploads` directly; tests/contributions/test_public_forms.py and
tests/core/test_admin_uploads.py send the same files through the forms.
"""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.utils import translation
from PIL import Image

from core.uploads import DOCUMENT_TYPES, inspect_upload
from tests import sample_files

EXTENSIONS = list(DOCUMENT_TYPES)
LIMIT = 5 * 1024 * 1024


def inspect(name, content):
    upload = SimpleUploadedFile(name, content)
    inspect_upload(upload, extensions=EXTENSIONS, max_bytes=LIMIT)
    return upload


def refusal(name, content):
    with pytest.raises(ValidationError) as caught:
        inspect(name, content)
    return caught.value.code


@pytest.mark.parametrize(
    ("name", "build"),
    [
        ("rapport.pdf", sample_files.pdf),
        ("photo.png", sample_files.png),
        ("photo.jpg", sample_files.jpeg),
        ("photo.jpeg", sample_files.jpeg),
        ("rapport.docx", sample_files.docx),
        ("budget.xlsx", sample_files.xlsx),
        ("rapport.odt", sample_files.opendocument),
        (
            "budget.ods",
            lambda: sample_files.opendocument("application/vnd.oasis.opendocument.spreadsheet"),
        ),
    ],
)
def test_a_real_file_of_an_accepted_kind_is_accepted(name, build):
    upload = inspect(name, build())
    assert upload.read(4)  # left at the start, ready to be saved


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        # The name and the content disagree.
        ("photo.png", sample_files.jpeg(), "file_content"),
        ("rapport.pdf", sample_files.docx(), "file_content"),
        ("rapport.docx", sample_files.opendocument(), "file_content"),
        ("rapport.odt", sample_files.docx(), "file_content"),
        ("programme.exe", b"MZ\x90\x00", "file_extension"),
        ("page.html", sample_files.HTML, "file_extension"),
        # Right first bytes, nothing behind them.
        ("faux.pdf", b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n", "file_damaged"),
        ("faux.docx", sample_files.docx()[:200], "file_damaged"),
        ("photo.png", sample_files.corrupt_png(), "image_damaged"),
        ("photo.jpg", sample_files.jpeg()[:300], "image_damaged"),
    ],
)
def test_a_file_whose_name_type_and_content_disagree_is_refused(name, content, code):
    assert refusal(name, content) == code


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        # A GIF header followed by a web page, named as an accepted image.
        ("photo.png", b"GIF89a" + sample_files.HTML, "file_content"),
        ("photo.jpg", b"GIF89a/*" + sample_files.HTML, "file_content"),
        # A web page in front of a real PDF or office document.
        ("rapport.pdf", sample_files.HTML + sample_files.pdf(), "file_content"),
        ("rapport.docx", b"GIF89a" + sample_files.docx(), "file_content"),
        # A web page after (or inside) a real file.
        ("rapport.pdf", sample_files.pdf() + sample_files.HTML, "file_active_content"),
        ("photo.png", sample_files.png() + sample_files.HTML, "file_active_content"),
        ("photo.png", sample_files.png() + b"\x00" * 64, "file_content"),
        ("photo.png", sample_files.png_with_text(sample_files.HTML), "file_active_content"),
        ("photo.jpg", sample_files.jpeg(comment=sample_files.HTML), "file_active_content"),
        ("rapport.docx", sample_files.docx() + sample_files.HTML, "file_active_content"),
        ("rapport.docx", sample_files.docx() + b"\x00" * 64, "file_content"),
    ],
)
def test_a_polyglot_is_refused(name, content, code):
    assert refusal(name, content) == code


def test_a_pdf_that_runs_a_script_is_refused():
    content = sample_files.pdf(javascript="app.alert('bonjour');")
    assert refusal("rapport.pdf", content) == "pdf_active_content"


def test_a_pdf_protected_by_a_password_is_refused():
    assert refusal("rapport.pdf", sample_files.encrypted_pdf()) == "pdf_encrypted"


def test_an_office_document_that_expands_beyond_the_limit_is_refused():
    content = sample_files.zip_bomb_docx()
    assert len(content) < LIMIT
    assert refusal("rapport.docx", content) == "file_damaged"


def test_an_image_bomb_is_refused_from_its_header():
    # 11,000 × 11,000 pixels announced; a handful of rows stored.
    content = sample_files.png_bomb(rows=10)
    assert len(content) < 20_000
    assert refusal("photo.png", content) == "image_too_many_pixels"


@override_settings(WAGTAILIMAGES_MAX_IMAGE_PIXELS=10**9, IMAGES_MAX_DECODED_BYTES=1000)
def test_an_image_too_big_once_decoded_is_refused():
    # 40 × 20 RGB pixels take 3,200 bytes in Pillow (four bytes a pixel).
    assert refusal("photo.png", sample_files.png()) == "image_too_large_decoded"


def test_a_file_over_the_size_limit_is_refused_before_it_is_read():
    upload = SimpleUploadedFile("rapport.pdf", sample_files.pdf())
    with pytest.raises(ValidationError) as caught:
        inspect_upload(upload, extensions=EXTENSIONS, max_bytes=100)
    assert caught.value.code == "file_too_large"


def test_pillow_refuses_to_open_an_image_beyond_the_limit(settings, tmp_path):
    """Any reader of images (Wagtail's renditions too) raises instead of allocating."""
    limit = settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS
    bomb = tmp_path / "bomb.png"
    bomb.write_bytes(sample_files.png_bomb(rows=10))
    assert limit < 11_000 * 11_000
    with pytest.raises(Image.DecompressionBombError):
        Image.open(bomb)
    at_the_limit = tmp_path / "limit.png"
    side = int(limit**0.5)
    at_the_limit.write_bytes(sample_files.png_bomb(side, side, rows=1))
    with Image.open(at_the_limit) as image:
        assert image.size == (side, side)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("fr", "Cette image compte trop de pixels. La limite est de 25 millions de pixels."),
        ("de", "Dieses Bild hat zu viele Pixel. Die Grenze liegt bei 25 Millionen Pixeln."),
        ("it", "Questa immagine ha troppi pixel. Il limite è di 25 milioni di pixel."),
        ("en", "This image has too many pixels. The limit is 25 million pixels."),
    ],
)
def test_the_refusal_is_said_in_the_visitors_language(language, expected):
    with translation.override(language):
        with pytest.raises(ValidationError) as caught:
            inspect("photo.png", sample_files.png_bomb(rows=10))
        assert caught.value.messages == [expected]
