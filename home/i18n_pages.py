"""Link to pages in the visitor's language without one query per link."""

from wagtail.models import Page


def localize_pages(pages, locale):
    """Map each page to its live translation in `locale` (itself when there is none).

    One query whatever the number of pages. Returns a list in the same order.
    """
    pages = list(pages)
    keys = {page.translation_key for page in pages if page.locale_id != locale.pk}
    translations = {}
    if keys:
        for translated in (
            Page.objects.live().filter(translation_key__in=keys, locale=locale).specific()
        ):
            translations[translated.translation_key] = translated
    return [translations.get(page.translation_key, page) for page in pages]
