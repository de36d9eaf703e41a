"""The visitor's address, one for every limit: rate limits, login lockout, API throttle.

Behind the documented nginx (deploy/nginx/site.conf.example) Django sees the proxy's address in
REMOTE_ADDR and the visitor's in X-Forwarded-For, which each proxy extends with the address it
received the request from (`$proxy_add_x_forwarded_for`). Only the proxies we run are trusted:
with `TRUSTED_PROXY_COUNT` of them, the visitor is the right-most hop that none of them added,
so anything a visitor writes in the header themselves stays to the left of it and never wins.
With 0 (the default: the site is served directly) the header is ignored and REMOTE_ADDR is the
visitor. python-ipware parses the header (IPv6, ports, RFC 7239 spellings, junk tokens).
"""

from django.conf import settings
from python_ipware import IpWare

HEADER = "HTTP_X_FORWARDED_FOR"


def _address(meta: dict, header: str, proxy_count: int) -> str | None:
    address, _trusted = IpWare(precedence=(header,), proxy_count=proxy_count).get_client_ip(meta)
    return str(address) if address is not None else None


def client_address(request) -> str | None:
    """The address of the visitor who sent `request`, or None when it cannot be known.

    Our last proxy's own address is REMOTE_ADDR, not a hop of X-Forwarded-For: so of the
    `TRUSTED_PROXY_COUNT` proxies, all but the last appear after the visitor in the header.
    A request that did not come through them all (a header too short or absent) is judged
    by REMOTE_ADDR alone.
    """
    meta = request.META
    trusted = settings.TRUSTED_PROXY_COUNT
    if trusted > 0 and meta.get(HEADER):
        address = _address(meta, HEADER, proxy_count=trusted - 1)
        if address is not None:
            return address
    return _address(meta, "REMOTE_ADDR", proxy_count=0)
