from django.core.management.base import BaseCommand

from kakehashi.events.services.feedback import send_follow_up_asks


class Command(BaseCommand):
    help = (
        "Ask each delegation of a meeting held KAKEHASHI_FOLLOW_UP_DAYS ago what came of it "
        "(once each; a daily job)."
    )

    def handle(self, *args, **options):
        sent = send_follow_up_asks()
        self.stdout.write(f"Follow-up asks sent: {sent}")
