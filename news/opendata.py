"""Open data: the whole tool catalogue of one language as CSV or JSON, under CC BY-SA 4.0.

The licence is stated in the `Link: <...>; rel="license"` and `X-License` response headers,
in the JSON's "license" key and in each row's `licence` column; the CSV starts with its header
row, as its `header=present` says, so every spreadsheet opens it as a table.

Multi-value fields (taxonomy slugs, authors, contributors, and the items or paragraphs of the
rich-text fields target_groups, reasons and expected_results) are lists in the JSON and one
cell separated by "; " in the CSV. The columns are declared once, with the API's fields, on the
tool sheet model (`ToolPage.api_fields`, `core/public_fields.py`).
"""

import csv
import io
import json

from django.http import Http404, HttpResponse
from wagtail.models import Locale

from core.public_fields import CELL_SEPARATOR, export_fields_of, export_row
from core.urls import absolute_url
from tools.models import ToolPage

LICENCE_NAME = "CC BY-SA 4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by-sa/4.0/"


def _locale(language):
    try:
        return Locale.objects.get(language_code=language)
    except Locale.DoesNotExist as error:
        raise Http404("Unknown language") from error


def catalogue(locale, request):
    """One dictionary per live tool sheet of `locale`, in sheet order; a fixed query count.

    The columns are the tool sheet's public fields (`ToolPage.api_fields`) that are exported.
    """
    tools = (
        ToolPage.objects.live()
        .public()
        .filter(locale=locale)
        .select_related("locale", "alias_of__locale")
        .prefetch_related("phases", "levers", "audiences", "themes")
        .order_by("sheet_number", "pk")
    )
    fields = export_fields_of(ToolPage)
    return [export_row(tool, fields, request) for tool in tools]


def columns():
    return [field.column for field in export_fields_of(ToolPage)]


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
    writer = csv.DictWriter(buffer, fieldnames=columns())
    writer.writeheader()
    for row in catalogue(locale, request):
        writer.writerow({key: _cell(value) for key, value in row.items()})
    response = HttpResponse(
        buffer.getvalue(), content_type="text/csv; charset=utf-8; header=present"
    )
    return _licensed(response, f"sbm-tools-{locale.language_code}.csv", locale)
