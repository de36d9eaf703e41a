"""Files from outside, judged by what they contain before anything keeps or processes them.

Three views of a file must agree: the extension the sender gave it, the type sniffed from its
first bytes (the `filetype` library) and a full parse with the library that reads that kind of
file (Pillow for images, pypdf for PDFs, zipfile for office documents). A file that is also
something else (a polyglot: web page code or a script in an image, data before or after the
real file) is refused, whatever the first bytes say.

Images are bounded before they are decoded: their header gives the pixel count, and the pixel
count times the bytes per pixel of their mode gives the memory decoding takes. Pillow's own
limit (`Image.MAX_IMAGE_PIXELS`, set by `bound_pillow` at start-up) makes any other reader of a
bigger image raise instead of allocating.
"""

import io
import re
import threading
import warnings
import zipfile
from contextlib import contextmanager
from pathlib import PurePath

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageFile
from pypdf import PdfReader
from wagtail.images.forms import BaseImageForm

PNG_END = b"IEND\xaeB`\x82"
ZIP_END_OF_DIRECTORY = b"PK\x05\x06"
ZIP_END_OF_DIRECTORY_SIZE = 22
# What web page code, scripts or server code look like inside a file that should hold none.
# Every pattern is long enough that compressed data does not produce it by chance.
ACTIVE_CONTENT = re.compile(
    rb"<(?:script|html|body|head|iframe|object|embed|svg[\s>/]|!doctype|\?php)|javascript:",
    re.IGNORECASE,
)
# PDF features that run code or carry other files.
PDF_ACTIVE_NAMES = re.compile(rb"/(?:JavaScript|JS|Launch|EmbeddedFile|RichMedia|XFA)\b")
PDF_ACTIVE_KEYS = ("/JavaScript", "/EmbeddedFiles")
# Office documents are zip archives: what they may expand to.
ZIP_MAX_EXPANDED_BYTES = 100 * 1024 * 1024
ZIP_MAX_MEMBERS = 5000

# Extension -> the media type the content must have.
DOCUMENT_TYPES = {
    "pdf": "application/pdf",
    "png": "image/png",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
}
IMAGE_FORMATS = {"image/png": "PNG", "image/jpeg": "JPEG"}
# The part a zip-based office document cannot do without.
OFFICE_PARTS = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml"}


def bound_pillow(max_pixels: int) -> None:
    """Make Pillow refuse to open an image of more than `max_pixels` pixels.

    Pillow warns above `MAX_IMAGE_PIXELS` and raises `DecompressionBombError` above twice that;
    the warning alone does not stop anything, so the limit is half of ours: every reader of
    images (Wagtail's renditions, Willow) raises at our limit instead of decoding.
    """
    Image.MAX_IMAGE_PIXELS = max_pixels // 2
    warnings.filterwarnings("ignore", category=Image.DecompressionBombWarning)


def _bytes_per_pixel(mode: str) -> int:
    # Pillow keeps 1-bit, greyscale and palette images in one byte per pixel, 16-bit greyscale
    # in two, every other mode (RGB included) in four.
    if mode in {"1", "L", "P"}:
        return 1
    if mode.startswith("I;16"):
        return 2
    return 4


_strict_decoding = threading.Lock()


@contextmanager
def strict_decoding():
    """Pillow reports damaged image data while this lasts.

    WeasyPrint switches Pillow's process-wide LOAD_TRUNCATED_IMAGES on when it is imported
    (it prefers a grey patch in a PDF to a failure); judging an upload needs the strict mode.
    """
    with _strict_decoding:
        previous = ImageFile.LOAD_TRUNCATED_IMAGES
        ImageFile.LOAD_TRUNCATED_IMAGES = False
        try:
            yield
        finally:
            ImageFile.LOAD_TRUNCATED_IMAGES = previous


def _too_many_pixels(limit):
    return ValidationError(
        _("This image has too many pixels. The limit is %(limit)s million pixels."),
        params={"limit": f"{limit / 1_000_000:g}"},
        code="image_too_many_pixels",
    )


def _damaged_image():
    return ValidationError(
        _("This image cannot be read: the file is damaged or incomplete."),
        code="image_damaged",
    )


def check_image(file, expected_format: str | None = None) -> None:
    """Refuse an image that is too big to decode, damaged, or not of `expected_format`.

    Only the header is read until the limits are known to hold; then the image is decoded
    in full, so a file that is damaged further on is refused here and not when a page shows it.
    """
    max_pixels = settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS
    max_decoded = settings.IMAGES_MAX_DECODED_BYTES
    file.seek(0)
    try:
        with strict_decoding(), Image.open(file) as image:
            if expected_format and image.format != expected_format:
                raise _damaged_image()
            width, height = image.size
            frames = getattr(image, "n_frames", 1)
            pixels = width * height * frames
            if pixels > max_pixels:
                raise _too_many_pixels(max_pixels)
            decoded = pixels * _bytes_per_pixel(image.mode)
            if decoded > max_decoded:
                raise ValidationError(
                    _(
                        "This image would take %(size)s of memory once opened. "
                        "The limit is %(limit)s."
                    ),
                    params={
                        "size": filesizeformat(decoded),
                        "limit": filesizeformat(max_decoded),
                    },
                    code="image_too_large_decoded",
                )
            image.load()
            for frame in range(1, frames):
                image.seek(frame)
                image.load()
    except Image.DecompressionBombError:
        raise _too_many_pixels(max_pixels) from None
    except ValidationError:
        raise
    except Exception as error:  # noqa: BLE001 - a decoder fed a damaged file raises anything
        raise _damaged_image() from error
    finally:
        file.seek(0)


