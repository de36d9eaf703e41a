"""A first visit to the bare address lands in the visitor's language (Accept-Language)."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [
        ("de-CH,de;q=0.9,fr;q=0.7", "/de/"),
        ("it-CH,it;q=0.9", "/it/"),
        ("en-GB,en;q=0.8", "/en/"),
        ("fr-CH,fr;q=0.9,en;q=0.5", "/fr/"),
        # A language the site does not have: the next one the browser asks for, else French.
        ("es-ES,es;q=0.9,de;q=0.5", "/de/"),
        ("ja", "/fr/"),
        ("", "/fr/"),
    ],
)
def test_the_bare_address_redirects_to_the_visitors_language(client, accept_language, expected):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response.status_code == 302
    assert response["Location"] == expected
    # Caches in front must keep one answer per language preference.
    assert "Accept-Language" in response.get("Vary", "")


def test_the_redirect_keeps_the_path(client):
    response = client.get("/association/", HTTP_ACCEPT_LANGUAGE="de")
    assert response.status_code == 302
    assert response["Location"] == "/de/association/"
