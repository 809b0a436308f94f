from django.apps import AppConfig


class MatchingConfig(AppConfig):
    name = "kakehashi.matching"
    label = "matching"
