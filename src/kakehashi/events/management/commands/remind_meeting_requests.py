from django.core.management.base import BaseCommand

from kakehashi.events.services import send_request_reminders


class Command(BaseCommand):
    help = "E-mail delegations whose meeting requests have waited too long (run it hourly)."

    def add_arguments(self, parser):
        parser.add_argument("--older-than-hours", type=int, default=24)

    def handle(self, *args, older_than_hours, **options):
        sent = send_request_reminders(older_than_hours=older_than_hours)
        self.stdout.write(f"Reminders sent: {sent}")
