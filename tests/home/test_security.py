"""Security headers on the public site and brute-force protection of the admin login."""

import pytest
from django.contrib.auth.models import User
from django.test import Client, override_settings

from tests.html import parse

pytestmark = pytest.mark.django_db


def test_public_pages_send_a_strict_content_security_policy(client):
    response = client.get("/fr/")
    policy = response["Content-Security-Policy"]
    directives = dict(
        (part.strip().split(" ", 1) + [""])[:2] for part in policy.split(";") if part.strip()
    )
    assert directives["script-src"] == "'self'"
    assert "unsafe-inline" not in directives["script-src"]
    assert directives["object-src"] == "'none'"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert response["X-Frame-Options"] == "DENY"


def test_public_templates_contain_no_inline_script(client):
    for url in ("/fr/", "/de/association/", "/fr/search/?q=outil"):
        for script in parse(client.get(url)).select("script"):
            if script.get("type") in ("application/json", "application/ld+json"):
                continue
            assert script.get("src") and not script.get_text().strip(), f"inline script on {url}"


@override_settings(AXES_ENABLED=True)
def test_repeated_wrong_passwords_lock_the_login():
    User.objects.create_user("volunteer", password="right-password-123")
    client = Client(HTTP_HOST="localhost", REMOTE_ADDR="203.0.113.9")
    for _ in range(5):
        response = client.post("/admin/login/", {"username": "volunteer", "password": "wrong"})
        assert response.status_code in (200, 429)
    locked = client.post(
        "/admin/login/", {"username": "volunteer", "password": "right-password-123"}
    )
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session

    other_address = Client(HTTP_HOST="localhost", REMOTE_ADDR="198.51.100.7")
    response = other_address.post(
        "/admin/login/", {"username": "volunteer", "password": "right-password-123"}
    )
    assert response.status_code == 302
