"""Background tasks of the direct channel: idempotent."""

from django_tasks import task


@task()
def send_message_digests() -> int:
    from kakehashi.messaging.services import send_digests

    return send_digests()
