"""Values computed from the database, kept across requests and forgotten as soon as their
rows change: versioned cache keys.

Each cached value belongs to one or more *namespaces*; its key carries the namespaces' current
version numbers. A change does not hunt for keys: it bumps the version of its namespace, and
every key of the old version is never read again (Django's cache lets it expire).

- `PAGES`: the page tree and what routes to it. Bumped when a page is published, unpublished,
  moved or deleted, and when a Site, a Locale or a page view restriction changes.
- `CHROME`: what every page shows around its content. Bumped when the menu, the footer (the
  models an app declares with `watch(CHROME, ...)`), site settings (any `BaseSiteSetting`) or
  a snippet change (saved, published, deleted).

`cached(namespaces, key, compute, request=...)` answers from, in order: the request's own memo
(so two template tags asking the same thing cost one look-up), the cache, `compute()`. The
cache is Django's default one (Redis when configured); any cache failure degrades to computing,
never to an error page.

A bump happens at once (the editor's own request sees the change) and again after the commit:
a visitor's request that read the old rows while the change was not committed yet may have
cached them under the new version.
"""

import logging

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from modelcluster.fields import ParentalKey
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished
from wagtail.snippets.models import get_snippet_models

logger = logging.getLogger("sbm.cache")

PAGES = "pages"
CHROME = "chrome"
TIMEOUT = 60 * 60 * 24
MEMO_ATTRIBUTE = "_sbm_cache_memo"


def _version_key(namespace):
    return f"sbm:version:{namespace}"


def versions(namespaces):
    """The current version of each namespace, or None when the cache cannot be read."""
    keys = [_version_key(namespace) for namespace in namespaces]
    try:
        found = cache.get_many(keys)
        missing = [key for key in keys if key not in found]
        for key in missing:
            cache.add(key, 1, None)
        if missing:
            found.update(cache.get_many(missing))
        return [int(found.get(key, 1)) for key in keys]
    except Exception:  # noqa: BLE001 - a cache outage must never break a page
        logger.warning("Cache unreachable: computing %s", namespaces, exc_info=True)
        return None


def _increment(namespace):
    key = _version_key(namespace)
    try:
        try:
            cache.incr(key)
        except ValueError:
            cache.set(key, 2, None)
    except Exception:  # noqa: BLE001 - a cache outage must never stop a publication
        logger.exception("Could not bump the cache version of %s", namespace)


def bump(*namespaces):
    """Forget every value cached in `namespaces`, now and once the transaction commits."""
    for namespace in namespaces:
        _increment(namespace)

    def again():
        for namespace in namespaces:
            _increment(namespace)

    transaction.on_commit(again)


def _memo(request):
    if request is None:
        return None
    memo = getattr(request, MEMO_ATTRIBUTE, None)
    if memo is None:
        memo = {}
        setattr(request, MEMO_ATTRIBUTE, memo)
    return memo


def cached(namespaces, key, compute, *, request=None, timeout=TIMEOUT):
    """`compute()`'s value for `key` in `namespaces` (a tuple), computed once per version."""
    memo = _memo(request)
    memo_key = (tuple(namespaces), key)
    if memo is not None and memo_key in memo:
        return memo[memo_key]
    current = versions(namespaces)
    if current is None:
        value = compute()
    else:
        full_key = f"sbm:{key}:{'.'.join(map(str, current))}"
        try:
            entry = cache.get(full_key)
        except Exception:  # noqa: BLE001
            logger.warning("Cache unreachable: computing %s", key, exc_info=True)
            entry = None
        # Stored in a tuple, so that a cached None (no footer yet) differs from a miss.
        if isinstance(entry, tuple) and len(entry) == 1:
            value = entry[0]
        else:
            value = compute()
            try:
                cache.set(full_key, (value,), timeout)
            except Exception:  # noqa: BLE001
                logger.warning("Could not cache %s", key, exc_info=True)
    if memo is not None:
        memo[memo_key] = value
    return value


def memoised(request, key, compute):
    """`compute()` once per request (not across requests: for values cheap to compute but
    asked for by several template tags)."""
    memo = _memo(request)
    if memo is None:
        return compute()
    if key not in memo:
        memo[key] = compute()
    return memo[key]


# What bumps which namespace -------------------------------------------------------------------


def _bump_pages(sender, **kwargs):
    bump(PAGES)


def _bump_chrome(sender, **kwargs):
    bump(CHROME)


def _chrome_model(model):
    """Snippets (the menu, the footer, the taxonomy...), their inline rows, and settings."""
    if issubclass(model, (BaseSiteSetting, BaseGenericSetting)):
        return True
    snippets = tuple(get_snippet_models())
    if issubclass(model, snippets):
        return True
    return any(
        isinstance(field, ParentalKey) and issubclass(field.related_model, snippets)
        for field in model._meta.concrete_fields
    )


# Models whose rows a namespace's values are computed from, by label ("app.model"); apps add
# theirs with `watch()` in their AppConfig.ready().
WATCHED = {
    "wagtailcore.site": PAGES,
    "wagtailcore.locale": PAGES,
    "wagtailcore.pageviewrestriction": PAGES,
}


def watch(namespace, *labels):
    """Bump `namespace` whenever a row of one of the models `labels` is saved or deleted."""
    for label in labels:
        WATCHED[label.lower()] = namespace


def _on_model_change(sender, instance, *, deleted=False, **kwargs):
    if kwargs.get("raw") or sender.__module__ == "__fake__":
        return
    if isinstance(instance, Page):
        # A draft saved in the admin (a revision: `update_fields` given) changes nothing
        # public, and publications have their own signals; a whole page written by code (a
        # synchronised alias, an import, a moved subtree's paths) or deleted may.
        if deleted or kwargs.get("update_fields") is None:
            bump(PAGES)
    elif sender._meta.label_lower in WATCHED:
        bump(WATCHED[sender._meta.label_lower])
    elif _chrome_model(sender):
        bump(CHROME)


def _on_model_delete(sender, instance, **kwargs):
    _on_model_change(sender, instance, deleted=True, **kwargs)


def connect_signals():
    page_published.connect(_bump_pages, dispatch_uid="sbm-cache-page-published")
    page_unpublished.connect(_bump_pages, dispatch_uid="sbm-cache-page-unpublished")
    post_page_move.connect(_bump_pages, dispatch_uid="sbm-cache-page-moved")
    published.connect(_bump_chrome, dispatch_uid="sbm-cache-published")
    unpublished.connect(_bump_chrome, dispatch_uid="sbm-cache-unpublished")
    post_save.connect(_on_model_change, dispatch_uid="sbm-cache-saved")
    post_delete.connect(_on_model_delete, dispatch_uid="sbm-cache-deleted")
