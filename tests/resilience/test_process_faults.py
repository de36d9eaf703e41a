"""Process faults: real gunicorn processes, a killed worker, a restarted database, two app servers.

The servers run the site with production settings (tests/resilience/process_settings.py: DEBUG
off, ATOMIC_REQUESTS, CONN_MAX_AGE with health checks, Redis when given) on scratch databases
of their own, on 127.0.0.1 only:
- one scratch site for the module (migrate + setup_site + a few pages) in the suite's database
  engine: a file in a temporary folder on the SQLite pass, a database `<name>_faults` next to
  the suite's on the PostgreSQL pass (created and dropped with psycopg);
- a throwaway PostgreSQL cluster (initdb, as user postgres) for the database-restart test, on
  both passes.
Both start from a site template (migrate + setup_site, process_site.SiteTemplate) built once per
version of the migrations and kept in the temporary folder: `migrate` alone would take longer
than all the tests. A cold run builds it (about two minutes on a busy machine); then a pass
takes about 70 s. Nothing here is skipped: without Redis or PostgreSQL's binaries, tests fail.
"""

import json
import os
import shutil
import signal
import tempfile
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import psycopg
import pytest
import redis
import requests
from django.conf import settings

from .process_site import (
    HTTP_TIMEOUT,
    PASSWORD,
    Editor,
    Gunicorn,
    PostgresCluster,
    ScratchSite,
    SiteTemplate,
    restore_postgres_dump,
    wait_until,
)

KILL_ROUNDS = 3
PUBLISH_SECONDS = 3.0  # the kill lands well inside; a late kill would fail the test
REDIS_DATABASE = 12
OUTAGE_SECONDS = 3.0
RECOVERY_GRACE_SECONDS = 2.0


def _suite_database_is_postgres():
    return settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"


def _postgres_admin():
    database = settings.DATABASES["default"]
    return psycopg.connect(
        host=database.get("HOST") or "127.0.0.1",
        port=database.get("PORT") or 5432,
        user=database.get("USER") or "postgres",
        dbname="postgres",
        autocommit=True,
    )


class SharedDatabase:
    """The scratch site's database in the suite's engine, copied from the site template."""

    def __init__(self, work):
        self.name = None
        self.work = work
        database = settings.DATABASES["default"]
        if _suite_database_is_postgres():
            self.name = f"{database['NAME']}_faults"
            with _postgres_admin() as connection:
                connection.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')
                connection.execute(f'CREATE DATABASE "{self.name}"')
            host = database.get("HOST") or "127.0.0.1"
            port = database.get("PORT") or 5432
            user = database.get("USER") or "postgres"
            self.url = f"postgres://{user}@{host}:{port}/{self.name}"
        else:
            self.url = f"sqlite:///{work}/site.sqlite3"

    def fill(self, template, dump):
        if self.name:
            restore_postgres_dump(dump, self.url)
        else:
            shutil.copyfile(template.sqlite_file(), self.work / "site.sqlite3")

    def drop(self):
        if self.name:
            with _postgres_admin() as connection:
                connection.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


@pytest.fixture(scope="module")
def prepared_sites():
    """Both scratch sites, from the site template; everything is removed in the teardown."""
    started = time.monotonic()
    work = Path(tempfile.mkdtemp(prefix="sbm-process-faults-"))
    shared_database = cluster = None
    try:
        template = SiteTemplate()
        cluster = PostgresCluster().init()
        cluster.start()
        with ThreadPoolExecutor(max_workers=2) as executor:
            # The PostgreSQL dump is built in the throwaway cluster, on both passes.
            dump = executor.submit(template.postgres_dump, cluster)
            if not _suite_database_is_postgres():
                executor.submit(template.sqlite_file).result(timeout=600)
            dump = dump.result(timeout=600)
        cluster.create_database("sbm")
        restore_postgres_dump(dump, cluster.url("sbm"))
        restart = ScratchSite(cluster.url("sbm"), work / "restart")
        shared_database = SharedDatabase(work)
        shared_database.fill(template, dump)
        shared = ScratchSite(shared_database.url, work / "shared")
        with ThreadPoolExecutor(max_workers=2) as executor:
            shared_ready = executor.submit(shared.populate, ["publication", "partage"])
            restart_ready = executor.submit(restart.populate, ["charge"])
            shared_ready.result(timeout=300)
            restart_ready.result(timeout=300)
        print(f"scratch sites prepared in {time.monotonic() - started:.0f} s")
        yield {"shared": shared, "restart": (restart, cluster)}
    finally:
        try:
            if cluster is not None:
                cluster.destroy()
        finally:
            if shared_database is not None:
                shared_database.drop()
            shutil.rmtree(work, ignore_errors=True)


