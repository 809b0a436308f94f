from django.apps import AppConfig


class ProposalsConfig(AppConfig):
    name = "kakehashi.proposals"
    label = "proposals"
