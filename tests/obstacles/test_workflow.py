"""The workflow: each transition, who may do it, who may NOT (nothing changes), and who is
told."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from kakehashi.notifications.models import Notification
from kakehashi.obstacles import services
from kakehashi.obstacles.models import Attachment, Comment, Obstacle, Status
from tests.obstacles.conftest import PDF

pytestmark = pytest.mark.django_db


def notices(user) -> list[str]:
    return list(
        Notification.objects.filter(recipient=user).order_by("pk").values_list("subject", flat=True)
    )


def snapshot(obstacle):
    row = Obstacle.objects.get(pk=obstacle.pk)
    return (row.status, row.owner_id, row.resolution_reason, row.public_summary, row.is_public)


def assigned(obstacle, officer):
    return services.assign(obstacle=obstacle, owner=officer, by=officer)


def test_assign_start_resolve_tells_the_reporter_each_step(obstacle, officer, hcmc_admin, reporter):
    services.assign(obstacle=obstacle, owner=officer, by=hcmc_admin)
    obstacle.refresh_from_db()
    assert (obstacle.status, obstacle.owner) == (Status.ASSIGNED, officer)
    assert notices(officer) == ["An obstacle is yours to answer: " + obstacle.title]

    services.start(obstacle=obstacle, by=officer)
    obstacle.refresh_from_db()
    assert obstacle.status == Status.IN_PROGRESS

    services.resolve(
        obstacle=obstacle,
        reason="Permit issued on 3 November after a joint inspection.",
        public_summary="A factory extension permit delayed six months was issued.",
        by=officer,
    )
    obstacle.refresh_from_db()
    assert obstacle.status == Status.RESOLVED
    assert obstacle.is_public and obstacle.closed_at is not None
    assert notices(reporter) == [
        f"Your obstacle was received: {obstacle.title}",
        f"Your obstacle has an owner: {obstacle.title}",
        f"Work has started on your obstacle: {obstacle.title}",
        f"Your obstacle is resolved: {obstacle.title}",
    ]
    last = Notification.objects.filter(recipient=reporter).latest("pk")
    assert "Permit issued on 3 November" in last.body


def test_cannot_resolve_needs_a_reason(obstacle, officer):
    assigned(obstacle, officer)
    before = snapshot(obstacle)

    with pytest.raises(ValidationError) as error:
        services.cannot_resolve(obstacle=obstacle, reason="  ", by=officer)

    assert error.value.error_dict["reason"][0].code == "reason_missing"
    assert snapshot(obstacle) == before
    services.cannot_resolve(
        obstacle=obstacle,
        reason="The land belongs to the army; only the ministry decides.",
        by=officer,
    )
    obstacle.refresh_from_db()
    assert obstacle.status == Status.UNRESOLVABLE and not obstacle.is_public


def test_public_without_summary_is_refused(obstacle, officer):
    assigned(obstacle, officer)
    before = snapshot(obstacle)

    with pytest.raises(ValidationError) as error:
        services.resolve(obstacle=obstacle, reason="Done.", is_public=True, by=officer)

    assert error.value.error_dict["public_summary"][0].code == "summary_missing"
    assert snapshot(obstacle) == before


def test_owner_must_be_a_member_of_the_authority(obstacle, hcmc_admin, colleague):
    before = snapshot(obstacle)

    with pytest.raises(ValidationError) as error:
        services.assign(obstacle=obstacle, owner=colleague, by=hcmc_admin)

    assert error.value.error_dict["owner"][0].code == "owner_not_member"
    assert snapshot(obstacle) == before


@pytest.mark.parametrize("who", ["reporter", "colleague", "outsider", "other_authority"])
def test_only_the_authority_acts(request, obstacle, officer, who, hcmc_people_committee):
    from tests.factories import member_of

    user = (
        member_of(hcmc_people_committee)
        if who == "other_authority"
        else request.getfixturevalue(who)
    )
    before = snapshot(obstacle)
    with pytest.raises(PermissionDenied):
        services.assign(obstacle=obstacle, owner=officer, by=user)
    assigned(obstacle, officer)
    before = snapshot(obstacle)
    for attempt in (
        lambda: services.start(obstacle=obstacle, by=user),
        lambda: services.resolve(obstacle=obstacle, reason="Done.", by=user),
        lambda: services.cannot_resolve(obstacle=obstacle, reason="No.", by=user),
    ):
        with pytest.raises(PermissionDenied):
            attempt()
        assert snapshot(obstacle) == before


def test_transitions_follow_the_order(obstacle, officer, platform_admin):
    # Nobody, not even a platform administrator, starts or closes an unassigned obstacle.
    for user in (officer, platform_admin):
        with pytest.raises(PermissionDenied):
            services.start(obstacle=obstacle, by=user)
        with pytest.raises(PermissionDenied):
            services.resolve(obstacle=obstacle, reason="Done.", by=user)
    assert snapshot(obstacle)[0] == Status.RECEIVED
    assigned(obstacle, officer)
    services.resolve(obstacle=obstacle, reason="Done.", by=officer)
    before = snapshot(obstacle)
    with pytest.raises(PermissionDenied):
        services.resolve(obstacle=obstacle, reason="Again.", by=officer)
    with pytest.raises(PermissionDenied):
        services.assign(obstacle=obstacle, owner=officer, by=officer)
    assert snapshot(obstacle) == before


def test_platform_admin_may_act_on_any_obstacle(obstacle, officer, platform_admin):
    services.assign(obstacle=obstacle, owner=officer, by=platform_admin)
    services.resolve(obstacle=obstacle, reason="Settled at the conference.", by=platform_admin)

    obstacle.refresh_from_db()
    assert obstacle.status == Status.RESOLVED


def test_reopen_by_the_reporter_goes_back_to_the_owner(obstacle, officer, reporter, outsider):
    assigned(obstacle, officer)
    services.resolve(obstacle=obstacle, reason="Done.", public_summary="Solved.", by=officer)
    with pytest.raises(PermissionDenied):
        services.reopen(obstacle=obstacle, by=outsider)

    services.reopen(obstacle=obstacle, by=reporter)

    obstacle.refresh_from_db()
    assert obstacle.status == Status.ASSIGNED
    assert (obstacle.resolution_reason, obstacle.public_summary, obstacle.is_public) == (
        "",
        "",
        False,
    )
    assert obstacle.deadline == timezone.localdate() + dt.timedelta(days=14)
    assert notices(officer)[-1] == f"An obstacle was reopened: {obstacle.title}"


def test_comments_reach_the_other_side(obstacle, officer, reporter, hcmc_admin, outsider):
    services.add_comment(obstacle=obstacle, body="Any news?", by=reporter)
    assert notices(hcmc_admin)[-1] == f"New comment on the obstacle “{obstacle.title}”"
    assigned(obstacle, officer)
    services.add_comment(obstacle=obstacle, body="Inspection on Friday.", by=officer)
    assert notices(reporter)[-1] == f"New comment on the obstacle “{obstacle.title}”"
    services.add_comment(obstacle=obstacle, body="Thank you.", by=reporter)
    assert notices(officer)[-1] == f"New comment on the obstacle “{obstacle.title}”"

    with pytest.raises(PermissionDenied):
        services.add_comment(obstacle=obstacle, body="Spam", by=outsider)
    with pytest.raises(ValidationError):
        services.add_comment(obstacle=obstacle, body="   ", by=reporter)
    assert list(Comment.objects.values_list("body", flat=True)) == [
        "Any news?",
        "Inspection on Friday.",
        "Thank you.",
    ]


# --- attachments -------------------------------------------------------------------------


def upload(content=PDF, name="permit.pdf"):
    return SimpleUploadedFile(name, content)


def test_attachments_filed_with_the_obstacle(file, licence_rule):
    obstacle = file(attachments=[("permit.pdf", upload())])

    (attachment,) = obstacle.attachments.all()
    assert (attachment.content_type, attachment.size) == ("application/pdf", len(PDF))


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"MZ\x90\x00 not a pdf", "file_type_not_allowed"),
        (b"%PDF-1.4 truncated", "file_damaged"),
        (b"", "file_empty"),
    ],
)
def test_a_bad_attachment_files_nothing(file, licence_rule, content, code):
    with pytest.raises(ValidationError) as error:
        file(attachments=[("ok.pdf", upload()), ("bad.pdf", upload(content))])

    assert error.value.error_dict["attachments"][0].code == code
    assert not Obstacle.objects.exists()
    assert not Attachment.objects.exists()


def test_too_large_attachment_is_refused(obstacle, reporter, settings):
    settings.KAKEHASHI_MAX_UPLOAD_BYTES = 10
    with pytest.raises(ValidationError) as error:
        services.add_attachment(obstacle=obstacle, title="Scan", upload=upload(), by=reporter)
    assert error.value.code == "file_too_large"
    assert not Attachment.objects.exists()


def test_attachments_later_by_participants_only(obstacle, reporter, outsider):
    services.add_attachment(obstacle=obstacle, title="Scan", upload=upload(), by=reporter)
    with pytest.raises(PermissionDenied):
        services.add_attachment(obstacle=obstacle, title="Scan", upload=upload(), by=outsider)
    assert obstacle.attachments.count() == 1
