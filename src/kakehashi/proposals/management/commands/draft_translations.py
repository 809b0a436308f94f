from django.core.management.base import BaseCommand

from kakehashi.proposals.machine_drafts import draft_missing


class Command(BaseCommand):
    help = (
        "Draft by machine the missing translations of published proposals (run daily; "
        "nothing without KAKEHASHI_TRANSLATION_URL)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--limit", type=int, default=200, help="at most this many proposals (default 200)"
        )

    def handle(self, *args, limit, **options):
        done, left = draft_missing(limit=max(limit, 0))
        self.stdout.write(f"{done} proposal(s) translated, {left} still without translations.")
