"""Web Push: reminders to a browser that opted in, through its push service (the Web Push
protocol, RFC 8030, with VAPID, RFC 8292, and the aes128gcm message encryption, RFC 8291, as
pywebpush implements them). Off unless KAKEHASHI_WEB_PUSH is set with a VAPID key pair
(`kakehashi vapid_keys` makes one).

A browser subscribes from the meetings page (static kakehashi/push.js and the service worker
served at /service-worker.js); `push()` sends a short message to every browser of a person.
A subscription the push service says is gone (404, 410) is deleted; any other failure is
logged and the e-mail, which is always sent too, carries the reminder."""

import base64
import json
import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from kakehashi.notifications.models import PushSubscription

logger = logging.getLogger(__name__)

GONE = {404, 410}


def push_enabled() -> bool:
    return bool(
        settings.KAKEHASHI_WEB_PUSH
        and settings.KAKEHASHI_VAPID_PRIVATE_KEY
        and settings.KAKEHASHI_VAPID_PUBLIC_KEY
    )


def _b64url_bytes(value: str) -> bytes:
    return base64.urlsafe_b64decode(value + "=" * (-len(value) % 4))


def valid_key(value: str, length: int) -> bool:
    """Whether `value` is unpadded base64url of `length` bytes (a browser's p256dh is 65,
    its auth secret 16)."""
    try:
        return len(_b64url_bytes(value)) == length
    except (ValueError, TypeError):
        return False


@transaction.atomic
def subscribe(*, user, endpoint: str, p256dh: str, auth: str) -> PushSubscription:
    """Store (or move to `user`) a browser's subscription. The caller validated the keys."""
    subscription, _created = PushSubscription.objects.update_or_create(
        endpoint=endpoint, defaults={"user": user, "p256dh": p256dh, "auth": auth}
    )
    return subscription


def unsubscribe(*, user, endpoint: str) -> int:
    deleted, _rows = PushSubscription.objects.filter(user=user, endpoint=endpoint).delete()
    return deleted


def push(*, user, title: str, body: str, link: str = "") -> int:
    """Send a message to each of the person's browsers; how many accepted it."""
    if not push_enabled() or user is None:
        return 0
    from pywebpush import WebPushException, webpush

    payload = json.dumps({"title": title, "body": body, "link": link}, ensure_ascii=False)
    delivered = 0
    for subscription in PushSubscription.objects.filter(user=user):
        try:
            webpush(
                subscription_info={
                    "endpoint": subscription.endpoint,
                    "keys": {"p256dh": subscription.p256dh, "auth": subscription.auth},
                },
                data=payload,
                vapid_private_key=settings.KAKEHASHI_VAPID_PRIVATE_KEY,
                vapid_claims={"sub": settings.KAKEHASHI_VAPID_SUBJECT},
                timeout=settings.KAKEHASHI_WEB_PUSH_TIMEOUT,
                ttl=settings.KAKEHASHI_WEB_PUSH_TTL,
            )
        except WebPushException as error:
            status = getattr(error.response, "status_code", None)
            if status in GONE:
                subscription.delete()
            else:
                logger.warning("Web Push to %s failed: %s", subscription.endpoint, error)
            continue
        except Exception:  # the network, a time-out: the e-mail still carries the reminder
            logger.warning("Web Push to %s failed", subscription.endpoint, exc_info=True)
            continue
        subscription.last_sent_at = timezone.now()
        subscription.save(update_fields=["last_sent_at"])
        delivered += 1
    return delivered
