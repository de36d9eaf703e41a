"""Public fields, declared once on each model and read by every public output.

A page model lists what it shows to the outside world in `api_fields` (the name Wagtail's API
reads, as in bakerydemo), with `PublicField` items. The partner API (`news/api.py`) serves the
items that are in the API; an export (the open-data catalogue, `news/opendata.py`) takes the
items that are columns, in the order they are declared, under their column name.

A field's export value is, unless it says otherwise, what its API serializer gives (taxonomy
slugs, ids of live pages) or else the attribute itself; `export=` gives a function
`(instance, request) -> value` for another form (a choice's label, plain-text items of a rich
text), `export=False` keeps the field out of exports and `api=False` out of the API (the API
shows the title, address and language among its own meta fields).
"""

import re

from django.utils.html import strip_tags
from rest_framework.fields import Field
from wagtail.api import APIField

from core.urls import page_url

BLOCK_END = re.compile(r"</(?:p|li|h[1-6]|blockquote)\s*>", re.IGNORECASE)
# How an export writes a list in one cell (CSV); the tools' importer reads it back.
CELL_SEPARATOR = "; "


class PublicField(APIField):
    def __init__(self, name, serializer=None, *, column=None, export=None, api=True):
        super().__init__(name, serializer=serializer)
        self.column = column or name
        self.export = export
        self.api = api

    @property
    def exported(self):
        return self.export is not False

    def export_value(self, instance, request):
        if callable(self.export):
            return self.export(instance, request)
        value = getattr(instance, self.name)
        if self.serializer is not None:
            return self.serializer.to_representation(value)
        return value


def api_fields_of(model):
    """The model's declared fields that the API serves (plain names become APIFields)."""
    fields = []
    for field in getattr(model, "api_fields", ()):
        if isinstance(field, PublicField) and not field.api:
            continue
        fields.append(field if isinstance(field, APIField) else APIField(field))
    return fields


def export_fields_of(model):
    """The model's declared fields that exports write, as PublicFields, in declared order."""
    return [
        field
        for field in getattr(model, "api_fields", ())
        if isinstance(field, PublicField) and field.exported
    ]


def export_row(instance, fields, request):
    return {field.column: field.export_value(instance, request) for field in fields}


class SlugListField(Field):
    """A many-to-many relation to taxonomy terms, as their language-independent slugs."""

    def to_representation(self, manager):
        return sorted(term.slug for term in manager.all())


class LivePageIdsField(Field):
    """A many-to-many relation to pages, as the ids of the live, public ones (never a draft)."""

    def to_representation(self, manager):
        return sorted(page.pk for page in manager.all() if page.live)


class LivePageIdField(Field):
    """A page foreign key, as the page's id while it is live (never a draft's)."""

    def to_representation(self, page):
        return page.pk if page is not None and page.live else None


def text_items(html):
    """The paragraphs and list items of a rich-text field, as plain strings."""
    items = (" ".join(strip_tags(part).split()) for part in BLOCK_END.split(html or ""))
    return [item for item in items if item]


def as_text_items(name):
    return lambda instance, request: text_items(getattr(instance, name))


def as_choice_label(name):
    return lambda instance, request: getattr(instance, f"get_{name}_display")()


def as_number(name):
    def number(instance, request):
        value = getattr(instance, name)
        return float(value) if value is not None else None

    return number


def as_iso_datetime(name):
    def iso(instance, request):
        value = getattr(instance, name)
        return value.isoformat() if value else None

    return iso


def page_address(page, request):
    return page_url(page, request)


def content_language(page, request):
    """The language of the text a page shows: an untranslated alias shows its source's."""
    return (page.alias_of.locale if page.alias_of_id else page.locale).language_code
