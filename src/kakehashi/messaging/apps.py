from django.apps import AppConfig


class MessagingConfig(AppConfig):
    name = "kakehashi.messaging"
    label = "messaging"

    def ready(self):
        # The proposal page offers "Write to …" once contact is accepted.
        from kakehashi.messaging.panels import write_to_panel
        from kakehashi.proposals.panels import register_detail_panel

        register_detail_panel(write_to_panel)
