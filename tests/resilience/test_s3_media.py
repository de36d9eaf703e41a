"""Scale-out on S3-compatible media storage: two app servers, a real S3 server, no shared disk.

With AWS_STORAGE_BUCKET_NAME set, the site keeps its media in a bucket (django-storages'
S3Storage, sbm_site/settings/base.py) so that several app processes share them. Here the bucket
is served by moto's standalone server, a real S3-compatible HTTP server on 127.0.0.1 (a
subprocess, stopped in the teardown): the storage path runs as in production, boto3 and
signed requests included, nothing is mocked inside the app processes.

Two gunicorn instances (production settings, tests/resilience/process_settings.py) share one
scratch database (copied from process_site.SiteTemplate: a file on the SQLite pass, a database
`<name>_s3media` next to the suite's on the PostgreSQL pass) and the bucket, but each has an
empty MEDIA_ROOT of its own, so a file kept on local disk would be missed by the other one.
"""

import io
import json
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import boto3
import psycopg
import pytest
import requests
from django.conf import settings
from PIL import Image

from tests.html import parse

from .process_site import (
    HTTP_TIMEOUT,
    PASSWORD,
    ROOT,
    Editor,
    Gunicorn,
    ScratchSite,
    SiteTemplate,
    free_port,
    restore_postgres_dump,
    wait_until,
)

MOTO_SERVER = str(Path(sys.executable).parent / "moto_server")
BUCKET = "sbm-media-scale-out"
REGION = "us-east-1"


class MotoServer:
    """moto's S3-compatible server in a subprocess on a free loopback port."""

    def __init__(self, work):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = Path(work) / "moto.log"
        self.process = None

    def client(self):
        return boto3.client(
            "s3",
            endpoint_url=self.url,
            region_name=REGION,
            aws_access_key_id="testing",
            aws_secret_access_key="testing",
        )

    def start(self):
        self.log = self.log_path.open("w")
        self.process = subprocess.Popen(
            [MOTO_SERVER, "-H", "127.0.0.1", "-p", str(self.port)],
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        wait_until(self._answers, timeout=60, interval=0.2, message=f"moto on {self.url}")
        return self

    def _answers(self):
        if self.process.poll() is not None:
            raise RuntimeError(f"moto_server exited:\n{self.log_path.read_text()[-4000:]}")
        try:
            return requests.get(self.url, timeout=2).status_code == 200
        except requests.RequestException:
            return False

    def stop(self):
        if self.process is None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)
        self.log.close()
        self.process = None


def _suite_database_is_postgres():
    return settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"


class SuitePostgres:
    """Databases named after the suite's, on the suite's PostgreSQL server (psycopg, autocommit).

    It also stands in for process_site.PostgresCluster when the site template's dump has to be
    built (`url` and `create_database`), so that this module needs no throwaway cluster."""

    def __init__(self):
        database = settings.DATABASES["default"]
        self.host = database.get("HOST") or "127.0.0.1"
        self.port = database.get("PORT") or 5432
        self.user = database.get("USER") or "postgres"
        self.prefix = f"{database['NAME']}_s3"
        self.created = []

    def _name(self, database):
        return f"{self.prefix}{database}"

    def url(self, database):
        return f"postgres://{self.user}@{self.host}:{self.port}/{self._name(database)}"

    def _admin(self):
        return psycopg.connect(
            host=self.host, port=self.port, user=self.user, dbname="postgres", autocommit=True
        )

    def create_database(self, database):
        name = self._name(database)
        with self._admin() as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            connection.execute(f'CREATE DATABASE "{name}"')
        self.created.append(name)

    def drop_all(self):
        with self._admin() as connection:
            for name in self.created:
                connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        self.created = []


SITE_DATA = """
import json
from django.contrib.auth.models import User
from wagtail.models import Collection
User.objects.create_superuser("editor", "editor@example.org", {password!r})
print(json.dumps({{"collection": Collection.get_first_root_node().pk}}))
"""

USE_THE_UPLOADS = """
import json
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Locale
from home.models import HomePage
document = Document.objects.get(title="Statuts sur S3")
image = Image.objects.get(title="Photo sur S3")
home = HomePage.objects.get(depth=2, locale=Locale.get_default())
home.hero_image = image
home.save_revision().publish()
print(json.dumps({
    "document_url": document.url,
    "document_key": document.file.name,
    "image_key": image.file.name,
    "home_url": home.get_url(),
}))
"""


@pytest.fixture(scope="module")
def s3_site():
    """A scratch site whose media live in a bucket of a moto server; removed in the teardown."""
    started = time.monotonic()
    work = Path(tempfile.mkdtemp(prefix="sbm-s3-media-"))
    moto = MotoServer(work)
    postgres = SuitePostgres() if _suite_database_is_postgres() else None
    try:
        moto.start()
        s3 = moto.client()
        s3.create_bucket(Bucket=BUCKET)
        template = SiteTemplate()
        if postgres is not None:
            dump = template.postgres_dump(postgres)
            postgres.create_database("media")
            database_url = postgres.url("media")
            restore_postgres_dump(dump, database_url)
        else:
            database_url = f"sqlite:///{work}/site.sqlite3"
            shutil.copyfile(template.sqlite_file(), work / "site.sqlite3")
        site = ScratchSite(
            database_url,
            work,
            AWS_STORAGE_BUCKET_NAME=BUCKET,
            AWS_S3_ENDPOINT_URL=moto.url,
            AWS_S3_REGION_NAME=REGION,
            AWS_ACCESS_KEY_ID="testing",
            AWS_SECRET_ACCESS_KEY="testing",
            NO_PROXY="127.0.0.1,localhost",
        )
        site.data = site.query(SITE_DATA.format(password=PASSWORD))
        print(f"S3 scratch site prepared in {time.monotonic() - started:.0f} s")
        yield site, s3
    finally:
        try:
            moto.stop()
        finally:
            if postgres is not None:
                postgres.drop_all()
            shutil.rmtree(work, ignore_errors=True)


