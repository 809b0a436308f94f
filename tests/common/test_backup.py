"""A backup restores: the demo with an uploaded document goes into one archive, the database
and the files are emptied, and the restore brings back every table's rows and every file's
bytes. A damaged archive or a database that holds data is refused and nothing changes."""

import tarfile
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError

from kakehashi.accounts.models import User
from kakehashi.common.backup import media_files, row_counts
from kakehashi.demo.loader import load_demo
from kakehashi.partnerships import services as partnership_services
from kakehashi.partnerships.models import Partnership

PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\n%%EOF\n"


def _with_a_document() -> None:
    load_demo()
    partnership = Partnership.objects.order_by("pk").first()
    partnership_services.add_document(
        partnership=partnership,
        title="Signed MoU",
        upload=SimpleUploadedFile("mou.pdf", PDF, content_type="application/pdf"),
        by=User.objects.get(is_superuser=True),
    )


def _empty_everything(settings) -> None:
    call_command("flush", interactive=False, verbosity=0)
    for path in sorted(Path(settings.MEDIA_ROOT).rglob("*"), reverse=True):
        path.unlink() if path.is_file() else path.rmdir()


@pytest.mark.django_db(transaction=True)
def test_a_backup_restores_every_row_and_every_file(tmp_path, settings):
    _with_a_document()
    rows_before, files_before = row_counts(), media_files()
    assert len(files_before) == 1 and sum(rows_before.values()) > 500
    archive = tmp_path / "backup.tar.gz"
    call_command("backup", str(archive), verbosity=0)

    _empty_everything(settings)
    assert sum(row_counts().values()) == 0 and media_files() == {}

    call_command("restore", str(archive), verbosity=0)
    assert row_counts() == rows_before
    assert media_files() == files_before
    # The restored site works: a new record gets a fresh id.
    assert Partnership.objects.create(title="After the restore").pk > max(
        Partnership.objects.exclude(title="After the restore").values_list("pk", flat=True)
    )


@pytest.mark.django_db(transaction=True)
def test_a_damaged_archive_or_a_database_with_data_is_refused(tmp_path, settings):
    _with_a_document()
    archive = tmp_path / "backup.tar.gz"
    call_command("backup", str(archive), verbosity=0)
    rows = row_counts()

    with pytest.raises(CommandError, match="already holds data"):
        call_command("restore", str(archive), verbosity=0)
    assert row_counts() == rows

    damaged = tmp_path / "damaged.tar.gz"
    with tarfile.open(archive, "r:gz") as source, tarfile.open(damaged, "w:gz") as target:
        for member in source.getmembers():
            if not member.name.startswith("media/"):  # the document is missing
                target.addfile(member, source.extractfile(member))
    with pytest.raises(CommandError, match="lacks the file"):
        call_command("restore", str(damaged), "--check", verbosity=0)
    _empty_everything(settings)
    with pytest.raises(CommandError, match="lacks the file"):
        call_command("restore", str(damaged), verbosity=0)
    assert sum(row_counts().values()) == 0
