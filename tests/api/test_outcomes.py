"""The outcomes API: recording what followed a conversation, an accepted interest or a held
meeting (the page's service and checks: members and parties only, outsiders get 404, bad
input is refused with a code in the reader's language and writes nothing), the caller's
organisations' outcomes, and the public funnel."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kakehashi.insights import figures, funnel
from kakehashi.insights.models import Outcome, OutcomeKind
from kakehashi.messaging import services as messaging
from kakehashi.partnerships.models import Partnership
from tests.factories import OrganisationFactory, locality, member_of
from tests.insights.builders import build_conversation, build_world

pytestmark = pytest.mark.django_db

DAY = dt.date(2026, 11, 2)


@pytest.fixture
def world(reference):
    """See tests/insights/builders.py: held meetings m1 (Da Nang–Osaka) and m2 (Hue–Aichi),
    m3 not held; interest aichi_p1 accepted, osaka_p1 pending."""
    return build_world()


@pytest.fixture
def talk(reference):
    """See tests/insights/builders.py: (thread, vn, jp, lan of vn, sato of jp)."""
    return build_conversation()


def investment(**fields) -> dict:
    return {
        "kind": "investment",
        "occurred_on": DAY.isoformat(),
        "amount": "2500000",
        "currency": "USD",
        "note": "Factory in Hoa Khanh",
        **fields,
    }


def written():
    return Outcome.objects.count(), Partnership.objects.count()


def test_a_member_records_an_investment_from_a_conversation(as_user, talk):
    thread, vn, _jp, _lan, sato = talk

    response = as_user(sato).post("/outcomes", investment(thread=thread.pk))

    assert response.status_code == 201
    outcome = Outcome.objects.get()
    assert response.json() == {
        "id": outcome.pk,
        "kind": "investment",
        "source": {"type": "thread", "id": thread.pk},
        "locality": {"id": vn.locality_id, "slug": "da-nang", "name": "Da Nang"},
        "amount": "2500000.00",
        "currency": "USD",
        "occurred_on": "2026-11-02",
        "note": "Factory in Hoa Khanh",
        "partnership": None,
        "is_public": True,
    }
    assert (outcome.thread, outcome.meeting, outcome.interest) == (thread, None, None)
    assert outcome.recorded_by == sato
    by_locality = {row["id"]: row["other_outcomes"] for row in funnel.funnel_by_locality()}
    assert by_locality[locality("da-nang").pk] == 1


def test_an_outcome_kept_out_of_public_figures(as_user, talk):
    thread, vn, _jp, lan, _sato = talk

    response = as_user(lan).post("/outcomes", investment(thread=thread.pk, is_public=False))

    assert response.status_code == 201 and response.json()["is_public"] is False
    assert not figures.public_outcomes().exists()
    assert funnel.organisation_funnel({vn.pk})[0]["other_outcomes"] == 1


def test_a_signed_mou_after_an_accepted_interest_creates_a_partnership(as_user, world):
    interest = world.interests["aichi_p1"]
    aichi_user = world.delegations["aichi"][1]

    response = as_user(aichi_user).post(
        "/outcomes",
        {
            "interest": interest.pk,
            "kind": "mou_signed",
            "occurred_on": DAY.isoformat(),
            "partnership_title": "Aichi and Da Nang agri-tech MoU",
        },
    )

    assert response.status_code == 201
    body = response.json()
    partnership = Partnership.objects.get(title="Aichi and Da Nang agri-tech MoU")
    assert body["source"] == {"type": "interest", "id": interest.pk}
    assert body["partnership"] == partnership.pk
    assert body["locality"]["id"] == interest.proposal.locality_id  # the default
    assert (body["amount"], body["currency"]) == (None, "")
    parties = {party.organisation for party in partnership.parties.all()}
    assert parties == {interest.organisation, interest.proposal.organisation}
    assert partnership.is_published is False


def test_a_conversation_about_an_accepted_interest_records_on_the_interest(as_user, world):
    interest = world.interests["aichi_p1"]
    aichi_user = world.delegations["aichi"][1]
    thread = messaging.open_thread(
        subject="Next steps",
        from_organisation=interest.organisation,
        to_organisation=interest.proposal.organisation,
        by=aichi_user,
        about=interest.proposal,
        body="Shall we sign?",
    )

    response = as_user(aichi_user).post(
        "/outcomes", {"thread": thread.pk, "kind": "training", "occurred_on": DAY.isoformat()}
    )

    assert response.status_code == 201
    assert response.json()["source"] == {"type": "interest", "id": interest.pk}
    assert Outcome.objects.get(pk=response.json()["id"]).thread is None


def test_a_delegation_records_a_contract_after_a_held_meeting(as_user, world):
    meeting = world.meetings["m2"]  # Hue and Aichi, held
    hue_user = world.delegations["hue"][1]

    response = as_user(hue_user).post(
        "/outcomes",
        {
            "meeting": meeting.pk,
            "kind": "contract",
            "occurred_on": DAY.isoformat(),
            "locality": locality("hue").pk,
            "amount": 120000,
            "currency": "JPY",
        },
    )

    assert response.status_code == 201
    body = response.json()
    assert body["source"] == {"type": "meeting", "id": meeting.pk}
    assert (body["locality"]["slug"], body["amount"], body["currency"]) == (
        "hue",
        "120000.00",
        "JPY",
    )
    assert Outcome.objects.filter(meeting=meeting, kind=OutcomeKind.CONTRACT).count() == 1


def test_anonymous_callers_must_sign_in(anonymous, talk):
    thread = talk[0]

    refused = anonymous.post("/outcomes", investment(thread=thread.pk))

    assert refused.status_code == 401 and refused.json()["code"] == "not_authenticated"
    assert anonymous.get("/outcomes").status_code == 401
    assert written() == (0, 0)


def test_outsiders_get_404_for_every_kind_of_source(as_user, world):
    outsider = as_user(member_of(OrganisationFactory(name="Hanoi Textiles")))
    thread = messaging.open_thread(
        subject="Rice",
        from_organisation=world.delegations["hue"][0].organisation,
        to_organisation=world.delegations["aichi"][0].organisation,
        by=world.delegations["hue"][1],
        body="Hello",
    )
    before = written()

    for source in (
        {"thread": thread.pk},
        {"interest": world.interests["aichi_p1"].pk},
        {"meeting": world.meetings["m1"].pk},
        {"meeting": 99999999},
    ):
        response = outsider.post("/outcomes", investment(**source))
        assert response.status_code == 404 and response.json()["code"] == "not_found", source

    assert written() == before


def test_a_colleague_outside_the_conversation_gets_404(as_user, talk):
    thread, vn, *_rest = talk
    colleague = member_of(vn)  # acts for a party but is not a member of the thread

    response = as_user(colleague).post("/outcomes", investment(thread=thread.pk))

    assert response.status_code == 404
    assert written() == (0, 0)


def test_a_source_that_is_not_ready_is_refused_with_its_code(as_user, world):
    owner = world.delegations["danang"][1]
    hue_user = world.delegations["hue"][1]
    before = written()

    pending = as_user(owner).post("/outcomes", investment(interest=world.interests["osaka_p1"].pk))
    not_held = as_user(hue_user).post("/outcomes", investment(meeting=world.meetings["m3"].pk))

    assert pending.status_code == 422
    assert pending.json()["code"] == "not_accepted"
    assert pending.json()["message"] == "Outcomes are recorded once the contact was accepted."
    assert not_held.status_code == 422
    assert not_held.json()["code"] == "not_held"
    assert written() == before


def test_exactly_one_source_must_be_named(as_user, world):
    aichi = as_user(world.delegations["aichi"][1])
    both = {"interest": world.interests["aichi_p1"].pk, "meeting": world.meetings["m2"].pk}
    before = written()

    for sources in ({}, both):
        response = aichi.post("/outcomes", investment(**sources))
        assert response.status_code == 422 and response.json()["code"] == "source_missing"

    assert written() == before


@pytest.mark.parametrize(
    ("fields", "field", "code"),
    [
        ({"amount": None, "currency": None}, "amount", "amount_missing"),
        ({"currency": None}, "currency", "currency_invalid"),
        ({"amount": "-5"}, "amount", "greater_than_equal"),
        ({"amount": "12.345"}, "amount", "decimal_max_places"),
        ({"amount": "lots"}, "amount", "decimal_parsing"),
        ({"currency": "EUR"}, "currency", "enum"),
        ({"occurred_on": "2099-01-01"}, "occurred_on", "date_in_future"),
        ({"kind": "merger"}, "kind", "enum"),
        ({"locality": "aichi-prefecture"}, "locality", "invalid_choice"),
    ],
)
def test_bad_input_is_refused_and_writes_nothing(as_user, talk, fields, field, code):
    thread, *_rest, sato = talk
    if "locality" in fields:  # Aichi: neither a party's locality nor Vietnamese
        fields = {"locality": locality(fields["locality"]).pk}

    response = as_user(sato).post("/outcomes", investment(thread=thread.pk, **fields))

    assert response.status_code == 422
    details = response.json()["details"]
    assert [(detail["field"], detail["code"]) for detail in details] == [(field, code)]
    assert written() == (0, 0)


def test_errors_are_in_the_readers_language(as_user, talk):
    thread, *_rest, lan, _sato = talk

    response = as_user(lan, language="vi").post(
        "/outcomes", investment(thread=thread.pk, amount=None, currency=None)
    )

    assert response.status_code == 422
    assert response.json()["code"] == "amount_missing"
    assert response.json()["message"] == "Vui lòng nhập vốn đầu tư và đơn vị tiền tệ."
    assert response.json()["details"][0]["field"] == "amount"
    assert written() == (0, 0)


def test_the_list_holds_only_the_callers_organisations_outcomes(as_user, world, talk):
    thread, _vn, _jp, lan, sato = talk
    assert as_user(lan).post("/outcomes", investment(thread=thread.pk)).status_code == 201
    others = set(Outcome.objects.exclude(thread=thread).values_list("pk", flat=True))
    assert len(others) == 2  # recorded by build_world for Da Nang, Osaka and Aichi

    mine = as_user(sato).get("/outcomes").json()
    danang = as_user(world.delegations["danang"][1]).get("/outcomes").json()
    nobody = as_user(member_of(OrganisationFactory())).get("/outcomes").json()

    assert (mine["count"], [item["source"]["type"] for item in mine["items"]]) == (1, ["thread"])
    assert {item["id"] for item in danang["items"]} == others
    assert nobody == {"count": 0, "items": []}


def test_the_list_costs_the_same_queries_for_one_or_many(as_user, talk):
    thread, *_rest, lan, _sato = talk
    caller = as_user(lan)

    def queries_for_list():
        with CaptureQueriesContext(connection) as captured:
            assert caller.get("/outcomes").status_code == 200
        return len(captured)

    caller.post("/outcomes", investment(thread=thread.pk))
    one = queries_for_list()
    for kind in ("contract", "training", "mou_signed"):
        assert caller.post("/outcomes", investment(thread=thread.pk, kind=kind)).status_code == 201

    assert queries_for_list() == one
    assert caller.get("/outcomes").json()["count"] == 4


def test_the_public_funnel_has_the_dashboards_numbers(anonymous, world):
    for by, rows in (
        ("event", funnel.funnel_by_event()),
        ("locality", funnel.funnel_by_locality()),
        ("sector", funnel.funnel_by_sector()),
    ):
        response = anonymous.get(f"/insights/funnel?by={by}")
        assert response.status_code == 200
        expected = [{"id": None, **row} for row in rows]
        assert response.json() == {"by": by, "rows": expected}
    assert anonymous.get("/insights/funnel").json()["by"] == "event"


def test_an_unknown_funnel_grouping_is_refused(anonymous, reference):
    response = anonymous.get("/insights/funnel?by=company")

    assert response.status_code == 422
    assert response.json()["details"] == [
        {
            "field": "by",
            "code": "literal_error",
            "message": "Choose one of: event, locality, sector.",
        }
    ]
