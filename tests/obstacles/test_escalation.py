"""Overdue open obstacles escalate once to the authority's administrators."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.utils import timezone

from kakehashi.common.formats import format_day
from kakehashi.notifications.models import Notification
from kakehashi.obstacles import services
from kakehashi.obstacles.models import Obstacle
from tests.factories import locality

pytestmark = pytest.mark.django_db


def escalations(user):
    return Notification.objects.filter(recipient=user, subject__startswith="Overdue obstacle")


def test_overdue_obstacles_escalate_once(obstacle, hcmc_admin, officer, reporter):
    due = obstacle.deadline

    assert services.escalate_overdue(today=due) == 0  # due today is not overdue yet
    assert services.escalate_overdue(today=due + dt.timedelta(days=1)) == 1
    assert services.escalate_overdue(today=due + dt.timedelta(days=2)) == 0

    obstacle.refresh_from_db()
    assert obstacle.escalated_at is not None
    (notice,) = escalations(hcmc_admin)
    assert notice.subject == f"Overdue obstacle: {obstacle.title}"
    assert f"was due on {format_day(due, 'en')}" in notice.body
    assert not escalations(officer).exists()
    assert not escalations(reporter).exists()


def test_closed_obstacles_do_not_escalate(obstacle, officer, hcmc_admin):
    services.assign(obstacle=obstacle, owner=officer, by=officer)
    services.resolve(obstacle=obstacle, reason="Done.", by=officer)

    assert services.escalate_overdue(today=obstacle.deadline + dt.timedelta(days=30)) == 0
    assert not escalations(hcmc_admin).exists()


def test_unrouted_overdue_obstacles_go_to_platform_admins(file, platform_admin):
    obstacle = file(locality=locality("hue"))

    services.escalate_overdue(today=obstacle.deadline + dt.timedelta(days=1))

    assert escalations(platform_admin).count() == 1


def test_command_escalates(obstacle, hcmc_admin, capsys):
    Obstacle.objects.filter(pk=obstacle.pk).update(
        deadline=timezone.localdate() - dt.timedelta(days=1)
    )

    call_command("escalate_obstacles")
    call_command("escalate_obstacles")

    assert escalations(hcmc_admin).count() == 1
    assert capsys.readouterr().out.splitlines() == [
        "1 obstacle(s) escalated.",
        "0 obstacle(s) escalated.",
    ]


def test_command_takes_a_date(obstacle, hcmc_admin, capsys):
    call_command("escalate_obstacles", "--today", obstacle.deadline.isoformat())
    call_command(
        "escalate_obstacles", "--today", (obstacle.deadline + dt.timedelta(days=1)).isoformat()
    )

    assert escalations(hcmc_admin).count() == 1