def _objects(s3):
    listing = s3.list_objects_v2(Bucket=BUCKET)
    return {entry["Key"] for entry in listing.get("Contents", [])}


def _files_under(folder):
    return sorted(str(path.relative_to(folder)) for path in folder.rglob("*") if path.is_file())


def _upload(editor, server, kind, data, file):
    add = f"{server.url}/admin/{kind}/add/"
    editor.session.get(add, timeout=HTTP_TIMEOUT)
    return editor.session.post(
        add,
        data={"csrfmiddlewaretoken": editor.session.cookies["csrftoken"], "tags": "", **data},
        files={"file": file},
        headers={"Referer": add},
        allow_redirects=False,
        timeout=HTTP_TIMEOUT,
    )


def _png(width, height):
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (200, 40, 90)).save(buffer, format="PNG")
    return buffer.getvalue()


def test_two_app_servers_share_media_on_s3_storage(s3_site):
    site, s3 = s3_site
    media_roots = [site.work / "media-a", site.work / "media-b"]
    for folder in media_roots:
        folder.mkdir()
    servers = [Gunicorn(site, workers=1, MEDIA_ROOT=str(folder)) for folder in media_roots]
    try:
        with ThreadPoolExecutor(max_workers=2) as executor:
            for started in [executor.submit(server.start) for server in servers]:
                started.result(timeout=180)
        first, second = servers
        editor = Editor(first.url)
        assert editor.login().status_code == 302
        collection = str(site.data["collection"])

        # A document and an image uploaded through the first server's admin.
        content = b"Statuts de l'association\n" + uuid.uuid4().hex.encode() + b"\n"
        uploaded = _upload(
            editor,
            first,
            "documents",
            {"title": "Statuts sur S3", "collection": collection},
            ("statuts.txt", content, "text/plain"),
        )
        assert uploaded.status_code == 302, uploaded.text[-2000:]
        picture = _png(1600, 500)
        uploaded = _upload(
            editor,
            first,
            "images",
            {"title": "Photo sur S3", "collection": collection, "description": ""},
            ("photo.png", picture, "image/png"),
        )
        assert uploaded.status_code == 302, uploaded.text[-2000:]
        uses = site.query(USE_THE_UPLOADS)

        # Both originals are objects in the bucket, byte for byte.
        objects = _objects(s3)
        assert {uses["document_key"], uses["image_key"]} <= objects, objects
        stored = s3.get_object(Bucket=BUCKET, Key=uses["document_key"])["Body"].read()
        assert stored == content
        assert s3.get_object(Bucket=BUCKET, Key=uses["image_key"])["Body"].read() == picture

        # The second server streams the document from the bucket (WAGTAILDOCS_SERVE_METHOD
        # is "serve_view") with the same bytes.
        downloaded = requests.get(second.url + uses["document_url"], timeout=HTTP_TIMEOUT)
        assert downloaded.status_code == 200
        assert downloaded.content == content

        # The second server renders the home page with the image: it reads the original from
        # the bucket, writes its renditions there and links to them.
        home = requests.get(second.url + uses["home_url"], timeout=HTTP_TIMEOUT)
        assert home.status_code == 200, second.log_tail()
        hero = parse(home.text).select("img.hero__image")
        assert len(hero) == 1, home.text[:3000]
        source = hero[0]["src"]
        assert source.startswith(f"{s3.meta.endpoint_url}/{BUCKET}/images/"), source
        # (The page's social-media image, a fill-1200x630 rendition, is made there as well.)
        renditions = {key for key in _objects(s3) - objects if key.startswith("images/")}
        # The hero is a responsive picture (fill renditions in WebP and JPEG, 8:3).
        hero_keys = [key for key in renditions if key in source]
        assert len(hero_keys) == 1, (source, renditions)
        assert ".fill-" in hero_keys[0]
        rendition = requests.get(source, timeout=HTTP_TIMEOUT)
        assert rendition.status_code == 200
        width, height = Image.open(io.BytesIO(rendition.content)).size
        assert width * 3 == height * 8, (width, height)
    finally:
        for server in servers:
            server.stop()

    # Nothing went to local disk: not on either server, not in the shell's MEDIA_ROOT.
    for folder in [*media_roots, site.media_root]:
        assert _files_under(folder) == [], folder


def test_backup_site_says_the_media_are_on_s3(s3_site):
    site, _ = s3_site
    output = site.work / "backups"
    result = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "backup_site", "--output", str(output)],
        env=site.environment(),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-4000:]
    assert f"Media files are in the S3 bucket {BUCKET!r}, not in MEDIA_ROOT" in result.stdout
    assert "this backup holds the database only" in result.stdout
    assert f"aws s3 sync s3://{BUCKET}" in result.stdout
    assert "[2/2] Manifest" in result.stdout
    (backup,) = [path for path in output.iterdir() if path.is_dir()]
    assert not (backup / "media.tar").exists()
    manifest = json.loads((backup / "manifest.json").read_text())
    assert manifest["media"] == {
        "storage": "storages.backends.s3.S3Storage",
        "bucket": BUCKET,
        "archive": None,
    }
