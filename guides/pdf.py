"""PDF downloads: a whole guide, and a shared model's canvas, through the one PDF service
(core/pdf.py): stored once per page, revision and language under `guides/pdf/<page id>/`, the
new revision's PDF queued on publication (`core.pdf.queue_pdf_on_publish`, connected in
`apps.py`; the pages name `guide_pdf` and `business_model_pdf` as their `stored_pdf`) and
rendered on demand for a reader who comes before the worker.

A guide's PDF reprints its tools: the stored file's name carries a digest of the rendered
document, so a tool sheet published since makes a new file instead of serving the old one.
"""

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.text import slugify

from core.pdf import (
    html_to_pdf,
    pdf_response,
    stored_pdf,
    version_name,
)
from core.sections import sections_for

from .listings import business_model_context, guide_context

PDF_FOLDER = "guides/pdf"


def _folder(page):
    return f"{PDF_FOLDER}/{page.pk}"


def _stored(page, template, context):
    # Rendered without a request, the same for a reader and the worker, in the page's language.
    with translation.override(page.locale.language_code):
        html = render_to_string(template, context)
    return stored_pdf(_folder(page), version_name(page, html), lambda: html_to_pdf(html))


def guide_pdf(guide):
    context = {"page": guide, **guide_context(guide)}
    # Each republished sheet carries its credits, as the sheet's own PDF does.
    for step in context["steps"]:
        step.printed_sections = sections_for("tool_sheet", step.localized_tool, None, printed=True)
    return _stored(guide, "guides/pdf/guide.html", context)


def business_model_pdf(model):
    context = {"page": model, **business_model_context(model, None)}
    return _stored(model, "guides/pdf/business_model.html", context)


def _filename(page):
    return f"{slugify(page.title) or 'document'}.pdf"


def guide_pdf_response(guide, request):
    return pdf_response(guide_pdf(guide), _filename(guide))


def business_model_pdf_response(model, request):
    return pdf_response(business_model_pdf(model), _filename(model))
