"""Round trips and freshness of the versioned cache (core/cache.py).

A request reads the namespaces' versions once; the values it asks for then come from the
process's own entries, which a bump anywhere (another process included) makes unreachable.
"""

from unittest import mock

import pytest
from django.core.cache import cache
from django.core.signals import request_finished, request_started

from core import cache as versioned
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


class CountingCache:
    """Django's cache, counting the calls that reach it."""

    def __init__(self, real):
        self.real = real
        self.calls = []

    def __getattr__(self, name):
        method = getattr(self.real, name)

        def counted(*args, **kwargs):
            self.calls.append(name)
            return method(*args, **kwargs)

        return counted


@pytest.fixture
def counting_cache():
    counting = CountingCache(cache)
    with mock.patch.object(versioned, "cache", counting):
        yield counting


def in_a_request(work):
    request_started.send(sender=None)
    try:
        return work()
    finally:
        request_finished.send(sender=None)


def test_a_request_reads_the_versions_once_however_many_values_it_asks(counting_cache):
    for index in range(5):  # computed once and kept
        versioned.cached((versioned.PAGES,), f"value-{index}", lambda index=index: index)
    versioned.cached((versioned.CHROME,), "chrome-value", lambda: "chrome")
    # Every namespace this process has used so far has a version (other tests used others).
    versioned.versions(tuple(versioned._known_namespaces))
    counting_cache.calls.clear()

    def ask_everything():
        values = [
            versioned.cached((versioned.PAGES,), f"value-{index}", lambda: "computed again")
            for index in range(5)
        ]
        values.append(versioned.cached((versioned.CHROME,), "chrome-value", lambda: "again"))
        return values

    assert in_a_request(ask_everything) == [0, 1, 2, 3, 4, "chrome"]
    # One round trip for every namespace's version; the values from the process's entries.
    assert counting_cache.calls == ["get_many"]


def test_outside_a_request_every_call_reads_the_current_version(counting_cache):
    versioned.cached((versioned.PAGES,), "outside", lambda: 1)
    counting_cache.calls.clear()

    versioned.cached((versioned.PAGES,), "outside", lambda: 2)
    versioned.cached((versioned.PAGES,), "outside", lambda: 2)

    assert counting_cache.calls == ["get_many", "get_many"]


def test_a_bump_by_another_process_is_seen_by_the_next_request():
    assert in_a_request(lambda: versioned.cached((versioned.PAGES,), "menu", lambda: "old")) == (
        "old"
    )
    # Another worker publishes: the shared version moves, this process's entry stays behind.
    cache.incr(versioned._version_key(versioned.PAGES))

    fresh = in_a_request(lambda: versioned.cached((versioned.PAGES,), "menu", lambda: "new"))

    assert fresh == "new"


def test_a_bump_in_the_request_itself_is_seen_by_the_rest_of_that_request():
    def publish_then_read():
        before = versioned.cached((versioned.CHROME,), "footer", lambda: "before")
        versioned.bump(versioned.CHROME)
        after = versioned.cached((versioned.CHROME,), "footer", lambda: "after")
        return before, after

    assert in_a_request(publish_then_read) == ("before", "after")


def test_an_emptied_cache_never_gives_back_an_entry_kept_by_a_process():
    assert versioned.cached((versioned.PAGES,), "settings", lambda: "kept") == "kept"
    old = versioned.versions((versioned.PAGES,))

    cache.clear()  # a Redis restart: versions and values are gone, the process keeps its own

    assert versioned.versions((versioned.PAGES,)) != old
    assert versioned.cached((versioned.PAGES,), "settings", lambda: "recomputed") == "recomputed"


def test_each_reader_gets_its_own_copy_of_a_kept_value():
    versioned.cached((versioned.PAGES,), "links", lambda: ["a"])
    first = versioned.cached((versioned.PAGES,), "links", lambda: ["computed"])
    first.append("changed by a request")

    assert versioned.cached((versioned.PAGES,), "links", lambda: ["computed"]) == ["a"]


def test_a_page_view_pays_one_round_trip_for_its_cached_values(client, counting_cache):
    page = StandardPageFactory(title="Nos statuts", slug="nos-statuts")
    client.get(page.url)  # Wagtail routes it from the tree; the route is kept
    client.get(page.url)  # the page is kept with it (core/routing.py)
    versioned.versions(tuple(versioned._known_namespaces))
    counting_cache.calls.clear()

    response = client.get(page.url)

    assert response.status_code == 200
    assert counting_cache.calls == ["get_many"]
