"""Documents and images of Wagtail's libraries, with small real files."""

import io

import factory
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.utils.text import slugify
from factory.django import DjangoModelFactory
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

PDF = b"%PDF-1.4 test"


class DocumentFactory(DjangoModelFactory):
    """A document (a tiny PDF by default) in the root collection; its size is recorded as
    Wagtail's upload form records it."""

    class Meta:
        model = get_document_model()

    class Params:
        content = PDF
        extension = "pdf"

    title = factory.Sequence(lambda n: f"Document {n}")
    file = factory.LazyAttribute(
        lambda document: ContentFile(
            document.content, name=f"{slugify(document.title)}.{document.extension}"
        )
    )
    file_size = factory.LazyAttribute(lambda document: len(document.content))


def png(width, height, colour=(11, 93, 75)):
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), colour).save(buffer, format="PNG")
    return buffer.getvalue()


class ImageFactory(DjangoModelFactory):
    """An image (a plain PNG, 40 × 20 pixels by default) in the root collection."""

    class Meta:
        model = get_image_model()

    class Params:
        dimensions = (40, 20)

    title = factory.Sequence(lambda n: f"Image {n}")
    file = factory.LazyAttribute(
        lambda image: ImageFile(
            io.BytesIO(png(*image.dimensions)), name=f"{slugify(image.title)}.png"
        )
    )
