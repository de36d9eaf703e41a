"""Fixtures of the tool library tests: the demo library and quick tool sheets."""

import itertools

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Locale

from taxonomy.models import Lever, Phase
from tools.models import ToolIndexPage, ToolInstrument, ToolPage

_numbers = itertools.count(1)


@pytest.fixture
def library(db):
    return ToolIndexPage.objects.get(locale=Locale.get_default(), slug="outils")


def make_document(title="Fiche", content=b"%PDF-1.4 test", extension="pdf"):
    document = get_document_model()(title=title)
    document.file.save(f"{title.lower()}.{extension}", ContentFile(content), save=False)
    document.file_size = len(content)
    document.save()
    return document


def make_tool(library, *, levers=(), phases=(), instruments=0, publish=False, **fields):
    """A live tool sheet under the library; terms are given by slug (French rows)."""
    number = next(_numbers)
    fields.setdefault("title", f"Outil d'essai {number}")
    fields.setdefault("slug", f"outil-essai-{number}")
    fields.setdefault("sheet_number", f"T{number:04d}")
    fields.setdefault("summary", "Un outil créé pour les tests.")
    tool = ToolPage(**fields)
    tool.levers = list(Lever.objects.filter(locale=library.locale, slug__in=levers))
    tool.phases = list(Phase.objects.filter(locale=library.locale, slug__in=phases))
    if instruments:
        document = make_document(f"Document {number}")
        tool.instruments = [
            ToolInstrument(locale=library.locale, title=f"Instrument {n}", document=document)
            for n in range(instruments)
        ]
    library.add_child(instance=tool)
    if publish:
        tool.save_revision().publish()
    return tool
