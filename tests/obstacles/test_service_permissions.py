"""Who may NOT act on an obstacle: every service refuses a member of an organisation that
neither reported nor answers it, a signed-in user who acts for none and an anonymous caller
(obstacles.rules.require), and writes nothing. The pages and the API ask the same
permissions first (their own tests); this is the services' own guard. The order of the
workflow (who may not act in which status) is in test_workflow.py."""

from types import SimpleNamespace

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from kakehashi.common.models import AuditEntry
from kakehashi.notifications.models import Notification
from kakehashi.obstacles import services
from kakehashi.obstacles.models import (
    Attachment,
    Comment,
    Obstacle,
    ObstacleTranslation,
    RoutingRule,
)
from tests.factories import locality
from tests.obstacles.conftest import PDF, obstacle_input
from tests.shapes import OTHERS, assert_done, assert_refused, user_named

pytestmark = pytest.mark.django_db


@pytest.fixture
def desk(
    file,
    licence_rule,
    business,
    reporter,
    officer,
    hcmc_dpi,
    hcmc_people_committee,
    outsider,
    platform_admin,
):
    """A received obstacle, one assigned to the officer and one resolved (public)."""
    assigned = file(title="Customs clearance delayed")
    services.assign(obstacle=assigned, owner=officer, by=officer)
    closed = file(title="Work permit refused")
    services.assign(obstacle=closed, owner=officer, by=officer)
    services.resolve(obstacle=closed, reason="Issued.", public_summary="Issued.", by=officer)
    return SimpleNamespace(
        received=file(),
        assigned=assigned,
        closed=closed,
        business=business,
        authority=hcmc_dpi,
        committee=hcmc_people_committee,
        rule=licence_rule,
        reporter=reporter,
        officer=officer,
        outsider=outsider,
        platform_admin=platform_admin,
    )


# Each call, and one who may make it (the tests below show that the others may not).
CALLS = {
    "file_obstacle": (
        "reporter",
        lambda d, by: services.file_obstacle(
            data=obstacle_input(title="Land lease"), organisation=d.business, by=by
        ),
    ),
    "assign": (
        "officer",
        lambda d, by: services.assign(obstacle=d.received, owner=d.officer, by=by),
    ),
    "start": ("officer", lambda d, by: services.start(obstacle=d.assigned, by=by)),
    "resolve": (
        "officer",
        lambda d, by: services.resolve(obstacle=d.assigned, reason="Done.", by=by),
    ),
    "cannot_resolve": (
        "officer",
        lambda d, by: services.cannot_resolve(obstacle=d.assigned, reason="Not ours.", by=by),
    ),
    "reopen": ("reporter", lambda d, by: services.reopen(obstacle=d.closed, by=by)),
    "route": (
        "platform_admin",
        lambda d, by: services.route(obstacle=d.received, authority=d.committee, by=by),
    ),
    "add_comment": (
        "reporter",
        lambda d, by: services.add_comment(obstacle=d.received, body="Any news?", by=by),
    ),
    "add_attachment": (
        "reporter",
        lambda d, by: services.add_attachment(
            obstacle=d.received,
            title="Letter",
            upload=SimpleUploadedFile("l.pdf", PDF, content_type="application/pdf"),
            by=by,
        ),
    ),
    "save_translation": (
        "reporter",
        lambda d, by: services.save_translation(
            obstacle=d.received, language="ja", title="建設許可が半年止まっている", by=by
        ),
    ),
    "save_rule": (
        "platform_admin",
        lambda d, by: services.save_rule(
            by=by, authority=d.authority, category="any", locality=locality("hanoi")
        ),
    ),
    "delete_rule": ("platform_admin", lambda d, by: services.delete_rule(rule=d.rule, by=by)),
}


def state() -> tuple:
    """What any of the calls would change."""
    return (
        list(
            Obstacle.objects.order_by("pk").values_list(
                "pk", "status", "owner", "authority", "deadline"
            )
        ),
        Comment.objects.count(),
        Attachment.objects.count(),
        ObstacleTranslation.objects.count(),
        list(RoutingRule.objects.order_by("pk").values_list("pk", "authority", "deadline_days")),
        AuditEntry.objects.count(),
        Notification.objects.count(),
    )


@pytest.mark.parametrize("name", CALLS.keys())
@pytest.mark.parametrize("who", OTHERS)
def test_others_may_not(desk, name, who):
    _allowed, call = CALLS[name]
    assert_refused(lambda: call(desk, user_named(who, desk)), state)


@pytest.mark.parametrize("name", CALLS.keys())
def test_those_allowed_may(desk, name):
    allowed, call = CALLS[name]
    assert_done(lambda: call(desk, user_named(allowed, desk)), state)


def test_a_platform_administrator_files_only_for_an_organisation_of_their_own(desk):
    """The rules give platform administrators the queue and the workflow, not the voice of a
    business they do not belong to."""
    assert_refused(
        lambda: services.file_obstacle(
            data=obstacle_input(title="Land lease"),
            organisation=desk.business,
            by=desk.platform_admin,
        ),
        state,
    )
