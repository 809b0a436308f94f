"""Backups that restore: the database and the uploaded files in one archive, with a manifest
that says what must come back.

An archive (`.tar.gz`) holds:

- `database.json`: every row of every table, as Django's serialiser writes it (so a backup of
  SQLite restores into PostgreSQL and the other way round); content types and permissions are
  left out, since `migrate` creates them;
- `media/...`: every uploaded file (agreement documents, attachments);
- `manifest.json`: the format, when it was made, the number of rows per table and the size
  and SHA-256 of every file.

`restore` refuses an archive whose files do not match its manifest, and a database that
already holds data; after loading, it counts the rows and checks the files again.
"""

from __future__ import annotations

import hashlib
import io
import json
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core import management
from django.db import connection, transaction
from django.utils import timezone

FORMAT = "kakehashi-backup/1"
# Rebuilt by `migrate` (post_migrate signals); their ids differ between databases.
NOT_DUMPED = ["contenttypes", "auth.permission"]


class BackupError(Exception):
    """The archive is incomplete or damaged, or the target cannot take it."""


@dataclass
class Summary:
    rows: dict[str, int]
    files: dict[str, dict]


def _models():
    skipped_apps = {label for label in NOT_DUMPED if "." not in label}
    skipped_models = {label for label in NOT_DUMPED if "." in label}
    for model in apps.get_models():
        meta = model._meta
        if meta.app_label in skipped_apps or meta.label_lower in skipped_models:
            continue
        if meta.proxy or not meta.managed:
            continue
        yield model


def row_counts() -> dict[str, int]:
    return {model._meta.label_lower: model._default_manager.count() for model in _models()}


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def media_files(root: Path | None = None) -> dict[str, dict]:
    root = Path(root or settings.MEDIA_ROOT)
    if not root.exists():
        return {}
    return {
        path.relative_to(root).as_posix(): {"size": path.stat().st_size, "sha256": _sha256(path)}
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def _add_bytes(archive: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(timezone.now().timestamp())
    archive.addfile(info, io.BytesIO(data))


def backup(target: Path) -> Summary:
    """Write the archive to `target` (written under another name first, then moved, so that
    an interrupted backup never leaves a file that looks complete)."""
    target = Path(target)
    media_root = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory() as scratch:
        dump = Path(scratch) / "database.json"
        # One transaction: the rows and the counts are of the same moment.
        with transaction.atomic():
            management.call_command(
                "dumpdata",
                exclude=NOT_DUMPED,
                natural_foreign=True,
                output=str(dump),
                verbosity=0,
            )
            rows = row_counts()
        files = media_files(media_root)
        manifest = {
            "format": FORMAT,
            "created_at": timezone.now().isoformat(),
            "database_vendor": connection.vendor,
            "rows": rows,
            "files": files,
        }
        partial = target.with_name(target.name + ".partial")
        with tarfile.open(partial, "w:gz") as archive:
            archive.add(dump, arcname="database.json")
            for name in files:
                archive.add(media_root / name, arcname=f"media/{name}")
            _add_bytes(archive, "manifest.json", json.dumps(manifest, indent=1).encode())
        partial.replace(target)
    return Summary(rows=rows, files=files)


def _read_manifest(archive: tarfile.TarFile) -> dict:
    try:
        manifest = json.load(archive.extractfile("manifest.json"))
    except (KeyError, json.JSONDecodeError) as error:
        raise BackupError("The archive has no readable manifest.json.") from error
    if manifest.get("format") != FORMAT:
        raise BackupError(f"Unknown archive format {manifest.get('format')!r}.")
    return manifest


def check_archive(source: Path) -> dict:
    """The archive's manifest, once every file it lists is there with its size and checksum,
    and the database dump is there; BackupError otherwise."""
    with tarfile.open(source, "r:gz") as archive:
        manifest = _read_manifest(archive)
        names = set(archive.getnames())
        if "database.json" not in names:
            raise BackupError("The archive has no database.json.")
        for name, expected in manifest["files"].items():
            member = f"media/{name}"
            if member not in names:
                raise BackupError(f"The archive lacks the file {name}.")
            data = archive.extractfile(member).read()
            if (
                len(data) != expected["size"]
                or hashlib.sha256(data).hexdigest() != expected["sha256"]
            ):
                raise BackupError(f"The file {name} in the archive is damaged.")
    return manifest


def restore(source: Path) -> Summary:
    """Load the archive into this (migrated, empty) database and its files into MEDIA_ROOT,
    then check that every table has the rows and every file the bytes of the manifest."""
    manifest = check_archive(source)
    if any(row_counts().get(label, 0) for label in manifest["rows"]):
        raise BackupError(
            "The database already holds data: restore into an empty database "
            "(a new one, after `kakehashi migrate`)."
        )
    media_root = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory() as scratch, tarfile.open(source, "r:gz") as archive:
        archive.extract("database.json", scratch, filter="data")
        for name in manifest["files"]:
            member = archive.getmember(f"media/{name}")
            archive.extract(member, scratch, filter="data")
        with transaction.atomic():
            management.call_command("loaddata", str(Path(scratch) / "database.json"), verbosity=0)
        for name in manifest["files"]:
            destination = media_root / name
            destination.parent.mkdir(parents=True, exist_ok=True)
            (Path(scratch) / "media" / name).replace(destination)
    _reset_sequences()
    rows, files = row_counts(), media_files(media_root)
    missing_rows = {
        label: (count, rows.get(label))
        for label, count in manifest["rows"].items()
        if rows.get(label) != count
    }
    if missing_rows:
        raise BackupError(f"Rows differ after the restore (expected, found): {missing_rows}")
    if any(files.get(name) != expected for name, expected in manifest["files"].items()):
        raise BackupError("Files differ after the restore.")
    return Summary(rows=rows, files=files)


def _reset_sequences() -> None:
    """On PostgreSQL, move each table's id sequence past the restored ids (new rows would
    otherwise collide with them)."""
    from django.core.management.color import no_style

    statements = connection.ops.sequence_reset_sql(no_style(), list(_models()))
    if statements:
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)
