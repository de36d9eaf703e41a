"""The OpenAPI 3 description of the partner API, generated from the registered endpoints.

Wagtail's API v2 views are not described by drf-spectacular's introspection (they build their
serializers per request), so the document is assembled here from what the endpoints accept:
their query parameters, the taxonomy filters, the page types and the fields of each type.
"""

from django.conf import settings
from django.http import JsonResponse
from django.views.decorators.http import require_GET
from wagtail.models import Page, get_page_models

from core.urls import absolute_url
from news.api import (
    OFFSET_MAX,
    TAXONOMY_PARAMETERS,
    PartnerPagesAPIViewSet,
    TaxonomyAPIViewSet,
    ValidatingFieldsFilter,
    api_router,
)

PARAMETER_DESCRIPTIONS = {
    "limit": ("integer", "Number of results per page (20 by default, at most 20)."),
    "offset": ("integer", "Index of the first result, for pagination."),
    "fields": (
        "string",
        'Fields to include, comma separated; "*" for all, "_" for none, "-name" to remove. '
        "Each item keeps its id and meta whatever this asks. The fields of each page type "
        "are listed in x-page-types; an unknown field is a 400.",
    ),
    "order": ("string", 'A field to sort by ("-" for descending) or "random" (without offset).'),
    "search": ("string", "Full-text search."),
    "search_operator": ("string", '"and" or "or" between the search words.'),
    "locale": ("string", "Language code: fr, de, it or en."),
    "type": ("string", 'Page type, e.g. "tools.ToolPage" (see x-page-types).'),
    "child_of": ("integer", "Only the children of this page id."),
    "descendant_of": ("integer", "Only the descendants of this page id."),
    "ancestor_of": ("integer", "Only the ancestors of this page id."),
    "translation_of": ("integer", "Only the translations of this page id."),
    "lever": ("string", "Taxonomy slug(s) of a lever, comma separated."),
    "phase": ("string", "Taxonomy slug(s) of a life-cycle phase, comma separated."),
    "audience": ("string", "Taxonomy slug(s) of an audience, comma separated."),
    "theme": ("string", "Taxonomy slug(s) of a theme, comma separated."),
}
UNDOCUMENTED = {"_", "format", "site", "rich_text_format"}
# Database ids: positive, and at most the largest 64-bit integer.
ID_SCHEMA = {"type": "integer", "minimum": 1, "maximum": ValidatingFieldsFilter.BIGGEST_ID}
PAGE_REFERENCES = {"child_of", "descendant_of", "ancestor_of", "translation_of"}
# A field name, a field with sub-fields "name(a,b)", "-name"; or "*" / "_" first.
FIELD_ITEM = r"-?[a-z_]+(\([a-z_*,-]*\))?"
FIELDS_PATTERN = rf"^(([*_]|{FIELD_ITEM})(,{FIELD_ITEM})*)?$"


def ordering_values(endpoint):
    """The values `?order=` accepts on `endpoint`: its models' database fields, either way."""
    if issubclass(endpoint, TaxonomyAPIViewSet):
        models = [endpoint.model]
    else:
        models = [Page, *(model for model in get_page_models() if model is not Page)]
    names = set()
    for model in models:
        names.update(endpoint.get_available_fields(model, db_fields_only=True))
    return ["random", *sorted(names), *sorted(f"-{name}" for name in names)]


def parameter_schema(endpoint, name, kind):
    if name in PAGE_REFERENCES:
        if name in ("child_of", "descendant_of"):
            return {"oneOf": [ID_SCHEMA, {"type": "string", "enum": ["root"]}]}
        return dict(ID_SCHEMA)
    schema = {"type": kind}
    if name == "locale":
        schema["enum"] = [code for code, _name in settings.LANGUAGES]
    elif name == "search_operator":
        schema["enum"] = ["and", "or"]
    elif name == "limit":
        schema.update(minimum=0, maximum=getattr(settings, "WAGTAILAPI_LIMIT_MAX", 20))
    elif name == "offset":
        schema.update(minimum=0, maximum=OFFSET_MAX)
    elif name == "order":
        schema["enum"] = ordering_values(endpoint)
    elif name == "fields":
        schema["pattern"] = FIELDS_PATTERN
    return schema


