import datetime as dt

from django.core.management.base import BaseCommand, CommandError

from kakehashi.obstacles.services import escalate_overdue


class Command(BaseCommand):
    help = (
        "Tell the responsible authorities' administrators of open obstacles past their "
        "deadline, once each (run daily)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--today", help="YYYY-MM-DD (default: today in TIME_ZONE)")

    def handle(self, *args, today=None, **options):
        try:
            day = dt.date.fromisoformat(today) if today else None
        except ValueError as error:
            raise CommandError("--today takes a date as YYYY-MM-DD") from error
        count = escalate_overdue(today=day)
        self.stdout.write(f"{count} obstacle(s) escalated.")
