"""The edge cache in front of the site: nginx with the production snippets (deploy/nginx/).

The first tests run real nginx, configured by bench/edge.py with the very files production
includes, in front of a small upstream that answers with the headers the application sends. The
last ones check that a publication purges, through Wagtail's frontend cache invalidation, every
page whose application cache it purges, in a task queued after the commit.
"""

import http.server
import socket
import threading

import pytest
from django.core.management import call_command
from django.test import override_settings
from django_tasks_db.models import DBTaskResult
from wagtail.contrib.frontend_cache.backends.http import HTTPBackend
from wagtail.documents import get_document_model
from wagtail.models import Page

from bench.edge import EdgeNginx, request
from core.page_cache import refresh_pages
from home.models import HomePage, StandardPage

PUBLIC = "public, max-age=0, s-maxage=60"


class Upstream(http.server.ThreadingHTTPServer):
    """Answers `/public...` like a cacheable page, `/private` and `/form` like personal ones,
    `/download...` like a document (no Cache-Control),
    and counts the requests that reach it."""

    def __init__(self):
        self.hits = 0
        super().__init__(("127.0.0.1", 0), UpstreamHandler)

    @property
    def address(self):
        return f"127.0.0.1:{self.server_port}"


class UpstreamHandler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.server.hits += 1
        body = f"answer {self.server.hits} for {self.path}".encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Vary", "Accept-Language, Cookie")
        if self.path.startswith("/public"):
            self.send_header("Cache-Control", PUBLIC)
        elif self.path.startswith("/download"):
            pass  # Like Wagtail's document view: no Cache-Control at all.
        elif self.path.startswith("/form"):
            self.send_header("Cache-Control", PUBLIC)
            self.send_header("Set-Cookie", "csrftoken=abc; Path=/")
        else:
            self.send_header("Cache-Control", "private")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def upstream():
    server = Upstream()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def edge(upstream, tmp_path_factory):
    with EdgeNginx(tmp_path_factory.mktemp("edge"), upstream.address) as nginx:
        yield nginx


def get(edge, path, **headers):
    status, response_headers, body = request(edge.base_url + path, headers=headers)
    assert status == 200
    return response_headers.get("X-Edge-Cache"), body


def get_stored(edge, path, **headers):
    """`get`, then wait until the answer is in the cache (nginx writes it after answering)."""
    answer = get(edge, path, **headers)
    edge.wait_until_stored(path)
    return answer


def test_an_anonymous_public_page_is_kept_once_for_every_visitor(edge, upstream):
    state, first = get_stored(edge, "/public/kept/")
    assert state == "MISS"
    before = upstream.hits
    # Another language preference or an anonymous CSRF cookie changes nothing in the page.
    assert get(edge, "/public/kept/", **{"Accept-Language": "de"}) == ("HIT", first)
    assert get(edge, "/public/kept/", Cookie="csrftoken=xyz") == ("HIT", first)
    assert upstream.hits == before


def test_each_query_string_is_its_own_entry(edge):
    _, plain = get_stored(edge, "/public/list/")
    state, filtered = get_stored(edge, "/public/list/?lever=rh")
    assert state == "MISS" and filtered != plain
    assert get(edge, "/public/list/?lever=rh") == ("HIT", filtered)


def test_visitors_with_a_session_or_a_message_always_reach_the_site(edge, upstream):
    get_stored(edge, "/public/editor/")
    for cookie in ("sessionid=abc", "other=1; sessionid=abc", "messages=xyz"):
        before = upstream.hits
        state, body = get(edge, "/public/editor/", Cookie=cookie)
        assert state == "BYPASS"
        assert upstream.hits == before + 1
    # What they saw was not stored for the others.
    assert get(edge, "/public/editor/")[0] == "HIT"


def test_private_pages_downloads_and_pages_that_set_a_cookie_are_never_kept(edge):
    # A download that the edge answered would never be counted nor checked for privacy.
    for path in ("/private", "/form", "/download/42/fiche.pdf"):
        _, first = get(edge, path)
        state, second = get(edge, path)
        assert state == "MISS" and second != first


