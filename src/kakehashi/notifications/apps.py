from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "kakehashi.notifications"
    label = "notifications"
