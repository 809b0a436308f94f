"""`kakehashi daily`: the daily jobs in one go (a systemd timer or one cron line runs it; see
docs/operations.md). Each job runs even when one before it failed; the command fails if any
did, naming which."""

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

DAILY_JOBS = [
    "expire_proposals",
    "send_match_digests",
    "remind_meeting_requests",
    "send_message_digests",
    "escalate_obstacles",
    # Last: a snapshot of the matching index as it stands, for processes to start from.
    "snapshot_index",
]


class Command(BaseCommand):
    help = "Run every daily job: expiry, digests, reminders, escalation, index snapshot."

    def handle(self, *args, **options):
        failed = []
        for job in DAILY_JOBS:
            try:
                call_command(job, stdout=self.stdout, stderr=self.stderr)
            except Exception as error:  # one job's failure must not skip the others
                self.stderr.write(f"{job} failed: {type(error).__name__}: {error}")
                failed.append(job)
        if failed:
            raise CommandError(f"Daily jobs failed: {', '.join(failed)}")
        self.stdout.write(f"Daily jobs done: {', '.join(DAILY_JOBS)}.")
