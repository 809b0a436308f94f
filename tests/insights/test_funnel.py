"""Funnel figures from the known data of builders.py, counted by hand:

- proposals p1 (Da Nang, agriculture) and p2 (Osaka, agriculture + trade) are published and
  their owners are at the event; p3 (Hue) is a draft; p4 (a Hanoi company, not at the event)
  is published.
- interests: Aichi and Osaka in p1, Hue in p2, Da Nang in p4 (declined, still expressed).
- requests: Da Nang → Osaka (accepted: m1), Hue → Aichi (accepted: m2), Da Nang → Aichi
  (pending); m3 Osaka–Hue added by the organisers (requested by them, without a request).
  All three scheduled; m1 and m2 held, and both followed by an outcome.
- outcomes: MoU signed after m1 (locality: Da Nang, the Vietnamese side), follow-up agreed
  after m2 (events), "no follow-up" after m2 (not an outcome), investment registered after
  Aichi's interest in p1 (locality: p1's, Da Nang; no meeting led to it, so it counts
  apart, as an outcome of an interest).

A meeting counts once for each locality (or sector) of its delegations: m1 for Da Nang and
Osaka, m3 for Osaka and Hue; the pending request for Da Nang and Aichi."""

import datetime as dt

from django.utils import timezone

from kakehashi.events import services as events
from kakehashi.events.models import (
    Meeting,
    MeetingSlot,
    MeetingStatus,
    MeetingTable,
    RegistrationStatus,
)
from kakehashi.insights import figures, funnel, services
from kakehashi.insights.models import OutcomeKind
from tests.events.builders import AFTER_THE_EVENT
from tests.factories import OrganisationFactory, locality, member_of

STAGES = ["proposals", "interests", "requests", "scheduled", "held", "outcomes", "other_outcomes"]
NESTED = ["requests", "scheduled", "held", "outcomes"]


def _stages(row):
    return [row[stage] for stage in STAGES]


def _assert_nested(rows):
    """Requested ≥ scheduled ≥ held ≥ with an outcome, in every row and in the total."""
    for row in [*rows, {key: sum(r[key] for r in rows) for key in NESTED}]:
        values = [row[key] for key in NESTED]
        assert values == sorted(values, reverse=True), row


def _all_funnels():
    return [
        funnel.funnel_by_event(),
        funnel.funnel_by_locality(),
        funnel.funnel_by_sector(),
        [funnel.funnel_overall()],
    ]


