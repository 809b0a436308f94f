"""Reads of the direct channel. Every read of a thread or a message goes through
`threads_visible_to(user)`: a thread is seen by its members only (nobody else, platform
administrators included; they see a reported message in the Report admin)."""

from django.db.models import Count, F, Prefetch, Q, QuerySet

from kakehashi.messaging.models import (
    Block,
    Frequency,
    Message,
    NotificationPreference,
    Thread,
    ThreadMember,
    ThreadParty,
)


def threads_visible_to(user) -> QuerySet[Thread]:
    if not (user and user.is_authenticated and user.is_active):
        return Thread.objects.none()
    return Thread.objects.filter(members__user=user)


def membership(user, thread: Thread) -> ThreadMember | None:
    if not (user and user.is_authenticated):
        return None
    return (
        ThreadMember.objects.filter(thread=thread, user=user).select_related("organisation").first()
    )


def _unread_filter(prefix: str, user) -> Q:
    """Messages of others after the member's last read (all of them when never read)."""
    newer = Q(**{f"{prefix}created_at__gt": F("last_read_at")}) | Q(last_read_at__isnull=True)
    return newer & ~Q(**{f"{prefix}author": user}) & Q(**{f"{prefix}removed_at__isnull": True})


def inbox(user) -> QuerySet[ThreadMember]:
    """The user's thread memberships, latest activity first, each with `unread` (a count),
    its thread and the thread's parties loaded."""
    if not (user and user.is_authenticated and user.is_active):
        return ThreadMember.objects.none()
    return (
        ThreadMember.objects.filter(user=user)
        .select_related("thread", "organisation")
        .prefetch_related(
            Prefetch(
                "thread__parties",
                queryset=ThreadParty.objects.select_related("organisation").prefetch_related(
                    "organisation__translations"
                ),
            )
        )
        .annotate(
            unread=Count("thread__messages", filter=_unread_filter("thread__messages__", user))
        )
        .order_by("-thread__last_message_at", "-thread_id")
    )


def unread_total(user) -> int:
    """Unread messages across all of the user's threads (one query)."""
    if not (user and user.is_authenticated and user.is_active):
        return 0
    return (
        ThreadMember.objects.filter(user=user).aggregate(
            total=Count("thread__messages", filter=_unread_filter("thread__messages__", user))
        )["total"]
        or 0
    )


def unread_in(thread: Thread, user) -> int:
    member = membership(user, thread)
    if member is None:
        return 0
    messages = thread.messages.exclude(author=user).filter(removed_at__isnull=True)
    if member.last_read_at is not None:
        messages = messages.filter(created_at__gt=member.last_read_at)
    return messages.count()


def messages_of(thread: Thread, *, after: int = 0) -> QuerySet[Message]:
    """A thread's messages, oldest first (the caller has checked visibility)."""
    messages = thread.messages.select_related("author", "organisation").prefetch_related(
        "attachments"
    )
    if after:
        messages = messages.filter(pk__gt=after)
    return messages.order_by("created_at", "pk")


def members_of(thread: Thread) -> QuerySet[ThreadMember]:
    return thread.members.select_related("user", "organisation").order_by("organisation_id", "pk")


def party_ids(thread: Thread) -> set[int]:
    return set(thread.parties.values_list("organisation_id", flat=True))


def is_blocked(organisation_ids) -> bool:
    """Whether any of the organisations blocks another of them."""
    ids = list(organisation_ids)
    return Block.objects.filter(organisation_id__in=ids, blocked_id__in=ids).exists()


def blocks_by(organisation_ids) -> QuerySet[Block]:
    return Block.objects.filter(organisation_id__in=list(organisation_ids)).select_related(
        "organisation", "blocked"
    )


def frequency_of(user) -> str:
    row = NotificationPreference.objects.filter(user=user).first()
    return row.frequency if row else Frequency.IMMEDIATELY


def threads_about_proposal(user, proposal) -> QuerySet[Thread]:
    return threads_visible_to(user).filter(proposal=proposal)
