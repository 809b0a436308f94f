"""kakehashi send_message_digests — the daily e-mail of new messages for the people who chose
it. Run once a day (cron); running it twice sends nothing twice."""

from django.core.management.base import BaseCommand

from kakehashi.messaging.services import send_digests


class Command(BaseCommand):
    help = "E-mail the daily digest of new messages to the people who chose it."

    def handle(self, *args, **options):
        sent = send_digests()
        self.stdout.write(f"{sent} digest e-mail(s) sent.")
