"""A shared model as structured data (JSON), so that others can reuse and adapt it.

The document follows `CANVAS_SCHEMA` (JSON Schema, draft 2020-12). `canvas_fields_from_data`
reads such a document back into the page's canvas fields: exporting then importing gives the
same canvas.
"""

import json

from django.http import HttpResponse
from django.utils.text import slugify

from core.urls import page_url
from home.lineage import CHANGED_ASPECTS

from .listings import business_model_context
from .models import CANVAS_FIELDS

SCHEMA_ID = "https://socialbusinessmodels.ch/schemas/shared-model-1.json"

_TEXT = {"type": "string"}

CANVAS_SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": SCHEMA_ID,
    "title": "Shared social business model",
    "type": "object",
    "required": ["schema", "title", "language", "organisation", "canvas", "licence", "url"],
    "additionalProperties": False,
    "properties": {
        "schema": {"const": SCHEMA_ID},
        "title": _TEXT,
        "language": {"type": "string", "pattern": "^[a-z]{2}$"},
        "url": {"type": "string", "format": "uri"},
        "summary": _TEXT,
        "organisation": {
            "type": "object",
            "required": ["name", "country", "region", "sector", "year"],
            "additionalProperties": False,
            "properties": {
                "name": _TEXT,
                "website": _TEXT,
                "country": _TEXT,
                "region": _TEXT,
                "place": _TEXT,
                "sector": _TEXT,
                "year": {"type": "integer", "minimum": 1800, "maximum": 2100},
            },
        },
        "canvas": {
            "type": "object",
            "required": CANVAS_FIELDS,
            "additionalProperties": False,
            "properties": dict.fromkeys(CANVAS_FIELDS, _TEXT),
        },
        "impact_measures": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["indicator", "value"],
                "additionalProperties": False,
                "properties": {"indicator": _TEXT, "value": _TEXT, "period": _TEXT},
            },
        },
        "levers": {"type": "array", "items": _TEXT},
        "tools": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["sheet_number", "title", "url"],
                "additionalProperties": False,
                "properties": {"sheet_number": _TEXT, "title": _TEXT, "url": _TEXT},
            },
        },
        "adapted_from": {"type": ["string", "null"]},
        "adaptation": {
            "type": "object",
            "additionalProperties": False,
            "properties": {
                "changed": {
                    "type": "array",
                    "items": {"enum": ["audience", "country", "sector", "language"]},
                },
                "note": _TEXT,
            },
        },
        "licence": {
            "type": "object",
            "required": ["id", "url"],
            "additionalProperties": False,
            "properties": {"id": _TEXT, "url": _TEXT, "attribution": _TEXT},
        },
    },
}


def business_model_data(model, request):
    """The shared model as a dict that follows CANVAS_SCHEMA."""
    context = business_model_context(model, request)
    origin = context["origin"]
    return {
        "schema": SCHEMA_ID,
        "title": model.title,
        "language": model.content_language,
        "url": page_url(model, request),
        "summary": model.intro,
        "organisation": {
            "name": model.organisation,
            "website": model.organisation_url,
            "country": model.country,
            "region": model.region,
            "place": model.place,
            "sector": model.sector,
            "year": model.year,
        },
        "canvas": {name: getattr(model, name) for name in CANVAS_FIELDS},
        "impact_measures": [
            {"indicator": measure.indicator, "value": measure.value, "period": measure.period}
            for measure in context["impact_measures"]
        ],
        "levers": [term.slug for term in context["lever_terms"]],
        "tools": [
            {
                "sheet_number": tool.sheet_number,
                "title": tool.title,
                "url": page_url(tool, request),
            }
            for tool in context["tools"]
        ],
        "adapted_from": page_url(origin, request) if origin else None,
        "adaptation": {
            "changed": [
                name.removeprefix("changed_") for name in CHANGED_ASPECTS if getattr(model, name)
            ],
            "note": model.adaptation_note,
        },
        "licence": {
            "id": model.licence,
            "url": model.licence_url,
            "attribution": model.attribution,
        },
    }


def canvas_fields_from_data(data):
    """The canvas fields of a document that follows CANVAS_SCHEMA, ready to set on a page."""
    canvas = data["canvas"]
    return {name: canvas.get(name, "") for name in CANVAS_FIELDS}


def business_model_json_response(model, request):
    response = HttpResponse(
        json.dumps(business_model_data(model, request), ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    filename = f"{slugify(model.title) or 'model'}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
