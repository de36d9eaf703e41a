"""The search generation: a number that changes whenever what the search can find changes.

Cached search answers (result lists, suggestions, the spelling vocabulary) carry the generation
in their key; every publication or unpublication of a page bumps it, so no cached answer
outlives the content it was computed from, and nothing needs to be deleted one key at a time.

The cache is an optimisation, never a dependency: when it fails, `current()` answers None
(callers then compute without caching) and `bump()` logs and returns.
"""

import hashlib
import logging

from django.core.cache import cache

logger = logging.getLogger(__name__)

GENERATION_KEY = "search:generation"
# Cached answers are also bounded in time: a generation lost with the cache (Redis restart)
# starts again at 1, and an answer of an earlier generation 1 must not come back.
ANSWER_SECONDS = 600


def current():
    """The current generation, or None when the cache does not answer."""
    try:
        generation = cache.get(GENERATION_KEY)
        if generation is None:
            cache.add(GENERATION_KEY, 1, None)
            generation = cache.get(GENERATION_KEY)
    except Exception:  # noqa: BLE001 - a failing cache means "no cache", never a failing search
        logger.warning("Search generation unavailable: the cache failed", exc_info=True)
        return None
    return generation if isinstance(generation, int) else None


def bump(**_signal_arguments):
    """A page was published or unpublished: every cached search answer is now stale."""
    try:
        cache.add(GENERATION_KEY, 1, None)
        cache.incr(GENERATION_KEY)
    except ValueError:  # the key vanished between add() and incr()
        _set_fresh_generation()
    except Exception:  # noqa: BLE001
        logger.warning("Search generation not bumped: the cache failed", exc_info=True)


def _set_fresh_generation():
    try:
        cache.set(GENERATION_KEY, 2, None)
    except Exception:  # noqa: BLE001
        logger.warning("Search generation not bumped: the cache failed", exc_info=True)


def cache_key(kind, *parts):
    """A key of `kind` for the current generation, or None when the cache is unavailable."""
    generation = current()
    if generation is None:
        return None
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()
    return f"search:{kind}:{generation}:{digest}"


def cached(key):
    if key is None:
        return None
    try:
        return cache.get(key)
    except Exception:  # noqa: BLE001
        logger.warning("Cached search answer unreadable: the cache failed", exc_info=True)
        return None


def remember(key, value):
    if key is None:
        return
    try:
        cache.set(key, value, ANSWER_SECONDS)
    except Exception:  # noqa: BLE001
        logger.warning("Search answer not cached: the cache failed", exc_info=True)
