"""Show taxonomy terms in the visitor's language.

Pages keep their classification (ParentalManyToManyField to the terms) when wagtail-localize
translates them: a German page points at the same term rows as its French source. Filters
therefore use the term's `slug`, which is the same in every language, and templates show the
term of the visitor's language, found by `translation_key`.

The four taxonomies are tables of the same shape, so what a page needs of several of them comes
in one UNION ALL query: `terms_of_taxonomies` (every live term of a locale, for filters and
cards) and `page_terms` (the terms one page is classified with, in a locale).
"""

from django.db.models import BooleanField, Case, IntegerField, Q, Value, When

from core.cache import CHROME, cached

# The active locale from the cache (the locales rarely change), re-exported for the apps.
from core.site_data import active_locale

TERM_FIELDS = ("id", "translation_key", "locale_id", "live", "name", "slug", "sort_order")


def terms_by_translation_key(model, locale=None):
    """{translation_key: term in `locale`} for every term of the model; one query (two when
    the terms have images: their renditions)."""
    locale = locale or active_locale()
    if hasattr(model, "image"):
        # Levers carry an illustration: joined, with its renditions, so that pictures of the
        # terms cost no query each.
        terms = (
            model.objects.live()
            .filter(locale=locale)
            .select_related("image")
            .prefetch_related("image__renditions")
        )
        return {term.translation_key: term for term in terms}
    return terms_of_taxonomies([model], locale)[model]


def localize_terms(terms, lookup):
    """The terms in the visitor's language, falling back to the stored term."""
    return [lookup.get(term.translation_key, term) for term in terms]


def _union(querysets):
    """The rows of several `values()` querysets of the same columns, in one query."""
    first, *others = querysets
    return list(first.union(*others, all=True)) if others else list(first)


def _rows(queryset, position, stored=None):
    """A taxonomy's rows tagged with the position of their taxonomy in the request."""
    return (
        queryset.order_by()
        .annotate(
            taxonomy=Value(position, output_field=IntegerField()),
            stored=Case(When(pk__in=stored, then=Value(True)), default=Value(False))
            if stored is not None
            else Value(False, output_field=BooleanField()),
        )
        .values(*TERM_FIELDS, "taxonomy", "stored")
    )


def _term(model, row):
    """A term loaded from a row; its other fields are deferred (read on first access)."""
    return model.from_db("default", TERM_FIELDS, [row[name] for name in TERM_FIELDS])


def terms_of_taxonomies(models, locale=None):
    """{model: {translation_key: live term in `locale`}} for several taxonomies; one query,
    none until a term changes (terms are snippets: `CHROME`)."""
    locale = locale or active_locale()
    models = list(models)
    labels = "+".join(model._meta.label_lower for model in models)
    return cached(
        (CHROME,), f"terms:{labels}:{locale.pk}", lambda: _terms_of_taxonomies(models, locale)
    )


def _terms_of_taxonomies(models, locale):
    queries = [
        _rows(model.objects.live().filter(locale=locale), position)
        for position, model in enumerate(models)
    ]
    lookups = {model: {} for model in models}
    for row in sorted(_union(queries), key=lambda row: (row["sort_order"], row["name"])):
        model = models[row["taxonomy"]]
        lookups[model][row["translation_key"]] = _term(model, row)
    return lookups


def page_terms(page, field_names, locale=None):
    """{field name: the page's terms of that taxonomy field, in `locale`}; one query.

    Each term the page is classified with is shown in `locale` when a live translation exists
    there, as stored otherwise (as `localize_terms` does), in the terms' order (position, then
    name).
    """
    locale = locale or active_locale()
    models = []
    queries = []
    for position, field_name in enumerate(field_names):
        field = page._meta.get_field(field_name)
        model = field.related_model
        if page.pk is None or field_name in getattr(page, "_cluster_related_objects", {}):
            # A preview: the classification being edited is in memory, not yet in the table.
            stored = [term.pk for term in getattr(page, field_name).all()]
        else:
            stored = field.remote_field.through.objects.filter(
                **{field.m2m_field_name(): page.pk}
            ).values(field.m2m_reverse_field_name())
        translated = Q(
            locale=locale,
            live=True,
            translation_key__in=model.objects.filter(pk__in=stored).values("translation_key"),
        )
        queries.append(_rows(model.objects.filter(Q(pk__in=stored) | translated), position, stored))
        models.append(model)
    stored_terms = [[] for _ in field_names]
    translations = [{} for _ in field_names]
    for row in sorted(_union(queries), key=lambda row: (row["sort_order"], row["name"])):
        position = row["taxonomy"]
        term = _term(models[position], row)
        if row["stored"]:
            stored_terms[position].append(term)
        if row["live"] and row["locale_id"] == locale.pk:
            translations[position][row["translation_key"]] = term
    return {
        field_name: localize_terms(stored_terms[position], translations[position])
        for position, field_name in enumerate(field_names)
    }
