"""The demo library: at least 24 French sheets spread over every lever and phase, loaded once."""

import io
import zipfile

import pytest

from taxonomy.models import Lever, Phase
from tests.html import parse, text_of
from tools.demo import load
from tools.models import ToolInstrument, ToolPage

pytestmark = pytest.mark.django_db


def test_the_demo_library_covers_every_lever_and_phase(library):
    tools = ToolPage.objects.child_of(library).live()
    assert tools.count() >= 24
    assert {"01", "02a", "02b"} <= set(tools.values_list("sheet_number", flat=True))
    for model, field in [(Lever, "levers"), (Phase, "phases")]:
        for term in model.objects.filter(locale=library.locale):
            assert tools.filter(**{field: term}).exists(), f"no tool for {term}"
    instruments = ToolInstrument.objects.filter(page__locale=library.locale)
    assert instruments.count() >= 15
    assert {i.document.file_extension for i in instruments} == {"pdf", "odt"}


def test_the_demo_documents_are_real_files(library):
    for instrument in ToolInstrument.objects.filter(page__locale=library.locale):
        with instrument.document.file.open("rb") as stored:
            data = stored.read()
        if instrument.document.file_extension == "pdf":
            assert data.startswith(b"%PDF")
        else:
            archive = zipfile.ZipFile(io.BytesIO(data))
            assert archive.namelist()[0] == "mimetype"
            assert archive.read("mimetype") == b"application/vnd.oasis.opendocument.text"


def test_the_library_is_in_every_menu(client):
    for language, label in [
        ("fr", "Bibliothèque d'outils"),
        ("de", "Werkzeugbibliothek"),
        ("it", "Biblioteca degli strumenti"),
        ("en", "Tool library"),
    ]:
        menu = parse(client.get(f"/{language}/")).select("nav.main-nav a")
        assert {text_of(link): link["href"] for link in menu}[label] == f"/{language}/outils/"


def test_loading_the_demo_again_changes_nothing(library):
    before = ToolPage.objects.count(), ToolInstrument.objects.count()

    class Command:
        stdout = io.StringIO()

    load(Command())
    assert (ToolPage.objects.count(), ToolInstrument.objects.count()) == before
