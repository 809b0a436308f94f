"""The page that records what followed a conversation, an accepted interest or a held
meeting: who may (members and parties only, outsiders get 404), what it writes, where a
conversation's outcome is attached, bad input in the reader's language, and how
conversation outcomes count in the figures."""

import datetime as dt

import pytest
from django.urls import reverse

from kakehashi.directory.models import Sector
from kakehashi.insights import figures, funnel
from kakehashi.insights.models import Outcome, OutcomeKind
from kakehashi.messaging import services as messaging
from kakehashi.notifications.models import Notification
from kakehashi.partnerships.models import Partnership
from tests.factories import OrganisationFactory, locality, member_of
from tests.insights.builders import build_conversation
from tests.messaging.factories import admin_of

URL = "/insights/outcomes/new/"
DAY = dt.date(2026, 11, 2)


def _login(client, user, language="en"):
    user.preferred_language = language
    user.save(update_fields=["preferred_language"])
    client.force_login(user)


def _investment(**fields):
    return {
        "kind": OutcomeKind.INVESTMENT,
        "occurred_on": DAY.isoformat(),
        "locality": locality("da-nang").pk,
        "amount": "2500000",
        "currency": "USD",
        "note": "Factory in Hoa Khanh",
        "is_public": "on",
        **fields,
    }


@pytest.fixture
def talk(reference):
    """See tests/insights/builders.py: (thread, vn, jp, lan of vn, sato of jp)."""
    return build_conversation()


def test_a_member_records_an_investment_from_a_conversation(client, talk):
    thread, vn, _jp, _lan, sato = talk
    _login(client, sato)
    page = client.get(f"{URL}?thread={thread.pk}")
    assert page.status_code == 200
    assert page.context["form"]["locality"].value() == vn.locality_id  # the Vietnamese party's
    response = client.post(f"{URL}?thread={thread.pk}", _investment())
    assert response.status_code == 302 and response.url == thread.get_absolute_url()
    outcome = Outcome.objects.get()
    assert (outcome.thread, outcome.meeting, outcome.interest) == (thread, None, None)
    assert (str(outcome.amount), outcome.currency, outcome.locality) == (
        "2500000.00",
        "USD",
        locality("da-nang"),
    )
    assert outcome.recorded_by == sato
    # Counted publicly by locality and by the sectors of the conversation's organisations.
    by_locality = {row["id"]: row["other_outcomes"] for row in funnel.funnel_by_locality()}
    assert by_locality[locality("da-nang").pk] == 1
    by_sector = {row["group"]: row["other_outcomes"] for row in funnel.funnel_by_sector()}
    assert by_sector[Sector.objects.get(key="agriculture").label] == 1
    assert funnel.organisation_funnel({vn.pk})[0]["other_outcomes"] == 1


def test_the_other_members_are_told_in_their_language_and_nobody_outside(client, talk):
    thread, vn, _jp, lan, sato = talk
    colleague = member_of(vn)  # acts for Lan's company, not in the thread
    lan.preferred_language = "vi"
    lan.save(update_fields=["preferred_language"])
    _login(client, sato)
    assert client.post(f"{URL}?thread={thread.pk}", _investment()).status_code == 302
    (notice,) = Notification.objects.filter(recipient=lan, link=thread.get_absolute_url())
    # The date in the recipient's form: "2 tháng 11 năm 2026", not 2026-11-02.
    assert "Đã đăng ký đầu tư" in notice.subject and "2 tháng 11 năm 2026" in notice.body
    assert not Notification.objects.filter(recipient=colleague).exists()
    assert not Notification.objects.filter(recipient=sato, body__contains="2 Nov 2026").exists()


def test_an_outcome_kept_out_of_public_figures_counts_only_for_its_organisations(client, talk):
    thread, vn, _jp, lan, _sato = talk
    _login(client, lan)
    fields = _investment()
    del fields["is_public"]
    assert client.post(f"{URL}?thread={thread.pk}", fields).status_code == 302
    assert Outcome.objects.get().is_public is False
    assert not figures.public_outcomes().exists()
    assert all(row["other_outcomes"] == 0 for row in funnel.funnel_by_locality())
    assert funnel.organisation_funnel({vn.pk})[0]["other_outcomes"] == 1


def test_colleagues_outside_the_conversation_and_outsiders_get_404(client, talk):
    thread, vn, _jp, _lan, _sato = talk
    colleague = member_of(vn)  # acts for a party but is not a member of the thread
    outsider = admin_of(OrganisationFactory(name="Hanoi Textiles"))
    for user in (colleague, outsider):
        _login(client, user)
        assert client.get(f"{URL}?thread={thread.pk}").status_code == 404
        assert client.post(f"{URL}?thread={thread.pk}", _investment()).status_code == 404
    assert not Outcome.objects.exists()


