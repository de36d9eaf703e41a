"""Helpers around wagtail-localize's synchronised page trees."""

from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Locale, Page
from wagtail_localize.models import LocaleSynchronization
from wagtail_localize.synctree import PageIndex, synchronize_tree

from core.progress import progress


def sync_locale_trees():
    """Create alias pages for every page not yet present in each synchronised locale.

    The admin does this when an editor creates a page; code that creates pages (demo content,
    imports) calls this after adding pages. Returns the number of pages created.
    """
    before = Page.objects.count()
    synchronisations = list(LocaleSynchronization.objects.select_related("locale", "sync_from"))
    if synchronisations:
        index = page_index().sort_by_tree_position()
        for synchronisation in progress(synchronisations, description="Language trees"):
            target = synchronisation.locale.pk
            # wagtail-localize fetches every page of the index that has no real translation in
            # the target, aliased or not: give it only the pages that have neither.
            missing = PageIndex(
                [
                    entry
                    for entry in index
                    if target not in entry.locales and target not in entry.aliased_locales
                ]
            )
            if missing.pages:
                synchronize_tree(
                    synchronisation.sync_from, synchronisation.locale, page_index=missing
                )
    return Page.objects.count() - before


def page_index():
    """wagtail-localize's index of the site's pages, read in one query.

    `PageIndex.from_database` runs three queries per page (its parent, its translations, its
    aliases); the same entries come from one pass over the page table.
    """
    rows = list(
        Page.objects.filter(depth__gt=1).values_list(
            "translation_key", "locale_id", "path", "depth", "content_type_id", "alias_of_id"
        )
    )
    key_by_path = {path: key for key, _locale, path, _depth, _type, _alias in rows}
    locales = defaultdict(list)
    aliased_locales = defaultdict(list)
    for key, locale, _path, _depth, _type, alias_of in rows:
        (aliased_locales if alias_of else locales)[key].append(locale)
    locale_by_id = Locale.objects.in_bulk()
    return PageIndex(
        [
            PageIndex.Entry(
                ContentType.objects.get_for_id(content_type),
                key,
                locale_by_id[locale],
                key_by_path[path[: -Page.steplen]] if depth > 2 else None,
                locales[key],
                aliased_locales[key],
            )
            for key, locale, path, depth, content_type, alias_of in rows
            if alias_of is None
        ]
    )