@pytest.fixture(scope="module")
def shared_site(prepared_sites):
    return prepared_sites["shared"]


# 1. A worker killed mid-publication ---------------------------------------------------------

PAGE_STATE = """
import json
from wagtail.models import Page, PageLogEntry, Revision
page = Page.objects.get(pk={page_id}).specific
live = page.live_revision
pages = []
for each in Page.objects.exclude(depth=1):
    pages.append({{
        "id": each.pk,
        "title": each.title,
        "alias_of": each.alias_of_id,
        "live": each.live,
        "unpublished_changes": each.has_unpublished_changes,
        "live_revision": each.live_revision_id,
        "live_revision_exists": Revision.objects.filter(pk=each.live_revision_id).exists(),
        "live_revision_title": each.live_revision.content["title"] if each.live_revision else None,
        "latest_revision": each.latest_revision_id,
        "latest_revision_exists": Revision.objects.filter(pk=each.latest_revision_id).exists(),
    }})
print(json.dumps({{
    "title": page.title,
    "intro": page.intro,
    "live_revision_content": {{"title": live.content["title"], "intro": live.content["intro"]}},
    "revisions": {{str(r.pk): r.content["title"] for r in page.revisions.all()}},
    "log": [[e.revision_id, e.action] for e in PageLogEntry.objects.filter(page_id={page_id})],
    "aliases": list(Page.objects.filter(alias_of_id={page_id}).values_list("title", flat=True)),
    "problems": [list(ids) for ids in Page.find_problems()],
    "pages": pages,
}}))
"""


def _publish_into(results, editor, page_id, title):
    try:
        results[title] = editor.publish(page_id, "publication", title, f"Texte de {title}")
    except requests.RequestException as error:
        results[title] = error


def _marker(folder):
    for path in sorted(folder.glob("*.json")):
        return json.loads(path.read_text())
    return None


def test_a_worker_killed_while_an_editor_publishes_loses_no_committed_revision(
    shared_site, tmp_path
):
    """SIGKILL lands on the worker while its publication's transaction is open.

    How the kill is made to land mid-transaction: the server runs tests/resilience/process_wsgi.py,
    whose `page_published` receiver writes a marker (worker pid, revision, title) and sleeps
    PUBLISH_SECONDS. Wagtail sends the signal once the revision and the page's live content are
    written but before the publish log entry, inside the request's transaction. The test waits
    for the marker, has a second editor publish the same page meanwhile (its request waits for
    the first one's lock), and SIGKILLs the announced worker; gunicorn starts a new worker.
    """
    page_id = shared_site.pages["publication"]
    markers = tmp_path / "markers"
    markers.mkdir()
    acknowledged, killed, refused = [], [], []
    with Gunicorn(
        shared_site,
        workers=2,
        SBM_FAULT_PUBLISH_SECONDS=str(PUBLISH_SECONDS),
        SBM_FAULT_PUBLISH_MARKERS=str(markers),
    ) as server:
        first, second = Editor(server.url), Editor(server.url)
        assert first.login().status_code == 302
        assert second.login().status_code == 302
        for round_number in range(KILL_ROUNDS):
            doomed = f"Publication interrompue {round_number}"
            following = f"Publication suivante {round_number}"
            results = {}
            first_thread = threading.Thread(
                target=_publish_into, args=(results, first, page_id, doomed)
            )
            first_thread.start()
            marker = wait_until(
                lambda: _marker(markers), timeout=60, message="the publication in its transaction"
            )
            assert marker["title"] == doomed
            second_thread = threading.Thread(
                target=_publish_into, args=(results, second, page_id, following)
            )
            second_thread.start()
            time.sleep(0.3)  # the second publication is in flight, waiting for the first
            os.kill(marker["pid"], signal.SIGKILL)
            killed.append(marker)
            for thread in (first_thread, second_thread):
                thread.join(timeout=HTTP_TIMEOUT + 30)
                assert not thread.is_alive()
            for title, response in results.items():
                if isinstance(response, requests.Response) and Editor.publish_was_acknowledged(
                    response
                ):
                    acknowledged.append(title)
                else:
                    refused.append(title)
            for path in markers.glob("*.json"):
                path.unlink()
            wait_until(
                lambda pid=marker["pid"]: (
                    len(server.worker_pids()) == 2 and pid not in server.worker_pids()
                ),
                timeout=60,
                message="gunicorn to replace the killed worker",
            )
        public = requests.get(f"{server.url}/fr/publication/", timeout=HTTP_TIMEOUT)
        server_log = server.log_tail()

    # Every publication hit by the kill failed for its client; every other one went through.
    assert sorted(refused) == sorted(marker["title"] for marker in killed), server_log
    assert acknowledged == [f"Publication suivante {n}" for n in range(KILL_ROUNDS)], server_log

    state = shared_site.query(PAGE_STATE.format(page_id=page_id))
    stored_titles = set(state["revisions"].values())
    assert set(acknowledged) <= stored_titles
    # The killed transactions left nothing: no revision, no live content, no log entry (SQLite
    # hands a rolled-back revision's id out again, so revisions are told apart by their title).
    assert not stored_titles & set(refused)

    # The page shows the last acknowledged publication, the very content of its live revision.
    last = acknowledged[-1]
    assert state["title"] == last
    assert state["live_revision_content"] == {"title": last, "intro": f"Texte de {last}"}
    assert state["intro"] == f"Texte de {last}"
    assert set(state["aliases"]) <= {last}  # aliases in other languages, if any, follow
    # Wagtail logs the edit and the publication in the request's transaction, with the revision.
    assert {revision for revision, _ in state["log"] if revision} <= {
        int(pk) for pk in state["revisions"]
    }
    logged = {}
    for revision, action in state["log"]:
        logged.setdefault(revision, set()).add(action)
    for pk, title in state["revisions"].items():
        if title in acknowledged:
            assert {"wagtail.edit", "wagtail.publish"} <= logged.get(int(pk), set()), title

    # Every page: its live and latest revisions exist and a live page shows its live revision.
    for page in state["pages"]:
        if page["live_revision"]:
            assert page["live_revision_exists"], page
            if page["live"] and not page["unpublished_changes"] and not page["alias_of"]:
                assert page["title"] == page["live_revision_title"], page
        if page["latest_revision"]:
            assert page["latest_revision_exists"], page
    assert state["problems"] == [[], [], [], [], []]  # treebeard: the tree is consistent

    assert public.status_code == 200
    assert last in public.text