def test_wagtails_purge_removes_exactly_the_page_it_names(edge):
    get_stored(edge, "/public/purged/")
    get_stored(edge, "/public/purged/?page=2")
    get_stored(edge, "/public/untouched/")
    backend = HTTPBackend({"LOCATION": edge.base_url})
    backend.purge("https://127.0.0.1/public/purged/")
    backend.purge("https://127.0.0.1/public/purged/?page=2")
    assert get(edge, "/public/purged/")[0] == "MISS"
    assert get(edge, "/public/purged/?page=2")[0] == "MISS"
    assert get(edge, "/public/untouched/")[0] == "HIT"


def test_only_the_applications_machines_may_purge(edge):
    get_stored(edge, "/public/guarded/")
    # A request from another address (127.0.0.2 stands for a visitor) is refused.
    visitor = ("127.0.0.2", 0)
    with socket.create_connection(("127.0.0.1", edge.port), source_address=visitor) as sock:
        sock.sendall(b"PURGE /public/guarded/ HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        sock.sendall(b"Connection: close\r\n\r\n")
        reply = sock.recv(4096).decode()
    assert reply.startswith("HTTP/1.1 403")
    assert get(edge, "/public/guarded/")[0] == "HIT"


# The application's side: what a publication purges at the edge ---------------------------------


class PurgeRecorder(http.server.ThreadingHTTPServer):
    def __init__(self):
        self.purged = []
        super().__init__(("127.0.0.1", 0), PurgeRecorderHandler)


class PurgeRecorderHandler(http.server.BaseHTTPRequestHandler):
    def do_PURGE(self):
        self.server.purged.append(self.path)
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def purges():
    server = PurgeRecorder()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    backends = {
        "http": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_port}",
        }
    }
    with override_settings(WAGTAILFRONTENDCACHE=backends, PAGE_CACHE_SECONDS=600):
        yield server.purged
    server.shutdown()
    server.server_close()


def url_path(page):
    return page.get_url_parts()[2]


@pytest.mark.django_db
def test_publishing_a_page_purges_it_its_translations_and_its_ancestors_at_the_edge(
    purges, django_capture_on_commit_callbacks
):
    about = StandardPage.objects.get(slug="association", locale__language_code="fr")
    with django_capture_on_commit_callbacks(execute=True):
        about.save_revision().publish()
    expected = {url_path(about)}
    expected |= {url_path(page) for page in Page.objects.filter(alias_of=about).live()}
    expected |= {url_path(page) for page in HomePage.objects.live()}
    assert expected <= set(purges)
    assert "/de/association/" in purges


@pytest.mark.django_db
def test_a_change_that_is_rolled_back_purges_nothing_at_the_edge(
    purges, django_capture_on_commit_callbacks
):
    about = StandardPage.objects.get(slug="association", locale__language_code="fr")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        about.save_revision().publish()
    # Until the transaction commits, the edge would fetch the old pages again: the listings
    # that show the page are not purged (Wagtail itself purges the page's own URL at once).
    assert not {url_path(page) for page in HomePage.objects.live()} & set(purges)
    assert callbacks


@pytest.mark.django_db
@override_settings(PAGE_CACHE_SECONDS=600)
def test_documents_never_tell_a_shared_cache_to_keep_them(client):
    document = get_document_model().objects.order_by("pk").first()
    response = client.get(document.url)
    assert response.status_code == 200
    cache_control = response.get("Cache-Control", "")
    assert "public" not in cache_control and "s-maxage" not in cache_control


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}})
def test_the_edge_purge_waits_in_the_queue_and_the_worker_sends_it(
    purges, django_capture_on_commit_callbacks
):
    about = StandardPage.objects.get(slug="association", locale__language_code="fr")
    with django_capture_on_commit_callbacks(execute=True):
        about.save_revision().publish()

    (queued,) = DBTaskResult.objects.filter(task_path=refresh_pages.module_path)
    assert about.pk in queued.args_kwargs["args"][0]
    assert purges == []

    call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)

    assert url_path(about) in purges
