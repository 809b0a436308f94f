from django.apps import AppConfig


class PartnershipsConfig(AppConfig):
    name = "kakehashi.partnerships"
    label = "partnerships"
