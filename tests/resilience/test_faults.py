"""Faults and hostile input: the site answers cleanly and loses nothing."""

import socket
from unittest import mock

import pytest
from django.core.cache import cache
from django.db.utils import OperationalError
from django.test import Client, override_settings

from contributions.models import ToolProposal
from tests.html import one, parse
from tools.models import ToolInstrument

pytestmark = pytest.mark.django_db


def test_health_check_reports_an_unreachable_database():
    client = Client(HTTP_HOST="localhost")
    assert client.get("/healthz").status_code == 200
    broken = mock.Mock()
    broken.cursor.side_effect = OperationalError("down")
    with mock.patch("home.views.connection", broken):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "database unavailable"}


def test_a_crashing_page_gives_the_styled_500_page_without_a_traceback():
    client = Client(HTTP_HOST="localhost", raise_request_exception=False)
    with mock.patch("home.models.HomePage.serve", side_effect=RuntimeError("boom")):
        response = client.get("/fr/")
    assert response.status_code == 500
    html = response.content.decode()
    page = parse(html)
    one(page, 'html > head > link[rel="stylesheet"]')
    one(page, "html > body > main#main > h1")
    assert "Traceback" not in html and "boom" not in html


def test_an_unreachable_database_gives_the_503_page_in_the_visitors_language():
    client = Client(HTTP_HOST="localhost", raise_request_exception=False)
    with mock.patch(
        "home.models.HomePage.serve", side_effect=OperationalError("connection refused")
    ):
        response = client.get("/de/")
    assert response.status_code == 503
    assert response["Retry-After"].isdigit()
    assert "no-cache" in response["Cache-Control"]
    page = parse(response.content.decode())
    assert one(page, "html").get("lang") == "de"
    assert one(page, "main#main > h1").get_text() == "Vorübergehend nicht verfügbar"
    assert not page.select(".kept-input")
    assert "connection refused" not in response.content.decode()


def test_a_form_sent_while_the_database_is_away_is_shown_back_without_secrets():
    client = Client(HTTP_HOST="localhost", raise_request_exception=False)
    sent = {
        "contributor_name": "Anne <Rivière>",
        "summary": "Une idée d’outil\nsur deux lignes",
        "password": "ne-pas-montrer",
        "website": "robot",
        "csrfmiddlewaretoken": "jeton",
    }
    with mock.patch(
        "home.models.HomePage.serve", side_effect=OperationalError("database is locked")
    ):
        response = client.post("/fr/", sent)
    assert response.status_code == 503
    html = response.content.decode()
    page = parse(html)
    assert one(page, "main#main > h1").get_text() == "Momentanément indisponible"
    shown = {
        one(page, f'label[for="{area.get("id")}"]').get_text(): area.get_text()
        for area in page.select(".kept-input textarea[readonly]")
    }
    assert shown == {
        "contributor_name": "Anne <Rivière>",
        "summary": "Une idée d’outil\nsur deux lignes",
    }
    assert "ne-pas-montrer" not in html and "jeton" not in html and "robot" not in html
    assert "<Rivière>" not in html  # escaped, as text


def test_a_crashing_form_shows_the_visitor_their_input_on_the_500_page():
    client = Client(HTTP_HOST="localhost", raise_request_exception=False)
    with mock.patch("home.models.HomePage.serve", side_effect=RuntimeError("boom")):
        response = client.post("/it/", {"message": "Il mio messaggio"})
    assert response.status_code == 500
    page = parse(response.content.decode())
    assert one(page, "html").get("lang") == "it"
    assert one(page, ".kept-input textarea").get_text() == "Il mio messaggio"


@pytest.mark.parametrize(
    "filename", ["..%2F..%2Fetc%2Fpasswd", "..%2Fsettings.py", "%2e%2e%2f%2e%2e%2fmanage.py"]
)
def test_download_urls_refuse_path_traversal(client, filename):
    instrument = ToolInstrument.objects.first()
    response = client.get(f"/tools/download/{instrument.pk}/{filename}")
    assert response.status_code == 404
    assert b"root:" not in response.content


@override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=2_000)
def test_an_oversized_form_body_is_refused_and_creates_nothing(client):
    before = ToolProposal.objects.count()
    response = client.post(
        "/fr/contribuer/proposer-un-outil/",
        {"title": "Outil", "summary": "x" * 10_000, "name": "Anne"},
        REMOTE_ADDR="10.9.9.9",
    )
    assert response.status_code == 400
    assert ToolProposal.objects.count() == before


def _redis_cache(port, prefix):
    return {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/14",
            "KEY_PREFIX": prefix,
            "OPTIONS": {
                "CLIENT_CLASS": "django_redis.client.DefaultClient",
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 0.5,
                "SOCKET_TIMEOUT": 0.5,
            },
        }
    }


def test_the_site_keeps_serving_when_redis_is_down():
    client = Client(HTTP_HOST="localhost")
    with override_settings(CACHES=_redis_cache(1, "sbm-down"), PAGE_CACHE_SECONDS=600):
        for _ in range(2):
            response = client.get("/fr/")
            assert response.status_code == 200
            assert response.get("X-Page-Cache") != "hit"


def _redis_is_running():
    with socket.socket() as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", 6379)) == 0


def test_pages_are_shared_through_redis_when_it_runs():
    if not _redis_is_running():
        pytest.fail("Redis is expected at 127.0.0.1:6379 (see README: scale-out)")
    client = Client(HTTP_HOST="localhost")
    with override_settings(CACHES=_redis_cache(6379, "sbm-test-shared"), PAGE_CACHE_SECONDS=600):
        cache.clear()
        assert client.get("/fr/").get("X-Page-Cache") == "miss"
        # A second visitor gets the page stored in Redis (which every app process shares).
        assert Client(HTTP_HOST="localhost").get("/fr/").get("X-Page-Cache") == "hit"
        cache.clear()
