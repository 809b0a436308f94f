from django.apps import AppConfig


class TransferConfig(AppConfig):
    name = "kakehashi.transfer"
    label = "transfer"
