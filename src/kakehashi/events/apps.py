from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "kakehashi.events"
    label = "events"
