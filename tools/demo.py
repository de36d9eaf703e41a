"""The tool library in French: the index "Outils" and the numbered tool sheets with their files."""

import io
import zipfile
from decimal import Decimal
from xml.sax.saxutils import escape

from django.core.files.base import ContentFile
from django.utils.text import slugify
from wagtail.documents import get_document_model
from wagtail.models import Locale
from weasyprint import HTML

from core.demo_images import canvas_grid, demo_image, give_image, hero_image
from core.demo_utils import get_or_create_page, source_home
from core.pdf import regeneration_paused
from core.progress import progress
from home.demo import add_menu_item
from taxonomy.models import Audience, Lever, Phase, Theme

from .demo_content import AUTHORS, CONTRIBUTORS, TOOLS
from .models import ToolIndexPage, ToolInstrument, ToolPage, ToolStatus

ORDER = 30

MENU_LABELS = {
    "fr": "Bibliothèque d'outils",
    "de": "Werkzeugbibliothek",
    "it": "Biblioteca degli strumenti",
    "en": "Tool library",
}
KIND_WORDS = {
    "template": "Modèle à remplir",
    "worksheet": "Fiche de travail",
    "poster": "Affiche",
    "guide": "Guide",
}


def worksheet_pdf(title, tool_title, kind):
    """A small real PDF: the document's title, its tool and lines to write on."""
    lines = "".join('<div class="line"></div>' for _ in range(14))
    html = f"""<html lang="fr"><head><meta charset="utf-8"><style>
        @page {{ size: A4; margin: 20mm; }}
        body {{ font-family: "DejaVu Sans", sans-serif; color: #1b1f23; }}
        h1 {{ color: #0b5d4b; font-size: 20pt; }}
        .line {{ border-bottom: 1px solid #6b7780; height: 12mm; }}
        </style></head><body>
        <p>{escape(KIND_WORDS.get(kind, "Document"))} · Social Business Models</p>
        <h1>{escape(title)}</h1>
        <p>Outil : {escape(tool_title)}. Licence CC BY-SA 4.0.</p>
        {lines}
        </body></html>"""
    return HTML(string=html).write_pdf()


def template_odt(title, tool_title):
    """A minimal valid OpenDocument text: the title, the tool and headings to fill in."""
    paragraphs = "".join(
        f"<text:h text:outline-level='2'>{escape(heading)}</text:h><text:p/>"
        for heading in ("Contexte", "Ce que nous décidons", "Prochaines étapes")
    )
    content = (
        "<?xml version='1.0' encoding='UTF-8'?>"
        "<office:document-content "
        "xmlns:office='urn:oasis:names:tc:opendocument:xmlns:office:1.0' "
        "xmlns:text='urn:oasis:names:tc:opendocument:xmlns:text:1.0' office:version='1.2'>"
        "<office:body><office:text>"
        f"<text:h text:outline-level='1'>{escape(title)}</text:h>"
        f"<text:p>Outil : {escape(tool_title)} (Social Business Models, CC BY-SA 4.0)</text:p>"
        f"{paragraphs}</office:text></office:body></office:document-content>"
    )
    manifest = (
        "<?xml version='1.0' encoding='UTF-8'?>"
        "<manifest:manifest "
        "xmlns:manifest='urn:oasis:names:tc:opendocument:xmlns:manifest:1.0' "
        "manifest:version='1.2'>"
        "<manifest:file-entry manifest:full-path='/' manifest:version='1.2' "
        "manifest:media-type='application/vnd.oasis.opendocument.text'/>"
        "<manifest:file-entry manifest:full-path='content.xml' manifest:media-type='text/xml'/>"
        "</manifest:manifest>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        # The mimetype entry comes first and uncompressed, as OpenDocument requires.
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text", zipfile.ZIP_STORED)
        archive.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)
        archive.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def make_document(title, tool, kind, file_format):
    Document = get_document_model()
    name = f"{tool['number']}-{slugify(title)}.{file_format}"
    if file_format == "pdf":
        data = worksheet_pdf(title, tool["title"], kind)
    else:
        data = template_odt(title, tool["title"])
    document = Document(title=f"{tool['number']} · {title}")
    document.file.save(name, ContentFile(data), save=False)
    document.file_size = len(data)
    document.save()
    return document


