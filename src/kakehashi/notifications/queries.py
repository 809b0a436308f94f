"""Reads of notifications."""

from django.db.models import QuerySet

from kakehashi.notifications.models import Notification


def notifications_of(user) -> QuerySet[Notification]:
    """The user's own notices, newest first (nobody sees another person's)."""
    if not user.is_authenticated:
        return Notification.objects.none()
    return Notification.objects.filter(recipient=user).order_by("-created_at", "-pk")


def unread_count(user) -> int:
    if not user.is_authenticated:
        return 0
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()
