"""What the visitor's words mean to the search: synonyms, page types named, spelling.

- Synonyms (`SearchSynonym`, kept by editors per language): a typed word also searches its
  synonyms ("canvas" searches "canvas" or "canevas").
- Page types: a word naming a kind of page in the visitor's language ("webinaire",
  "prestataire", "fiche", "formation") puts the pages of that kind first. The names come from
  the page models themselves (their verbose names, and the labels of their filterable choices
  such as an event's format), so a new page type is named without change here.
- Spelling: a search that finds nothing is tried again with each unknown word replaced by the
  closest word of the titles in that language (difflib; on PostgreSQL the candidate titles come
  from pg_trgm's trigram index, `search.postgres.title_candidates`).
"""

import difflib
import re
from functools import cache

from django.db import connection
from django.utils import translation
from wagtail.models import Page, get_page_models

from core.cache import cached

from . import generation, postgres
from .highlight import fold
from .models import SearchSynonym

# The namespace of cached values computed from the editors' search vocabulary (synonyms, editors'
# picks): bumped when one of them changes (core.cache.watch, in SearchConfig.ready).
VOCABULARY = "search-vocabulary"
WORD = re.compile(r"[^\W_]+")
MIN_TYPE_WORD_LENGTH = 4
MIN_CORRECTED_LENGTH = 4
SPELLING_CUTOFF = 0.7


def stem(word):
    """A folded word without a final plural "s" or "x": "Fiches" and "fiche" meet."""
    folded = fold(word)
    if len(folded) > MIN_TYPE_WORD_LENGTH and folded[-1] in "sx":
        folded = folded[:-1]
    return folded


def expand(terms, locale):
    """[[term, synonym, ...], ...]: one group of alternatives per term (one query)."""
    folded_terms = {fold(term) for term in terms}
    synonyms = {}
    for folded_word, synonym_list in _synonyms(locale):
        if folded_word in folded_terms:
            synonyms.setdefault(folded_word, []).extend(synonym_list)
    groups = []
    for term in terms:
        alternatives = [term]
        for word in synonyms.get(fold(term), []):
            if fold(word) not in {fold(known) for known in alternatives}:
                alternatives.append(word)
        groups.append(alternatives)
    return groups


def _synonyms(locale):
    """[(folded word, [synonym, ...])] of the locale: one query per change of the vocabulary."""

    def compute():
        return [
            (synonym.folded_word, synonym.synonym_list())
            for synonym in SearchSynonym.objects.filter(locale=locale).only("word", "synonyms")
        ]

    return cached((VOCABULARY,), f"search-synonyms:{locale.pk}", compute)


def _leaf_page_models():
    """Page types that hold content (not listings): they allow no child pages."""
    return [model for model in get_page_models() if not model.allowed_subpage_models()]


def _choice_labels(model):
    labels = []
    for search_field in model.get_search_fields():
        if type(search_field).__name__ != "FilterField":
            continue
        model_field = next(
            (f for f in model._meta.concrete_fields if f.name == search_field.field_name), None
        )
        if model_field is not None and model_field.choices:
            labels += [str(label) for _value, label in model_field.flatchoices]
    return labels


@cache
def page_type_words(language_code):
    """{stemmed word: {"app.model", ...}} of the page types named in `language_code`.

    Words of a type's own name win over words of its choices ("formation" names training
    modules, not only the training sessions among events).
    """
    by_name, by_choice = {}, {}
    with translation.override(language_code):
        for model in _leaf_page_models():
            key = f"{model._meta.app_label}.{model._meta.model_name}"
            names = f"{model._meta.verbose_name} {model._meta.verbose_name_plural}"
            for word in WORD.findall(names):
                if len(word) >= MIN_TYPE_WORD_LENGTH:
                    by_name.setdefault(stem(word), set()).add(key)
            for word in WORD.findall(" ".join(_choice_labels(model))):
                if len(word) >= MIN_TYPE_WORD_LENGTH:
                    by_choice.setdefault(stem(word), set()).add(key)
    return {**by_choice, **by_name}, set(by_name)


def named_page_types(terms, language_code):
    """(type keys named by the terms, whether a type's own name was used, other terms)."""
    words, own_names = page_type_words(language_code)
    named, by_own_name, others = set(), False, []
    for term in terms:
        types = words.get(stem(term))
        if types:
            named |= types
            by_own_name |= stem(term) in own_names
        else:
            others.append(term)
    return named, by_own_name, others


# Spelling ------------------------------------------------------------------------------------


def _words_of(titles):
    """{folded word: the word as written} of `titles`."""
    words = {}
    for title in titles:
        for word in WORD.findall(title):
            words.setdefault(fold(word), word.lower())
    return words


def _title_vocabulary(locale):
    """Every word of the live titles of a locale, folded; cached for the search generation."""
    key = generation.cache_key("vocabulary", locale.language_code)
    vocabulary = generation.cached(key)
    if vocabulary is None:
        titles = Page.objects.live().filter(locale=locale).values_list("title", flat=True)
        vocabulary = _words_of(titles)
        generation.remember(key, vocabulary)
    return vocabulary


def corrected(terms, locale, page_content_types):
    """The terms with unknown words replaced by close words of the titles, or None."""
    changed, result = False, []
    vocabulary = None
    for term in terms:
        folded = fold(term)
        if len(folded) < MIN_CORRECTED_LENGTH or folded.isdigit():
            result.append(term)
            continue
        if connection.vendor == "postgresql":
            candidates = _words_of(
                postgres.title_candidates(
                    term, locale_id=locale.pk, page_content_types=page_content_types
                )
            )
        else:
            if vocabulary is None:
                vocabulary = _title_vocabulary(locale)
            candidates = vocabulary
        if folded in candidates:
            result.append(term)
            continue
        close = difflib.get_close_matches(folded, list(candidates), n=1, cutoff=SPELLING_CUTOFF)
        if close:
            changed = True
            result.append(candidates[close[0]])
        else:
            result.append(term)
    return result if changed else None