# 2. The database restarts mid-load ----------------------------------------------------------


def _load(base_url, paths, stop, records):
    session = requests.Session()
    index = 0
    deadline = time.monotonic() + 120
    while not stop.is_set() and time.monotonic() < deadline and len(records) < 20_000:
        path = paths[index % len(paths)]
        index += 1
        started = time.monotonic()
        try:
            status = session.get(base_url + path, timeout=10, allow_redirects=False).status_code
        except requests.RequestException:
            status = "connection error"
        records.append((started, time.monotonic(), path, status))
        time.sleep(0.02)


def test_a_database_restart_gives_errors_only_during_the_outage(prepared_sites):
    """A few clients load two pages and the health check while PostgreSQL stops for ~3 s.

    The page cache is off, so every request reaches the database. The same gunicorn master and
    workers (CONN_MAX_AGE > 0 with health checks, as in production) must serve again by
    themselves once PostgreSQL is back.
    """
    site, cluster = prepared_sites["restart"]
    paths = ["/fr/", "/fr/charge/", "/healthz"]
    records = []
    with Gunicorn(site, workers=2, PAGE_CACHE_SECONDS="0") as server:
        for path in paths:
            assert requests.get(server.url + path, timeout=HTTP_TIMEOUT).status_code == 200
        workers_before = server.worker_pids()
        stop_loading = threading.Event()
        threads = [
            threading.Thread(target=_load, args=(server.url, paths, stop_loading, records))
            for _ in range(3)
        ]
        try:
            for thread in threads:
                thread.start()
            time.sleep(3)
            stopping = time.monotonic()
            cluster.stop()
            time.sleep(OUTAGE_SECONDS)
            cluster.start()
            started = time.monotonic()
            time.sleep(5)
            finished = time.monotonic()
        finally:
            stop_loading.set()
            for thread in threads:
                thread.join(timeout=40)
        workers_after = server.worker_pids()
        master_alive = server.process.poll() is None
        server_log = server.log_tail()
        records = [record for record in records if record[0] < finished]

    before = [record for record in records if record[1] < stopping]
    during = [record for record in records if stopping <= record[0] <= started]
    after = [record for record in records if record[0] > started + RECOVERY_GRACE_SECONDS]
    assert before and during and after
    assert {status for *_, status in before} == {200}, server_log
    # Errors only while the database is away (and until the first reconnection).
    errors = [record for record in records if record[3] != 200]
    for request_started, request_finished, path, status in errors:
        assert request_finished >= stopping, (path, status)
        assert request_started <= started + RECOVERY_GRACE_SECONDS, (path, status)
    # The outage was real and the health check said so; afterwards everything is back.
    assert any(status != 200 for *_, status in during)
    health_during = {status for _, _, path, status in during if path == "/healthz"}
    assert health_during and health_during <= {503, 200}, health_during
    assert 503 in health_during, health_during
    assert {status for *_, status in after} == {200}, server_log
    assert {path for _, _, path, _ in after} == set(paths)
    # Nobody restarted anything: the same master, the same workers.
    assert master_alive
    assert workers_after == workers_before, server_log


