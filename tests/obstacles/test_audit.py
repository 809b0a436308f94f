"""The audit trail of an obstacle: filed, assigned, started, resolved, reopened, escalated,
commented; a refused step leaves no entry; the reporter's organisation and the authority see
the trail, an outsider does not."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied

from kakehashi.common.audit import entries_visible_to
from kakehashi.common.models import AuditAction, AuditEntry
from kakehashi.obstacles import services

pytestmark = pytest.mark.django_db


def trail(obstacle):
    return list(
        AuditEntry.objects.filter(model_label="obstacles.obstacle", object_id=str(obstacle.pk))
        .order_by("pk")
        .values_list("action", "actor", "before", "after")
    )


def test_each_step_is_recorded_with_who_and_what(obstacle, reporter, officer):
    services.assign(obstacle=obstacle, owner=officer, by=officer)
    services.start(obstacle=obstacle, by=officer)
    services.add_comment(obstacle=obstacle, body="Dossier complete, thank you.", by=officer)
    services.resolve(
        obstacle=obstacle,
        reason="Permit issued on 20 Nov.",
        public_summary="Permit issued.",
        by=officer,
    )
    steps = trail(obstacle)
    assert [(action, actor) for action, actor, _b, _a in steps] == [
        (AuditAction.CREATED, reporter.pk),
        (AuditAction.STATUS, officer.pk),
        (AuditAction.STATUS, officer.pk),
        (AuditAction.ADDED, officer.pk),
        (AuditAction.STATUS, officer.pk),
    ]
    assert steps[0][3]["status"] == "received"
    assert steps[1][2]["status"] == "received" and steps[1][3]["status"] == "assigned"
    assert steps[2][3] == {"status": "in_progress"}
    assert steps[3][3] == {"comments": 1}  # the comment's text is not copied into the log
    assert steps[4][2]["status"] == "in_progress" and steps[4][3]["status"] == "resolved"
    assert steps[4][3]["resolution_reason"] == "Permit issued on 20 Nov."


def test_escalation_is_recorded_as_the_platform(obstacle):
    services.escalate_overdue(today=obstacle.deadline + dt.timedelta(days=1))
    action, actor, before, after = trail(obstacle)[-1]
    assert (action, actor, before) == (AuditAction.STATUS, None, {"escalated_at": None})
    assert after["escalated_at"]


def test_a_refused_step_leaves_no_entry(obstacle, outsider):
    entries = AuditEntry.objects.count()
    with pytest.raises(PermissionDenied):
        services.start(obstacle=obstacle, by=outsider)
    assert AuditEntry.objects.count() == entries


def test_who_sees_the_trail(obstacle, reporter, officer, outsider):
    services.assign(obstacle=obstacle, owner=officer, by=officer)
    mine = entries_visible_to(reporter).filter(model_label="obstacles.obstacle")
    theirs = entries_visible_to(officer).filter(model_label="obstacles.obstacle")
    assert mine.count() == theirs.count() == 2
    assert not entries_visible_to(outsider).filter(model_label="obstacles.obstacle").exists()
