import datetime as dt
import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.urls import reverse

from kakehashi.directory.models import MembershipRole, OrganisationKind
from kakehashi.events import services
from kakehashi.events.models import Event, Registration, RegistrationStatus, Session
from tests.factories import OrganisationFactory, UserFactory, locality, member_of

pytestmark = pytest.mark.usefixtures("reference")

EVENT = {
    "slug": "meet-japan-2027",
    "name_en": "Meet Japan 2027",
    "name_vi": "Gặp gỡ Nhật Bản 2027",
    "name_ja": "ミート・ジャパン2027",
    "starts_on": dt.date(2027, 3, 10),
    "ends_on": dt.date(2027, 3, 11),
    "time_zone": "Asia/Ho_Chi_Minh",
    "is_published": True,
}


@pytest.fixture
def ministry():
    return OrganisationFactory(kind=OrganisationKind.CENTRAL_AGENCY, locality=locality("hanoi"))


@pytest.fixture
def organiser(ministry):
    return member_of(ministry, role=MembershipRole.ADMIN)


@pytest.fixture
def event(ministry, organiser):
    return services.create_event(by=organiser, organisers=[ministry], **EVENT)


def test_an_organisation_member_creates_an_event_and_organises_it(event, organiser, ministry):
    assert organiser.has_perm("events.change_event", event)
    assert organiser.has_perm("events.manage_registrations", event)
    assert list(event.organisers.all()) == [ministry]


def test_one_cannot_create_an_event_for_other_organisations(ministry):
    outsider = member_of(OrganisationFactory())
    with pytest.raises(ValidationError) as error:
        services.create_event(by=outsider, organisers=[ministry], **EVENT)
    assert error.value.code == "not_an_organiser"
    assert Event.objects.count() == 0


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"ends_on": dt.date(2027, 3, 9)}, "event_dates_reversed"),
        ({"time_zone": "Mars/Olympus"}, "time_zone_unknown"),
    ],
)
def test_bad_events_are_refused(ministry, organiser, change, code):
    with pytest.raises(ValidationError) as error:
        services.create_event(by=organiser, organisers=[ministry], **(EVENT | change))
    assert error.value.code == code
    assert Event.objects.count() == 0


def test_sessions_stay_within_the_event(event, organiser):
    zone = dt.timezone(dt.timedelta(hours=7))
    services.add_session(
        event=event,
        by=organiser,
        kind="plenary",
        title="Opening plenary",
        starts_at=dt.datetime(2027, 3, 10, 8, 30, tzinfo=zone),
        ends_at=dt.datetime(2027, 3, 10, 10, 0, tzinfo=zone),
    )
    with pytest.raises(ValidationError) as error:
        services.add_session(
            event=event,
            by=organiser,
            kind="plenary",
            title="Too late",
            starts_at=dt.datetime(2027, 3, 12, 8, 30, tzinfo=zone),
            ends_at=dt.datetime(2027, 3, 12, 9, 0, tzinfo=zone),
        )
    assert error.value.code == "session_outside_event"
    assert Session.objects.count() == 1


def test_registration_approval_and_participant_list(client, event, organiser):
    company = OrganisationFactory(
        name="Naniwa Robotics", country="JP", locality=locality("osaka-city")
    )
    lead = member_of(company, full_name="Sato Ken")
    colleague = member_of(company, full_name="Ito Yui")
    registration = services.register(
        event=event,
        organisation=company,
        by=lead,
        members=[colleague.person],
        languages=["ja", "en"],
    )
    assert registration.status == RegistrationStatus.PENDING
    assert registration.delegation_size == 2

    client.force_login(lead)
    url = reverse("events:registration_decide", args=[event.slug, registration.pk])
    assert client.post(url, {"decision": "approve"}).status_code == 403
    assert client.get(reverse("events:registrations", args=[event.slug])).status_code == 403

    client.force_login(organiser)
    assert client.post(url, {"decision": "approve"}).status_code == 302
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.APPROVED
    assert client.post(url, {"decision": "maybe"}).status_code == 404

    response = client.get(reverse("events:participants_csv", args=[event.slug]))
    rows = response.content.decode("utf-8-sig").splitlines()
    assert rows == [
        "organisation,country,locality,name,role,languages",
        "Naniwa Robotics,JP,Osaka City,Sato Ken,lead,en ja",
        "Naniwa Robotics,JP,Osaka City,Ito Yui,delegate,en ja",
    ]


