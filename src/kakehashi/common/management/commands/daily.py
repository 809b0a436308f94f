"""`kakehashi daily`: the daily jobs in one go (common/daily.py). With the database queue a
worker runs them each morning by itself; a systemd timer or one cron line may run this
instead, or as well: the day is claimed once, so a second start the same day does nothing
(`--again` runs them anyway). Each job runs even when one before it failed; the command fails
if any did, naming which."""

from django.core.management.base import BaseCommand, CommandError

from kakehashi.common import daily


class Command(BaseCommand):
    help = "Run every daily job: expiry, digests, reminders, escalation, index snapshot."

    def add_arguments(self, parser):
        parser.add_argument(
            "--again",
            action="store_true",
            help="run them even if they already ran today (digests may go out twice)",
        )

    def handle(self, *args, again=False, **options):
        run = daily.claim_today()
        if run is None and not again:
            self.stdout.write("Daily jobs already ran today (use --again to run them anyway).")
            return
        failed = daily.run_jobs(run, stdout=self.stdout, stderr=self.stderr)
        if failed:
            raise CommandError(f"Daily jobs failed: {', '.join(failed)}")
        self.stdout.write(f"Daily jobs done: {', '.join(daily.DAILY_JOBS)}.")
