"""backup_site and restore_site: a demo site backed up, wiped and restored is found again whole.

The session's test database must stay as it is, so these tests copy the run's demo site
(tests/demo_database.py) once for the module into a scratch site of their own (a PostgreSQL
database, or an SQLite file, with its own MEDIA_ROOT) and drive it through `manage.py` in
subprocesses, as an operator would.
"""

import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
import tarfile
import textwrap
from pathlib import Path

import psycopg
import pytest
from django.conf import settings

from tests import demo_database

ROOT = Path(__file__).resolve().parents[2]
MARKER_GROUP = "backup-test-marker"

# Prints every page, revision, document and image of the site as JSON, with checksums of the
# revisions' content and of the files' bytes.
STATE_SCRIPT = """
import hashlib, json
import django
django.setup()
from django.core.serializers.json import DjangoJSONEncoder
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

def file_digest(field):
    with field.open("rb") as stream:
        return hashlib.sha256(stream.read()).hexdigest()

def content_digest(content):
    text = json.dumps(content, sort_keys=True, cls=DjangoJSONEncoder)
    return hashlib.sha256(text.encode()).hexdigest()

state = {
    "pages": [
        [p.id, p.path, p.locale.language_code, p.live, p.title, p.latest_revision_id]
        for p in Page.objects.select_related("locale").order_by("id")
    ],
    "revisions": [
        [r.id, r.object_id, r.created_at.isoformat(), content_digest(r.content)]
        for r in Revision.objects.order_by("id")
    ],
    "documents": [
        [d.id, d.file.name, file_digest(d.file)]
        for d in get_document_model().objects.order_by("id")
    ],
    "images": [
        [i.id, i.file.name, file_digest(i.file)]
        for i in get_image_model().objects.order_by("id")
    ],
}
print(json.dumps(state))
"""

# The restored site passes Django's checks and serves its home page and a document.
SERVE_SCRIPT = """
import django
django.setup()
from django.core.management import call_command
from django.test import Client
from wagtail.documents import get_document_model
from wagtail.models import Locale
from home.models import HomePage

call_command("check")
client = Client(HTTP_HOST="localhost")
home = HomePage.objects.get(depth=2, locale=Locale.get_default())
response = client.get("/fr/")
assert response.status_code == 200, response.status_code
assert home.title in response.content.decode(), "home page title missing"
document = get_document_model().objects.order_by("id").first()
response = client.get(document.url)
assert response.status_code == 200, (document.url, response.status_code)
with document.file.open("rb") as stream:
    assert b"".join(response.streaming_content) == stream.read()
print("served")
"""

MARKER_SCRIPT = """
import sys
import django
django.setup()
from django.contrib.auth.models import Group
if sys.argv[1] == "add":
    Group.objects.create(name=sys.argv[2])
else:
    found = Group.objects.filter(name=sys.argv[2]).delete()[0]
    print("present" if found else "absent")
"""


WAITING_FILE = "contributions/examples/0123abcd/example.pdf"
WAITING_CONTENT = b"%PDF-1.7 waiting for moderation"


