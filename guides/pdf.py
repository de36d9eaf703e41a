"""PDF downloads: a whole guide, and a shared model's canvas (core/pdf.py renders them)."""

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.text import slugify

from core.pdf import html_to_pdf
from core.sections import sections_for

from .listings import business_model_context, guide_context


def render_pdf(template, context, request):
    html = render_to_string(template, context, request=request)
    return html_to_pdf(html)


def pdf_response(content, title):
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{slugify(title) or "document"}.pdf"'
    return response


def guide_pdf_response(guide, request):
    context = {"page": guide, **guide_context(guide)}
    # Each republished sheet carries its credits, as the sheet's own PDF does.
    for step in context["steps"]:
        step.printed_sections = sections_for("tool_sheet", step.localized_tool, None, printed=True)
    return pdf_response(render_pdf("guides/pdf/guide.html", context, request), guide.title)


def business_model_pdf_response(model, request):
    context = {"page": model, **business_model_context(model, request)}
    return pdf_response(render_pdf("guides/pdf/business_model.html", context, request), model.title)
