from django.core.management.base import BaseCommand

from kakehashi.demo.loader import load_demo


class Command(BaseCommand):
    help = "Load reference data and the demo data set (idempotent)."

    def handle(self, *args, **options):
        counts = load_demo()
        self.stdout.write(
            "Demo data: {partnerships} partnerships from the public list, "
            "{organisations} organisations, {users} demo accounts, {events} events.".format(
                **counts
            )
        )
