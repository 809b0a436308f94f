from django.core.management.base import BaseCommand

from kakehashi.demo.people import DEMO_PASSWORD, demo_email

ROLES = [
    ("Platform administrator", "admin"),
    ("Organisation administrator (HCMC Department of Foreign Affairs)", "hcmc"),
    ("Organisation administrator (Osaka Prefecture)", "osaka"),
    ("Organisation member (Saigon Cold Chain Logistics)", "coldchain"),
    ("Organisation administrator and member (Naniwa Robotics, Kansai association)", "robotics"),
]


class Command(BaseCommand):
    help = "Print the demo accounts, one per role."

    def handle(self, *args, **options):
        self.stdout.write(f"  Demo logins (password for all: {DEMO_PASSWORD}):")
        for role, local_part in ROLES:
            self.stdout.write(f"    {role:<78} {demo_email(local_part)}")
        self.stdout.write("    Public visitor: no login needed.")
