from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "kakehashi.accounts"
    label = "accounts"
