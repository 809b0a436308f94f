"""Two rules of the events services, each written once: an event's short name is its own,
and a declined or cancelled registration takes no place."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from kakehashi.directory.models import MembershipRole, OrganisationKind
from kakehashi.events import services
from kakehashi.events.models import Event, Registration
from tests.factories import OrganisationFactory, member_of

pytestmark = pytest.mark.usefixtures("reference")

EVENT = {
    "slug": "meet-japan-2027",
    "name_en": "Meet Japan 2027",
    "starts_on": dt.date(2027, 3, 10),
    "ends_on": dt.date(2027, 3, 11),
    "time_zone": "Asia/Ho_Chi_Minh",
    "is_published": True,
    "registration_open": True,
}


@pytest.fixture
def ministry():
    return OrganisationFactory(kind=OrganisationKind.CENTRAL_AGENCY)


@pytest.fixture
def organiser(ministry):
    return member_of(ministry, role=MembershipRole.ADMIN)


def create(organiser, ministry, **change):
    return services.create_event(by=organiser, organisers=[ministry], **(EVENT | change))


def test_a_short_name_in_use_is_refused_on_creation_and_nothing_is_written(organiser, ministry):
    create(organiser, ministry)

    with pytest.raises(ValidationError) as error:
        create(organiser, ministry, name_en="Another")

    assert error.value.code == "slug_taken"
    assert Event.objects.count() == 1


def test_an_event_keeps_its_own_short_name_but_cannot_take_another_events(organiser, ministry):
    first = create(organiser, ministry)
    second = create(organiser, ministry, slug="meet-japan-2028")

    services.update_event(event=first, by=organiser, organisers=[ministry], **EVENT)
    with pytest.raises(ValidationError) as error:
        services.update_event(event=second, by=organiser, organisers=[ministry], **EVENT)

    assert error.value.code == "slug_taken"
    second.refresh_from_db()
    assert second.slug == "meet-japan-2028"


def test_a_cancelled_registration_frees_its_place(organiser, ministry):
    event = create(organiser, ministry, capacity=1)
    first, second = OrganisationFactory(), OrganisationFactory()
    first_lead = member_of(first)
    registration = services.register(event=event, organisation=first, by=first_lead)
    with pytest.raises(ValidationError) as error:
        services.register(event=event, organisation=second, by=member_of(second))
    assert error.value.code == "full"

    services.cancel_registration(registration=registration, by=first_lead)
    services.register(event=event, organisation=second, by=member_of(second))

    assert Registration.objects.filter(organisation=second).count() == 1
