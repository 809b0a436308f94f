"""Fixtures the proposal tests share: a Vietnamese company in Ho Chi Minh City, the member
who writes its proposals, and a published proposal in Vietnamese that the translation tests
translate (the texts are in tests/proposals/factories.py). A module that needs another
company or proposal defines its own fixture of the same name."""

import pytest

from tests.factories import OrganisationFactory, locality, member_of
from tests.proposals.factories import VI_SUMMARY, VI_TITLE, published


@pytest.fixture
def company():
    return OrganisationFactory(name="Thủy sản Sài Gòn", locality=locality("ho-chi-minh-city"))


@pytest.fixture
def author(company):
    return member_of(company)


@pytest.fixture
def proposal(company, author):
    """Published, written in Vietnamese by `author`."""
    return published(
        organisation=company,
        created_by=author,
        language="vi",
        title=VI_TITLE,
        summary=VI_SUMMARY,
    )
