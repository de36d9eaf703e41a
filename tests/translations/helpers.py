"""Shared steps of the translation workflow tests: start a translation, translate its strings.

The rows they work on come from tests/factories."""

from wagtail.models import Locale
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)


def start_translation(instance, language_code):
    locale = Locale.objects.get(language_code=language_code)
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    return source, translation


def fill_strings(source, locale, translate):
    """Translate every string segment of `source` with `translate(french_text)`."""
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={"data": translate(segment.string.data), "translation_type": "manual"},
        )
