"""What a tool sheet shows besides its own fields, in a bounded number of queries."""

from django.db.models import Q, Sum

from core.cache import kept_for_page
from core.pictures import with_renditions
from core.public_pages import public
from core.sections import sections_for
from home.lineage import page_lineage
from taxonomy.models import Lever
from taxonomy.utils import page_terms

from .blocks import instruction_groups
from .models import DownloadCount, ToolPage

TAXONOMY_FIELDS = ["phases", "levers", "audiences", "themes"]


def classification(page):
    """{field: terms in the page's language}; one query for the four taxonomies."""
    return page_terms(page, TAXONOMY_FIELDS, page.locale)


def illustration(tool, levers):
    """(image, alternative text) of the tool: its own, or its first illustrated lever's.

    `levers` are the tool's lever terms in the page's language, so the lever's alternative text
    is in that language too.
    """
    if tool.image_id:
        return tool.image, tool.image_alt
    for lever in sorted(levers, key=lambda term: (term.sort_order, term.name)):
        if lever.image_id:
            return lever.image, lever.image_alt
    return None, ""


def sheet_illustration(tool, levers):
    """`illustration` for the sheet, whose lever terms carry their names only: the illustrated
    levers are read again, with their images, in one query (none when the tool has its own)."""
    if not tool.image_id and levers:
        illustrated = {
            lever.pk: lever
            for lever in Lever.objects.filter(
                pk__in=[lever.pk for lever in levers], image__isnull=False
            ).select_related("image")
        }
        levers = [illustrated[lever.pk] for lever in levers if lever.pk in illustrated]
    return illustration(tool, levers)


def sheet_instruments(page):
    return list(page.instruments.select_related("document").order_by("sort_order"))


def instruments_with_counts(page, instruments=None):
    """The sheet's instruments with their download totals (every language, every day);
    `instruments`, when the caller has them already (from the cache)."""
    if instruments is None:
        instruments = sheet_instruments(page)
    totals = dict(
        DownloadCount.objects.filter(
            tool_key=page.translation_key,
            document_id__in=[instrument.document_id for instrument in instruments],
        )
        .values_list("document_id")
        .annotate(total=Sum("count"))
        .order_by()
    )
    for instrument in instruments:
        instrument.download_total = totals.get(instrument.document_id, 0)
    return instruments


def related_tools(page):
    """Tools this sheet points at and tools that point at it, in the page's language.

    Links are followed by translation key, so a link made on the French sheet also shows on
    the German one (the language trees are synchronised: every tool exists in every language).
    """
    links = ToolPage.related_tools.through.objects
    pointed_at = links.filter(from_toolpage_id=page.pk).values("to_toolpage__translation_key")
    pointing = links.filter(to_toolpage__translation_key=page.translation_key).values(
        "from_toolpage__translation_key"
    )
    return list(
        public(ToolPage.objects.live())
        .filter(locale_id=page.locale_id)
        .filter(Q(translation_key__in=pointed_at) | Q(translation_key__in=pointing))
        .exclude(translation_key=page.translation_key)
        .order_by("sheet_number", "title")
    )


def published_parts(page):
    """What the sheet shows that changes only when a page is published, moved or unpublished,
    or a snippet (a term, a lever's picture) or a document changes: its classification,
    illustration, lineage, related tools and instruments (without their download totals)."""
    terms = classification(page)
    image, image_alt = sheet_illustration(page, terms["levers"])
    if image is not None:
        # Kept with its renditions: the picture costs no look-up (an edited image bumps).
        with_renditions([image], "illustration")
    origin, adaptations = page_lineage(page)
    return {
        "terms": terms,
        "illustration": image,
        "illustration_alt": image_alt,
        "origin": origin,
        "adaptations": adaptations,
        "related": related_tools(page),
        "instruments": sheet_instruments(page),
    }


def sheet_context(page, request):
    """The sheet's context: its published parts from the cache (computed again for a preview,
    whose draft may classify or link otherwise), its sections and its download totals for
    this request."""
    sections = sections_for("tool_sheet", page, request)
    parts = kept_for_page(page, "tool-sheet", lambda: published_parts(page), request)
    return {
        **parts,
        "instruction_groups": instruction_groups(page.instructions),
        # The contributions app shows the status line with its example count when installed.
        "show_status_line": not any(s["name"] == "contributions_status" for s in sections),
        "instruments": instruments_with_counts(page, parts["instruments"]),
        "sections": sections,
    }
