"""Files that a browser could run as a page (HTML, SVG) never enter the media library, and the
documents that do are served so that a browser cannot run them."""

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

pytestmark = pytest.mark.django_db

SCRIPTED_SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(document.cookie)">'
    b"<script>alert(1)</script></svg>"
)
SCRIPTED_HTML = b"<html><body><script>alert(document.cookie)</script></body></html>"


@pytest.fixture
def editor_client():
    editor = User.objects.create_superuser("uploader", "uploader@example.org", "x")
    client = Client(HTTP_HOST="localhost")
    client.force_login(editor)
    return client


def assert_upload_refused(client, url, model, name, content):
    before = model.objects.count()
    response = client.post(
        url, {"title": "Fichier", "file": SimpleUploadedFile(name, content), "collection": 1}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert model.objects.count() == before


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("carte.svg", SCRIPTED_SVG),
        ("page.html", SCRIPTED_HTML),
        ("page.htm", SCRIPTED_HTML),
        ("page.xhtml", SCRIPTED_HTML),
        ("script.js", b"alert(1)"),
    ],
)
def test_the_admin_refuses_documents_a_browser_would_run(editor_client, name, content):
    assert_upload_refused(
        editor_client, "/admin/documents/add/", get_document_model(), name, content
    )


@pytest.mark.parametrize(
    ("name", "content"),
    [("logo.svg", SCRIPTED_SVG), ("logo.html", SCRIPTED_HTML), ("logo.png", SCRIPTED_HTML)],
)
def test_the_admin_refuses_images_that_are_not_pictures(editor_client, name, content):
    assert_upload_refused(editor_client, "/admin/images/add/", get_image_model(), name, content)


def test_a_document_that_hides_html_is_served_as_a_download_a_browser_will_not_run(client):
    document = get_document_model().objects.create(
        title="Faux PDF", file=SimpleUploadedFile("faux.pdf", SCRIPTED_HTML)
    )
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    # Even opened in a tab, nothing in it may run or load.
    assert "default-src 'none'" in response["Content-Security-Policy"]
    body = b"".join(response.streaming_content)
    assert body == SCRIPTED_HTML
