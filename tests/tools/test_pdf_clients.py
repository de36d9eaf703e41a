"""What PDF readers and screen readers get (core/pdf.py): tagged PDF/UA with the document's
language, links that open the public site, the sheet's numbering and credits, read back with
pypdf's text extraction."""

import io
import json
import re

import pytest
from django.conf import settings
from pypdf import PdfReader
from wagtail.models import Locale

from guides.models import GuideIndexPage
from guides.pdf import guide_pdf_response
from tests.factories import GuidePageFactory, ToolPageFactory, UsageExampleFactory
from tools.pdf import get_pdf, render_pdf

pytestmark = pytest.mark.django_db

SITE = settings.SITE_URL


def step(title):
    return {"type": "step", "value": {"title": title, "text": f"<p>{title}.</p>", "duration": ""}}


def tip(text):
    return {"type": "tip", "value": {"text": f"<p>{text}</p>"}}


@pytest.fixture
def sheet():
    return ToolPageFactory(
        title="Outil aux étapes",
        authors="Anne Auteure, Paul Auteur",
        instructions=json.dumps(
            [step("Premier"), step("Deuxième"), tip("Astuce"), step("Troisième"), step("Quatre")]
        ),
    )


def read(content):
    reader = PdfReader(io.BytesIO(content))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return reader, text


def markers(text):
    """The list numbers WeasyPrint draws ("1. ", "2. "...), as pypdf extracts them."""
    return [int(number) for number in re.findall(r"^(\d+)\. ?$", text, re.MULTILINE)]


def links(reader):
    return [
        annotation.get_object()["/A"]["/URI"]
        for page in reader.pages
        for annotation in page.get("/Annots", [])
        if "/A" in annotation.get_object()
    ]


def test_the_sheet_pdf_is_tagged_with_its_language(sheet):
    reader, _text = read(get_pdf(sheet))
    catalogue = reader.trailer["/Root"]
    assert bool(catalogue["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in catalogue
    assert catalogue["/Lang"] == "fr"
    assert reader.metadata.title.endswith("Outil aux étapes")


def weasyprint_errors(records):
    return [r.getMessage() for r in records if r.name.startswith("weasyprint") and r.levelno >= 40]


def test_the_sheet_and_guide_pass_weasyprint_pdf_ua_checks(rf, sheet, caplog):
    """WeasyPrint logs an error for what PDF/UA forbids (an image without alt text...)."""
    guide_index = GuideIndexPage.objects.get(locale=Locale.get_default())
    guide = GuidePageFactory(parent=guide_index, step_tools=[sheet])
    caplog.clear()
    render_pdf(sheet)
    guide_pdf_response(guide, rf.get("/"))
    assert weasyprint_errors(caplog.records) == []


def test_steps_keep_their_numbers_after_a_tip(sheet):
    _reader, text = read(get_pdf(sheet))
    assert markers(text) == [1, 2, 3, 4]


def test_the_sheet_links_open_the_public_site(sheet):
    reader, _text = read(get_pdf(sheet))
    uris = links(reader)
    assert f"{SITE}{sheet.url}" in uris
    assert "https://creativecommons.org/licenses/by-sa/4.0/" in uris
    assert all(uri.startswith(("https://", "http://")) for uri in uris)


def test_the_sheet_credits_its_authors_and_approved_contributors(sheet):
    UsageExampleFactory(tool=sheet, contributor_name="Camille Contributrice")
    _reader, text = read(get_pdf(sheet))
    assert "Anne Auteure, Paul Auteur" in text
    assert "Camille Contributrice" in text


def test_a_guide_pdf_carries_each_sheet_with_its_numbering_licence_and_authors(rf, sheet):
    guide_index = GuideIndexPage.objects.get(locale=Locale.get_default())
    guide = GuidePageFactory(parent=guide_index, step_tools=[sheet])
    reader, text = read(guide_pdf_response(guide, rf.get("/")).content)
    assert reader.trailer["/Root"]["/Lang"] == "fr"
    assert "Anne Auteure, Paul Auteur" in text
    assert "Creative Commons BY-SA 4.0" in text
    assert "https://creativecommons.org/licenses/by-sa/4.0/" in links(reader)
    assert {1, 2, 3, 4} <= set(markers(text))


def test_the_sheet_pdf_of_an_untranslated_alias_is_french_with_its_headings_in_german(
    client, sheet
):
    alias = sheet.get_translations().get(locale__language_code="de")
    assert alias.alias_of_id == sheet.pk

    response = client.get(f"{alias.url}pdf/")

    assert response.status_code == 200
    reader, text = read(response.content)
    assert reader.trailer["/Root"]["/Lang"] == "fr"
    assert "Outil aux étapes" in text
    assert "Das Werkzeug in Kürze" in text


def test_the_guide_pdf_of_an_untranslated_alias_is_french_with_its_headings_in_german(
    client, sheet
):
    guide_index = GuideIndexPage.objects.get(locale=Locale.get_default())
    guide = GuidePageFactory(parent=guide_index, step_tools=[sheet], title="Parcours en français")
    alias = guide.get_translations().get(locale__language_code="de")

    response = client.get(f"{alias.url}pdf/")

    assert response.status_code == 200
    reader, text = read(response.content)
    assert reader.trailer["/Root"]["/Lang"] == "fr"
    assert "Parcours en français" in text
    assert "Inhalt" in text
