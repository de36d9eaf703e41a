"""Show taxonomy terms in the visitor's language.

Pages keep their classification (ParentalManyToManyField to the terms) when wagtail-localize
translates them: a German page points at the same term rows as its French source. Filters
therefore use the term's `slug`, which is the same in every language, and templates show the
term of the visitor's language, found by `translation_key` with one query per taxonomy.
"""

from django.utils import translation
from wagtail.models import Locale


def active_locale():
    try:
        return Locale.objects.get_for_language(translation.get_language())
    except Locale.DoesNotExist:
        return Locale.get_default()


def terms_by_translation_key(model, locale=None):
    """{translation_key: term in `locale`} for every term of the model; one query (two when
    the terms have images: their renditions)."""
    locale = locale or active_locale()
    terms = model.objects.live().filter(locale=locale)
    if hasattr(model, "image"):
        # Levers carry an illustration: joined, with its renditions, so that pictures of the
        # terms cost no query each.
        terms = terms.select_related("image").prefetch_related("image__renditions")
    return {term.translation_key: term for term in terms}


def localize_terms(terms, lookup):
    """The terms in the visitor's language, falling back to the stored term."""
    return [lookup.get(term.translation_key, term) for term in terms]
