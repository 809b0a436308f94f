import pytest
from django.test import Client

from kakehashi.directory.models import MembershipRole, OrganisationKind
from tests.api.client import ApiClient, key_for
from tests.factories import OrganisationFactory, locality, member_of


@pytest.fixture
def anonymous(client):
    return ApiClient(client)


@pytest.fixture
def as_user():
    """as_user(user) -> an ApiClient authenticated with a fresh token of that user."""
    return lambda user, **kwargs: ApiClient(Client(), key_for(user), **kwargs)


@pytest.fixture
def org_a(reference):
    """A Vietnamese company in Ho Chi Minh City."""
    return OrganisationFactory(name="Saigon Robotics", country="VN")


@pytest.fixture
def org_b(reference):
    """A Japanese local government: Osaka Prefecture."""
    return OrganisationFactory(
        name="大阪府",
        name_en="Osaka Prefectural Government",
        country="JP",
        kind=OrganisationKind.LOCAL_GOVERNMENT,
        locality=locality("osaka-prefecture"),
    )


@pytest.fixture
def member_a(org_a):
    return member_of(org_a)


@pytest.fixture
def admin_a(org_a):
    return member_of(org_a, role=MembershipRole.ADMIN)


@pytest.fixture
def member_b(org_b):
    return member_of(org_b)
