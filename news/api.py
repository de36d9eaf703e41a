"""The open, read-only API for partners (Wagtail API v2), under /api/v2/.

- `pages/`: every live, public page that is not an untranslated alias. Filter by type
  (`?type=tools.ToolPage`; guides, events and providers join as their apps add page types),
  by language (`?locale=de`) and by taxonomy slug (`?lever=`, `?phase=`, `?audience=`,
  `?theme=`), on any page type that is classified with that taxonomy.
- `levers/`, `phases/`, `audiences/`, `themes/`: the taxonomy, per language.

Fields per page type are the model's own `api_fields` (declared once on the model, shared with
the open-data exports: `core/public_fields.py`), else a safe generic set (introduction,
taxonomy slugs). E-mail fields are never exposed, whatever a model declares.
Anonymous clients are throttled by REST_FRAMEWORK's rates, per visitor address as every other
limit sees it (`core.throttling`).
"""

from django.core.exceptions import FieldDoesNotExist, FieldError, ValidationError
from django.db import models
from django.db.models import Q
from django.http import Http404
from django.urls import path
from rest_framework.fields import Field
from wagtail.api import APIField
from wagtail.api.v2.filters import FieldsFilter, LocaleFilter, OrderingFilter, SearchFilter
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import BaseAPIViewSet, PagesAPIViewSet
from wagtail.models import Page, get_page_models

from core.public_fields import SlugListField, api_fields_of
from taxonomy.models import Audience, Lever, Phase, Theme

TAXONOMY_PARAMETERS = {"lever": Lever, "phase": Phase, "audience": Audience, "theme": Theme}


def taxonomy_fields(model):
    """The model's many-to-many fields to the taxonomy, as (field name, term model)."""
    term_models = set(TAXONOMY_PARAMETERS.values())
    return [
        (field.name, field.related_model)
        for field in model._meta.get_fields()
        if field.many_to_many and not field.auto_created and field.related_model in term_models
    ]


def is_private(model, name):
    if "email" in name.lower() or "e_mail" in name.lower():
        return True
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return False
    return isinstance(field, models.EmailField)


def generic_fields(model):
    fields = []
    field_names = {field.name for field in model._meta.get_fields()}
    for name in ("intro", "summary"):
        if name in field_names:
            fields.append(APIField(name))
    fields.append(APIField("last_published_at"))
    fields += [APIField(name, serializer=SlugListField()) for name, _m in taxonomy_fields(model)]
    return fields


def fields_for(model):
    fields = api_fields_of(model)
    if not fields and issubclass(model, Page) and model is not Page:
        fields = generic_fields(model)
    seen = set()
    safe = []
    for field in fields:
        if field.name in seen or is_private(model, field.name):
            continue
        seen.add(field.name)
        safe.append(field)
    return safe


class ValidatingFieldsFilter(FieldsFilter):
    """Wagtail's `?<field>=<value>` filter, answering 400 instead of 500 on a value the
    field cannot hold (`?start=yesterday`, `?levers=abc`, `?effort_hours=x`)."""

    BIGGEST_ID = 2**63 - 1

    def filter_queryset(self, request, queryset, view):
        for name, value in request.GET.items():
            try:
                field = queryset.model._meta.get_field(name)
            except FieldDoesNotExist:
                continue
            # Django turns an out-of-range integer into "no match", but not on a relation
            # (foreign or many-to-many key), where SQLite fails with OverflowError.
            number = value.strip().lstrip("-")
            is_reference = field.is_relation and number.isdigit()
            if is_reference and int(number) > self.BIGGEST_ID:
                raise BadRequestError(f"field filter error: {name} is out of range")
        try:
            return super().filter_queryset(request, queryset, view)
        except (ValueError, TypeError, ValidationError, FieldError) as error:
            raise BadRequestError(f"field filter error: {error}") from error


