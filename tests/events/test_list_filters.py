"""The events page and the API's list give the same events to the same reader (both go through
events.queries.listed): published ones for everyone, also the unpublished ones a user
organises, all of them for a platform administrator. Neither list filters further today."""

import datetime as dt

import pytest

from kakehashi.directory.models import MembershipRole, OrganisationKind
from kakehashi.events import services
from tests.factories import OrganisationFactory, UserFactory, locality, member_of
from tests.list_rows import api_rows, page_rows

pytestmark = pytest.mark.usefixtures("reference")


@pytest.fixture
def ministry():
    return OrganisationFactory(kind=OrganisationKind.CENTRAL_AGENCY, locality=locality("hanoi"))


@pytest.fixture
def organiser(ministry):
    return member_of(ministry, role=MembershipRole.ADMIN)


@pytest.fixture
def rows(ministry, organiser) -> dict:
    def event(slug, *, days_from_today, published=True, host=ministry, by=organiser):
        day = dt.date.today() + dt.timedelta(days=days_from_today)
        return services.create_event(
            by=by,
            organisers=[host],
            slug=slug,
            name_en=slug.replace("-", " ").title(),
            starts_on=day,
            ends_on=day,
            time_zone="Asia/Ho_Chi_Minh",
            is_published=published,
        )

    other = OrganisationFactory(kind=OrganisationKind.CENTRAL_AGENCY)
    other_organiser = member_of(other, role=MembershipRole.ADMIN)
    return {
        "upcoming": event("upcoming-forum", days_from_today=30),
        "past": event("past-forum", days_from_today=-30),
        "draft": event("our-draft", days_from_today=60, published=False),
        "theirs": event(
            "their-draft", days_from_today=60, published=False, host=other, by=other_organiser
        ),
    }


def _page_slugs(client, user) -> list[str]:
    if user is not None:
        client.force_login(user)
    return sorted(page_rows(client, "events:list", {}, pages=("upcoming", "past"), field="slug"))


def _api_slugs(user) -> list[str]:
    return sorted(api_rows(user, "/events", {}, field="slug"))


def test_an_anonymous_reader_gets_the_published_events_on_the_page_and_in_the_api(client, rows):
    published = sorted([rows["upcoming"].slug, rows["past"].slug])
    assert _page_slugs(client, None) == _api_slugs(None) == published


def test_an_organiser_also_gets_their_unpublished_event_not_another_s(client, rows, organiser):
    mine = sorted([rows["upcoming"].slug, rows["past"].slug, rows["draft"].slug])
    assert _page_slugs(client, organiser) == _api_slugs(organiser) == mine


def test_a_platform_administrator_gets_every_event(client, rows):
    admin = UserFactory(is_superuser=True, is_staff=True)
    every = sorted(event.slug for event in rows.values())
    assert _page_slugs(client, admin) == _api_slugs(admin) == every
