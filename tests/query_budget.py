"""Assert that a page's SQL query count does not grow with the amount of content."""

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
    item fails. `budget`, when given, is an absolute ceiling as well.
    """
    client.get(url)  # Warm per-process caches (content types, site root paths).
    first, first_queries = count_queries(client, url)
    for _ in range(rounds):
        add_content()
        again, again_queries = count_queries(client, url)
        if again != first:
            added = [q["sql"] for q in again_queries[len(first_queries) :]][:5]
            raise AssertionError(
                f"{url}: {first} queries before adding content, {again} after. "
                f"First extra queries: {added}"
            )
    if budget is not None:
        assert first <= budget, f"{url}: {first} queries, budget {budget}"
    return first