def test_signing_in_is_required_and_a_source_must_be_named(client, talk):
    thread, *_rest, sato = talk
    response = client.get(f"{URL}?thread={thread.pk}")
    assert response.status_code == 302 and "/sign-in/" in response.url
    _login(client, sato)
    for query in ("", "?thread=abc", "?thread=99999999", "?meeting=", "?interest=-1"):
        assert client.get(URL + query).status_code == 404


def test_bad_input_is_explained_in_the_readers_language_and_writes_nothing(client, talk):
    thread, *_rest, lan, _sato = talk
    _login(client, lan, "vi")
    response = client.post(f"{URL}?thread={thread.pk}", _investment(amount="", currency=""))
    assert response.status_code == 400
    assert (
        "Vui lòng nhập vốn đầu tư và đơn vị tiền tệ." in response.context["form"].errors["amount"]
    )
    future = (dt.date.today() + dt.timedelta(days=30)).isoformat()
    response = client.post(f"{URL}?thread={thread.pk}", _investment(occurred_on=future))
    assert response.status_code == 400 and "occurred_on" in response.context["form"].errors
    response = client.post(f"{URL}?thread={thread.pk}", _investment(locality="abc", kind="x"))
    assert response.status_code == 400
    assert {"locality", "kind"} <= set(response.context["form"].errors)
    response = client.post(f"{URL}?thread={thread.pk}", {})
    assert response.status_code == 400
    assert {"kind", "occurred_on", "locality"} <= set(response.context["form"].errors)
    assert not Outcome.objects.exists()


def test_a_conversation_about_an_accepted_interest_records_on_the_interest(client, world):
    interest = world.interests["aichi_p1"]  # accepted by the owner of p1 (Da Nang)
    aichi_user = world.delegations["aichi"][1]
    thread = messaging.open_thread(
        subject="Next steps",
        from_organisation=interest.organisation,
        to_organisation=interest.proposal.organisation,
        by=aichi_user,
        about=interest.proposal,
        body="Shall we sign?",
    )
    _login(client, aichi_user)
    response = client.post(
        f"{URL}?thread={thread.pk}",
        {
            "kind": OutcomeKind.MOU_SIGNED,
            "occurred_on": DAY.isoformat(),
            "locality": interest.proposal.locality_id,
            "partnership_title": "Aichi and Da Nang agri-tech MoU",
        },
    )
    assert response.status_code == 302
    outcome = Outcome.objects.get(partnership__title="Aichi and Da Nang agri-tech MoU")
    assert (outcome.interest, outcome.thread) == (interest, None)
    parties = {party.organisation for party in outcome.partnership.parties.all()}
    assert parties == {interest.organisation, interest.proposal.organisation}
    assert outcome.partnership.is_published is False


def test_an_interest_not_accepted_shows_why_and_outsiders_get_404(client, world):
    pending = world.interests["osaka_p1"]
    owner = world.delegations["danang"][1]
    _login(client, owner)
    page = client.get(f"{URL}?interest={pending.pk}")
    assert page.status_code == 200 and "form" not in page.context
    assert "Outcomes are recorded once the contact was accepted." in page.content.decode()
    before = (Outcome.objects.count(), Partnership.objects.count())
    assert client.post(f"{URL}?interest={pending.pk}", _investment()).status_code == 200
    outsider = member_of(OrganisationFactory())
    _login(client, outsider)
    accepted = world.interests["aichi_p1"]
    assert client.get(f"{URL}?interest={accepted.pk}").status_code == 404
    assert client.get(f"{URL}?meeting={world.meetings['m1'].pk}").status_code == 404
    assert (Outcome.objects.count(), Partnership.objects.count()) == before


def test_a_delegation_records_a_contract_after_a_held_meeting(client, world):
    meeting = world.meetings["m2"]  # Hue and Aichi, held
    hue_user = world.delegations["hue"][1]
    _login(client, hue_user)
    page = client.get(f"{URL}?meeting={meeting.pk}")
    assert page.status_code == 200
    response = client.post(
        f"{URL}?meeting={meeting.pk}",
        {
            "kind": OutcomeKind.CONTRACT,
            "occurred_on": DAY.isoformat(),
            "locality": locality("hue").pk,
        },
    )
    assert response.status_code == 302
    assert response.url == reverse("events:my_meetings", args=[world.event.slug])
    outcome = Outcome.objects.get(meeting=meeting, kind=OutcomeKind.CONTRACT)
    assert outcome.locality == locality("hue")
    # The form lists what is already recorded for the meeting.
    assert outcome in client.get(f"{URL}?meeting={meeting.pk}").context["recorded"]
    # A meeting that was not held cannot have a result yet.
    not_held = client.get(f"{URL}?meeting={world.meetings['m3'].pk}")  # Hue takes part
    assert not_held.status_code == 200 and "form" not in not_held.context
    assert "Outcomes are recorded for meetings that were held." in not_held.content.decode()
