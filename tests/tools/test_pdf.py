"""Each sheet has a printable PDF in each language, stored per revision and renewed on publish."""

import io

import pytest
from django.core.files.storage import default_storage
from pypdf import PdfReader

from tools.models import ToolPage
from tools.pdf import get_pdf, pdf_filename, stored_path

pytestmark = pytest.mark.django_db


def pdf_text(content):
    reader = PdfReader(io.BytesIO(content))
    return " ".join(page.extract_text() for page in reader.pages)


def test_the_pdf_contains_the_title_and_the_section_headings(client):
    response = client.get("/fr/outils/02a-canevas-du-modele-socio-economique/pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert (
        'filename="02a-canevas-du-modele-socio-economique.pdf"' in response["Content-Disposition"]
    )
    text = pdf_text(response.content)
    for expected in [
        "Canevas du modèle socio-économique",
        "L'outil en bref",
        "Mode d'emploi",
        "Instruments à télécharger",
        "Crédits et licence",
    ]:
        assert expected in text


def test_the_german_pdf_of_an_untranslated_sheet_has_german_headings(client):
    response = client.get("/de/outils/02b-canevas-du-modele-deuxieme-niveau/pdf/")
    text = pdf_text(response.content)
    assert "Das Werkzeug in Kürze" in text
    # The French title, with French typography (a non-breaking space before the colon).
    assert "Canevas du modèle\u00a0: deuxième niveau" in text


def test_the_german_pdf_of_a_translated_sheet_is_in_german(client):
    response = client.get("/de/outils/02a-canevas-du-modele-socio-economique/pdf/")
    text = pdf_text(response.content)
    assert "Das Werkzeug in Kürze" in text
    assert "Canvas des sozioökonomischen Modells" in text
    assert "Canevas du modèle socio-économique" not in text


def test_fonts_are_embedded():
    tool = ToolPage.objects.get(sheet_number="01", locale__language_code="fr")
    reader = PdfReader(io.BytesIO(get_pdf(tool)))
    fonts = [font.get_object() for font in reader.pages[0]["/Resources"]["/Font"].values()]
    descriptors = [
        (font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font)[
            "/FontDescriptor"
        ]
        for font in fonts
    ]
    assert descriptors
    assert all({"/FontFile", "/FontFile2", "/FontFile3"} & set(d) for d in descriptors)
    assert any("DejaVu" in str(font["/BaseFont"]) for font in fonts)


def test_the_file_name_follows_number_and_title():
    tool = ToolPage.objects.get(sheet_number="11b", locale__language_code="fr")
    assert pdf_filename(tool) == "11b-le-dossier-de-demande-de-subvention.pdf"


def test_the_pdf_is_stored_and_publishing_renders_the_new_revision():
    tool = ToolPage.objects.get(sheet_number="03", locale__language_code="fr")
    get_pdf(tool)
    old_path = stored_path(tool)
    assert default_storage.exists(old_path)
    tool.title = "L'arbre à problèmes revu"
    tool.save_revision().publish()
    tool.refresh_from_db()
    new_path = stored_path(tool)
    assert new_path != old_path
    assert default_storage.exists(new_path)
    assert not default_storage.exists(old_path)
    with default_storage.open(new_path) as stored:
        assert "L'arbre à problèmes revu" in pdf_text(stored.read())
