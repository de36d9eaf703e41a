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
(so two template tags asking the same thing cost one look-up), this process's entries, the
shared cache, `compute()`. The shared cache is Django's default one (Redis when configured);
any cache failure degrades to computing, never to an error page.

Round trips: a request reads the versions of every namespace once, in one round trip, when it
first asks for a cached value; the values themselves then come from the process's own entries
(pickled bytes, at most `LOCAL_ENTRIES`), which cannot be stale since their keys carry the
versions just read. A page used to pay one round trip per value and another per version
(about 34 Redis commands on a provider's page); it now pays one, plus Wagtail's renditions.
A namespace with no version yet (first use, or an emptied cache) starts from the clock in
microseconds, never from a number an older entry of a process could carry.

A bump happens at once (the editor's own request sees the change) and again after the commit:
a visitor's request that read the old rows while the change was not committed yet may have
cached them under the new version.
"""

import logging
import pickle
import threading
import time
from collections import OrderedDict
from contextvars import ContextVar

from django.core.cache import cache
from django.core.signals import request_finished, request_started
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
# How many versioned entries each process keeps in memory (pickled, as the shared cache holds
# them); the oldest read is dropped first.
LOCAL_ENTRIES = 2000

# What one request has read: the namespaces' versions (read once, in one round trip, for
# every namespace this process has used so far) and the values (read once). Set when a
# request starts, cleared when it ends; None outside requests (tasks, commands), where every
# call reads the cache.
_request_state = ContextVar("sbm_cache_request_state", default=None)
# Every namespace asked for in this process: a request reads all their versions at once.
_known_namespaces = {PAGES, CHROME}


class _LocalEntries:
    """Versioned entries kept in this process, as pickled bytes.

    A key carries the versions of its namespaces, read from the shared cache at each request,
    so an entry of this process is never stale: after a bump (in any process) its key is
    never asked for again. Bytes rather than objects: each reader gets its own copy, as from
    the shared cache, so a request that changes what it read changes nothing for the next.
    """

    def __init__(self, size):
        self.size = size
        self.entries = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key):
        with self.lock:
            data = self.entries.get(key)
            if data is not None:
                self.entries.move_to_end(key)
        return data

    def set(self, key, data):
        with self.lock:
            self.entries[key] = data
            self.entries.move_to_end(key)
            while len(self.entries) > self.size:
                self.entries.popitem(last=False)

    def clear(self):
        with self.lock:
            self.entries.clear()


local_entries = _LocalEntries(LOCAL_ENTRIES)


def _version_key(namespace):
    return f"sbm:version:{namespace}"


def _first_version():
    """A namespace's version when the cache has none (first use, or after the cache was
    emptied): never a number used before, so no entry kept in a process from before the
    emptying can be read again."""
    return time.time_ns() // 1000


def _read_versions(namespaces):
    keys = {namespace: _version_key(namespace) for namespace in namespaces}
    found = cache.get_many(list(keys.values()))
    missing = [key for key in keys.values() if key not in found]
    if missing:
        for key in missing:
            cache.add(key, _first_version(), None)
        found.update(cache.get_many(missing))
    return {namespace: int(found[key]) for namespace, key in keys.items() if key in found}


def versions(namespaces):
    """The current version of each namespace, or None when the cache cannot be read."""
    state = _request_state.get()
    _known_namespaces.update(namespaces)
    try:
        if state is None:
            current = _read_versions(namespaces)
        else:
            current = state["versions"]
            if any(namespace not in current for namespace in namespaces):
                current.update(_read_versions(_known_namespaces - current.keys()))
        return [current[namespace] for namespace in namespaces]
    except Exception:  # noqa: BLE001 - a cache outage must never break a page
        logger.warning("Cache unreachable: computing %s", namespaces, exc_info=True)
        return None


def _increment(namespace):
    key = _version_key(namespace)
    try:
        try:
            cache.incr(key)
        except ValueError:
            cache.set(key, _first_version(), None)
    except Exception:  # noqa: BLE001 - a cache outage must never stop a publication
        logger.exception("Could not bump the cache version of %s", namespace)
    _forget_request_versions(namespace)


def _forget_request_versions(namespace):
    """The request that bumps a namespace reads its new version from then on, and no value
    it memoised under the old one."""
    state = _request_state.get()
    if state is not None:
        state["versions"].pop(namespace, None)
        state["values"].clear()


def bump(*namespaces):
    """Forget every value cached in `namespaces`, now and once the transaction commits."""
    for namespace in namespaces:
        _increment(namespace)

    def again():
        for namespace in namespaces:
            _increment(namespace)

    transaction.on_commit(again)


def _request_starts(**kwargs):
    _request_state.set({"versions": {}, "values": {}})


def _request_ends(**kwargs):
    _request_state.set(None)


def _memo(request):
    state = _request_state.get()
    if state is not None:
        return state["values"]
    if request is None:
        return None
    memo = getattr(request, MEMO_ATTRIBUTE, None)
    if memo is None:
        memo = {}
        setattr(request, MEMO_ATTRIBUTE, memo)
    return memo


def _shared_get(full_key):
    """(found, value) from this process's entries, else from the shared cache."""
    data = local_entries.get(full_key)
    if data is not None:
        # Bytes this process pickled itself, never read from outside.
        return True, pickle.loads(data)  # noqa: S301  # nosec B301
    try:
        entry = cache.get(full_key)
    except Exception:  # noqa: BLE001
        logger.warning("Cache unreachable: computing %s", full_key, exc_info=True)
        return False, None
    # Stored in a tuple, so that a cached None (no footer yet) differs from a miss.
    if isinstance(entry, tuple) and len(entry) == 1:
        local_entries.set(full_key, pickle.dumps(entry[0], pickle.HIGHEST_PROTOCOL))
        return True, entry[0]
    return False, None


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
        found, value = _shared_get(full_key)
        if not found:
            value = compute()
            try:
                local_entries.set(full_key, pickle.dumps(value, pickle.HIGHEST_PROTOCOL))
                cache.set(full_key, (value,), timeout)
            except Exception:  # noqa: BLE001
                logger.warning("Could not cache %s", key, exc_info=True)
    if memo is not None:
        memo[memo_key] = value
    return value


def kept_for_page(page, key, compute, request, namespaces=(PAGES, CHROME), timeout=TIMEOUT):
    """`compute()` for what `page` shows that only a publication or a snippet changes, kept per
    page (`key` names the part) until `namespaces` are bumped. A preview shows a draft, which
    may differ: there, and without a request or a saved page, it is computed each time."""
    if request is None or getattr(request, "is_preview", False) or page.pk is None:
        return compute()
    return cached(namespaces, f"{key}:{page.pk}", compute, request=request, timeout=timeout)


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
    # Cached parts of pages keep images with their renditions; an image edited (its file or
    # its focal point: Wagtail deletes its renditions) must not leave them pointing at gone files.
    "wagtailimages.image": CHROME,
    # Likewise documents (a tool's instruments): a new file or title shows at once.
    "wagtaildocs.document": CHROME,
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
    request_started.connect(_request_starts, dispatch_uid="sbm-cache-request-started")
    request_finished.connect(_request_ends, dispatch_uid="sbm-cache-request-finished")
    post_delete.connect(_on_model_delete, dispatch_uid="sbm-cache-deleted")