def test_funnel_per_event(world, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        rows = funnel.funnel_by_event()
    assert [(row["group"], _stages(row)) for row in rows] == [
        # 3 requests and m3, arranged by the organisers without one.
        ("Meet Japan 2027", [2, 3, 4, 3, 2, 2, 0])
    ]


def test_funnel_per_locality(world, django_assert_max_num_queries):
    with django_assert_max_num_queries(9):
        rows = funnel.funnel_by_locality()
    assert {row["group"]: _stages(row) for row in rows} == {
        # r1, r3; m1 scheduled, held, followed by the MoU; the investment after an interest.
        "Da Nang": [1, 2, 2, 1, 1, 1, 1],
        # r1 and m3; both scheduled; m1 held and followed.
        "Osaka Prefecture": [1, 1, 2, 2, 1, 1, 0],
        # r2 and m3; both scheduled; m2 held, followed by the follow-up agreed.
        "Hue": [0, 0, 2, 2, 1, 1, 0],
        # r2 and r3 (pending); m2.
        "Aichi Prefecture": [0, 0, 2, 1, 1, 1, 0],
        "Hanoi": [1, 1, 0, 0, 0, 0, 0],
    }


def test_funnel_per_sector(world, django_assert_max_num_queries):
    with django_assert_max_num_queries(10):
        rows = funnel.funnel_by_sector()
    assert {row["group"]: _stages(row) for row in rows} == {
        # Only Da Nang's delegation is in agriculture: r1, r3, m1.
        "Agriculture": [2, 3, 2, 1, 1, 1, 1],
        "Trade": [1, 1, 0, 0, 0, 0, 0],
    }


def test_stages_are_nested_in_every_row_and_in_total(world):
    for rows in _all_funnels():
        _assert_nested(rows)
    danang = world.delegations["danang"][0].organisation
    hue = world.delegations["hue"][0].organisation
    _assert_nested(funnel.organisation_funnel({danang.pk, hue.pk}))


def test_a_meeting_counts_once_per_locality_it_involves(world):
    """A second Da Nang delegation meets the first: the meeting involves one locality, so it
    counts once for Da Nang, and the stages stay nested."""
    before = {row["group"]: _stages(row) for row in funnel.funnel_by_locality()}
    organisation = OrganisationFactory(country="VN", locality=locality("da-nang"))
    user = member_of(organisation)
    registration = events.register(
        event=world.event, organisation=organisation, by=user, languages=["vi"]
    )
    registration.status = RegistrationStatus.APPROVED
    registration.save(update_fields=["status"])
    danang, danang_user = world.delegations["danang"]
    request = events.send_request(sender=registration, recipient=danang, by=user)
    events.answer_request(meeting_request=request, accept=True, by=danang_user)
    meeting = Meeting.objects.get(request=request)
    slot = MeetingSlot.objects.filter(event=world.event).order_by("starts_at")[2]
    table = MeetingTable.objects.filter(event=world.event).order_by("name")[0]
    events.place_meeting(meeting=meeting, slot=slot, table=table, by=world.organiser)
    events.record_attendance(meeting=meeting, held=True, by=world.organiser, now=AFTER_THE_EVENT)
    meeting.refresh_from_db()
    services.record_outcome(
        kind=OutcomeKind.TRAINING, meeting=meeting, occurred_on=dt.date(2026, 11, 3), by=user
    )
    # A second outcome of the same meeting: the meeting is still counted once.
    services.record_outcome(
        kind=OutcomeKind.CONTRACT,
        meeting=meeting,
        occurred_on=timezone.localdate(),
        amount="5000",
        currency="USD",
        by=user,
    )

    after = {row["group"]: _stages(row) for row in funnel.funnel_by_locality()}
    assert after["Da Nang"] == [1, 2, 3, 2, 2, 2, 1]
    assert [a - b for a, b in zip(after["Da Nang"], before["Da Nang"], strict=True)] == [
        0,
        0,
        1,
        1,
        1,
        1,
        0,
    ]
    assert {key: value for key, value in after.items() if key != "Da Nang"} == {
        key: value for key, value in before.items() if key != "Da Nang"
    }
    overall = funnel.funnel_overall()
    assert [overall[key] for key in NESTED] == [5, 4, 3, 3]
    for rows in _all_funnels():
        _assert_nested(rows)


def test_a_cancelled_meeting_stays_requested_only(world):
    Meeting.objects.filter(pk=world.meetings["m3"].pk).update(status=MeetingStatus.CANCELLED)
    by_place = {row["group"]: _stages(row) for row in funnel.funnel_by_locality()}
    assert by_place["Osaka Prefecture"] == [1, 1, 2, 1, 1, 1, 0]
    assert by_place["Hue"] == [0, 0, 2, 1, 1, 1, 0]


def test_unpublished_event_is_not_counted_in_public(world):
    world.event.is_published = False
    world.event.save(update_fields=["is_published"])
    assert funnel.funnel_by_event() == []
    by_place = {row["group"]: _stages(row) for row in funnel.funnel_by_locality()}
    # Only the proposals, the interests and the outcome of an interest remain.
    assert by_place["Da Nang"] == [1, 2, 0, 0, 0, 0, 1]
    assert "Hue" not in by_place


def test_funnel_of_own_organisations_counts_everything_of_theirs(world):
    danang = world.delegations["danang"][0].organisation
    hue = world.delegations["hue"][0].organisation
    rows = {row["id"]: _stages(row) for row in funnel.organisation_funnel({danang.pk, hue.pk})}
    assert rows == {
        # p1; 2 interests received + 1 sent; r1 and r3; m1; m1; the MoU; the investment.
        danang.pk: [1, 3, 2, 1, 1, 1, 1],
        # the draft p3; 1 interest sent; r2 and m3; m2 and m3; m2; the follow-up.
        hue.pk: [1, 1, 2, 2, 1, 1, 0],
    }


def test_event_results_totals_and_the_whole(world):
    assert funnel.event_results() == [
        {"group": "Meet Japan 2027", "requests": 4, "scheduled": 3, "held": 2, "outcomes": 2}
    ]
    totals = funnel.funnel_totals(funnel.funnel_by_locality())
    # Each meeting counts for both localities it involves.
    assert [row["count"] for row in totals] == [3, 4, 8, 6, 4, 4, 1]
    # Every record once.
    assert _stages(funnel.funnel_overall()) == [3, 4, 4, 3, 2, 2, 1]


def test_partnership_network_and_agreements_count_published_ones(world):
    assert figures.partnership_network() == [
        {
            "vietnam": "Da Nang",
            "japan": "Osaka Prefecture",
            "kind": "MoU on cooperation",
            "count": 1,
        },
        {
            "vietnam": "Ho Chi Minh City",
            "japan": "Aichi Prefecture",
            "kind": "Sister or friendship city",
            "count": 1,
        },
    ]
    assert figures.partnership_network(since=2020) == [
        {
            "vietnam": "Ho Chi Minh City",
            "japan": "Aichi Prefecture",
            "kind": "Sister or friendship city",
            "count": 1,
        }
    ]
    assert [
        (row["year"], row["count"], row["sister_city"]) for row in figures.agreements_by_year()
    ] == [
        (2019, 1, 0),
        (2023, 1, 1),
    ]
