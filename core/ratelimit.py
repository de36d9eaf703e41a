"""One rate limiter for every public form: at most `limit` submissions per visitor per window.

Counts live in the default cache. The cache is an optimisation of trust, not a dependency of
the forms: when it fails (Redis down: django-redis, told to ignore its exceptions, answers
None; or any backend error), the submission is allowed and the failure logged, so a visitor
never loses their input to an outage.
"""

import hashlib
import logging

from django.core.cache import cache

from core.client_address import client_address

logger = logging.getLogger(__name__)

HOUR = 3600


def over_limit(request, scope, limit, window=HOUR, *, subject=None):
    """Count one submission of `scope` for this visitor; True once `limit` is exceeded.

    `subject` counts per something else than the visitor's address, such as the e-mail address
    a form is about; it is kept in the cache as a digest only.
    """
    if subject is None:
        counted = client_address(request) or "unknown"
    else:
        counted = hashlib.sha256(subject.encode()).hexdigest()
    key = f"ratelimit:{scope}:{counted}"
    try:
        cache.add(key, 0, window)
        try:
            count = cache.incr(key)
        except ValueError:  # the key expired (or was never stored) between add() and incr()
            cache.set(key, 1, window)
            count = cache.get(key)
    except Exception:  # noqa: BLE001 - any cache failure: allow and log, never lose the input
        logger.warning("Rate limit of %s not counted: the cache failed", scope, exc_info=True)
        return False
    if not isinstance(count, int):
        logger.warning("Rate limit of %s not counted: the cache is unavailable", scope)
        return False
    return count > limit
