"""The printable tool sheet as a PDF (WeasyPrint), stored once per page, revision and language.

The file lives in the default storage under `tools/pdf/<page id>/` (core/pdf.py, `stored_pdf`);
its name carries the live revision it was made from, so an edit can never serve a stale sheet.
Publishing a sheet queues the kernel's task `core.pdf.render_page_pdf` (`regenerate_on_publish`,
connected in `apps.py`, removes the old files at once), so the editor gets the admin back
without waiting for WeasyPrint; the worker renders the new revision's PDF (`get_pdf`, the
sheet's `stored_pdf`). A reader who asks before the worker is done gets the PDF rendered on
demand (`get_pdf`), never an error or a missing file.
Fonts (DejaVu, through fontconfig) are embedded by WeasyPrint; core/pdf.py renders it (tagged,
with its language, links to the public site, files read locally).
"""

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.text import slugify

from core.pdf import (
    html_to_pdf,
    queue_pdf,
    remove_stored_pdfs,
    stored_pdf,
    version_name,
)
from core.pdf import pdf_response as core_pdf_response
from core.sections import sections_for
from core.urls import site_url

from .blocks import instruction_groups
from .sheet import classification, instruments_with_counts, related_tools

PDF_FOLDER = "tools/pdf"


def pdf_filename(page):
    """e.g. "02a-canevas-du-modele.pdf"."""
    number = slugify(page.sheet_number)
    title = slugify(page.title)[:80]
    return f"{number}-{title}.pdf" if number else f"{title}.pdf"


def printed_sections(page):
    """What other apps add to the printed sheet (the contributors' credit), in its language."""
    with translation.override(page.locale.language_code):
        return sections_for("tool_sheet", page, None, printed=True)


def _folder(page):
    return f"{PDF_FOLDER}/{page.pk}"


def _shown(sections):
    return [(section["name"], section["context"]) for section in sections]


def stored_path(page, sections=None):
    """Named after the revision and what the printed sections show, so a new revision or a
    newly credited contributor never gets an old file."""
    sections = printed_sections(page) if sections is None else sections
    return f"{_folder(page)}/{version_name(page, _shown(sections))}"


def render_pdf(page, sections=None):
    sections = printed_sections(page) if sections is None else sections
    with translation.override(page.locale.language_code):
        html = render_to_string(
            "tools/tool_sheet_pdf.html",
            {
                "page": page,
                "terms": classification(page),
                "instruction_groups": instruction_groups(page.instructions),
                "instruments": instruments_with_counts(page),
                "related": related_tools(page),
                "sections": sections,
                "site_url": site_url(),
            },
        )
    return html_to_pdf(html)


def get_pdf(page):
    """The PDF bytes: from storage when this revision was already rendered, else rendered now
    (core.pdf.stored_pdf)."""
    sections = printed_sections(page)
    name = version_name(page, _shown(sections))
    return stored_pdf(_folder(page), name, lambda: render_pdf(page, sections))


def pdf_response(page, request):
    return core_pdf_response(get_pdf(page), pdf_filename(page))


def regenerate_on_publish(sender, instance, **kwargs):
    """page_published: remove the sheet's old PDFs now and queue the new revision's, so the
    first reader waits for nothing and the editor does not wait either.

    The removal is quick and keeps a file of an earlier state from ever being served under
    the new revision's name (ids start again after a restore). The language versions that are
    aliases of this sheet are published too, and queue their own; their files go now as well.
    The task is queued in the publication's transaction: the worker sees it only once the
    revision is committed. While regeneration is paused (core.pdf.regeneration_paused), the
    new PDFs are rendered when first asked for.
    """
    page = instance.specific
    for alias in page.aliases.all():
        remove_stored_pdfs(_folder(alias))
    remove_stored_pdfs(_folder(page))
    queue_pdf(page)
