"""`kakehashi send_match_digests`: tell users of new proposals that their saved searches
find and of new counterparts for the proposals they follow (run it daily)."""

from django.core.management.base import BaseCommand

from kakehashi.matching.alerts import send_digests


class Command(BaseCommand):
    help = "Send the digests of new matches (saved searches and followed proposals)."

    def handle(self, *args, **options):
        told = send_digests()
        self.stdout.write(f"Digests sent to {told} user(s).")
