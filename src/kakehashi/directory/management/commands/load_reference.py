from django.core.management.base import BaseCommand

from kakehashi.directory.reference import load_reference


class Command(BaseCommand):
    help = "Load or refresh sectors and the Vietnamese and Japanese localities (idempotent)."

    def handle(self, *args, **options):
        counts = load_reference()
        self.stdout.write(
            "Sectors: {sectors}; Vietnam: {vn_current} current and {vn_legacy} former "
            "province-level units; Japan: {jp} localities.".format(**counts)
        )
