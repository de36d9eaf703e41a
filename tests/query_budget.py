"""Assert that a page's SQL query count does not grow with the amount of content."""

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext


def count_queries(client, url):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    return len(context.captured_queries), context.captured_queries


def assert_query_count_does_not_grow(client, url, add_content, *, rounds=2, budget=None):
    """Render `url`, call `add_content()` (which adds more of what the page lists), render again.

    The count after each addition must equal the first count: a listing that queries once per
    item fails. Both counts are compared: with the caches empty (what the first visitor after
    a publication pays, where a cached menu or trail would hide a query per item) and warm
    (what every other visitor pays). `budget`, when given, is a ceiling on the warm count.
    """
    client.get(url)  # Warm per-process caches (content types).
    first = _cold_and_warm(client, url)
    for _ in range(rounds):
        add_content()
        # One view first: an image newly on the page gets its renditions stored once, for good
        # (a one-time write, not a per-view cost); the counts below are what views then pay.
        client.get(url)
        again = _cold_and_warm(client, url)
        for state, (count, queries), (count_again, queries_again) in zip(
            ("cold", "warm"), first, again, strict=True
        ):
            if count_again != count:
                added = [q["sql"] for q in queries_again[len(queries) :]][:5]
                raise AssertionError(
                    f"{url}: {count} queries ({state} caches) before adding content, "
                    f"{count_again} after. First extra queries: {added}"
                )
    first = first[1][0]
    if budget is not None:
        assert first <= budget, f"{url}: {first} queries, budget {budget}"
    return first


def _cold_and_warm(client, url):
    """The queries of `url` with the caches emptied, then again with the caches it filled."""
    cache.clear()
    cold = count_queries(client, url)
    return cold, count_queries(client, url)
