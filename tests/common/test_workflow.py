"""The one transition helper of the workflows (common/workflow.py): it locks and reads the
row afresh, checks who acts on that row, refuses a state the step does not leave, and writes
the change and its audit entry together, or nothing at all."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from kakehashi.common.models import AuditEntry
from kakehashi.common.workflow import transition
from kakehashi.notifications.models import Notification
from kakehashi.proposals.models import Proposal, ProposalStatus
from kakehashi.proposals.services.base import WORKFLOW_FIELDS, audit
from tests.factories import OrganisationFactory, UserFactory, locality, member_of
from tests.proposals.factories import ProposalFactory

pytestmark = pytest.mark.usefixtures("reference")


@pytest.fixture
def company():
    return OrganisationFactory(locality=locality("ho-chi-minh-city"))


@pytest.fixture
def draft(company):
    return ProposalFactory(organisation=company)


def state() -> tuple:
    """Everything a step could write."""
    return (
        list(Proposal.objects.order_by("pk").values_list("pk", "status", "rejection_reason")),
        AuditEntry.objects.count(),
        Notification.objects.count(),
    )


def submit(proposal, by, **options):
    return transition(
        proposal,
        by=by,
        permission=options.pop("permission", "proposals.submit_proposal"),
        fields=WORKFLOW_FIELDS,
        audit=audit,
        **options,
    )


def test_a_step_saves_the_change_and_writes_one_audit_entry(company, draft):
    owner = member_of(company)
    with submit(draft, owner) as proposal:
        proposal.status = ProposalStatus.SUBMITTED
    assert proposal is not draft  # the locked row, read afresh
    draft.refresh_from_db()
    assert draft.status == ProposalStatus.SUBMITTED
    entry = AuditEntry.objects.get()
    assert (entry.action, entry.actor, entry.before, entry.after) == (
        "status",
        owner,
        {"status": "draft"},
        {"status": "submitted"},
    )
    assert list(entry.owners.all()) == [company]


@pytest.mark.parametrize("who", ["stranger", "outsider", "anonymous"])
def test_a_refused_permission_writes_nothing(draft, who):
    by = {
        "stranger": UserFactory(),
        "outsider": member_of(OrganisationFactory()),
        "anonymous": None,
    }[who]
    before = state()
    with pytest.raises(PermissionDenied), submit(draft, by) as proposal:
        proposal.status = ProposalStatus.SUBMITTED
    assert state() == before


def test_a_platform_administrator_is_refused_a_state_the_rules_do_not_allow(company):
    withdrawn = ProposalFactory(organisation=company, status=ProposalStatus.WITHDRAWN)
    admin = UserFactory(is_superuser=True, is_staff=True)
    before = state()
    with pytest.raises(PermissionDenied), submit(withdrawn, admin) as proposal:
        proposal.status = ProposalStatus.SUBMITTED
    assert state() == before


def test_the_permission_is_asked_of_the_row_as_stored_not_as_held(company, draft):
    # The caller's copy says "rejected" (editable); the row has been withdrawn meanwhile.
    Proposal.objects.filter(pk=draft.pk).update(status=ProposalStatus.WITHDRAWN)
    draft.status = ProposalStatus.REJECTED
    before = state()
    with pytest.raises(PermissionDenied), submit(draft, member_of(company)) as proposal:
        proposal.status = ProposalStatus.SUBMITTED
    assert state() == before


def test_a_refusal_inside_the_block_writes_nothing(company, draft):
    owner = member_of(company)
    before = state()
    with pytest.raises(ValidationError), submit(draft, owner) as proposal:
        proposal.status = ProposalStatus.SUBMITTED
        proposal.save()  # even what the block saved itself goes
        raise ValidationError("Bad input.", code="bad_input")
    assert state() == before


def test_a_state_the_step_does_not_leave_is_refused_with_one_message(company, draft):
    owner = member_of(company)
    before = state()
    with translation.override("en"):
        with pytest.raises(ValidationError) as refused:
            with submit(draft, owner, allowed_from=(ProposalStatus.REJECTED,)) as proposal:
                proposal.status = ProposalStatus.SUBMITTED
        assert refused.value.code == "wrong_status"
        assert refused.value.messages == ["This cannot be done in its current state."]
    with translation.override("vi"):
        assert refused.value.messages != ["This cannot be done in its current state."]
    assert state() == before


def test_a_step_may_name_its_own_refusal(company, draft):
    own = ValidationError("Already decided.", code="already_decided")
    with pytest.raises(ValidationError) as refused:
        with submit(draft, member_of(company), allowed_from=(), refusal=own):
            pass
    assert refused.value is own
    assert AuditEntry.objects.count() == 0


def test_without_a_permission_or_an_audit_the_caller_answers_for_both(draft):
    with transition(
        draft, by=None, permission=None, update_fields=("rejection_reason",)
    ) as proposal:
        proposal.rejection_reason = "Set by the platform."
        proposal.title = "Not saved: not in update_fields"
    draft.refresh_from_db()
    assert (draft.rejection_reason, draft.title != "Not saved: not in update_fields") == (
        "Set by the platform.",
        True,
    )
    assert not AuditEntry.objects.exists()
