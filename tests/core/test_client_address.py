"""The visitor's address behind our proxies: the right-most hop they did not add, never a header
the visitor wrote; and the rate limiter, the login lockout and the API throttle all use it."""

import pytest
from axes.helpers import get_client_ip_address
from django.core.cache import cache
from django.test import RequestFactory, override_settings
from rest_framework.request import Request

from core.client_address import client_address
from core.ratelimit import over_limit
from core.throttling import AnonRateThrottle

PROXY = "127.0.0.1"


def request_from(remote_addr, forwarded_for=None):
    headers = {"REMOTE_ADDR": remote_addr}
    if forwarded_for is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded_for
    return RequestFactory().post("/", **headers)


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.mark.parametrize(
    ("trusted", "remote_addr", "forwarded_for", "expected"),
    [
        # Served directly: the header is the visitor's own text and is ignored.
        (0, "198.51.100.4", None, "198.51.100.4"),
        (0, "198.51.100.4", "203.0.113.77", "198.51.100.4"),
        # Behind one nginx: it appends the address it saw; what the visitor wrote stays left.
        (1, PROXY, "203.0.113.5", "203.0.113.5"),
        (1, PROXY, "203.0.113.77, 203.0.113.5", "203.0.113.5"),
        (1, PROXY, "not-an-address, 2001:db8::1", "2001:db8::1"),
        # Behind a load balancer and nginx: the balancer's hop is trusted, the one before is not.
        (2, PROXY, "203.0.113.77, 203.0.113.5, 10.0.0.9", "203.0.113.5"),
        # A request that did not pass through every trusted proxy is judged by REMOTE_ADDR.
        (1, "198.51.100.4", None, "198.51.100.4"),
        (2, PROXY, "10.0.0.9", PROXY),
        # A unix socket gives no REMOTE_ADDR: the header still places the visitor.
        (1, "", "203.0.113.5", "203.0.113.5"),
        (0, "", None, None),
    ],
)
def test_the_visitor_is_the_right_most_hop_no_trusted_proxy_added(
    trusted, remote_addr, forwarded_for, expected
):
    with override_settings(TRUSTED_PROXY_COUNT=trusted):
        assert client_address(request_from(remote_addr, forwarded_for)) == expected


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_a_forged_header_never_changes_the_address():
    forgeries = ["10.9.8.7", "1.1.1.1, 2.2.2.2", "unknown", "", "for=192.0.2.60"]
    seen = {
        client_address(request_from(PROXY, f"{forged}, 203.0.113.5".lstrip(", ")))
        for forged in forgeries
    }
    assert seen == {"203.0.113.5"}


@pytest.mark.parametrize("trusted", [0, 1, 2])
@pytest.mark.parametrize(
    ("remote_addr", "forwarded_for"),
    [
        ("198.51.100.4", None),
        (PROXY, "203.0.113.77, 203.0.113.5"),
        (PROXY, "203.0.113.77, 203.0.113.5, 10.0.0.9"),
    ],
)
def test_rate_limits_login_lockout_and_api_throttle_see_the_same_visitor(
    trusted, remote_addr, forwarded_for
):
    with override_settings(TRUSTED_PROXY_COUNT=trusted):
        request = request_from(remote_addr, forwarded_for)
        expected = client_address(request)
        assert get_client_ip_address(request) == expected
        assert AnonRateThrottle().get_ident(Request(request)) == expected


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_two_visitors_behind_the_proxy_have_their_own_limit():
    alice = request_from(PROXY, "203.0.113.5")
    bruno = request_from(PROXY, "203.0.113.6")
    assert [over_limit(alice, "forms:register", 2) for _ in range(3)] == [False, False, True]
    assert over_limit(bruno, "forms:register", 2) is False


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_a_visitor_who_forges_the_header_still_meets_the_limit():
    outcomes = [
        over_limit(request_from(PROXY, f"10.0.0.{n}, 203.0.113.5"), "forms:register", 2)
        for n in range(4)
    ]
    assert outcomes == [False, False, True, True]
