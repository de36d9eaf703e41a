"""The tool library: the library page, tool sheets, their instruments and download counts."""

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from taxonomy.models import Audience, Lever, Phase, Theme
from tools.models import DownloadCount, ToolIndexPage, ToolInstrument, ToolPage

from .media import DocumentFactory
from .pages import PageFactory, demo_page, terms


def demo_library():
    """The tool library of the demo site in the default language ("outils")."""
    return demo_page(ToolIndexPage, "outils", title="Outils")


class ToolIndexPageFactory(PageFactory):
    """A tool library. The demo site has one per language ("outils"): a second one goes in a
    tree of the test's own."""

    class Meta:
        model = ToolIndexPage

    title = factory.LazyAttribute(lambda page: f"Bibliothèque essai {page.number}")
    slug = factory.LazyAttribute(lambda page: f"outils-essai-{page.number}")
    intro = "Les outils de l'association."


class ToolInstrumentFactory(DjangoModelFactory):
    """A document to download with a tool sheet, in the sheet's language."""

    class Meta:
        model = ToolInstrument

    page = factory.SubFactory("tests.factories.tools.ToolPageFactory")
    locale = factory.SelfAttribute("page.locale")
    title = factory.Sequence(lambda n: f"Instrument {n}")
    document = factory.SubFactory(DocumentFactory)


def _instruments(tool):
    """The instruments named `instrument_titles`, sharing one new document, for `add_child`."""
    if not tool.instrument_titles:
        return []
    document = DocumentFactory(title=f"Document {tool.number}")
    return [
        ToolInstrument(locale=tool.locale, title=title, document=document, sort_order=position)
        for position, title in enumerate(tool.instrument_titles)
    ]


class ToolPageFactory(PageFactory):
    """A tool sheet in the demo library of the default language, published and aliased.

    Parameters besides the page's fields and `PageFactory`'s:
    - `lever_slugs`, `phase_slugs`, `audience_slugs`, `theme_slugs`: taxonomy terms of the
      sheet's language, by slug (or give `levers=[...]` etc. as terms);
    - `instrument_count`: that many instruments ("Instrument 0", ...), sharing one new PDF
      document; or `instrument_titles`, the instruments' titles.
    The sheet number is "T" and the sequence number on four digits ("T0012").
    """

    class Meta:
        model = ToolPage

    class Params:
        lever_slugs = ()
        phase_slugs = ()
        audience_slugs = ()
        theme_slugs = ()
        instrument_count = 0
        instrument_titles = factory.LazyAttribute(
            lambda tool: [f"Instrument {n}" for n in range(tool.instrument_count)]
        )

    parent = factory.LazyFunction(demo_library)
    title = factory.LazyAttribute(lambda page: f"Outil essai {page.number}")
    slug = factory.LazyAttribute(lambda page: f"outil-essai-{page.number}")
    sheet_number = factory.LazyAttribute(lambda page: f"T{page.number:04d}")
    summary = "Un outil créé pour les tests."
    levers = terms(Lever, "lever_slugs")
    phases = terms(Phase, "phase_slugs")
    audiences = terms(Audience, "audience_slugs")
    themes = terms(Theme, "theme_slugs")
    instruments = factory.LazyAttribute(_instruments)


class DownloadCountFactory(DjangoModelFactory):
    """Today's downloads of a document of a tool, in the tool's language.

    `tool` (a parameter) defaults to a new sheet with one instrument, whose document is counted.
    """

    class Meta:
        model = DownloadCount

    class Params:
        tool = factory.SubFactory(ToolPageFactory, instrument_count=1, aliases=False)

    tool_key = factory.SelfAttribute("tool.translation_key")
    document = factory.LazyAttribute(lambda row: row.tool.instruments.first().document)
    locale = factory.SelfAttribute("tool.locale")
    day = factory.LazyFunction(timezone.localdate)
    count = 1
