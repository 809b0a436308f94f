from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    name = "kakehashi.directory"
    label = "directory"
