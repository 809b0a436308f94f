"""`kakehashi restore ARCHIVE.tar.gz`: load a backup into an empty, migrated database and its
files into the media folder, then check every table's rows and every file against the
archive's manifest (common/backup.py). Rebuild the matching index afterwards if the archive
comes from another version (`kakehashi rebuild_matching_index`)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from kakehashi.common.backup import BackupError, check_archive, restore


class Command(BaseCommand):
    help = "Restore a backup archive into an empty database (after `kakehashi migrate`)."

    def add_arguments(self, parser):
        parser.add_argument("archive")
        parser.add_argument(
            "--check",
            action="store_true",
            help="only check that the archive is complete; change nothing",
        )

    def handle(self, *args, archive, check=False, **options):
        source = Path(archive)
        if not source.is_file():
            raise CommandError(f"No archive at {source}.")
        try:
            if check:
                manifest = check_archive(source)
                self.stdout.write(
                    f"The archive is complete: {sum(manifest['rows'].values())} rows, "
                    f"{len(manifest['files'])} files."
                )
                return
            summary = restore(source)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Restored {sum(summary.rows.values())} rows in {len(summary.rows)} tables and "
            f"{len(summary.files)} files; every table and file matches the archive."
        )
