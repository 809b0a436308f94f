from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "kakehashi.api"
    label = "api"
