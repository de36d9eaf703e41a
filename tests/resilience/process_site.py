"""Real processes for the process-fault tests: scratch sites, gunicorn, a throwaway PostgreSQL.

Everything listens on 127.0.0.1 only, every wait is bounded, and every process started here is
stopped by its owner's `stop()` (the fixtures call it in their teardown).
"""

import hashlib
import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psycopg
import redis
import requests

from bench.edge import free_port

ROOT = Path(__file__).resolve().parents[2]
GUNICORN = str(Path(sys.executable).parent / "gunicorn")
# The server binaries of the newest PostgreSQL that Debian installed (initdb, pg_ctl).
PG_BIN = max(
    Path("/usr/lib/postgresql").glob("*/bin"),
    key=lambda folder: int(folder.parent.name) if folder.parent.name.isdigit() else 0,
    default=Path("/usr/lib/postgresql/15/bin"),
)
SECRET_KEY = "process-fault-tests-only-" + "k" * 40  # noqa: S105 - a throwaway test server
PASSWORD = "un-mot-de-passe-de-test"  # noqa: S105 - users of a scratch database
HTTP_TIMEOUT = 30


def wait_until(predicate, *, timeout, interval=0.1, message="condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = predicate()
        if result:
            return result
        time.sleep(interval)
    raise AssertionError(f"Timed out after {timeout} s waiting for {message}")


class ScratchSite:
    """A migrated and set-up site in its own database, served by processes of its own."""

    def __init__(self, database_url, work, **environment):
        self.database_url = database_url
        self.work = Path(work)
        self.media_root = self.work / "media"
        self.media_root.mkdir(parents=True, exist_ok=True)
        self.base_environment = environment

    def environment(self, **overrides):
        return {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tests.resilience.process_settings",
            "DATABASE_URL": self.database_url,
            "SECRET_KEY": SECRET_KEY,
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            # Production settings require the public origin; these tests follow no absolute link.
            "SITE_URL": "https://www.sbm.test",
            # TLS ends at the proxy in production; the tests talk plain HTTP on loopback.
            "SECURE_SSL_REDIRECT": "false",
            "MEDIA_ROOT": str(self.media_root),
            "PRIVATE_MEDIA_ROOT": str(self.work / "private-media"),
            "STATIC_ROOT": str(self.work / "static"),
            "PAGE_CACHE_SECONDS": "0",
            "REDIS_URL": "",
            "PYTHONPATH": str(ROOT),
            "PYTHONUNBUFFERED": "1",
            **self.base_environment,
            **overrides,
        }

    def manage(self, *args, timeout=300):
        result = subprocess.run(
            [sys.executable, str(ROOT / "manage.py"), *args],
            env=self.environment(),
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
        if result.returncode:
            raise RuntimeError(f"manage.py {args[0]} failed:\n{result.stderr[-4000:]}")
        return result.stdout

    def query(self, code):
        """Run Python in a Django shell on this site's database; it prints one JSON line."""
        output = self.manage("shell", "-v", "0", "-c", code)
        return json.loads(output.strip().splitlines()[-1])

    def set_up(self):
        self.manage("migrate", "--no-input", "-v", "0")
        self.manage("setup_site", "-v", "0")
        return self

    def populate(self, slugs):
        """An editor (superuser), a second administrator and one published page per slug."""
        self.pages = self.query(
            f"""
import json
from django.contrib.auth.models import User
from wagtail.models import Locale
from home.models import HomePage, StandardPage
User.objects.create_superuser("editor", "editor@example.org", {PASSWORD!r})
User.objects.create_user("victim", "victim@example.org", {PASSWORD!r}, is_staff=True,
                         is_superuser=True)
home = HomePage.objects.get(depth=2, locale=Locale.get_default())
pages = {{}}
for slug in {slugs!r}:
    page = home.add_child(instance=StandardPage(title="Page " + slug, slug=slug, intro="Début"))
    page.save_revision().publish()
    pages[slug] = page.pk
print(json.dumps(pages))
"""
        )
        return self


def _fingerprint():
    """What a set-up site depends on: the migrations, setup_site and its roles, the packages."""
    digest = hashlib.sha256()
    files = [
        *sorted(ROOT.glob("*/migrations/*.py")),
        *sorted(ROOT.glob("*/roles.py")),
        *sorted((ROOT / "home" / "management" / "commands").glob("*.py")),
        ROOT / "core" / "i18n.py",
        ROOT / "home" / "roles.py",
        ROOT / "sbm_site" / "settings" / "base.py",
        ROOT / "requirements.lock",
        Path(__file__),
        Path(__file__).with_name("process_settings.py"),
    ]
    for path in files:
        digest.update(str(path.relative_to(ROOT)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


class SiteTemplate:
    """A migrated, set-up site (an SQLite file, a PostgreSQL dump) kept in the temporary folder.

    `migrate` costs about a minute on a busy machine; the scratch sites start from a copy made
    once per version of what they depend on (see `_fingerprint`), so the suite's second pass
    and later runs restore it in seconds. Like pytest-django's --reuse-db, but keyed by content.
    """

    def __init__(self):
        self.folder = Path(tempfile.gettempdir()) / f"sbm-process-faults-{_fingerprint()}"
        self.folder.mkdir(exist_ok=True)

    def sqlite_file(self):
        target = self.folder / "site.sqlite3"
        if not target.exists():
            build = Path(tempfile.mkdtemp(prefix="build-", dir=self.folder))
            try:
                ScratchSite(f"sqlite:///{build}/site.sqlite3", build).set_up()
                connection = sqlite3.connect(build / "site.sqlite3")
                connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                connection.close()
                os.replace(build / "site.sqlite3", target)
            finally:
                shutil.rmtree(build, ignore_errors=True)
        return target

    def postgres_dump(self, cluster):
        target = self.folder / "site.pgdump"
        if not target.exists():
            build = Path(tempfile.mkdtemp(prefix="build-", dir=self.folder))
            try:
                cluster.create_database("template")
                ScratchSite(cluster.url("template"), build).set_up()
                subprocess.run(
                    [str(PG_BIN / "pg_dump"), "-Fc", "-f", str(build / "site.pgdump")]
                    + [cluster.url("template")],
                    check=True,
                    capture_output=True,
                    timeout=120,
                )
                os.replace(build / "site.pgdump", target)
            finally:
                shutil.rmtree(build, ignore_errors=True)
        return target


def restore_postgres_dump(dump, database_url):
    subprocess.run(
        [str(PG_BIN / "pg_restore"), "--no-owner", "--no-privileges", "--exit-on-error"]
        + [f"--dbname={database_url}", str(dump)],
        check=True,
        capture_output=True,
        timeout=120,
    )


class Gunicorn:
    """The site under gunicorn (sync workers), as production runs it, on a free loopback port."""

    def __init__(self, site, *, workers=2, **environment):
        self.site = site
        self.workers = workers
        self.environment = site.environment(**environment)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = site.work / f"gunicorn-{self.port}.log"
        self.process = None

    def start(self):
        self.log = self.log_path.open("w")
        self.process = subprocess.Popen(
            [
                GUNICORN,
                "tests.resilience.process_wsgi:application",
                f"--bind=127.0.0.1:{self.port}",
                f"--workers={self.workers}",
                "--worker-class=sync",
                "--timeout=60",
                "--graceful-timeout=5",
                "--no-control-socket",
                "--error-logfile=-",
            ],
            env=self.environment,
            cwd=ROOT,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        try:
            wait_until(self._answers, timeout=120, interval=0.3, message=f"gunicorn on {self.url}")
            wait_until(
                lambda: len(self.worker_pids()) == self.workers, timeout=60, message="workers"
            )
        except BaseException:
            self.stop()
            raise
        return self

    def _answers(self):
        if self.process.poll() is not None:
            raise RuntimeError(f"gunicorn exited:\n{self.log_tail()}")
        try:
            return requests.get(f"{self.url}/healthz", timeout=5).status_code == 200
        except requests.RequestException:
            return False

    def worker_pids(self):
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        try:
            return {int(pid) for pid in children.read_text().split()}
        except FileNotFoundError:
            return set()

    def log_tail(self, characters=4000):
        return self.log_path.read_text(errors="replace")[-characters:]

    def stop(self):
        if self.process is None:
            return
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        self.log.close()
        self.process = None

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()


class PostgresCluster:
    """A throwaway PostgreSQL cluster (initdb into a temporary folder), run as user postgres."""

    def __init__(self):
        self.work = Path(tempfile.mkdtemp(prefix="sbm-fault-pg-"))
        self.work.chmod(0o755)  # the postgres user must reach its data folder
        self.data = self.work / "data"
        self.sockets = self.work / "sockets"
        for folder in (self.data, self.sockets):
            folder.mkdir()
            shutil.chown(folder, "postgres", "postgres")
        self.port = free_port()
        self.running = False

    def url(self, database):
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def _as_postgres(self, *command, timeout=120):
        result = subprocess.run(
            ["runuser", "-u", "postgres", "--", *command],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
        if result.returncode:
            raise RuntimeError(f"{command[0]} failed: {result.stdout}{result.stderr}")
        return result

    def init(self):
        self._as_postgres(
            str(PG_BIN / "initdb"),
            "-D",
            str(self.data),
            "-U",
            "postgres",
            "-A",
            "trust",
            "--no-sync",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
        )
        return self

    def start(self):
        options = (
            f"-c port={self.port} -c listen_addresses=127.0.0.1 -c fsync=off "
            f"-c synchronous_commit=off -c full_page_writes=off "
            f"-c unix_socket_directories={self.sockets}"
        )
        self._as_postgres(
            str(PG_BIN / "pg_ctl"),
            "-D",
            str(self.data),
            "-o",
            options,
            "-l",
            str(self.data / "server.log"),
            "-w",
            "-t",
            "60",
            "start",
        )
        self.running = True

    def stop(self):
        self._as_postgres(
            str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "-t", "60", "stop"
        )
        self.running = False

    def create_database(self, name):
        with psycopg.connect(self.url("postgres"), autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')

    def destroy(self):
        try:
            if self.running:
                self.stop()
        finally:
            shutil.rmtree(self.work, ignore_errors=True)


class Editor:
    """A person in the Wagtail admin over plain HTTP: a cookie jar, the CSRF token, the forms."""

    def __init__(self, base_url, username="editor"):
        self.base_url = base_url
        self.username = username
        self.session = requests.Session()

    def login(self, password=PASSWORD, base_url=None):
        base = base_url or self.base_url
        self.session.get(f"{base}/admin/login/", timeout=HTTP_TIMEOUT)
        return self.session.post(
            f"{base}/admin/login/",
            data={
                "csrfmiddlewaretoken": self.session.cookies["csrftoken"],
                "username": self.username,
                "password": password,
                "next": "/admin/",
            },
            headers={"Referer": f"{base}/admin/login/"},
            allow_redirects=False,
            timeout=HTTP_TIMEOUT,
        )

    def publish(self, page_id, slug, title, intro):
        """Publish a standard page through the admin's edit view, as the Publish button does.

        The body (a StreamField) and the comments are built by JavaScript in a browser; an
        empty body and no comments are what the form sends for a page without them.
        """
        return self.session.post(
            f"{self.base_url}/admin/pages/{page_id}/edit/",
            data={
                "csrfmiddlewaretoken": self.session.cookies["csrftoken"],
                "title": title,
                "slug": slug,
                "intro": intro,
                "seo_title": "",
                "search_description": "",
                "go_live_at": "",
                "expire_at": "",
                "body-count": "0",
                "comments-TOTAL_FORMS": "0",
                "comments-INITIAL_FORMS": "0",
                "comments-MIN_NUM_FORMS": "0",
                "comments-MAX_NUM_FORMS": "1000",
                "action-publish": "action-publish",
            },
            headers={"Referer": f"{self.base_url}/admin/pages/{page_id}/edit/"},
            allow_redirects=False,
            timeout=HTTP_TIMEOUT,
        )

    @staticmethod
    def publish_was_acknowledged(response):
        """Wagtail answers a successful publication with a redirect to the parent's listing."""
        return response.status_code == 302 and bool(
            re.fullmatch(r"/admin/pages/\d+/", response.headers.get("Location", ""))
        )


class RedisServer:
    """A redis-server of the test's own on a free loopback port, with nothing kept on disk."""

    def __init__(self, work):
        self.work = Path(work)
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.log_path = self.work / f"redis-{self.port}.log"
        self.process = None

    def start(self):
        self.log = self.log_path.open("a")
        self.process = subprocess.Popen(
            [
                shutil.which("redis-server") or "/usr/bin/redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.work),
            ],
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        wait_until(self._answers, timeout=30, message=f"redis-server on port {self.port}")
        return self

    def _answers(self):
        if self.process.poll() is not None:
            raise RuntimeError(f"redis-server exited:\n{self.log_path.read_text()[-2000:]}")
        try:
            return redis.Redis(port=self.port, socket_timeout=1).ping()
        except redis.RedisError:
            return False

    def key_count(self):
        with redis.Redis(port=self.port, socket_timeout=2) as client:
            return client.dbsize()

    def kill(self):
        """SIGKILL, as a crash or an out-of-memory kill would: no goodbye to the clients."""
        if self.process is None:
            return
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)
        self.log.close()
        self.process = None


class SourceAddressAdapter(requests.adapters.HTTPAdapter):
    """Connections from a chosen loopback address, so that the server sees another visitor."""

    def __init__(self, address, **kwargs):
        self.address = address
        super().__init__(**kwargs)

    def init_poolmanager(self, *args, **kwargs):
        kwargs["source_address"] = (self.address, 0)
        super().init_poolmanager(*args, **kwargs)


def visitor(number):
    """A browser-like session of visitor `number` (1 to 250), from 127.0.0.<number + 1>.

    Linux routes all of 127.0.0.0/8 to the loopback interface: each visitor has an address of
    its own, as the rate limits of the public forms expect.
    """
    session = requests.Session()
    adapter = SourceAddressAdapter(f"127.0.0.{number + 1}")
    session.mount("http://", adapter)
    return session


TEXT_FOR_FIELDS = (
    "Texte envoyé par un visiteur pendant l’essai de panne : il décrit une expérience "
    "concrète d’association, assez long pour que chaque formulaire l’accepte."
)


def filled_form(form, *, marker, honeypots=("website", "homepage")):
    """The data a person would send with the HTML form `form` (a BeautifulSoup tag).

    Hidden fields keep their value, honeypots stay empty, every checkbox is ticked, the first
    choice of each radio group and select is taken, e-mail and text fields carry `marker` so
    that the stored rows can be found again. File fields are left out.
    """
    data = []
    seen_radios = set()
    for field in form.select("input[name], textarea[name], select[name]"):
        name = field["name"]
        if field.has_attr("disabled"):
            continue
        kind = field.get("type", "text").lower() if field.name == "input" else field.name
        if name in honeypots:
            data.append((name, ""))
        elif kind == "hidden":
            data.append((name, field.get("value", "")))
        elif kind in {"submit", "button", "image", "reset", "file"}:
            continue
        elif kind == "checkbox":
            data.append((name, field.get("value", "on")))
        elif kind == "radio":
            if name not in seen_radios:
                seen_radios.add(name)
                data.append((name, field.get("value", "on")))
        elif kind == "select":
            values = [o.get("value", o.get_text()) for o in field.select("option")]
            chosen = [value for value in values if value]
            if chosen:
                data.append((name, chosen[0]))
        elif kind == "email":
            data.append((name, f"{marker}@example.org"))
        elif kind == "url":
            data.append((name, "https://example.org/"))
        elif kind == "number":
            data.append((name, field.get("min") or "1"))
        elif kind == "date":
            data.append((name, "2027-03-18"))
        elif kind == "search":
            data.append((name, "outil"))
        else:
            text = TEXT_FOR_FIELDS if kind == "textarea" else f"Visiteur {marker}"
            limit = int(field.get("maxlength") or 0)
            data.append((name, text[:limit] if limit else text))
    return data
