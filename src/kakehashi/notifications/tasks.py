"""Background tasks of notifications: take ids, load, call a service; idempotent."""

from django_tasks import task


@task()
def send_notification_emails(notification_ids: list[int]) -> int:
    from kakehashi.notifications.services import send_emails

    return send_emails(notification_ids=notification_ids)
