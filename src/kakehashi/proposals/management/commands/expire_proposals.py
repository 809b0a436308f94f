import datetime as dt

from django.core.management.base import BaseCommand, CommandError

from kakehashi.proposals.services import expire_due


class Command(BaseCommand):
    help = "Mark published proposals whose expiry date has come as expired (run daily)."

    def add_arguments(self, parser):
        parser.add_argument("--today", help="YYYY-MM-DD (default: today in TIME_ZONE)")

    def handle(self, *args, today=None, **options):
        try:
            day = dt.date.fromisoformat(today) if today else None
        except ValueError as error:
            raise CommandError("--today takes a date as YYYY-MM-DD") from error
        count = expire_due(today=day)
        self.stdout.write(f"{count} proposal(s) expired.")
