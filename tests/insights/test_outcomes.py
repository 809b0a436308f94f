import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from kakehashi.insights import services
from kakehashi.insights.models import Outcome, OutcomeKind
from kakehashi.partnerships.models import Partnership
from tests.factories import OrganisationFactory, member_of

DAY = dt.date(2026, 11, 10)


def test_mou_signed_creates_the_partnership_between_the_meeting_parties(world):
    outcome = Outcome.objects.get(kind=OutcomeKind.MOU_SIGNED)
    partnership = outcome.partnership
    danang = world.delegations["danang"][0].organisation
    osaka = world.delegations["osaka"][0].organisation
    assert {party.organisation for party in partnership.parties.all()} == {danang, osaka}
    assert partnership.signed_on == dt.date(2026, 11, 1)
    assert partnership.recorded_by == danang
    assert partnership.is_published is False
    assert outcome.locality == danang.locality


def test_investment_keeps_amount_currency_and_the_proposal_locality(world):
    outcome = Outcome.objects.get(kind=OutcomeKind.INVESTMENT)
    assert (str(outcome.amount), outcome.currency) == ("1000000.00", "USD")
    assert outcome.locality == world.proposals["p1"].locality
    assert outcome.partnership is None


@pytest.mark.parametrize(
    "fields, code",
    [
        ({"meeting": "m3"}, "not_held"),
        ({"meeting": "m1", "interest": "aichi_p1"}, "source_missing"),
        ({}, "source_missing"),
        ({"interest": "osaka_p1"}, "not_accepted"),
        ({"meeting": "m1", "kind": "party"}, "outcome_unknown"),
        ({"meeting": "m1", "kind": OutcomeKind.INVESTMENT}, "amount_missing"),
        ({"meeting": "m1", "amount": "-5", "currency": "USD"}, "amount_invalid"),
        ({"meeting": "m1", "amount": "abc", "currency": "USD"}, "amount_invalid"),
        ({"meeting": "m1", "amount": "5", "currency": "EUR"}, "currency_invalid"),
        ({"meeting": "m1", "occurred_on": dt.date(2099, 1, 1)}, "date_in_future"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_written(world, fields, code):
    fields = dict(fields)
    if "meeting" in fields:
        fields["meeting"] = world.meetings[fields["meeting"]]
    if "interest" in fields:
        fields["interest"] = world.interests[fields["interest"]]
    # The organiser may record a meeting's outcome; an interest's needs one of its parties.
    by = world.organiser
    if "interest" in fields and "meeting" not in fields:
        by = member_of(fields["interest"].organisation)
    before = (Outcome.objects.count(), Partnership.objects.count())
    with pytest.raises(ValidationError) as error:
        services.record_outcome(
            kind=fields.pop("kind", OutcomeKind.CONTRACT),
            occurred_on=fields.pop("occurred_on", DAY),
            by=by,
            **fields,
        )
    assert error.value.code == code
    assert (Outcome.objects.count(), Partnership.objects.count()) == before


def test_an_outsider_may_not_record_an_outcome(world):
    outsider = member_of(OrganisationFactory())
    before = (Outcome.objects.count(), Partnership.objects.count())
    for source in ({"meeting": world.meetings["m1"]}, {"interest": world.interests["hue_p2"]}):
        with pytest.raises(ValidationError) as error:
            services.record_outcome(
                kind=OutcomeKind.MOU_SIGNED, occurred_on=DAY, by=outsider, **source
            )
        assert error.value.code == "not_a_party"
    assert (Outcome.objects.count(), Partnership.objects.count()) == before


def test_an_organiser_records_a_training_programme(world):
    outcome = services.record_outcome(
        kind=OutcomeKind.TRAINING, meeting=world.meetings["m2"], occurred_on=DAY, by=world.organiser
    )
    hue = world.delegations["hue"][0].organisation
    assert outcome.locality == hue.locality  # the Vietnamese delegation's


def test_outcomes_join_the_audit_trail_of_their_meeting_or_proposal_not_of_a_thread(world):
    from kakehashi.common.audit import entries_visible_to
    from kakehashi.common.models import AuditAction, AuditEntry
    from kakehashi.messaging import services as messaging

    def added(label, pk):
        return AuditEntry.objects.filter(
            model_label=label, object_id=str(pk), action=AuditAction.ADDED
        )

    (meeting_entry,) = added("events.meeting", world.meetings["m1"].pk)
    assert meeting_entry.after["kind"] == OutcomeKind.MOU_SIGNED
    assert meeting_entry.after["partnership"].startswith("MoU between")
    interest = world.interests["aichi_p1"]
    (proposal_entry,) = added("proposals.proposal", interest.proposal.pk)
    assert (proposal_entry.after["amount"], proposal_entry.after["currency"]) == (
        "1000000.00",
        "USD",
    )
    # Both parties to the interest read it; an outsider does not.
    aichi_user = world.delegations["aichi"][1]
    assert entries_visible_to(aichi_user).filter(pk=proposal_entry.pk).exists()
    assert (
        not entries_visible_to(member_of(OrganisationFactory()))
        .filter(pk=proposal_entry.pk)
        .exists()
    )
    # A thread's outcome stays out of the trail that colleagues outside the thread can read.
    danang, osaka = (world.delegations[key][0].organisation for key in ("danang", "osaka"))
    thread = messaging.open_thread(
        subject="Talk",
        from_organisation=danang,
        to_organisation=osaka,
        by=world.delegations["danang"][1],
        body="Hello",
    )
    entries = AuditEntry.objects.count()
    services.record_outcome(
        kind=OutcomeKind.TRAINING, thread=thread, occurred_on=DAY, by=world.delegations["danang"][1]
    )
    assert AuditEntry.objects.count() == entries
