"""Back up and restore the whole site: the database, the media files and a manifest.

A backup is a folder (or one uncompressed `.tar` file holding that folder's files):

- `database.dump` (PostgreSQL, `pg_dump --format=custom --no-owner`) or `database.sqlite3`
  (SQLite, a consistent copy made with SQLite's online backup API);
- `media.tar`, the files of the default FileSystemStorage (absent when media live on S3);
- `manifest.json`: date, engine, migration state, counts of pages, revisions, documents and
  images, and the size and SHA-256 of every file above.

Restoring checks the manifest's checksums and the media archive's members before it touches
anything, so a damaged or hostile backup changes nothing. The commands `backup_site` and
`restore_site` are thin wrappers around `create_backup` and `restore_backup`.
"""

import hashlib
import json
import os
import shutil
import sqlite3

# pg_dump and pg_restore run with argument lists, never through a shell.
import subprocess  # nosec B404
import tarfile
import tempfile
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath

import django
import wagtail
from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.db import connections, transaction
from django.db.migrations.executor import MigrationExecutor
from django.utils.module_loading import import_string
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

FORMAT_VERSION = 1
MANIFEST = "manifest.json"
MEDIA_ARCHIVE = "media.tar"
PRIVATE_MEDIA_ARCHIVE = "private-media.tar"
DATABASE_FILES = {"postgresql": "database.dump", "sqlite": "database.sqlite3"}
ENGINES = {
    "django.db.backends.postgresql": "postgresql",
    "django.db.backends.sqlite3": "sqlite",
}


class BackupError(Exception):
    """Something an operator must fix; the message says what."""


def _counted_tables():
    return {
        "pages": Page._meta.db_table,
        "revisions": Revision._meta.db_table,
        "documents": get_document_model()._meta.db_table,
        "images": get_image_model()._meta.db_table,
    }


def summarise(cursor):
    """Counts of the site's content and its migration state, read through a DB-API cursor
    (Django's on the live database, sqlite3's on a copy)."""
    counts = {}
    for label, table in _counted_tables().items():
        # Table names come from the models' metadata, never from input.
        cursor.execute(f'SELECT count(*) FROM "{table}"')  # noqa: S608  # nosec B608
        counts[label] = cursor.fetchone()[0]
    cursor.execute("SELECT app, name FROM django_migrations ORDER BY id")
    applied = cursor.fetchall()
    latest = {}
    for app, name in applied:
        latest[app] = name
    return counts, {"applied": len(applied), "latest": dict(sorted(latest.items()))}


def sha256_of(path):
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for block in iter(lambda: stream.read(1024 * 1024), b""):
            digest.update(block)
    return digest.hexdigest()


def database_engine(alias="default"):
    engine = settings.DATABASES[alias]["ENGINE"]
    if engine not in ENGINES:
        raise BackupError(f"Backups support PostgreSQL and SQLite, not {engine}.")
    return ENGINES[engine]


def media_location():
    """MEDIA_ROOT of the default FileSystemStorage, or None when media live elsewhere (S3)."""
    backend = import_string(settings.STORAGES["default"]["BACKEND"])
    if issubclass(backend, FileSystemStorage):
        return Path(storages["default"].location)
    return None


def private_media_location():
    """PRIVATE_MEDIA_ROOT of the private FileSystemStorage (uploads waiting for moderation),
    or None when they live elsewhere (the S3 bucket's private prefix)."""
    if "private" not in settings.STORAGES:
        return None
    backend = import_string(settings.STORAGES["private"]["BACKEND"])
    if issubclass(backend, FileSystemStorage):
        return Path(storages["private"].location)
    return None


def s3_media_advice():
    bucket = getattr(settings, "AWS_STORAGE_BUCKET_NAME", "") or "<bucket>"
    return (
        f"Media files are in the S3 bucket {bucket!r}, not in MEDIA_ROOT: this backup holds "
        f"the database only. Copy the media with the bucket's own tools, e.g. "
        f"`aws s3 sync s3://{bucket} /backup/media` (see docs/operations.md)."
    )


def _program(name):
    path = shutil.which(name)
    if path is None:
        raise BackupError(f"{name} is not installed (Debian: apt-get install postgresql-client).")
    return path


def _postgres_arguments(database):
    """Connection options for pg_dump/pg_restore, and the environment carrying the password
    (never on the command line, where `ps` would show it)."""
    arguments = []
    for option, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if database.get(key):
            arguments.append(f"{option}={database[key]}")
    arguments.append(f"--dbname={database['NAME']}")
    environment = dict(os.environ)
    if database.get("PASSWORD"):
        environment["PGPASSWORD"] = database["PASSWORD"]
    if database.get("OPTIONS", {}).get("sslmode"):
        environment["PGSSLMODE"] = database["OPTIONS"]["sslmode"]
    return arguments, environment