def test_registration_rules(event):
    company = OrganisationFactory()
    user = member_of(company)
    services.register(event=event, organisation=company, by=user)
    with pytest.raises(ValidationError) as error:
        services.register(event=event, organisation=company, by=user)
    assert error.value.code == "already_registered"

    stranger = UserFactory()
    with pytest.raises(ValidationError) as error:
        services.register(event=event, organisation=OrganisationFactory(), by=stranger)
    assert error.value.code == "not_a_member"

    event.registration_open = False
    event.save()
    other = OrganisationFactory()
    with pytest.raises(ValidationError) as error:
        services.register(event=event, organisation=other, by=member_of(other))
    assert error.value.code == "closed"
    assert Registration.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_two_delegations_cannot_both_take_the_last_place(reference):
    ministry = OrganisationFactory(kind=OrganisationKind.CENTRAL_AGENCY)
    organiser = member_of(ministry, role=MembershipRole.ADMIN)
    event = services.create_event(by=organiser, organisers=[ministry], capacity=1, **EVENT)
    companies = [OrganisationFactory(), OrganisationFactory()]
    users = [member_of(company) for company in companies]
    barrier = threading.Barrier(2)
    outcomes = []

    def register(index):
        barrier.wait()
        try:
            services.register(event=event, organisation=companies[index], by=users[index])
            outcomes.append("registered")
        except ValidationError as error:
            outcomes.append(error.code)
        finally:
            connection.close()

    threads = [threading.Thread(target=register, args=(index,)) for index in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["full", "registered"]
    assert Registration.objects.filter(event=event).count() == 1


def test_unpublished_events_are_hidden_from_the_public(client, event):
    event.is_published = False
    event.save()
    assert client.get(event.get_absolute_url()).status_code == 404
    assert "Meet Japan 2027" not in client.get(reverse("events:list")).content.decode()


def test_event_pages_in_three_languages(client, event):
    for language, name in [
        ("en", "Meet Japan 2027"),
        ("vi", "Gặp gỡ Nhật Bản 2027"),
        ("ja", "ミート・ジャパン2027"),
    ]:
        client.cookies["kakehashi_language"] = language
        assert name in client.get(event.get_absolute_url()).content.decode()


def test_the_event_page_writes_its_days_as_a_range_in_the_readers_form(client, event):
    for language, days in [
        ("en", "10–11 Mar 2027 (Vietnam Time)"),
        ("vi", "10–11 tháng 3 năm 2027 (Giờ Việt Nam)"),
        ("ja", "2027年3月10日～11日（ベトナム時間）"),
    ]:
        client.cookies["kakehashi_language"] = language
        assert days in client.get(event.get_absolute_url()).content.decode()


def test_only_organisers_edit(client, event):
    data = {k: v for k, v in EVENT.items() if not isinstance(v, bool)} | {"name_en": "Hijacked"}
    client.force_login(member_of(OrganisationFactory(), role=MembershipRole.ADMIN))
    assert client.post(reverse("events:edit", args=[event.slug]), data).status_code == 403
    event.refresh_from_db()
    assert event.name_en == "Meet Japan 2027"


def test_create_an_event_through_the_form(client, ministry, organiser):
    client.force_login(organiser)
    data = {
        "name_en": "Vietnam–Japan Festival 2027",
        "slug": "vj-festival-2027",
        "organisers": [ministry.pk],
        "host_locality": locality("ho-chi-minh-city").pk,
        "starts_on": "2027-02-20",
        "ends_on": "2027-02-21",
        "time_zone": "Asia/Ho_Chi_Minh",
        "language": "en",
        "is_published": "on",
        "registration_open": "on",
    }
    response = client.post(reverse("events:create"), data)
    event = Event.objects.get(slug="vj-festival-2027")
    assert response.status_code == 302 and response.url == event.get_absolute_url()
    assert event.host_locality.slug == "ho-chi-minh-city"

    bad = data | {"slug": "vj-festival-2027b", "ends_on": "2027-02-19"}
    response = client.post(reverse("events:create"), bad)
    assert "The last day cannot be before the first day." in response.content.decode()
    assert Event.objects.count() == 1


def test_a_user_without_organisation_cannot_create_events(client):
    client.force_login(UserFactory())
    assert client.get(reverse("events:create")).status_code == 403


def test_list_pages_query_counts_do_not_grow(
    client, ministry, organiser, django_assert_max_num_queries
):
    events = [
        services.create_event(
            by=organiser, organisers=[ministry], **(EVENT | {"slug": f"event-{index}"})
        )
        for index in range(15)
    ]
    for _ in range(15):
        company = OrganisationFactory()
        services.register(event=events[0], organisation=company, by=member_of(company))
    with django_assert_max_num_queries(8):
        assert client.get(reverse("events:list")).status_code == 200
    client.force_login(organiser)
    with django_assert_max_num_queries(16):
        assert client.get(reverse("events:registrations", args=["event-0"])).status_code == 200


def test_a_visitor_on_an_open_event_is_invited_to_sign_in_and_register(client, conference):
    event, _, _ = conference
    page = client.get(reverse("events:detail", args=[event.slug])).content.decode()
    register = reverse("events:register", args=[event.slug])
    assert f'href="{reverse("accounts:login")}?next={register}"' in page
