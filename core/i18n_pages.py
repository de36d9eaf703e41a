"""Link to pages in the visitor's language without one query per link."""

from wagtail.models import Page


def localize_pages(pages, locale):
    """Map each page to its live translation in `locale` (itself when there is none).

    One query per page model whatever the number of pages (specific pages read from their own
    model's table, plain `Page` rows made specific). Returns a list in the same order.
    """
    pages = list(pages)
    keys_by_model = {}
    for page in pages:
        if page.locale_id != locale.pk:
            keys_by_model.setdefault(type(page), set()).add(page.translation_key)
    translations = {}
    for model, keys in keys_by_model.items():
        found = model.objects.live().filter(translation_key__in=keys, locale=locale)
        if model is Page:
            found = found.specific()
        for translated in found:
            translations[translated.translation_key] = translated
    return [translations.get(page.translation_key, page) for page in pages]
