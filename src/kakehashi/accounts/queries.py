"""Reads of the user accounts."""

from django.contrib.auth import get_user_model


def platform_admins() -> list:
    """The platform administrators who can act now (active superusers, as
    `directory.queries.is_platform_admin` tells of one user), in the order they joined: who
    hears of what no organisation answers for (an obstacle no authority is routed, a reported
    message)."""
    return list(get_user_model().objects.filter(is_superuser=True, is_active=True).order_by("pk"))