def _run(command, environment):
    # The program is an absolute path found by shutil.which and every argument comes from the
    # settings or from a path the command built: there is no shell and no untrusted input.
    result = subprocess.run(  # noqa: S603  # nosec B603
        command, env=environment, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        program = Path(command[0]).name
        raise BackupError(f"{program} failed: {result.stderr.strip() or result.stdout.strip()}")


def _sqlite_path(database):
    name = str(database["NAME"])
    if name == ":memory:" or name.startswith("file:"):
        raise BackupError("An in-memory SQLite database cannot be backed up or restored.")
    return Path(name)


def _dump_postgres(database, target):
    """pg_dump inside a snapshot that also gives the manifest's counts, so both agree even
    while editors keep working."""
    arguments, environment = _postgres_arguments(database)
    connection = connections["default"]
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cursor.execute("SELECT pg_export_snapshot()")
        snapshot = cursor.fetchone()[0]
        counts, migrations = summarise(cursor)
        _run(
            [
                _program("pg_dump"),
                "--format=custom",
                "--no-owner",
                f"--snapshot={snapshot}",
                f"--file={target}",
                *arguments,
            ],
            environment,
        )
    return counts, migrations


def _copy_sqlite(database, target):
    path = _sqlite_path(database)
    if not path.is_file():
        raise BackupError(f"The SQLite database {path} does not exist.")
    source = sqlite3.connect(path)
    copy = sqlite3.connect(target)
    try:
        with copy:
            source.backup(copy)
        # One self-contained file, whatever journal mode the live database uses.
        copy.execute("PRAGMA journal_mode=DELETE")
        counts, migrations = summarise(copy.cursor())
    finally:
        copy.close()
        source.close()
    return counts, migrations


def _archive_media(root, target, step):
    skipped = 0
    with tarfile.open(target, "w") as archive:
        if root.is_dir():
            for path in sorted(root.rglob("*")):
                if path.is_symlink() or not (path.is_file() or path.is_dir()):
                    skipped += 1
                    continue
                archive.add(path, arcname=path.relative_to(root).as_posix(), recursive=False)
    if skipped:
        step(f"  skipped {skipped} link(s) or special file(s) in {root}")


def _file_entry(path):
    return {"size": path.stat().st_size, "sha256": sha256_of(path)}


def _backup_name():
    return "sbm-backup-" + datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")


def create_backup(output, step=lambda message: None):
    """Write one backup under `output` (a folder that gets a dated sub-folder, or a path ending
    in .tar for a single file) and return the path written."""
    output = Path(output)
    engine = database_engine()
    database = settings.DATABASES["default"]
    media_root = media_location()
    private_root = private_media_location()
    single_file = output.suffix == ".tar"
    if single_file:
        if output.exists():
            raise BackupError(f"{output} already exists; choose another name.")
        output.parent.mkdir(parents=True, exist_ok=True)
        final = output
        work = Path(tempfile.mkdtemp(prefix=".sbm-backup-", dir=output.parent))
    else:
        output.mkdir(parents=True, exist_ok=True)
        final = output / _backup_name()
        if final.exists():
            raise BackupError(f"{final} already exists; wait a second and try again.")
        work = output / f".{final.name}.partial"
        work.mkdir()
    try:
        total = 2 + (media_root is not None) + (private_root is not None)
        database_file = work / DATABASE_FILES[engine]
        step(f"[1/{total}] Database ({engine}) -> {database_file.name}")
        if engine == "postgresql":
            counts, migrations = _dump_postgres(database, database_file)
        else:
            counts, migrations = _copy_sqlite(database, database_file)
        files = {database_file.name: _file_entry(database_file)}
        if media_root is not None:
            step(f"[2/{total}] Media files of {media_root} -> {MEDIA_ARCHIVE}")
            _archive_media(media_root, work / MEDIA_ARCHIVE, step)
            files[MEDIA_ARCHIVE] = _file_entry(work / MEDIA_ARCHIVE)
            media = {"storage": "filesystem", "archive": MEDIA_ARCHIVE}
        else:
            step(s3_media_advice())
            media = {
                "storage": settings.STORAGES["default"]["BACKEND"],
                "bucket": getattr(settings, "AWS_STORAGE_BUCKET_NAME", ""),
                "archive": None,
            }
        private_media = {"archive": None}
        if private_root is not None:
            step(f"[{total - 1}/{total}] Private media files of {private_root}")
            _archive_media(private_root, work / PRIVATE_MEDIA_ARCHIVE, step)
            files[PRIVATE_MEDIA_ARCHIVE] = _file_entry(work / PRIVATE_MEDIA_ARCHIVE)
            private_media = {"archive": PRIVATE_MEDIA_ARCHIVE}
        step(f"[{total}/{total}] Manifest")
        manifest = {
            "format": FORMAT_VERSION,
            "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "engine": engine,
            "database": database_file.name,
            "media": media,
            "private_media": private_media,
            "migrations": migrations,
            "counts": counts,
            "files": files,
            "versions": {"django": django.__version__, "wagtail": wagtail.__version__},
        }
        (work / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n")
        if single_file:
            partial = output.with_name(f".{output.name}.partial")
            with tarfile.open(partial, "w") as bundle:
                for name in [MANIFEST, *files]:
                    bundle.add(work / name, arcname=name)
            partial.rename(final)
        else:
            work.rename(final)
    finally:
        if work.exists():
            shutil.rmtree(work)
    step(
        "Backed up "
        + ", ".join(f"{number} {label}" for label, number in counts.items())
        + f" to {final}"
    )
    return final


def _unsafe_member(member):
    path = PurePosixPath(member.name)
    if path.is_absolute() or ".." in path.parts:
        return "a path outside the destination"
    if member.issym() or member.islnk():
        return "a link"
    if not (member.isfile() or member.isdir()):
        return "a special file"
    return None


def _check_members(archive_path, label, allowed=None):
    """Refuse an archive that holds absolute paths, `..`, links or special files."""
    try:
        with tarfile.open(archive_path, "r:") as archive:
            members = archive.getmembers()
    except (tarfile.TarError, OSError, EOFError) as error:
        raise BackupError(f"{label} is not a readable tar archive: {error}") from error
    for member in members:
        reason = _unsafe_member(member)
        if reason:
            raise BackupError(f"{label} is refused: member {member.name!r} is {reason}.")
        if allowed is not None and member.name not in allowed:
            raise BackupError(f"{label} is refused: unexpected member {member.name!r}.")


def _read_manifest(folder):
    path = folder / MANIFEST
    if not path.is_file():
        raise BackupError(f"{folder} is not a backup: {MANIFEST} is missing.")
    try:
        manifest = json.loads(path.read_text())
    except (ValueError, UnicodeDecodeError) as error:
        raise BackupError(f"{path} is damaged: {error}") from error
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT_VERSION:
        raise BackupError(f"{path} is not a manifest of backup format {FORMAT_VERSION}.")
    return manifest


def verify_backup(folder):
    """The manifest, and every file it lists with the right size and checksum."""
    manifest = _read_manifest(folder)
    files = manifest.get("files") or {}
    expected = {manifest.get("database")}
    if (manifest.get("media") or {}).get("archive"):
        expected.add(manifest["media"]["archive"])
    if not expected <= set(files):
        raise BackupError(f"{folder / MANIFEST} does not list the database and media files.")
    for name, entry in files.items():
        if PurePosixPath(name).name != name:
            raise BackupError(f"{folder / MANIFEST} names an unexpected file {name!r}.")
        path = folder / name
        if not path.is_file():
            raise BackupError(f"The backup is incomplete: {name} is missing.")
        size = path.stat().st_size
        if size != entry["size"]:
            raise BackupError(
                f"The backup is damaged: {name} has {size} bytes, the manifest says "
                f"{entry['size']} (truncated or altered). Nothing was restored."
            )
        if sha256_of(path) != entry["sha256"]:
            raise BackupError(
                f"The backup is damaged: the checksum of {name} does not match the manifest. "
                "Nothing was restored."
            )
    return manifest


def _database_is_empty():
    connection = connections["default"]
    with connection.cursor() as cursor:
        return not connection.introspection.table_names(cursor)


def _media_is_empty(root):
    return not root.exists() or not any(root.iterdir())


def _restore_postgres(database, dump, replace):
    arguments, environment = _postgres_arguments(database)
    connection = connections["default"]
    if replace:
        with connection.cursor() as cursor:
            cursor.execute("DROP SCHEMA public CASCADE")
            cursor.execute("CREATE SCHEMA public")
    connection.close()
    _run(
        [
            _program("pg_restore"),
            "--no-owner",
            "--no-privileges",
            "--exit-on-error",
            "--single-transaction",
            *arguments,
            str(dump),
        ],
        environment,
    )


def _restore_sqlite(database, copy):
    connections["default"].close()
    target_path = _sqlite_path(database)
    target_path.parent.mkdir(parents=True, exist_ok=True)
    source = sqlite3.connect(f"file:{copy}?mode=ro", uri=True)
    target = sqlite3.connect(target_path)
    try:
        # The backup API replaces the target's content as a whole, under SQLite's own lock.
        source.backup(target)
    finally:
        target.close()
        source.close()


def _clear_folder(root):
    for child in root.iterdir():
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child)
        else:
            child.unlink()


def _restore_media(archive_path, root, replace):
    root.mkdir(parents=True, exist_ok=True)
    if replace:
        _clear_folder(root)
    with tarfile.open(archive_path, "r:") as archive:
        # Members were checked first; the "data" filter refuses anything unsafe once more.
        archive.extractall(root, filter="data")


def _migration_notes():
    connection = connections["default"]
    executor = MigrationExecutor(connection)
    graph_nodes = set(executor.loader.graph.nodes)
    applied = set(executor.loader.applied_migrations)
    notes = []
    pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
    if pending:
        notes.append(
            f"{len(pending)} migration(s) of this code are not applied to the restored "
            "database: run `manage.py migrate`."
        )
    replaced = {
        key for migration in executor.loader.replacements.values() for key in migration.replaces
    }
    unknown = applied - graph_nodes - replaced
    if unknown:
        notes.append(
            f"The backup has {len(unknown)} migration(s) this code does not know "
            "(it comes from a newer version): deploy that version before serving the site."
        )
    return notes


def restore_backup(path, *, replace=False, step=lambda message: None):
    """Restore a backup (folder or .tar file) into the configured database and MEDIA_ROOT.
    Return the counts found afterwards and the manifest's, label by label."""
    path = Path(path)
    if not path.exists():
        raise BackupError(f"{path} does not exist.")
    with tempfile.TemporaryDirectory(prefix="sbm-restore-") as unpacked:
        if path.is_file():
            step(f"Unpacking {path}")
            _check_members(
                path,
                str(path),
                allowed={
                    MANIFEST,
                    MEDIA_ARCHIVE,
                    PRIVATE_MEDIA_ARCHIVE,
                    *DATABASE_FILES.values(),
                },
            )
            with tarfile.open(path, "r:") as bundle:
                bundle.extractall(unpacked, filter="data")
            folder = Path(unpacked)
        else:
            folder = path
        step("[1/4] Checking the backup (manifest, sizes, checksums)")
        manifest = verify_backup(folder)
        engine = database_engine()
        if manifest["engine"] != engine:
            raise BackupError(
                f"This backup holds a {manifest['engine']} database; the configured database "
                f"is {engine}. Nothing was restored."
            )
        media_root = media_location()
        archive = (manifest.get("media") or {}).get("archive")
        if archive:
            _check_members(folder / archive, f"The media archive {archive}")
            if media_root is None:
                raise BackupError(
                    "The backup holds media files but the site stores media on S3: copy "
                    f"{archive}'s files to the bucket with its own tools instead."
                )
        private_root = private_media_location()
        private_archive = (manifest.get("private_media") or {}).get("archive")
        if private_archive:
            _check_members(folder / private_archive, f"The media archive {private_archive}")
            if private_root is None:
                raise BackupError(
                    "The backup holds private media files but the site keeps them on S3: copy "
                    f"{private_archive}'s files to the bucket's private prefix instead."
                )
        step("[2/4] Checking the destination")
        if not replace:
            if not _database_is_empty():
                raise BackupError(
                    "The configured database is not empty. Restore into an empty database, "
                    "or pass --replace to wipe it first. Nothing was restored."
                )
            if archive and not _media_is_empty(media_root):
                raise BackupError(
                    f"MEDIA_ROOT ({media_root}) is not empty. Pass --replace to wipe it first. "
                    "Nothing was restored."
                )
            if private_archive and not _media_is_empty(private_root):
                raise BackupError(
                    f"PRIVATE_MEDIA_ROOT ({private_root}) is not empty. Pass --replace to wipe "
                    "it first. Nothing was restored."
                )
        database = settings.DATABASES["default"]
        step(f"[3/4] Restoring the database ({engine})" + (", replacing it" if replace else ""))
        if engine == "postgresql":
            _restore_postgres(database, folder / manifest["database"], replace)
        else:
            _restore_sqlite(database, folder / manifest["database"])
        if archive:
            step(f"[4/4] Restoring the media files into {media_root}")
            _restore_media(folder / archive, media_root, replace)
        if private_archive:
            step(f"[4/4] Restoring the private media files into {private_root}")
            _restore_media(folder / private_archive, private_root, replace)
        if not archive:
            step(
                "[4/4] No media files in this backup (the site kept them on S3): restore "
                "them with the bucket's own tools, e.g. `aws s3 sync /backup/media s3://<bucket>`."
            )
    with connections["default"].cursor() as cursor:
        found, _ = summarise(cursor)
    comparison = {
        label: (found.get(label), expected) for label, expected in manifest["counts"].items()
    }
    return comparison, _migration_notes()
