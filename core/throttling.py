"""The API throttle counts visitors by the same address as every other limit of the site."""

from rest_framework import throttling

from core.client_address import client_address


class AnonRateThrottle(throttling.AnonRateThrottle):
    """DRF's anonymous throttle, keyed by `core.client_address` instead of its own reading of
    X-Forwarded-For (which, with NUM_PROXIES unset, takes the whole header as sent: forgeable)."""

    def get_ident(self, request):
        return client_address(request) or ""