class ValidatingSearchFilter(SearchFilter):
    """Wagtail's `?search=`, answering 400 where a search backend would fail with a server
    error or silently ignore the request: a `search_operator` other than "and" or "or" (with
    or without a search), a null character (SQLite)."""

    def filter_queryset(self, request, queryset, view):
        if request.GET.get("search_operator") not in (None, "and", "or"):
            raise BadRequestError('search_operator must be "and" or "or"')
        if "search" in request.GET and "\x00" in request.GET["search"]:
            raise BadRequestError("null characters are not allowed in a search")
        return super().filter_queryset(request, queryset, view)


SAFER_FILTERS = {FieldsFilter: ValidatingFieldsFilter, SearchFilter: ValidatingSearchFilter}


class TaxonomyFilter:
    """`?lever=<slug>` and friends: pages classified with that term, on any page type.

    Several slugs separated by commas match pages classified with any of them.
    """

    def filter_queryset(self, request, queryset, view):
        for parameter, term_model in TAXONOMY_PARAMETERS.items():
            if parameter not in request.GET:
                continue
            slugs = [value.strip() for value in request.GET[parameter].split(",") if value.strip()]
            condition = Q(pk__in=[])
            for page_model in get_page_models():
                for name, related in taxonomy_fields(page_model):
                    if related is term_model:
                        classified = page_model.objects.filter(**{f"{name}__slug__in": slugs})
                        condition |= Q(pk__in=classified.values("pk"))
            queryset = queryset.filter(condition)
        return queryset


# The largest ?offset= (the database adds the limit to it in a 64-bit integer).
OFFSET_MAX = 10**9


class RejectNullCharactersMixin:
    """A null character in any query parameter is a bad request: PostgreSQL refuses it in
    text (`?locale=%00` would otherwise be a server error). So is an offset past OFFSET_MAX
    (an overflow in the database otherwise)."""

    def reject_null_characters(self, request):
        if any("\x00" in key + value for key, value in request.GET.items()):
            raise BadRequestError("null characters are not allowed in query parameters")

    def check_query_parameters(self, queryset):
        self.reject_null_characters(self.request)
        offset = self.request.GET.get("offset", "").strip()
        if offset.isdigit() and int(offset) > OFFSET_MAX:
            raise BadRequestError(f"offset cannot be higher than {OFFSET_MAX}")
        return super().check_query_parameters(queryset)


class IdentifiedItemsMixin:
    """Every item keeps its `id` and its `meta` (with the `type`), whatever `?fields=` asks
    (`_` or `-id` included): the OpenAPI description promises both, and a client needs them
    to follow an item."""

    IDENTIFYING_FIELDS = [("id", False, None), ("type", False, None)]

    @classmethod
    def _get_serializer_class(cls, router, model, fields_config, show_details=False, nested=False):
        if not nested:
            fields_config = [*fields_config, *cls.IDENTIFYING_FIELDS]
        return super()._get_serializer_class(
            router, model, fields_config, show_details=show_details, nested=nested
        )


class NoLanguageRedirectMixin:
    """Answer "not found" in JSON instead of letting LocaleMiddleware redirect it.

    Django's LocaleMiddleware redirects a 404 on an address without a language prefix to
    /fr/<address> when that address resolves, which Wagtail's catch-all page route always
    does. It reads `request.urlconf`; pointing it at the API's own URLconf (which has no
    language-prefixed patterns) for API responses keeps the API's 404s as they are.
    """

    def finalize_response(self, request, response, *args, **kwargs):
        getattr(request, "_request", request).urlconf = "news.api_urls"
        return super().finalize_response(request, response, *args, **kwargs)

    @classmethod
    def get_urlpatterns(cls):
        """Wagtail's routes, then a JSON 404 for any other address under the endpoint (a
        detail address whose id is not a number would otherwise reach the page tree)."""
        return [
            *super().get_urlpatterns(),
            path("<path:unknown>", cls.as_view({"get": "unknown_view"})),
        ]

    def unknown_view(self, request, unknown):
        raise Http404("not found")


