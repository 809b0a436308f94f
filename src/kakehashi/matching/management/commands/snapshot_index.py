"""`kakehashi snapshot_index`: index first the records whose upkeep could not be queued
(matching.MissedIndexUpdate), then write the matching index as a snapshot that web processes
load at start (docs/operations.md); nothing is written when the newest one is up to date."""

from django.core.management.base import BaseCommand

from kakehashi.matching.services import index_missed
from kakehashi.matching.snapshots import snapshot_dir, write_current


class Command(BaseCommand):
    help = "Write a snapshot of the matching index for processes to start from."

    def handle(self, *args, **options):
        missed = index_missed()
        if missed:
            self.stdout.write(f"Indexed {missed} record(s) whose upkeep had not been queued.")
        folder = write_current()
        if folder is None:
            self.stdout.write(f"Matching snapshot up to date in {snapshot_dir()}.")
        else:
            self.stdout.write(self.style.SUCCESS(f"Matching snapshot written: {folder}"))
