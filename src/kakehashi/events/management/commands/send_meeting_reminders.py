from django.core.management.base import BaseCommand

from kakehashi.events.services.reminders import send_meeting_reminders


class Command(BaseCommand):
    help = (
        "E-mail each delegation a reminder before its published meetings (run it every few "
        "minutes; each reminder goes once)."
    )

    def handle(self, *args, **options):
        sent = send_meeting_reminders()
        self.stdout.write(f"Meeting reminders sent: {sent}")
