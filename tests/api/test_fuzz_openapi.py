"""Property-based fuzzing from the OpenAPI schema: whatever a client sends, valid or not, the
API answers without a server error. Every operation is exercised, writes included, as a user
who administers an organisation that is party to a few partnerships."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from kakehashi.config.wsgi import application
from kakehashi.directory.models import MembershipRole
from tests.api.client import key_for
from tests.factories import OrganisationFactory, locality, member_of, partnership_between

CONFIG = schemathesis.Config.from_dict(
    {
        "generation": {
            "mode": "all",  # valid and invalid inputs
            "max-examples": 30,
            "deterministic": True,
            "database": "none",
        },
    }
)

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application, config=CONFIG)


@pytest.fixture
def same_connection():
    """The WSGI app runs in this thread, inside the test's transaction. Django would close the
    connection at each request's start and end (the test client disconnects this too)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def authorization(reference, same_connection):
    organisation = OrganisationFactory(name="Fuzz Co")
    other = OrganisationFactory(name="Other Co", is_published=False)
    user = member_of(organisation, role=MembershipRole.ADMIN)
    partnership_between(organisation, locality("osaka-prefecture"))
    partnership_between(organisation, locality("binh-duong-before-2025"), is_published=False)
    partnership_between(other, locality("hanoi"))
    return {"Authorization": f"Bearer {key_for(user)}"}


@pytest.mark.django_db
@schema.parametrize()
# The fixtures are deliberately shared by a test's examples: writes pile up in its transaction.
@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_no_input_causes_a_server_error(case, authorization):
    case.call_and_validate(headers=authorization, checks=[not_a_server_error])
