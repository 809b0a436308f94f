from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "kakehashi.events"
    label = "events"

    def ready(self):
        # Organisations that met at an event are a reason the matching gives.
        from kakehashi.events.matching import organisations_that_met
        from kakehashi.matching.context import register_met_before

        register_met_before(organisations_that_met)