class PartnerPagesAPIViewSet(
    IdentifiedItemsMixin, RejectNullCharactersMixin, NoLanguageRedirectMixin, PagesAPIViewSet
):
    filter_backends = [
        TaxonomyFilter,
        *(SAFER_FILTERS.get(backend, backend) for backend in PagesAPIViewSet.filter_backends),
    ]
    known_query_parameters = PagesAPIViewSet.known_query_parameters.union(TAXONOMY_PARAMETERS)
    meta_fields = [*PagesAPIViewSet.meta_fields, "last_published_at"]

    @classmethod
    def get_body_fields(cls, model):
        return cls._convert_api_fields(cls.body_fields) + fields_for(model)

    def get_base_queryset(self):
        # Through `id` (a filter field of every search backend), so that `?search=` still
        # works on every page type: `alias_of` is not in the search index.
        originals = Page.objects.filter(alias_of__isnull=True).values("id")
        return super().get_base_queryset().filter(id__in=originals)

    def get_queryset(self):
        """Join what the model's API fields show, so a listing's query count stays fixed."""
        queryset = super().get_queryset()
        model = queryset.model
        exposed = set()
        for field in fields_for(model):
            exposed.add(field.name)
            exposed.add(getattr(field.serializer, "source", None) or field.name)
        prefetch, select = [], ["locale"]
        for field in model._meta.get_fields():
            if field.name not in exposed or field.auto_created:
                continue
            if field.many_to_many:
                prefetch.append(field.name)
            elif field.many_to_one:
                select.append(field.name)
        if "steps" in exposed:
            prefetch.append("steps__tool")
        if "documents" in exposed:
            prefetch.append("documents__document")
        return queryset.select_related(*select).prefetch_related(*prefetch)

    def find_view(self, request):
        self.reject_null_characters(request)  # the find view skips check_query_parameters
        try:
            return super().find_view(request)
        except (ValueError, TypeError) as error:
            raise Http404("not found") from error


class TaxonomyAPIViewSet(
    IdentifiedItemsMixin, RejectNullCharactersMixin, NoLanguageRedirectMixin, BaseAPIViewSet
):
    """The terms of one taxonomy, per language (`?locale=fr`)."""

    filter_backends = [ValidatingFieldsFilter, OrderingFilter, LocaleFilter, ValidatingSearchFilter]
    known_query_parameters = BaseAPIViewSet.known_query_parameters.union(["locale"])
    body_fields = [*BaseAPIViewSet.body_fields, "slug", "name", "description", "sort_order"]
    meta_fields = [*BaseAPIViewSet.meta_fields, "locale"]
    listing_default_fields = [*BaseAPIViewSet.listing_default_fields, "slug", "name", "locale"]
    nested_default_fields = [*BaseAPIViewSet.nested_default_fields, "slug", "name"]

    @classmethod
    def get_body_fields(cls, model):
        return cls._convert_api_fields(cls.body_fields)

    @classmethod
    def get_meta_fields(cls, model):
        return [
            APIField("type"),
            APIField("detail_url"),
            APIField("locale", serializer=LocaleCodeField(source="*")),
        ]

    def get_queryset(self):
        return (
            self.model.objects.live().select_related("locale").order_by("sort_order", "name", "id")
        )


class LocaleCodeField(Field):
    def to_representation(self, instance):
        return instance.locale.language_code


def taxonomy_endpoint(term_model, endpoint_name):
    return type(
        f"{term_model.__name__}APIViewSet",
        (TaxonomyAPIViewSet,),
        {"model": term_model, "name": endpoint_name},
    )


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PartnerPagesAPIViewSet)
for name, term_model in (
    ("levers", Lever),
    ("phases", Phase),
    ("audiences", Audience),
    ("themes", Theme),
):
    api_router.register_endpoint(name, taxonomy_endpoint(term_model, name))
