"""The demo site's database, built once per test run and cloned wherever a test needs it.

Building the demo site (`migrate`, then `load_demo_content`) costs one to two minutes. A test
run builds it once, in a subprocess, into a *template* kept in the run's folder:

- on SQLite, a database file (plus the media files the demo content wrote);
- on PostgreSQL, a database named `<test database>_demo` (plus the media files).

Every consumer then starts from a copy, which takes a second or two:

- each pytest-xdist worker's test database (`clone_into_test_database`): a backup of the file
  into the worker's in-memory SQLite database, or `CREATE DATABASE ... TEMPLATE` on PostgreSQL;
- the browser tests' live site (`clone_for_live_site`), the backup tests' scratch site;
- a transactional test's database after Django flushed it (`restore_test_database`).

The first process that needs the template builds it under a file lock; the others wait for it
and reuse it. The run's folder is created by the controlling pytest process
(`start_run`) and shared with the workers through the environment; the controller removes it,
and drops the PostgreSQL template, at the end of the run (`finish_run`).
"""

import fcntl
import itertools
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import psycopg
from django.conf import settings
from django.db import connections

ROOT = Path(__file__).resolve().parents[1]
RUN_FOLDER_VARIABLE = "SBM_TEST_RUN_FOLDER"
CLONE_ATTEMPTS = 10
# Read before Django's test set-up renames the database to the test database.
_CONFIGURED_NAME = settings.DATABASES["default"]["NAME"]


@dataclass(frozen=True)
class Template:
    """A built demo site: where its database is, and the media files it wrote."""

    engine: str  # "sqlite" or "postgresql"
    location: str  # a file path (SQLite) or a database name (PostgreSQL)
    media: Path


def start_run():
    """Create the run's folder unless a parent process already did; return True if created."""
    if os.environ.get(RUN_FOLDER_VARIABLE):
        return False
    os.environ[RUN_FOLDER_VARIABLE] = tempfile.mkdtemp(prefix="sbm-test-run-")
    return True


def finish_run():
    folder = os.environ.pop(RUN_FOLDER_VARIABLE, None)
    if folder is None:
        return
    if _is_postgres():
        with _admin_connection() as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{_template_name()}" WITH (FORCE)')
    shutil.rmtree(folder, ignore_errors=True)


def _run_folder():
    folder = os.environ.get(RUN_FOLDER_VARIABLE)
    if not folder:  # a process started outside pytest's configuration (e.g. a helper script)
        start_run()
        folder = os.environ[RUN_FOLDER_VARIABLE]
    return Path(folder)


def _is_postgres():
    return settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"


def _server():
    database = settings.DATABASES["default"]
    return {
        "host": database.get("HOST") or "127.0.0.1",
        "port": database.get("PORT") or 5432,
        "user": database.get("USER") or "postgres",
        "password": database.get("PASSWORD") or None,
    }


@contextmanager
def _admin_connection():
    with psycopg.connect(**_server(), dbname="postgres", autocommit=True) as connection:
        yield connection


def _template_name():
    return f"test_{_CONFIGURED_NAME}_demo"


def postgres_url(name):
    server = _server()
    credentials = server["user"] + (f":{server['password']}" if server["password"] else "")
    return f"postgres://{credentials}@{server['host']}:{server['port']}/{name}"


def _manage(environment, *arguments):
    result = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *arguments],
        env=environment,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(
            f"manage.py {' '.join(arguments)} failed while building the demo database:\n"
            + (result.stdout + result.stderr)[-4000:]
        )


def template():
    """The run's demo template, built by the first process that asks for it."""
    folder = _run_folder()
    media = folder / "media"
    if _is_postgres():
        built = Template("postgresql", _template_name(), media)
    else:
        built = Template("sqlite", str(folder / "demo.sqlite3"), media)
    ready = folder / "ready"
    with (folder / "lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not ready.exists():
            _build(built)
            ready.touch()
    return built


def _build(built):
    if built.engine == "postgresql":
        with _admin_connection() as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{built.location}" WITH (FORCE)')
            admin.execute(f'CREATE DATABASE "{built.location}"')
        url = postgres_url(built.location)
    else:
        url = f"sqlite:///{built.location}"
    built.media.mkdir(exist_ok=True)
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "sbm_site.settings.test",
        "DATABASE_URL": url,
        "SBM_TEST_MEDIA_ROOT": str(built.media),
    }
    _manage(environment, "migrate", "--no-input", "-v0")
    _manage(environment, "load_demo_content", "-v0")
    if built.engine == "postgresql":
        # CREATE DATABASE ... TEMPLATE fails while any session is connected to the template;
        # autovacuum would connect to analyse the fresh tables. Nobody connects to it again.
        with _admin_connection() as admin:
            admin.execute(f'ALTER DATABASE "{built.location}" WITH ALLOW_CONNECTIONS false')
            admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                " WHERE datname = %s AND pid <> pg_backend_pid()",
                [built.location],
            )
    if built.engine == "sqlite":
        # One self-contained file: fold the write-ahead log back into the database.
        with sqlite3.connect(built.location) as database:
            database.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            database.execute("PRAGMA journal_mode=DELETE")