def documented_parameters(endpoint):
    names = sorted(set(endpoint.known_query_parameters) - UNDOCUMENTED)
    parameters = []
    for name in names:
        kind, description = PARAMETER_DESCRIPTIONS.get(name, ("string", name))
        schema = parameter_schema(endpoint, name, kind)
        parameters.append(
            {
                "name": name,
                "in": "query",
                "required": False,
                "description": description,
                "schema": schema,
            }
        )
    return parameters


def page_types():
    types = {}
    for model in get_page_models():
        if model._meta.app_label in {"wagtailcore"}:
            continue
        label = f"{model._meta.app_label}.{model.__name__}"
        fields = PartnerPagesAPIViewSet.get_available_fields(model)
        types[label] = sorted(set(fields))
    return types


LISTING_SCHEMA = {
    "type": "object",
    "required": ["meta", "items"],
    "properties": {
        "meta": {
            "type": "object",
            "properties": {"total_count": {"type": "integer"}},
        },
        "items": {"type": "array", "items": {"$ref": "#/components/schemas/Item"}},
    },
}


def schema_document(request):
    base = absolute_url("/api/v2/")
    paths = {}
    for name, endpoint in api_router._endpoints.items():
        is_taxonomy = issubclass(endpoint, TaxonomyAPIViewSet)
        summary = (
            f"Terms of the taxonomy “{name}”, per language"
            if is_taxonomy
            else "Published pages (tools, guides, events, providers, news)"
        )
        paths[f"/{name}/"] = {
            "get": {
                "operationId": f"list_{name}",
                "summary": summary,
                "parameters": documented_parameters(endpoint),
                "responses": {
                    "200": {
                        "description": "A page of results.",
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/Listing"}}
                        },
                    },
                    "400": {"description": "An unknown parameter or an invalid value."},
                    "404": {"description": "An unknown language."},
                    "429": {"description": "Too many requests: retry later."},
                },
            }
        }
        paths[f"/{name}/{{id}}/"] = {
            "get": {
                "operationId": f"detail_{name}",
                "summary": f"One item of “{name}” with all its fields",
                "parameters": [
                    {"name": "id", "in": "path", "required": True, "schema": ID_SCHEMA},
                    *[
                        parameter
                        for parameter in documented_parameters(endpoint)
                        if parameter["name"] == "fields"
                    ],
                ],
                "responses": {
                    "200": {
                        "description": "The item.",
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/Item"}}
                        },
                    },
                    "400": {"description": "An unknown field or an invalid value."},
                    "404": {"description": "No published item with this id."},
                    "429": {"description": "Too many requests: retry later."},
                },
            }
        }
    return {
        "openapi": "3.0.3",
        "info": {
            "title": "Social Business Models – open API",
            "version": "2",
            "description": (
                "Read-only access to the published tools, guides, events, providers and news of "
                "Social Business Models, and to its taxonomy, in French, German, Italian and "
                "English. Content is licensed under CC BY-SA 4.0 unless a tool states otherwise. "
                "Anonymous clients are rate limited."
            ),
            "license": {
                "name": "CC BY-SA 4.0",
                "url": "https://creativecommons.org/licenses/by-sa/4.0/",
            },
        },
        "servers": [{"url": base}],
        "paths": paths,
        "components": {
            "schemas": {
                "Listing": LISTING_SCHEMA,
                "Item": {
                    "type": "object",
                    "required": ["id", "meta"],
                    "properties": {
                        "id": {"type": "integer"},
                        "meta": {"type": "object"},
                        "title": {"type": "string"},
                    },
                    "additionalProperties": True,
                },
            }
        },
        "x-page-types": page_types(),
        "x-taxonomy-filters": sorted(TAXONOMY_PARAMETERS),
    }


@require_GET
def schema_view(request):
    response = JsonResponse(schema_document(request), json_dumps_params={"ensure_ascii": False})
    response["Access-Control-Allow-Origin"] = "*"
    return response
