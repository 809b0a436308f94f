from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ObstaclesConfig(AppConfig):
    name = "kakehashi.obstacles"
    label = "obstacles"
    verbose_name = _("Obstacles")
