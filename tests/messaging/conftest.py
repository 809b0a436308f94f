import pytest

from tests.factories import OrganisationFactory, member_of
from tests.messaging.factories import admin_of, japanese_company, vietnamese_company


@pytest.fixture
def vn(reference):
    return vietnamese_company()


@pytest.fixture
def jp(reference):
    return japanese_company()


@pytest.fixture
def lan(vn):
    """Writes for the Vietnamese company; reads Vietnamese."""
    return admin_of(vn, full_name="Lan", email="lan@example.vn", preferred_language="vi")


@pytest.fixture
def sato(jp):
    """The Japanese company's administrator; reads Japanese."""
    return admin_of(jp, full_name="Sato", email="sato@example.jp", preferred_language="ja")


@pytest.fixture
def tanaka(jp):
    """A member (not administrator) of the Japanese company: a colleague to bring in."""
    return member_of(jp, full_name="Tanaka", email="tanaka@example.jp", preferred_language="ja")


@pytest.fixture
def outsider(reference):
    """Acts for a third organisation: never sees anything of the others' threads."""
    return admin_of(OrganisationFactory(name="Hanoi Textiles"), email="eve@example.org")
