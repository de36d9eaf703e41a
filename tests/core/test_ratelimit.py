"""The shared rate limiter counts per visitor and scope, and lets visitors through when the
cache is down (their input matters more than the count)."""

import logging
import socket

import pytest
from django.core.cache import cache
from django.test import RequestFactory, override_settings

from core.ratelimit import over_limit


def request_from(address):
    return RequestFactory().post("/", REMOTE_ADDR=address)


def closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]  # closed again when the socket is: nothing listens


def unreachable_redis(ignore_exceptions):
    """The production cache configuration (base.py), pointed at a Redis that is not there."""
    return {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port()}/0",
            "OPTIONS": {
                "CLIENT_CLASS": "django_redis.client.DefaultClient",
                "IGNORE_EXCEPTIONS": ignore_exceptions,
                "SOCKET_CONNECT_TIMEOUT": 0.5,
            },
        }
    }


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


def test_the_limit_counts_each_visitor_and_each_scope_apart():
    alice, bruno = request_from("10.0.0.1"), request_from("10.0.0.2")
    assert [over_limit(alice, "forms:comment", 2) for _ in range(3)] == [False, False, True]
    assert over_limit(bruno, "forms:comment", 2) is False
    assert over_limit(alice, "forms:register", 2) is False


@pytest.mark.parametrize("ignore_exceptions", [True, False], ids=["ignored", "raised"])
def test_with_the_cache_down_every_submission_is_allowed_and_logged(ignore_exceptions, caplog):
    with override_settings(CACHES=unreachable_redis(ignore_exceptions)):
        visitor = request_from("10.0.0.3")
        with caplog.at_level(logging.WARNING, logger="core.ratelimit"):
            outcomes = [over_limit(visitor, "forms:comment", 1) for _ in range(3)]
    assert outcomes == [False, False, False]
    assert "not counted" in caplog.text
