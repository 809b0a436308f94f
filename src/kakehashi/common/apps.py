from django.apps import AppConfig


class CommonConfig(AppConfig):
    name = "kakehashi.common"
    label = "common"