class ImageForm(BaseImageForm):
    """Wagtail's image form (WAGTAILIMAGES_IMAGE_FORM_BASE), which also decodes a new file.

    Wagtail checks the file size, the format and the pixel count from the header; this form
    adds the decoded size and a full decode, so a damaged image is a form error in the
    editor's language and never a server error when the image is shown.
    """

    def clean_file(self):
        file = self.cleaned_data.get("file")
        if file and "file" in self.changed_data:
            check_image(file)
        return file


def _mismatch(extension):
    return ValidationError(
        _("The content of the file does not match its name (.%(extension)s)."),
        params={"extension": extension},
        code="file_content",
    )


def _damaged_file():
    return ValidationError(
        _("This file cannot be read: it is damaged or incomplete."),
        code="file_damaged",
    )


def _active_content():
    return ValidationError(
        _("This file hides web page code or a script, so it cannot be accepted."),
        code="file_active_content",
    )


def _check_pdf(data: bytes) -> None:
    if PDF_ACTIVE_NAMES.search(data):
        raise ValidationError(
            _("PDF files with scripts or attached files cannot be accepted."),
            code="pdf_active_content",
        )
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            raise ValidationError(
                _("PDF files protected by a password cannot be accepted."),
                code="pdf_encrypted",
            )
        catalog = reader.trailer["/Root"]
        names = catalog.get("/Names") or {}
        if any(key in names for key in PDF_ACTIVE_KEYS) or "/AA" in catalog:
            raise ValidationError(
                _("PDF files with scripts or attached files cannot be accepted."),
                code="pdf_active_content",
            )
        if not reader.pages:
            raise _damaged_file()
        for page in reader.pages:
            page.mediabox  # noqa: B018 - resolves the page's objects
    except ValidationError:
        raise
    except Exception as error:  # noqa: BLE001 - a parser fed a damaged file raises anything
        raise _damaged_file() from error


def _check_zip(data: bytes, extension: str, media_type: str) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
            # Nothing before the first entry and nothing after the end of the directory:
            # a zip read from its end would otherwise carry any file in front of it.
            end = data.rfind(ZIP_END_OF_DIRECTORY)
            if (
                not members
                or min(member.header_offset for member in members) != 0
                or end + ZIP_END_OF_DIRECTORY_SIZE + len(archive.comment) != len(data)
            ):
                raise _mismatch(extension)
            if (
                len(members) > ZIP_MAX_MEMBERS
                or sum(member.file_size for member in members) > ZIP_MAX_EXPANDED_BYTES
            ):
                raise _damaged_file()
            if archive.testzip() is not None:
                raise _damaged_file()
            names = set(archive.namelist())
            if extension in OFFICE_PARTS:
                valid = OFFICE_PARTS[extension] in names
            else:
                valid = archive.read("mimetype").decode("ascii", "replace").strip() == media_type
            if not valid:
                raise _mismatch(extension)
    except ValidationError:
        raise
    except Exception as error:  # noqa: BLE001 - a parser fed a damaged file raises anything
        raise _damaged_file() from error


def inspect_upload(upload, *, extensions, max_bytes: int) -> None:
    """Accept `upload` only if its name, its sniffed type and a full parse agree.

    `extensions` are the allowed extensions (keys of DOCUMENT_TYPES). Raises ValidationError
    with a message for the sender; reads at most `max_bytes` into memory.
    """
    if upload.size > max_bytes:
        raise ValidationError(
            _("The file is too large (%(size)s). The limit is %(limit)s."),
            params={"size": filesizeformat(upload.size), "limit": filesizeformat(max_bytes)},
            code="file_too_large",
        )
    extension = PurePath(upload.name or "").suffix.lower().lstrip(".")
    if extension not in extensions:
        raise ValidationError(
            _(
                "This kind of file is not accepted. Send a PDF, Word, OpenDocument, Excel, PNG or "
                "JPEG file."
            ),
            code="file_extension",
        )
    media_type = DOCUMENT_TYPES[extension]
    upload.seek(0)
    data = upload.read(max_bytes + 1)
    upload.seek(0)
    sniffed = filetype.guess_mime(data)
    if sniffed != media_type:
        raise _mismatch(extension)
    if ACTIVE_CONTENT.search(data):
        raise _active_content()
    if media_type in IMAGE_FORMATS:
        # A PNG ends with its IEND chunk; bytes after it are another file riding along.
        if media_type == "image/png" and not data.endswith(PNG_END):
            raise _mismatch(extension)
        check_image(io.BytesIO(data), IMAGE_FORMATS[media_type])
    elif media_type == "application/pdf":
        _check_pdf(data)
    else:
        _check_zip(data, extension, media_type)