def copy_media(built, target):
    shutil.copytree(built.media, target, dirs_exist_ok=True)


# The worker's test database ------------------------------------------------------------------


def clone_into_test_database():
    """Point Django's default connection at a fresh copy of the demo site; return its name."""
    built = template()
    connection = connections["default"]
    creation = connection.creation
    test_name = creation._get_test_db_name()
    settings.DATABASES["default"]["NAME"] = test_name
    connection.settings_dict["NAME"] = test_name
    _copy_template_into(built, connection)
    copy_media(built, settings.MEDIA_ROOT)
    return test_name


def restore_test_database():
    """Bring the worker's test database back to the demo site (after a transactional test)."""
    _copy_template_into(template(), connections["default"])


def drop_test_database():
    connection = connections["default"]
    if connection.vendor == "postgresql":
        connection.close()
        with _admin_connection() as admin:
            admin.execute(
                f'DROP DATABASE IF EXISTS "{connection.settings_dict["NAME"]}" WITH (FORCE)'
            )


def _copy_template_into(built, connection):
    if built.engine == "postgresql":
        connection.close()
        clone_to_postgres(connection.settings_dict["NAME"])
        return
    # The in-memory test database lives as long as Django's connection to it stays open.
    connection.ensure_connection()
    with sqlite3.connect(built.location) as source:
        source.backup(connection.connection)


# Other sites of the test run --------------------------------------------------------------------


def clone_for_live_site(label, media_root):
    """A copy of the demo site for a server of its own; return its DATABASE_URL.

    `label` tells the copies of one process apart; the worker's id keeps processes apart.
    """
    built = template()
    copy_media(built, media_root)
    if built.engine == "postgresql":
        return postgres_url(clone_to_postgres(scratch_database_name(label)))
    path = Path(tempfile.mkdtemp(prefix=f"sbm-{label}-", dir=_run_folder())) / "site.sqlite3"
    clone_to_sqlite(path)
    return f"sqlite:///{path}"


def scratch_database_name(label):
    """A PostgreSQL database name of this run, this worker and `label`."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    return f"{_template_name()}_{label}_{worker}"


def clone_to_postgres(name):
    """`name` becomes a fresh copy of the template (dropped first if it exists)."""
    source = template().location
    with _admin_connection() as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        # Two copies made at the same moment from one template can collide ("source database
        # is being accessed by other users"): try again shortly rather than lose the database.
        for attempt in itertools.count(1):
            try:
                admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{source}"')
                return name
            except psycopg.errors.ObjectInUse:
                if attempt == CLONE_ATTEMPTS:
                    raise
                time.sleep(0.5 * attempt)


def clone_to_sqlite(path):
    shutil.copyfile(template().location, path)


def drop_live_site(database_url):
    if database_url.startswith("postgres"):
        name = database_url.rsplit("/", 1)[1]
        with _admin_connection() as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


if __name__ == "__main__":
    # Build a run's template ahead of its test run (.ci/run builds the SQLite lane's template
    # while the PostgreSQL lane builds its own, when one core would otherwise wait):
    #   SBM_TEST_RUN_FOLDER=<folder> DJANGO_SETTINGS_MODULE=sbm_site.settings.test \
    #       python -m tests.demo_database
    # The test run given the same folder then finds the template ready.
    if not os.environ.get(RUN_FOLDER_VARIABLE):
        sys.exit(f"{RUN_FOLDER_VARIABLE} must name the run's folder (the test run's as well).")
    built = template()
    print(f"Demo template ready: {built.location}")
