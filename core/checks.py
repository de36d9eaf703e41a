"""System checks for the settings the kernel owns; `check --deploy` adds the deployment ones."""

import ipaddress
from urllib.parse import urlsplit

from django.conf import settings
from django.core import checks

from core.urls import origin_parts

LOCAL_HOST_NAMES = {"localhost", "testserver"}
HINT = "Set SITE_URL to the public address, e.g. https://www.socialbusinessmodels.ch."


def is_local(hostname):
    """True for a name or address only this machine or its network reaches."""
    if hostname in LOCAL_HOST_NAMES or hostname.endswith((".localhost", ".local")):
        return True
    try:
        address = ipaddress.ip_address(hostname)
    except ValueError:
        return False
    return address.is_loopback or address.is_private or address.is_unspecified


@checks.register(checks.Tags.urls)
def check_site_url_shape(app_configs, **kwargs):
    """SITE_URL must be an origin Wagtail's Site record can hold (its root_url is https only on
    port 443, http otherwise)."""
    value = getattr(settings, "SITE_URL", "")
    if not value:
        return []
    parts = urlsplit(value)
    scheme, hostname, port = origin_parts(value)
    if scheme not in ("http", "https") or not hostname or parts.path.strip("/"):
        return [
            checks.Error(
                f"SITE_URL {value!r} is not an origin (http or https, a host, no path).",
                hint=HINT,
                id="core.E002",
            )
        ]
    if (scheme == "https") != (port == 443):
        return [
            checks.Error(
                f"SITE_URL {value!r}: Wagtail's Site record serves https on port 443 only, "
                "and http on any other port.",
                hint=HINT,
                id="core.E004",
            )
        ]
    return []


@checks.register(checks.Tags.urls, deploy=True)
def check_site_url_is_public(app_configs, **kwargs):
    """Every absolute URL the site publishes starts with SITE_URL: it must be public https."""
    value = getattr(settings, "SITE_URL", "")
    if not value:
        return [checks.Error("SITE_URL is not set.", hint=HINT, id="core.E001")]
    scheme, hostname, _port = origin_parts(value)
    if hostname and is_local(hostname):
        return [
            checks.Error(
                f"SITE_URL {value!r} is a local address: the sitemap, feeds, e-mails and "
                "PDFs would link to it.",
                hint=HINT,
                id="core.E003",
            )
        ]
    if scheme == "http":
        return [checks.Warning(f"SITE_URL {value!r} is not https.", hint=HINT, id="core.W001")]
    return []
