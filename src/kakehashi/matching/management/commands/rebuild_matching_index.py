"""`kakehashi rebuild_matching_index [--resume] [--processes N]`: index every published
organisation and proposal again, showing progress; an interrupted run goes on with --resume.
Texts that changed are embedded in N helper processes side by side (default 2: both cores of
a small server); unchanged ones keep their stored vectors."""

from django.core.management.base import BaseCommand

from kakehashi.matching.live import embedder
from kakehashi.matching.services import rebuild_index


class Command(BaseCommand):
    help = "Rebuild the matching index (embeddings included), with progress; resumable."

    def add_arguments(self, parser):
        parser.add_argument(
            "--resume", action="store_true", help="Go on with the last unfinished rebuild."
        )
        parser.add_argument(
            "--processes",
            type=int,
            default=2,
            help="Helper processes that embed side by side, one thread each (2).",
        )

    def handle(self, *args, resume=False, processes=2, **options):
        model = embedder()
        if hasattr(model, "processes"):
            model.processes = max(1, processes)

        def report(run):
            share = 100 * run.done / run.total if run.total else 100.0
            self.stdout.write(f"{run.done}/{run.total} ({share:.1f} %) {run.last_key}")

        run = rebuild_index(resume=resume, progress=report)
        self.stdout.write(self.style.SUCCESS(f"Done: {run.done} documents indexed."))
