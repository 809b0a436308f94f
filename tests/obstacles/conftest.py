import pytest

from kakehashi.directory.models import MembershipRole, OrganisationKind
from kakehashi.obstacles import services
from kakehashi.obstacles.models import RoutingRule
from kakehashi.obstacles.services import ObstacleInput
from tests.factories import OrganisationFactory, UserFactory, locality, member_of

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def business(reference):
    return OrganisationFactory(name="Saigon Precision Parts", country="VN")


@pytest.fixture
def reporter(business):
    return member_of(business, full_name="Lan Nguyen", email="lan@example.org")


@pytest.fixture
def colleague(business):
    return member_of(business, full_name="Minh Tran")


@pytest.fixture
def hcmc_dpi(reference):
    """Ho Chi Minh City's Department of Finance (investment), the authority for licences."""
    return OrganisationFactory(
        name="Sở Tài chính TP.HCM",
        name_en="HCMC Department of Finance",
        kind=OrganisationKind.LOCAL_GOVERNMENT,
        locality=locality("ho-chi-minh-city"),
    )


@pytest.fixture
def hcmc_admin(hcmc_dpi):
    return member_of(hcmc_dpi, role=MembershipRole.ADMIN, full_name="Head of unit")


@pytest.fixture
def officer(hcmc_dpi):
    return member_of(hcmc_dpi, full_name="Officer Hoa")


@pytest.fixture
def hcmc_people_committee(reference):
    return OrganisationFactory(
        name="UBND TP.HCM",
        name_en="HCMC People's Committee",
        kind=OrganisationKind.LOCAL_GOVERNMENT,
        locality=locality("ho-chi-minh-city"),
    )


@pytest.fixture
def platform_admin(db):
    return UserFactory(is_superuser=True, is_staff=True, full_name="Platform admin")


@pytest.fixture
def outsider(reference):
    return member_of(OrganisationFactory(name="Another company"), full_name="Outsider")


@pytest.fixture
def licence_rule(hcmc_dpi, hcmc_people_committee):
    """Licences in HCMC go to the Department (14 days); anything else to the committee."""
    RoutingRule.objects.create(
        locality=locality("ho-chi-minh-city"),
        country="VN",
        category="any",
        authority=hcmc_people_committee,
        deadline_days=45,
    )
    return RoutingRule.objects.create(
        locality=locality("ho-chi-minh-city"),
        country="VN",
        category="licences",
        authority=hcmc_dpi,
        deadline_days=14,
    )


def obstacle_input(**fields) -> ObstacleInput:
    values = {
        "title": "Construction permit stuck for six months",
        "category": "licences",
        "locality": locality("ho-chi-minh-city"),
        "description": "Our factory extension permit has had no answer since May.",
        "language": "en",
    }
    values.update(fields)
    return ObstacleInput(**values)


@pytest.fixture
def file(reporter, business):
    """file(**fields) -> an obstacle filed by `reporter` for `business`."""

    def file(by=None, organisation=None, **fields):
        return services.file_obstacle(
            data=obstacle_input(**fields),
            organisation=organisation or business,
            by=by or reporter,
        )

    return file


@pytest.fixture
def obstacle(file, licence_rule, hcmc_admin, officer):
    return file()
