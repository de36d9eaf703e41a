"""Editors' uploads in the admin: images bounded before any processing, documents size-capped.

An image's pixel count and decoded size are checked from its header, then the image is
decoded in full: a decompression bomb or a damaged file is a form error in the editor's
language, never a server error (tests/resilience/test_upload_bombs.py measures the memory).
"""

import json

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection
from wagtail.users.models import UserProfile

from tests import sample_files
from tests.factories import EditorFactory
from tests.html import parse, text_of

pytestmark = pytest.mark.django_db

Image = get_image_model()
Document = get_document_model()


@pytest.fixture
def editor_client(client):
    def log_in(language="fr"):
        editor = EditorFactory()
        profile = UserProfile.get_for_user(editor)
        profile.preferred_language = language
        profile.save()
        client.force_login(editor)
        return client

    return log_in


def add_image(client, name, content):
    return client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Affiche",
            "file": SimpleUploadedFile(name, content, "image/png"),
            "collection": Collection.get_first_root_node().pk,
        },
    )


def add_images(client, name, content):
    response = client.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": SimpleUploadedFile(name, content, "image/png")},
    )
    assert response.status_code == 200
    return json.loads(response.content)


def page_text(response):
    """The page's text, runs of spaces (non-breaking ones too) collapsed to one space."""
    return text_of(parse(response))


def test_a_good_image_is_added(editor_client):
    response = add_image(editor_client(), "affiche.png", sample_files.png())
    assert response.status_code == 302
    assert Image.objects.filter(title="Affiche").exists()


def test_a_decompression_bomb_is_a_form_error(editor_client):
    count = Image.objects.count()
    response = add_image(editor_client(), "bombe.png", sample_files.png_bomb(rows=10))
    assert response.status_code == 200
    assert "trop grand nombre de pixels" in page_text(response)
    assert Image.objects.count() == count


def test_a_decompression_bomb_is_refused_by_the_multiple_upload(editor_client):
    count = Image.objects.count()
    answer = add_images(editor_client(), "bombe.png", sample_files.png_bomb(rows=10))
    assert answer["success"] is False
    assert "pixels" in answer["error_message"]
    assert Image.objects.count() == count


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("fr", "Cette image est illisible : le fichier est endommagé ou incomplet."),
        ("de", "Dieses Bild kann nicht gelesen werden: Die Datei ist beschädigt oder"),
        ("it", "Impossibile leggere questa immagine: il file è danneggiato o incompleto."),
        ("en", "This image cannot be read: the file is damaged or incomplete."),
    ],
)
def test_a_damaged_image_is_a_form_error_in_the_editors_language(editor_client, language, expected):
    count = Image.objects.count()
    response = add_image(editor_client(language), "abimee.png", sample_files.corrupt_png())
    assert response.status_code == 200
    assert expected in page_text(response)
    assert Image.objects.count() == count


def test_a_damaged_image_is_refused_by_the_multiple_upload(editor_client):
    answer = add_images(editor_client(), "abimee.png", sample_files.corrupt_png())
    assert answer["success"] is False
    assert "illisible" in answer["error_message"]


@override_settings(IMAGES_MAX_DECODED_BYTES=1000)
def test_an_image_too_big_once_decoded_is_a_form_error(editor_client):
    response = add_image(editor_client(), "affiche.png", sample_files.png())
    assert response.status_code == 200
    assert "Une fois ouverte, cette image occuperait" in page_text(response)


def test_the_upload_limits_are_the_documented_defaults():
    assert settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS == 25_000_000
    assert settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE == 10 * 1024 * 1024
    assert settings.IMAGES_MAX_DECODED_BYTES == 100 * 1024 * 1024
    # As deploy/nginx/site.conf.example's client_max_body_size.
    assert settings.WAGTAILDOCS_MAX_UPLOAD_SIZE == 25 * 1024 * 1024


@override_settings(WAGTAILDOCS_MAX_UPLOAD_SIZE=1024)
@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("fr", "Ce fichier est trop gros"),
        ("de", "Die Datei ist zu groß"),
        ("it", "Questo file è troppo grande"),
        ("en", "This file is too big"),
    ],
)
def test_a_document_over_the_limit_is_a_form_error_in_the_editors_language(
    editor_client, language, expected
):
    count = Document.objects.count()
    response = editor_client(language).post(
        reverse("wagtaildocs:add"),
        {
            "title": "Statuts",
            "file": SimpleUploadedFile("statuts.pdf", b"%PDF-" + b"0" * 2043),
            "collection": Collection.get_first_root_node().pk,
        },
    )
    assert response.status_code == 200
    assert expected in page_text(response)
    assert Document.objects.count() == count


@override_settings(WAGTAILDOCS_MAX_UPLOAD_SIZE=1024)
def test_a_document_over_the_limit_is_refused_by_the_multiple_upload(editor_client):
    count = Document.objects.count()
    response = editor_client().post(
        reverse("wagtaildocs:add_multiple"),
        {"files[]": SimpleUploadedFile("statuts.pdf", b"%PDF-" + b"0" * 2043)},
    )
    answer = json.loads(response.content)
    assert answer["success"] is False
    assert "trop gros" in answer["error_message"]
    assert Document.objects.count() == count