class ScratchSite:
    """A demo site on its own database and MEDIA_ROOT, run through manage.py."""

    def __init__(self, folder):
        self.folder = folder
        self.media_root = folder / "media"
        self.private_media_root = folder / "private-media"
        database = settings.DATABASES["default"]
        self.postgres = database["ENGINE"] == "django.db.backends.postgresql"
        if self.postgres:
            self.name = demo_database.scratch_database_name("backup")
            self.server = {
                "host": database.get("HOST") or "127.0.0.1",
                "port": database.get("PORT") or 5432,
                "user": database.get("USER") or "postgres",
            }
            self.database_url = "postgres://{user}@{host}:{port}/".format(**self.server) + (
                self.name
            )
        else:
            self.sqlite_path = folder / "site.sqlite3"
            self.database_url = f"sqlite:///{self.sqlite_path}"
        self.environment = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "sbm_site.settings.test",
            "DATABASE_URL": self.database_url,
            "SBM_TEST_MEDIA_ROOT": str(self.media_root),
            "SBM_TEST_PRIVATE_MEDIA_ROOT": str(self.private_media_root),
        }

    def _server_sql(self, *statements):
        with psycopg.connect(**self.server, dbname="postgres", autocommit=True) as connection:
            for statement in statements:
                connection.execute(statement)

    def create(self):
        """The demo site, copied from the run's template (tests/demo_database.py)."""
        if self.postgres:
            demo_database.clone_to_postgres(self.name)
        else:
            demo_database.clone_to_sqlite(self.sqlite_path)
        demo_database.copy_media(demo_database.template(), self.media_root)
        # A public upload waiting for moderation, in the private storage.
        waiting = self.private_media_root / WAITING_FILE
        waiting.parent.mkdir(parents=True)
        waiting.write_bytes(WAITING_CONTENT)

    def wipe(self):
        """Nothing left of the site: its database dropped (an empty one created in its place,
        as an operator would before restoring) and its media folder deleted."""
        if self.postgres:
            self._server_sql(
                f'DROP DATABASE "{self.name}" WITH (FORCE)', f'CREATE DATABASE "{self.name}"'
            )
        else:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{self.sqlite_path}{suffix}").unlink(missing_ok=True)
        shutil.rmtree(self.media_root)
        shutil.rmtree(self.private_media_root)

    def drop(self):
        if self.postgres:
            self._server_sql(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')

    def run(self, *arguments, check=True, environment=None):
        result = subprocess.run(
            [sys.executable, *arguments],
            cwd=ROOT,
            env=environment or self.environment,
            capture_output=True,
            text=True,
            check=False,
        )
        if check and result.returncode != 0:
            raise AssertionError(f"{arguments[:3]} failed:\n{result.stdout}\n{result.stderr}")
        return result

    def manage(self, *arguments, check=True, environment=None):
        return self.run(str(ROOT / "manage.py"), *arguments, check=check, environment=environment)

    def state(self):
        return json.loads(self.run("-c", STATE_SCRIPT).stdout.splitlines()[-1])

    def add_marker(self):
        self.run("-c", MARKER_SCRIPT, "add", MARKER_GROUP)
        (self.media_root / "marker.txt").write_text("still here")

    def remove_marker(self):
        """Whether the marker was still there (it is removed either way)."""
        group = self.run("-c", MARKER_SCRIPT, "remove", MARKER_GROUP).stdout.split()[-1]
        marker_file = self.media_root / "marker.txt"
        file_present = marker_file.exists()
        marker_file.unlink(missing_ok=True)
        return group == "present" and file_present


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    site = ScratchSite(tmp_path_factory.mktemp("backup-site"))
    site.create()
    yield site
    site.drop()


@pytest.fixture(scope="module")
def backup(site):
    site.manage("backup_site", "--output", str(site.folder / "backups"), "-v0")
    (folder,) = (site.folder / "backups").iterdir()
    return folder


@pytest.fixture(scope="module")
def recorded(site, backup):
    return site.state()


def _manifest(folder):
    return json.loads((folder / "manifest.json").read_text())


def _copy(backup, tmp_path):
    return Path(shutil.copytree(backup, tmp_path / backup.name))


def _rewrite_checksums(folder):
    """Make the manifest agree with the files again, as a forger would."""
    manifest = _manifest(folder)
    for name in manifest["files"]:
        data = (folder / name).read_bytes()
        manifest["files"][name] = {"size": len(data), "sha256": hashlib.sha256(data).hexdigest()}
    (folder / "manifest.json").write_text(json.dumps(manifest))


def test_backup_holds_the_database_the_media_and_a_manifest_of_counts_and_checksums(
    site, backup, recorded
):
    manifest = _manifest(backup)
    assert manifest["engine"] == ("postgresql" if site.postgres else "sqlite")
    assert manifest["counts"] == {label: len(rows) for label, rows in recorded.items()}
    assert manifest["migrations"]["latest"]["wagtailcore"]
    for name, entry in manifest["files"].items():
        data = (backup / name).read_bytes()
        assert entry == {"size": len(data), "sha256": hashlib.sha256(data).hexdigest()}
    with tarfile.open(backup / "media.tar") as archive:
        names = set(archive.getnames())
    for _, file_name, _ in recorded["documents"] + recorded["images"]:
        assert file_name in names
    assert manifest["private_media"] == {"archive": "private-media.tar"}
    with tarfile.open(backup / "private-media.tar") as archive:
        assert WAITING_FILE in archive.getnames()


def test_restore_refuses_a_database_that_is_not_empty_without_replace(site, backup):
    result = site.manage("restore_site", str(backup), check=False)

    assert result.returncode != 0
    assert "not empty" in result.stderr
    assert "--replace" in result.stderr


@pytest.mark.parametrize("damage", ["truncated database", "altered media archive"])
def test_a_damaged_backup_is_refused_and_changes_nothing(site, backup, tmp_path, damage):
    folder = _copy(backup, tmp_path)
    manifest = _manifest(folder)
    if damage == "truncated database":
        path = folder / manifest["database"]
        path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    else:
        path = folder / "media.tar"
        data = bytearray(path.read_bytes())
        data[len(data) // 2] ^= 0xFF
        path.write_bytes(bytes(data))
    site.add_marker()
    try:
        result = site.manage("restore_site", str(folder), "--replace", check=False)
    finally:
        untouched = site.remove_marker()

    assert result.returncode != 0
    assert "damaged" in result.stderr and path.name in result.stderr
    assert "Nothing was restored" in result.stderr
    assert untouched, "the database or MEDIA_ROOT was changed"


def test_a_media_archive_with_a_member_outside_media_root_is_refused(site, backup, tmp_path):
    folder = _copy(backup, tmp_path)
    payload = b"outside MEDIA_ROOT"
    with tarfile.open(folder / "media.tar", "a") as archive:
        member = tarfile.TarInfo("../escaped.txt")
        member.size = len(payload)
        archive.addfile(member, io.BytesIO(payload))
    _rewrite_checksums(folder)
    site.add_marker()
    try:
        result = site.manage("restore_site", str(folder), "--replace", check=False)
    finally:
        untouched = site.remove_marker()

    assert result.returncode != 0
    assert "'../escaped.txt'" in result.stderr and "outside" in result.stderr
    assert not (site.media_root.parent / "escaped.txt").exists()
    assert untouched, "the database or MEDIA_ROOT was changed"


def test_a_single_file_backup_replaces_the_site_with_replace(site, recorded):
    bundle = site.folder / "site.tar"
    quiet = site.manage("backup_site", "--output", str(bundle), "-v0")

    result = site.manage("restore_site", str(bundle), "--replace")

    assert quiet.stdout == "" and quiet.stderr == ""
    assert tarfile.is_tarfile(bundle)
    assert "[3/4] Restoring the database" in result.stdout
    assert "Restore complete" in result.stdout
    assert site.state() == recorded


def test_with_media_on_s3_the_backup_holds_the_database_and_says_how_to_copy_media(site, tmp_path):
    (tmp_path / "s3_settings.py").write_text(
        textwrap.dedent(
            """
            from sbm_site.settings.test import *  # noqa: F403

            AWS_STORAGE_BUCKET_NAME = "sbm-media"
            STORAGES = {
                **STORAGES,
                "default": {"BACKEND": "storages.backends.s3.S3Storage"},
                "private": {
                    "BACKEND": "core.private_media.PrivateS3Storage",
                    "OPTIONS": {"location": "private"},
                },
            }
            """
        )
    )
    environment = {
        **site.environment,
        "DJANGO_SETTINGS_MODULE": "s3_settings",
        "PYTHONPATH": os.pathsep.join([str(tmp_path), str(ROOT)]),
    }

    result = site.manage(
        "backup_site", "--output", str(tmp_path / "backups"), environment=environment
    )

    assert "aws s3 sync s3://sbm-media" in result.stdout
    (folder,) = (tmp_path / "backups").iterdir()
    manifest = _manifest(folder)
    assert manifest["media"]["archive"] is None
    assert manifest["private_media"]["archive"] is None
    assert set(manifest["files"]) == {manifest["database"]}
    assert not (folder / "media.tar").exists()


def test_a_wiped_site_restored_from_its_backup_has_every_page_revision_and_document(
    site, backup, recorded
):
    site.wipe()
    assert not site.media_root.exists()
    assert not site.private_media_root.exists()

    result = site.manage("restore_site", str(backup))

    assert (site.private_media_root / WAITING_FILE).read_bytes() == WAITING_CONTENT

    for label, rows in recorded.items():
        assert f"{label}: {len(rows)} restored, {len(rows)} in the manifest" in result.stdout
    restored = site.state()
    for label in recorded:
        assert restored[label] == recorded[label], label
    assert "served" in site.run("-c", SERVE_SCRIPT).stdout
