"""Open data: the whole tool catalogue of one language as CSV or JSON, under CC BY-SA 4.0.

The licence is stated in the `Link: <...>; rel="license"` and `X-License` response headers,
in the JSON's "license" key and in each row's `licence` column; the CSV starts with its header
row, as its `header=present` says, so every spreadsheet opens it as a table.

Multi-value fields (taxonomy slugs, authors, contributors, and the items or paragraphs of the
rich-text fields target_groups, reasons and expected_results) are lists in the JSON and one
cell separated by "; " in the CSV.
"""

import csv
import io
import json
import re

from django.http import Http404, HttpResponse
from django.utils.html import strip_tags
from wagtail.models import Locale

from core.urls import absolute_url, page_url

LICENCE_NAME = "CC BY-SA 4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by-sa/4.0/"
COLUMNS = [
    "sheet_number",
    "title",
    "url",
    "language",
    "summary",
    "phases",
    "levers",
    "audiences",
    "themes",
    "complexity",
    "human_resources",
    "effort",
    "effort_hours",
    "target_groups",
    "reasons",
    "expected_results",
    "status",
    "licence",
    "authors",
    "contributors",
    "last_updated",
]


def _locale(language):
    try:
        return Locale.objects.get(language_code=language)
    except Locale.DoesNotExist as error:
        raise Http404("Unknown language") from error


def catalogue(locale, request):
    """One dictionary per live tool sheet of `locale`, in sheet order; a fixed query count."""
    from tools.models import ToolPage

    tools = (
        ToolPage.objects.live()
        .public()
        .filter(locale=locale)
        .select_related("alias_of__locale")
        .prefetch_related("phases", "levers", "audiences", "themes")
        .order_by("sheet_number", "pk")
    )

    def slugs(manager):
        return sorted(term.slug for term in manager.all())

    return [
        {
            "sheet_number": tool.sheet_number,
            "title": tool.title,
            "url": page_url(tool, request),
            # An untranslated alias shows its source's text, in the source's language.
            "language": (tool.alias_of.locale if tool.alias_of_id else locale).language_code,
            "summary": tool.summary,
            "phases": slugs(tool.phases),
            "levers": slugs(tool.levers),
            "audiences": slugs(tool.audiences),
            "themes": slugs(tool.themes),
            "complexity": tool.get_complexity_display(),
            "human_resources": tool.human_resources,
            "effort": tool.effort,
            "effort_hours": float(tool.effort_hours) if tool.effort_hours is not None else None,
            "target_groups": text_items(tool.target_groups),
            "reasons": text_items(tool.reasons),
            "expected_results": text_items(tool.expected_results),
            "status": tool.status,
            "licence": tool.licence,
            "authors": tool.author_names,
            "contributors": tool.contributor_names,
            "last_updated": tool.last_published_at.isoformat() if tool.last_published_at else None,
        }
        for tool in tools
    ]


BLOCK_END = re.compile(r"</(?:p|li|h[1-6]|blockquote)\s*>", re.IGNORECASE)
CELL_SEPARATOR = "; "


def text_items(html):
    """The paragraphs and list items of a rich-text field, as plain strings."""
    items = (" ".join(strip_tags(part).split()) for part in BLOCK_END.split(html or ""))
    return [item for item in items if item]


def _cell(value):
    return CELL_SEPARATOR.join(value) if isinstance(value, list) else value


def _licensed(response, filename, locale):
    # The language of the file, not of the interface (LocaleMiddleware keeps a header set here).
    response["Content-Language"] = locale.language_code
    response["Link"] = f'<{LICENCE_URL}>; rel="license"'
    response["X-License"] = LICENCE_NAME
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Access-Control-Allow-Origin"] = "*"
    return response


def tools_json(request, language):
    locale = _locale(language)
    document = {
        "title": "Social Business Models – tool catalogue",
        "language": locale.language_code,
        "license": {"name": LICENCE_NAME, "url": LICENCE_URL},
        "attribution": "Social Business Models",
        "source": absolute_url("/"),
        "tools": catalogue(locale, request),
    }
    response = HttpResponse(
        json.dumps(document, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    return _licensed(response, f"sbm-tools-{locale.language_code}.json", locale)


def tools_csv(request, language):
    locale = _locale(language)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS)
    writer.writeheader()
    for row in catalogue(locale, request):
        writer.writerow({key: _cell(value) for key, value in row.items()})
    response = HttpResponse(
        buffer.getvalue(), content_type="text/csv; charset=utf-8; header=present"
    )
    return _licensed(response, f"sbm-tools-{locale.language_code}.csv", locale)
