"""Who may NOT write in the direct channel: every service refuses a member of a third
organisation, a signed-in user who acts for none and an anonymous caller
(messaging.rules.require), and writes nothing; a platform administrator neither writes in a
thread nor for an organisation they do not belong to. The pages and the API ask the same
permissions first (their own tests); this is the services' own guard."""

from types import SimpleNamespace

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied

from kakehashi.messaging import services
from kakehashi.messaging.models import (
    Block,
    Frequency,
    Message,
    NotificationPreference,
    Report,
    Thread,
    ThreadMember,
)
from kakehashi.notifications.models import Notification
from tests.factories import UserFactory
from tests.messaging.factories import thread_between
from tests.shapes import OTHERS, assert_done, assert_refused, user_named

pytestmark = pytest.mark.django_db


@pytest.fixture
def channel(lan, sato, tanaka, outsider, vn, jp):
    """Lan (Saigon Robotics) wrote to Sato (Osaka Precision) twice, Sato reported the first
    message; Osaka Precision blocks the outsider's organisation."""
    thread = thread_between(lan, vn, jp, body="Xin chào")
    first = thread.messages.get()
    hanoi = outsider.person.memberships.get().organisation
    services.block(organisation=jp, blocked=hanoi, by=sato)
    return SimpleNamespace(
        lan=lan,
        sato=sato,
        tanaka=tanaka,
        outsider=outsider,
        vn=vn,
        jp=jp,
        thread=thread,
        hanoi=hanoi,
        second=services.post_message(thread=thread, body="Còn đó không?", by=lan),
        report=services.report_message(message=first, by=sato, reason="Spam."),
        platform_admin=UserFactory(is_superuser=True, is_staff=True),
    )


# Each call, and one who may make it (the tests below show that the others may not).
CALLS = {
    "open_thread": (
        "lan",
        lambda c, by: services.open_thread(
            subject="Another topic", from_organisation=c.vn, to_organisation=c.jp, by=by
        ),
    ),
    "post_message": (
        "lan",
        lambda c, by: services.post_message(thread=c.thread, body="Any news?", by=by),
    ),
    "add_member": (
        "sato",
        lambda c, by: services.add_member(thread=c.thread, user=c.tanaka, by=by),
    ),
    "mark_read": ("sato", lambda c, by: services.mark_read(thread=c.thread, user=by)),
    "report_message": (
        "sato",
        lambda c, by: services.report_message(message=c.second, reason="Abusive.", by=by),
    ),
    "handle_report": (
        "platform_admin",
        lambda c, by: services.handle_report(report=c.report, uphold=True, by=by),
    ),
    "block": (
        "sato",
        lambda c, by: services.block(organisation=c.jp, blocked=c.vn, by=by),
    ),
    "unblock": (
        "sato",
        lambda c, by: services.unblock(organisation=c.jp, blocked=c.hanoi, by=by),
    ),
}


def state() -> tuple:
    """What any of the calls would change."""
    return (
        Thread.objects.count(),
        list(Message.objects.order_by("pk").values_list("pk", "removed_at")),
        list(ThreadMember.objects.order_by("pk").values_list("pk", "last_read_at")),
        list(Report.objects.order_by("pk").values_list("pk", "status")),
        Block.objects.count(),
        NotificationPreference.objects.count(),
        Notification.objects.count(),
    )


@pytest.mark.parametrize("name", CALLS.keys())
@pytest.mark.parametrize("who", OTHERS)
def test_others_may_not(channel, name, who):
    _allowed, call = CALLS[name]
    assert_refused(lambda: call(channel, user_named(who, channel)), state)


@pytest.mark.parametrize(
    "name", ["open_thread", "post_message", "add_member", "mark_read", "block", "unblock"]
)
def test_a_platform_administrator_does_not_speak_for_the_parties(channel, name):
    _allowed, call = CALLS[name]
    assert_refused(lambda: call(channel, channel.platform_admin), state)


@pytest.mark.parametrize("name", CALLS.keys())
def test_those_allowed_may(channel, name):
    allowed, call = CALLS[name]
    assert_done(lambda: call(channel, user_named(allowed, channel)), state)


def test_only_a_signed_in_person_chooses_their_e_mails(channel):
    with pytest.raises(PermissionDenied):
        services.set_frequency(user=AnonymousUser(), frequency=Frequency.NEVER)
    assert NotificationPreference.objects.count() == 0
    services.set_frequency(user=channel.outsider, frequency=Frequency.NEVER)
    assert NotificationPreference.objects.get().user == channel.outsider