# 3. Several app processes share the state ---------------------------------------------------


@pytest.fixture
def two_servers(shared_site):
    prefix = f"sbm-fault-{uuid.uuid4().hex[:12]}"
    environment = {
        "REDIS_URL": f"redis://127.0.0.1:6379/{REDIS_DATABASE}",
        "SBM_FAULT_CACHE_PREFIX": prefix,
        "PAGE_CACHE_SECONDS": "600",
    }
    store = redis.Redis(host="127.0.0.1", port=6379, db=REDIS_DATABASE)
    try:
        with (
            Gunicorn(shared_site, workers=1, **environment) as first,
            Gunicorn(shared_site, workers=1, **environment) as second,
        ):
            yield first, second
    finally:
        for key in store.scan_iter(match=f"{prefix}:*", count=500):
            store.delete(key)
        store.close()


def _anonymous_get(url):
    return requests.get(url, timeout=HTTP_TIMEOUT, allow_redirects=False)


def test_app_processes_share_cache_sessions_media_and_lockouts(shared_site, two_servers):
    """Two gunicorn instances on one database, one Redis (own database number and key prefix)
    and one MEDIA_ROOT: nothing that matters lives in a process."""
    first, second = two_servers
    page_id = shared_site.pages["partage"]
    page_path = "/fr/partage/"

    # A page cached through the first server is a cache hit through the second.
    assert _anonymous_get(first.url + page_path).headers.get("X-Page-Cache") == "miss"
    shared = _anonymous_get(second.url + page_path)
    assert shared.status_code == 200
    assert shared.headers.get("X-Page-Cache") == "hit"

    # An editor logs in through the first server; the session works on the second.
    editor = Editor(first.url)
    assert editor.login().status_code == 302
    on_second = editor.session.get(
        f"{second.url}/admin/", timeout=HTTP_TIMEOUT, allow_redirects=False
    )
    assert on_second.status_code == 200
    assert "/admin/logout/" in on_second.text

    # A change published through the first server is fresh on the second at once.
    response = editor.publish(page_id, "partage", "Titre publié par A", "Nouveau texte")
    assert Editor.publish_was_acknowledged(response), response.status_code
    fresh = _anonymous_get(second.url + page_path)
    assert fresh.status_code == 200
    assert "Titre publié par A" in fresh.text
    assert fresh.headers.get("X-Page-Cache") != "hit"

    # A document uploaded through the first server's admin downloads through the second.
    content = b"Statuts de l'association\n" + uuid.uuid4().hex.encode() + b"\n"
    editor.session.get(f"{first.url}/admin/documents/add/", timeout=HTTP_TIMEOUT)
    uploaded = editor.session.post(
        f"{first.url}/admin/documents/add/",
        data={
            "csrfmiddlewaretoken": editor.session.cookies["csrftoken"],
            "title": "Statuts partagés",
            "collection": shared_site.query(
                "import json\nfrom wagtail.models import Collection\n"
                "print(json.dumps(Collection.get_first_root_node().pk))"
            ),
            "tags": "",
        },
        files={"file": ("statuts.txt", content, "text/plain")},
        headers={"Referer": f"{first.url}/admin/documents/add/"},
        allow_redirects=False,
        timeout=HTTP_TIMEOUT,
    )
    assert uploaded.status_code == 302, uploaded.text[-2000:]
    document_url = shared_site.query(
        "import json\nfrom wagtail.documents.models import Document\n"
        "print(json.dumps(Document.objects.get(title='Statuts partagés').url))"
    )
    downloaded = _anonymous_get(second.url + document_url)
    assert downloaded.status_code == 200
    assert downloaded.content == content

    # Failed logins through the first server lock the account out on the second as well.
    attacker = Editor(first.url, username="victim")
    statuses = [
        attacker.login(password="pas-le-bon-mot-de-passe").status_code  # noqa: S106
        for _ in range(settings.AXES_FAILURE_LIMIT)
    ]
    assert statuses[-1] == 429, statuses
    victim_on_second = Editor(second.url, username="victim")
    assert victim_on_second.login(password=PASSWORD).status_code == 429
