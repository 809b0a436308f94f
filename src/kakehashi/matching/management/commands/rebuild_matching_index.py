"""`kakehashi rebuild_matching_index [--resume]`: index every published organisation and
proposal again, showing progress; an interrupted run goes on with --resume."""

from django.core.management.base import BaseCommand

from kakehashi.matching.services import rebuild_index


class Command(BaseCommand):
    help = "Rebuild the matching index (embeddings included), with progress; resumable."

    def add_arguments(self, parser):
        parser.add_argument(
            "--resume", action="store_true", help="Go on with the last unfinished rebuild."
        )

    def handle(self, *args, resume=False, **options):
        def report(run):
            share = 100 * run.done / run.total if run.total else 100.0
            self.stdout.write(f"{run.done}/{run.total} ({share:.1f} %) {run.last_key}")

        run = rebuild_index(resume=resume, progress=report)
        self.stdout.write(self.style.SUCCESS(f"Done: {run.done} documents indexed."))