def rich(text):
    return f"<p>{escape(text)}</p>"


def terms(model, slugs, locale):
    return list(model.objects.filter(locale=locale, slug__in=slugs))


def tool_fields(tool, position, locale, existing):
    audiences = terms(Audience, tool["audiences"], locale)
    instructions = [
        ("step", {"title": title, "text": rich(text), "duration": duration})
        for title, text, duration in tool["steps"]
    ]
    instructions.insert(min(2, len(instructions)), ("tip", {"text": rich(tool["tip"])}))
    return {
        "title": tool["title"],
        "sheet_number": tool["number"],
        "summary": tool["summary"],
        "intro": tool["summary"],
        "levers": terms(Lever, tool["levers"], locale),
        "phases": terms(Phase, tool["phases"], locale),
        "audiences": audiences,
        "themes": terms(Theme, tool["themes"], locale),
        "complexity": tool["complexity"],
        "effort": tool["effort"],
        "effort_hours": Decimal(tool["hours"]),
        "human_resources": tool["people"],
        "target_groups": "<ul>"
        + "".join(f"<li>{escape(audience.name)}</li>" for audience in audiences)
        + "</ul>",
        "reasons": rich(tool["reason"]),
        "expected_results": rich(tool["result"]),
        "instructions": instructions,
        "related_tools": [existing[number] for number in tool["related"] if number in existing],
        "authors": ", ".join([AUTHORS[position % len(AUTHORS)], AUTHORS[(position + 2) % 6]]),
        "contributors": CONTRIBUTORS[position % len(CONTRIBUTORS)] if position % 3 else "",
        "status": ToolStatus.IN_REVISION if position % 7 == 6 else ToolStatus.PUBLISHED,
    }


# The canvas sheet gets an illustration of its own; the others show their lever's.
CANVAS_SHEET = "02a"


def load(command):
    home = source_home()
    locale = Locale.get_default()
    index, _created = get_or_create_page(
        home,
        ToolIndexPage,
        "outils",
        title="Outils",
        intro=(
            "Des fiches pratiques, libres et numérotées pour concevoir, financer et faire "
            "vivre votre modèle socio-économique. Filtrez par levier, phase, public ou thème."
        ),
    )
    add_menu_item(MENU_LABELS, index, group="tools")
    give_image(index, hero_image("outils", "outils"), field="hero_image")

    existing = {tool.sheet_number: tool for tool in ToolPage.objects.child_of(index)}
    with regeneration_paused():
        created = create_tools(index, locale, existing)
    canvas = existing.get(CANVAS_SHEET)
    if canvas:
        give_image(
            canvas,
            demo_image(
                "Fiche 02a, canevas",
                "Les neuf blocs du canevas, la case des valeurs au centre en jaune.",
                "canevas.png",
                (800, 600),
                canvas_grid,
            ),
            "Les neuf blocs du canevas en trois rangées, la case des valeurs au centre.",
        )
    command.stdout.write(f"  tools: {created} tool sheet(s) created")


def create_tools(index, locale, existing):
    created = 0
    for position, tool in enumerate(progress(TOOLS, description="Tool sheets")):
        if tool["number"] in existing:
            continue
        instruments = [
            ToolInstrument(
                locale=locale,
                title=title,
                kind=kind,
                document=make_document(title, tool, kind, file_format),
                attribution="Social Business Models",
                # The demo's files are written in the sheets' language.
                language=locale.language_code,
                sort_order=order,
            )
            for order, (title, kind, file_format) in enumerate(tool["instruments"])
        ]
        page, was_created = get_or_create_page(
            index,
            ToolPage,
            f"{tool['number']}-{slugify(tool['title'])}"[:80],
            instruments=instruments,
            **tool_fields(tool, position, locale, existing),
        )
        existing[tool["number"]] = page
        created += was_created
    return created
