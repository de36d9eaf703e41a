"""Helpers around wagtail-localize's synchronised page trees."""

from wagtail.models import Page
from wagtail_localize.models import LocaleSynchronization
from wagtail_localize.synctree import PageIndex, synchronize_tree

from home.progress import progress


def sync_locale_trees():
    """Create alias pages for every page not yet present in each synchronised locale.

    The admin does this when an editor creates a page; code that creates pages (demo content,
    imports) calls this once at the end. Returns the number of pages created.
    """
    before = Page.objects.count()
    synchronisations = list(LocaleSynchronization.objects.select_related("locale", "sync_from"))
    if synchronisations:
        index = PageIndex.from_database().sort_by_tree_position()
        for synchronisation in progress(synchronisations, description="Language trees"):
            synchronize_tree(synchronisation.sync_from, synchronisation.locale, page_index=index)
    return Page.objects.count() - before
