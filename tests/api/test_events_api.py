"""The events API: the pages' services and checks (events.views, events.meeting_views) for
delegations and organisers. Events the caller may not see, another delegation's agenda and
requests between others answer 404; organiser operations refuse delegates with 403, as the
pages do; bad input is refused in the reader's language and writes nothing."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kakehashi.directory.models import Membership, Person
from kakehashi.events import services
from kakehashi.events.models import (
    Meeting,
    MeetingRequest,
    Registration,
    RegistrationStatus,
    RequestStatus,
)
from tests.events.builders import a_finished_run, at, build_conference
from tests.factories import (
    OrganisationFactory,
    PersonFactory,
    UserFactory,
    locality,
    member_of,
)

pytestmark = pytest.mark.django_db

SLUG = "meet-japan-2027"


@pytest.fixture
def conference(reference):
    """See tests/events/builders.py: a published event, slots 14:00–16:00 every 30 minutes
    (+07:00), tables 1–3 and approved delegations danang, osaka, aichi and hue."""
    return build_conference()


def add_delegations(event, organiser, count, *, approve=True):
    """`count` more delegations (a Vietnamese company each), approved by the organiser."""
    added = []
    for _ in range(count):
        organisation = OrganisationFactory()
        user = member_of(organisation)
        registration = services.register(
            event=event, organisation=organisation, by=user, languages=["vi"]
        )
        if approve:
            services.decide_registration(registration=registration, approve=True, by=organiser)
            registration.refresh_from_db()
        added.append((registration, user))
    return added


def other_event(**fields):
    """An event organised by another ministry (unpublished unless told)."""
    ministry = OrganisationFactory(name="Ministry of Elsewhere")
    organiser = member_of(ministry)
    event = services.create_event(
        by=organiser,
        organisers=[ministry],
        slug=fields.pop("slug", "closed-forum"),
        name_en=fields.pop("name_en", "Closed forum"),
        starts_on=dt.date(2027, 5, 1),
        ends_on=dt.date(2027, 5, 2),
        time_zone="Asia/Tokyo",
        **fields,
    )
    return event, organiser


def meeting_between(event, organiser, first, second, *, slot, table="Table 1"):
    """`table=None` for a remote meeting."""
    meeting = services.add_organiser_meeting(
        event=event, registrations=[first, second], weight=1, by=organiser
    )
    table = event.meeting_tables.get(name=table) if table else None
    services.place_meeting(meeting=meeting, slot=slot, table=table, by=organiser)
    return meeting


def publish(event, organiser):
    """Publish the draft, once a scheduler run has produced one (the places set by hand)."""
    if not event.schedule_runs.filter(status="done").exists():
        a_finished_run(event, organiser)
    services.publish_schedule(event=event, by=organiser)


def queries_for(client, path):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200, response.json()
    return len(captured), response.json()


# --- Events ---------------------------------------------------------------------------------


def test_anonymous_callers_see_published_events_only(anonymous, as_user, conference):
    hidden, hidden_organiser = other_event()

    public = anonymous.get("/events").json()
    organiser_view = as_user(hidden_organiser).get("/events").json()

    assert [item["slug"] for item in public["items"]] == [SLUG]
    assert public["count"] == 1
    assert {item["slug"] for item in organiser_view["items"]} == {SLUG, hidden.slug}
    assert anonymous.get(f"/events/{hidden.slug}").status_code == 404
    outsider = as_user(member_of(OrganisationFactory()))
    refused = outsider.get(f"/events/{hidden.slug}")
    assert refused.status_code == 404 and refused.json()["code"] == "not_found"
    assert as_user(hidden_organiser).get(f"/events/{hidden.slug}").status_code == 200


def test_an_event_shows_its_programme_dates_place_and_organisers(anonymous, conference):
    event, organiser, _delegations = conference
    event.host_locality = locality("da-nang")
    event.venue = "Ariyana Convention Centre"
    event.save()
    services.add_session(
        event=event,
        by=organiser,
        kind="plenary",
        title="Opening",
        title_translations={"vi": "Khai mạc", "ja": "開会式"},
        starts_at=at(9),
        ends_at=at(10, 30),
        room="Hall A",
        speakers="",
    )
    ministry = event.organisers.get()

    response = anonymous.get(f"/events/{SLUG}")

    assert response.status_code == 200
    assert response.json() == {
        "slug": SLUG,
        "name": "Meet Japan 2027",
        "series": None,
        "host_locality": {"slug": "da-nang", "name": "Da Nang"},
        "venue": "Ariyana Convention Centre",
        "starts_on": "2027-03-10",
        "ends_on": "2027-03-10",
        "time_zone": "Asia/Ho_Chi_Minh",
        "is_published": True,
        "registration_open": True,
        "organisers": [{"id": ministry.pk, "name": ministry.display_name}],
        "description": "",
        "language": "en",
        "capacity": None,
        "approved_delegations": 4,
        "sessions": [
            {
                "kind": "plenary",
                "title": "Opening",
                "language": "en",
                "translations": {"ja": "開会式", "vi": "Khai mạc"},
                "starts_at": "2027-03-10T09:00:00+07:00",
                "ends_at": "2027-03-10T10:30:00+07:00",
                "room": "Hall A",
                "speakers": "",
            }
        ],
        "caller": None,
    }


def test_signed_in_callers_see_their_registrations_and_role(as_user, conference):
    event, organiser, delegations = conference
    danang, danang_user = delegations["danang"]

    delegate = as_user(danang_user).get(f"/events/{SLUG}").json()["caller"]
    organising = as_user(organiser).get(f"/events/{SLUG}").json()["caller"]

    assert delegate == {
        "organises": False,
        "can_register": True,
        "registrations": [
            {
                "id": danang.pk,
                "organisation": {
                    "id": danang.organisation_id,
                    "name": danang.organisation.display_name,
                },
                "status": "approved",
            }
        ],
    }
    assert organising["organises"] is True and organising["registrations"] == []


# --- Registering ----------------------------------------------------------------------------


def test_a_member_registers_a_delegation_with_colleagues(as_user, conference):
    organisation = OrganisationFactory(name="Quang Nam Food")
    user = member_of(organisation)
    colleague = member_of(organisation)
    colleague_person = Person.objects.get(user=colleague)

    response = as_user(user).post(
        f"/events/{SLUG}/registrations",
        {
            "organisation": organisation.pk,
            "members": [colleague_person.pk],
            "languages": ["vi", "en"],
            "note": "Two people",
        },
    )

    assert response.status_code == 201
    registration = Registration.objects.get(organisation=organisation)
    body = response.json()
    assert body["id"] == registration.pk
    assert body["organisation"] == {"id": organisation.pk, "name": "Quang Nam Food"}
    assert (body["lead"], body["members"]) == (user.full_name, [colleague.full_name])
    assert (body["languages"], body["note"], body["status"]) == (
        ["en", "vi"],
        "Two people",
        "pending",
    )
    assert registration.lead.user == user
    mine = as_user(user).get(f"/events/{SLUG}/registrations/mine").json()
    assert [item["id"] for item in mine["items"]] == [registration.pk] and mine["count"] == 1


def test_registering_is_refused_as_the_page_refuses_it(anonymous, as_user, conference):
    event, _organiser, _delegations = conference
    organisation = OrganisationFactory()
    user = member_of(organisation)
    stranger_person = PersonFactory()
    foreign = OrganisationFactory()
    before = Registration.objects.count()
    body = {"organisation": organisation.pk, "languages": ["vi"]}

    unsigned = anonymous.post(f"/events/{SLUG}/registrations", body)
    lone = as_user(UserFactory()).post(f"/events/{SLUG}/registrations", body)
    not_own = as_user(user).post(
        f"/events/{SLUG}/registrations",
        {**body, "organisation": foreign.pk, "members": [stranger_person.pk]},
    )
    hidden, _hidden_organiser = other_event()
    unseen = as_user(user).post(f"/events/{hidden.slug}/registrations", body)
    event.registration_open = False
    event.save()
    closed = as_user(user).post(f"/events/{SLUG}/registrations", body)

    assert unsigned.status_code == 401 and unsigned.json()["code"] == "not_authenticated"
    assert lone.status_code == 403 and lone.json()["code"] == "forbidden"
    assert not_own.status_code == 422
    assert [(d["field"], d["code"]) for d in not_own.json()["details"]] == [
        ("organisation", "invalid_choice"),
        ("members.0", "invalid_choice"),
    ]
    assert unseen.status_code == 404
    assert closed.status_code == 422 and closed.json()["code"] == "closed"
    assert Registration.objects.count() == before


def test_bad_input_is_refused_in_the_readers_language(as_user, conference):
    organisation = OrganisationFactory()
    user = member_of(organisation)

    response = as_user(user, language="vi").post(
        f"/events/{SLUG}/registrations",
        {"organisation": organisation.pk, "languages": ["fr"], "note": "x" * 2001},
    )

    assert response.status_code == 422
    assert response.json()["code"] == "invalid_input"
    assert response.json()["message"] == "Yêu cầu không hợp lệ; xem chi tiết."
    assert response.json()["details"] == [
        {
            "field": "languages.0",
            "code": "enum",
            "message": "Chọn một trong các giá trị: en, vi, ja.",
        },
        {
            "field": "note",
            "code": "string_too_long",
            "message": "Văn bản phải có tối đa 2000 ký tự.",
        },
    ]
    assert not Registration.objects.filter(organisation=organisation).exists()


def test_my_registrations_need_a_signed_in_caller(anonymous, as_user, conference):
    outsider = as_user(member_of(OrganisationFactory()))

    assert anonymous.get(f"/events/{SLUG}/registrations/mine").status_code == 401
    assert outsider.get(f"/events/{SLUG}/registrations/mine").json() == {"count": 0, "items": []}


# --- Meeting requests -----------------------------------------------------------------------


def test_a_delegation_sends_a_request_and_the_other_accepts_it(as_user, conference):
    _event, _organiser, delegations = conference
    (danang, danang_user), (osaka, osaka_user) = delegations["danang"], delegations["osaka"]

    sent = as_user(danang_user).post(
        f"/events/{SLUG}/meeting-requests",
        {"recipient": osaka.pk, "priority": 3, "message": "Xin chào"},
    )

    assert sent.status_code == 201
    request = MeetingRequest.objects.get()
    assert (request.sender, request.recipient, request.priority) == (danang, osaka, 3)
    body = sent.json()
    assert body["sender"] == {
        "id": danang.pk,
        "organisation": {"id": danang.organisation_id, "name": danang.organisation.display_name},
    }
    assert (body["recipient"]["id"], body["status"], body["meeting"]) == (osaka.pk, "pending", None)
    received = as_user(osaka_user).get(f"/events/{SLUG}/meeting-requests?direction=received")
    assert [item["id"] for item in received.json()["items"]] == [request.pk]
    nothing_sent = as_user(osaka_user).get(f"/events/{SLUG}/meeting-requests?direction=sent")
    assert nothing_sent.json() == {"count": 0, "items": []}

    answered = as_user(osaka_user).post(
        f"/events/{SLUG}/meeting-requests/{request.pk}/answer", {"decision": "accept"}
    )

    assert answered.status_code == 200
    meeting = Meeting.objects.get(request=request)
    assert (answered.json()["status"], answered.json()["meeting"]) == ("accepted", meeting.pk)
    assert set(meeting.registrations.all()) == {danang, osaka}


def test_only_the_delegation_asked_answers_a_request(anonymous, as_user, conference):
    _event, organiser, delegations = conference
    (danang, danang_user), (osaka, _osaka_user) = delegations["danang"], delegations["osaka"]
    hue_user = delegations["hue"][1]
    request = services.send_request(sender=danang, recipient=osaka, by=danang_user)
    answer = f"/events/{SLUG}/meeting-requests/{request.pk}/answer"
    accept = {"decision": "accept"}

    by_sender = as_user(danang_user).post(answer, accept)
    by_other_delegation = as_user(hue_user).post(answer, accept)
    by_outsider = as_user(member_of(OrganisationFactory())).post(answer, accept)
    by_organiser = as_user(organiser).post(answer, accept)
    unsigned = anonymous.post(answer, accept)

    assert by_sender.status_code == 403 and by_sender.json()["code"] == "forbidden"
    assert by_other_delegation.status_code == 404
    assert by_outsider.status_code == 404
    assert by_organiser.status_code == 404
    assert unsigned.status_code == 401
    request.refresh_from_db()
    assert request.status == RequestStatus.PENDING and not Meeting.objects.exists()


def test_a_request_is_answered_once(as_user, conference):
    _event, _organiser, delegations = conference
    (danang, danang_user), (osaka, osaka_user) = delegations["danang"], delegations["osaka"]
    request = services.send_request(sender=danang, recipient=osaka, by=danang_user)
    answer = f"/events/{SLUG}/meeting-requests/{request.pk}/answer"

    declined = as_user(osaka_user).post(answer, {"decision": "decline"})
    again = as_user(osaka_user).post(answer, {"decision": "accept"})
    nonsense = as_user(osaka_user).post(answer, {"decision": "maybe"})

    assert declined.status_code == 200 and declined.json()["status"] == "declined"
    assert again.status_code == 422 and again.json()["code"] == "answered"
    assert nonsense.status_code == 422 and nonsense.json()["details"][0]["field"] == "decision"
    assert not Meeting.objects.exists()


def test_sending_is_refused_as_the_meetings_page_refuses_it(anonymous, as_user, conference):
    event, organiser, delegations = conference
    (danang, danang_user), (osaka, _osaka_user) = delegations["danang"], delegations["osaka"]
    ((pending, pending_user),) = add_delegations(event, organiser, 1, approve=False)
    path = f"/events/{SLUG}/meeting-requests"

    unsigned = anonymous.post(path, {"recipient": osaka.pk})
    outsider = as_user(member_of(OrganisationFactory())).post(path, {"recipient": osaka.pk})
    not_approved = as_user(pending_user).post(path, {"recipient": osaka.pk})
    as_someone_else = as_user(danang_user).post(
        path, {"delegation": osaka.pk, "recipient": danang.pk}
    )
    to_pending = as_user(danang_user).post(path, {"recipient": pending.pk})
    to_self = as_user(danang_user).post(path, {"recipient": danang.pk})
    bad_priority = as_user(danang_user).post(path, {"recipient": osaka.pk, "priority": 2})

    assert unsigned.status_code == 401
    assert outsider.status_code == 403  # the page refuses anyone without an approved delegation
    assert not_approved.status_code == 403
    assert as_someone_else.status_code == 404
    for refused in (to_pending, to_self):
        assert refused.status_code == 422
        assert [(d["field"], d["code"]) for d in refused.json()["details"]] == [
            ("recipient", "invalid_choice")
        ]
    assert bad_priority.status_code == 422
    assert bad_priority.json()["details"][0]["field"] == "priority"
    assert not MeetingRequest.objects.exists()


def test_nobody_reads_another_delegations_requests(as_user, conference):
    _event, _organiser, delegations = conference
    (danang, danang_user), (osaka, _osaka_user) = delegations["danang"], delegations["osaka"]
    services.send_request(sender=danang, recipient=osaka, by=danang_user)
    hue = as_user(delegations["hue"][1])

    other = hue.get(f"/events/{SLUG}/meeting-requests?delegation={danang.pk}")
    own = hue.get(f"/events/{SLUG}/meeting-requests")

    assert other.status_code == 404
    assert own.json() == {"count": 0, "items": []}


# --- Agenda ---------------------------------------------------------------------------------


def test_the_agenda_holds_the_published_meetings_only(as_user, conference):
    event, organiser, delegations = conference
    (danang, danang_user), (osaka, _osaka_user) = delegations["danang"], delegations["osaka"]
    hue = delegations["hue"][0]
    slots = list(event.meeting_slots.all())
    meeting = meeting_between(event, organiser, danang, osaka, slot=slots[0])
    path = f"/events/{SLUG}/agenda"

    draft_only = as_user(danang_user).get(path).json()
    publish(event, organiser)
    meeting_between(event, organiser, danang, hue, slot=slots[1], table="Table 2")  # a draft
    published = as_user(danang_user).get(f"{path}?delegation={danang.pk}")

    assert (draft_only["count"], draft_only["items"]) == (0, [])
    assert published.status_code == 200
    assert published.json() == {
        "delegation": {
            "id": danang.pk,
            "organisation": {
                "id": danang.organisation_id,
                "name": danang.organisation.display_name,
            },
        },
        "time_zone": "Asia/Ho_Chi_Minh",
        "count": 1,
        "items": [
            {
                "id": meeting.pk,
                "starts_at": "2027-03-10T14:00:00+07:00",
                "ends_at": "2027-03-10T14:30:00+07:00",
                "table": "Table 1",
                "remote": False,
                "video_link": None,
                "interpreting": ["ja", "vi"],
                "status": "scheduled",
                "others": [
                    {
                        "id": osaka.pk,
                        "organisation": {
                            "id": osaka.organisation_id,
                            "name": osaka.organisation.display_name,
                        },
                    }
                ],
                "outcomes": [],
            }
        ],
    }


def test_a_delegation_cannot_read_another_delegations_agenda(anonymous, as_user, conference):
    event, organiser, delegations = conference
    (danang, _danang_user), (osaka, _osaka_user) = delegations["danang"], delegations["osaka"]
    meeting_between(event, organiser, danang, osaka, slot=event.meeting_slots.first())
    publish(event, organiser)
    path = f"/events/{SLUG}/agenda?delegation={danang.pk}"

    other = as_user(delegations["hue"][1]).get(path)
    outsider = as_user(member_of(OrganisationFactory())).get(path)
    organiser_reads = as_user(organiser).get(path)
    unsigned = anonymous.get(path)
    no_delegation = as_user(member_of(OrganisationFactory())).get(f"/events/{SLUG}/agenda")

    assert other.status_code == 404 and other.json()["code"] == "not_found"
    assert outsider.status_code == 404
    assert organiser_reads.status_code == 404
    assert unsigned.status_code == 401
    assert no_delegation.status_code == 403


# --- Organisers -----------------------------------------------------------------------------


def test_organisers_list_registrations_with_their_status(as_user, conference):
    event, organiser, delegations = conference
    ((pending, _user),) = add_delegations(event, organiser, 1, approve=False)
    organising = as_user(organiser)

    everyone = organising.get(f"/events/{SLUG}/registrations").json()
    waiting = organising.get(f"/events/{SLUG}/registrations?status=pending").json()

    assert everyone["count"] == 5
    statuses = {item["id"]: item["status"] for item in everyone["items"]}
    assert statuses[pending.pk] == "pending"
    assert statuses[delegations["osaka"][0].pk] == "approved"
    assert [item["id"] for item in waiting["items"]] == [pending.pk]
    assert waiting["items"][0]["lead"] == pending.lead.full_name


def test_organisers_approve_and_decline_registrations(as_user, conference):
    event, organiser, _delegations = conference
    ((first, _u1), (second, _u2)) = add_delegations(event, organiser, 2, approve=False)
    organising = as_user(organiser)

    approved = organising.post(f"/events/{SLUG}/registrations/{first.pk}/approve")
    declined = organising.post(f"/events/{SLUG}/registrations/{second.pk}/decline")

    assert approved.status_code == 200 and approved.json()["status"] == "approved"
    assert declined.status_code == 200 and declined.json()["status"] == "declined"
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, first.decided_by) == (RegistrationStatus.APPROVED, organiser)
    assert second.status == RegistrationStatus.DECLINED


def test_organiser_operations_refuse_delegates_and_outsiders(anonymous, as_user, conference):
    event, organiser, delegations = conference
    ((pending, pending_user),) = add_delegations(event, organiser, 1, approve=False)
    delegate = as_user(delegations["danang"][1])
    hidden, _hidden_organiser = other_event()
    hidden_path = f"/events/{hidden.slug}/registrations"

    refused = [
        delegate.get(f"/events/{SLUG}/registrations"),
        delegate.get(f"/events/{SLUG}/meetings"),
        delegate.post(f"/events/{SLUG}/registrations/{pending.pk}/approve"),
        as_user(pending_user).post(f"/events/{SLUG}/registrations/{pending.pk}/approve"),
    ]
    unseen = [delegate.get(hidden_path), delegate.get(f"/events/{hidden.slug}/meetings")]
    elsewhere = as_user(organiser).post(f"/events/{SLUG}/registrations/999999/approve")

    assert [r.status_code for r in refused] == [403, 403, 403, 403]
    assert [r.status_code for r in unseen] == [404, 404]
    assert elsewhere.status_code == 404
    assert anonymous.post(f"/events/{SLUG}/registrations/{pending.pk}/decline").status_code == 401
    pending.refresh_from_db()
    assert pending.status == RegistrationStatus.PENDING and pending.decided_by is None


def test_organisers_see_the_draft_beside_what_was_published(as_user, conference):
    event, organiser, delegations = conference
    danang, osaka = delegations["danang"][0], delegations["osaka"][0]
    slots = list(event.meeting_slots.all())
    meeting = meeting_between(event, organiser, danang, osaka, slot=slots[0])
    publish(event, organiser)
    services.place_meeting(
        meeting=meeting, slot=slots[2], table=event.meeting_tables.get(name="Table 3"), by=organiser
    )
    unplaced = services.add_organiser_meeting(
        event=event,
        registrations=[delegations["hue"][0], delegations["aichi"][0]],
        weight=3,
        by=organiser,
    )

    response = as_user(organiser).get(f"/events/{SLUG}/meetings")

    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 2 and body["schedule_published_at"] is not None
    placed, waiting = sorted(body["items"], key=lambda item: item["id"] != meeting.pk)
    assert placed["draft"] == {
        "starts_at": "2027-03-10T15:00:00+07:00",
        "ends_at": "2027-03-10T15:30:00+07:00",
        "table": "Table 3",
    }
    assert placed["published"] == {
        "starts_at": "2027-03-10T14:00:00+07:00",
        "ends_at": "2027-03-10T14:30:00+07:00",
        "table": "Table 1",
    }
    assert {d["id"] for d in placed["delegations"]} == {danang.pk, osaka.pk}
    assert (placed["status"], placed["interpreting"], placed["locked"]) == (
        "scheduled",
        ["ja", "vi"],
        False,
    )
    assert waiting["id"] == unplaced.pk
    assert (waiting["draft"], waiting["published"], waiting["weight"]) == (None, None, 3)
    assert waiting["added_by_organisers"] is True


# --- Query counts ---------------------------------------------------------------------------


def test_the_event_list_costs_the_same_for_two_events_or_six(anonymous, conference):
    other_event(slug="forum-0", is_published=True)
    two, body = queries_for(anonymous, "/events")
    assert body["count"] == 2
    for number in range(1, 5):
        other_event(slug=f"forum-{number}", is_published=True)

    six, body = queries_for(anonymous, "/events")

    assert body["count"] == 6 and len(body["items"]) == 6
    assert six == two


def test_the_delegation_lists_cost_the_same_for_two_rows_or_six(as_user, conference):
    event, organiser, delegations = conference
    danang, danang_user = delegations["danang"]
    services.define_programme(
        event=event, periods=[(at(14), at(17))], slot_minutes=30, by=organiser
    )
    slots = list(event.meeting_slots.all())
    others = [delegations[key][0] for key in ("osaka", "aichi", "hue")]
    others += [registration for registration, _user in add_delegations(event, organiser, 3)]
    caller = as_user(danang_user)

    def add(partners):
        for partner in partners:
            services.send_request(sender=danang, recipient=partner, by=danang_user)
            position = others.index(partner)
            meeting_between(event, organiser, danang, partner, slot=slots[position])
        publish(event, organiser)

    add(others[:2])
    counts = {
        path: queries_for(caller, path)
        for path in (f"/events/{SLUG}/meeting-requests", f"/events/{SLUG}/agenda")
    }
    add(others[2:])

    for path, (two, body) in counts.items():
        six, body = queries_for(caller, path)
        assert body["count"] == 6 and len(body["items"]) == 6, path
        assert six == two, path


def test_the_organiser_lists_cost_the_same_for_two_rows_or_six(as_user, conference):
    event, organiser, delegations = conference
    services.define_programme(
        event=event, periods=[(at(14), at(17))], slot_minutes=30, by=organiser
    )
    slots = list(event.meeting_slots.all())
    registrations = [registration for registration, _user in add_delegations(event, organiser, 8)]
    caller = as_user(organiser)

    def add(pairs):
        for position, (first, second) in pairs:
            meeting_between(event, organiser, first, second, slot=slots[position])

    pairs = list(enumerate(zip(registrations[::2], registrations[1::2], strict=True)))
    pairs += [(4, (delegations["danang"][0], delegations["osaka"][0]))]
    pairs += [(5, (delegations["hue"][0], delegations["aichi"][0]))]
    add(pairs[:2])
    meetings_two, body = queries_for(caller, f"/events/{SLUG}/meetings")
    assert body["count"] == 2
    registrations_path = f"/events/{SLUG}/registrations?status=pending"
    add_delegations(event, organiser, 2, approve=False)
    registrations_two, body = queries_for(caller, registrations_path)
    assert body["count"] == 2

    add(pairs[2:])
    add_delegations(event, organiser, 4, approve=False)
    meetings_six, meetings = queries_for(caller, f"/events/{SLUG}/meetings")
    registrations_six, pendings = queries_for(caller, registrations_path)

    assert meetings["count"] == 6 and pendings["count"] == 6
    assert (meetings_six, registrations_six) == (meetings_two, registrations_two)


def test_my_registrations_cost_the_same_for_two_organisations_or_six(as_user, conference):
    event, _organiser, _delegations = conference
    user = member_of(OrganisationFactory())
    person = Person.objects.get(user=user)

    def register(count):
        for _ in range(count):
            organisation = OrganisationFactory()
            Membership.objects.create(person=person, organisation=organisation)
            registration = services.register(
                event=event, organisation=organisation, by=user, languages=["vi"]
            )
            registration.members.add(PersonFactory())

    caller = as_user(user)
    register(2)
    two, body = queries_for(caller, f"/events/{SLUG}/registrations/mine")
    assert body["count"] == 2
    register(4)

    six, body = queries_for(caller, f"/events/{SLUG}/registrations/mine")

    assert body["count"] == 6 and all(len(item["members"]) == 1 for item in body["items"])
    assert six == two


def test_a_remote_meeting_in_the_agenda_has_no_table_and_its_video_link(
    as_user, conference, settings
):
    from kakehashi.events.services.remote import set_remote_attendance

    settings.KAKEHASHI_VIDEO_URL = "https://meet.example.org/"
    event, organiser, delegations = conference
    (danang, danang_user), (hue, hue_user) = delegations["danang"], delegations["hue"]
    set_remote_attendance(registration=hue, remote=True, by=hue_user)
    meeting = meeting_between(
        event, organiser, danang, hue, slot=list(event.meeting_slots.all())[0], table=None
    )
    publish(event, organiser)
    meeting.refresh_from_db()

    (item,) = as_user(danang_user).get(f"/events/{SLUG}/agenda").json()["items"]

    assert (item["table"], item["remote"], item["video_link"]) == (
        None,
        True,
        f"https://meet.example.org/{meeting.video_room}",
    )
