"""`kakehashi backup ARCHIVE.tar.gz`: the database and the uploaded files in one archive
(common/backup.py). Restore it with `kakehashi restore`."""

from pathlib import Path

from django.core.management.base import BaseCommand
from django.utils import timezone

from kakehashi.common.backup import backup


class Command(BaseCommand):
    help = "Write a backup archive: every table's rows and every uploaded file, with a manifest."

    def add_arguments(self, parser):
        parser.add_argument(
            "archive",
            nargs="?",
            help="where to write it (default: kakehashi-backup-<date and time>.tar.gz here)",
        )

    def handle(self, *args, archive=None, **options):
        target = Path(
            archive or f"kakehashi-backup-{timezone.now():%Y%m%d-%H%M%S}.tar.gz"
        ).resolve()
        summary = backup(target)
        self.stdout.write(
            f"Wrote {target}: {sum(summary.rows.values())} rows in {len(summary.rows)} tables, "
            f"{len(summary.files)} files."
        )
