"""Property-based fuzzing from the OpenAPI schema, anonymously and with a token of each role:
whatever a client sends, valid or not, every operation answers without a server error, with a
status its schema documents, in the documented content type and shape; and data the schema
calls valid is never refused by the API's own input validation.

The schema cannot say which ids and slugs exist, nor rules across fields (a party is a locality
or an organisation, an outcome follows one source): a schema-valid request may still be refused
by such a rule, with its own error code (422, 404, 403) — never with `invalid_input` (the
schema's validation) nor 400 (an unreadable body). Generation is derandomised: the same
examples on every run."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from kakehashi.config.wsgi import application
from kakehashi.directory.models import MembershipRole
from kakehashi.proposals.models import LocalityModerator
from tests.api.client import key_for
from tests.api.documented import codes_of_operation
from tests.factories import (
    OrganisationFactory,
    UserFactory,
    locality,
    member_of,
    partnership_between,
)

CONFIG = schemathesis.Config.from_dict(
    {
        "generation": {
            "mode": "all",  # valid and invalid inputs
            "max-examples": 10,
            "deterministic": True,
            "database": "none",
        },
    }
)

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application, config=CONFIG)


@schemathesis.check
def valid_data_passes_validation(ctx, response, case):
    """Schema-valid data is not refused by the schema's own rules nor as unreadable."""
    if case.meta is None or not case.meta.generation.mode.is_positive:
        return None
    if response.status_code == 400:
        raise AssertionError(f"A schema-valid request was unreadable: {response.text}")
    if response.status_code == 422 and response.json().get("code") == "invalid_input":
        raise AssertionError(f"Schema-valid data failed validation: {response.text}")
    return None


@schemathesis.check
def error_code_is_documented(ctx, response, case):
    """An error answer's code is one its operation lists for that status (x-error-codes)."""
    if response.status_code < 400 or response.status_code == 500:
        return None
    try:
        code = response.json().get("code")
    except ValueError:
        return None
    documented = codes_of_operation(case.method, case.operation.path, response.status_code)
    if documented is not None and code not in documented:
        raise AssertionError(
            f"{case.method} {case.operation.path} answered {response.status_code} with the "
            f"undocumented code {code!r}: {response.text}"
        )
    return None


CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    valid_data_passes_validation,
    error_code_is_documented,
]


@pytest.fixture
def same_connection():
    """The WSGI app runs in this thread, inside the test's transaction. Django would close the
    connection at each request's start and end (the test client disconnects this too)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture(params=["anonymous", "member", "organisation_admin", "moderator", "platform_admin"])
def authorization(request, reference, same_connection):
    """A few records to find, and the headers of the role: none, a member or an administrator
    of an organisation that is party to partnerships, a locality's moderator, a platform
    administrator."""
    organisation = OrganisationFactory(name="Fuzz Co")
    other = OrganisationFactory(name="Other Co", is_published=False)
    partnership_between(organisation, locality("osaka-prefecture"))
    partnership_between(organisation, locality("binh-duong-before-2025"), is_published=False)
    partnership_between(other, locality("hanoi"))
    if request.param == "anonymous":
        return {}
    if request.param == "member":
        user = member_of(organisation)
    elif request.param == "organisation_admin":
        user = member_of(organisation, role=MembershipRole.ADMIN)
    elif request.param == "moderator":
        user = UserFactory()
        LocalityModerator.objects.create(user=user, locality=locality("ho-chi-minh-city"))
    else:
        user = UserFactory(is_superuser=True, is_staff=True)
    return {"Authorization": f"Bearer {key_for(user)}"}


@pytest.mark.django_db
@schema.parametrize()
# The fixtures are deliberately shared by a test's examples: writes pile up in its transaction.
@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_every_answer_is_documented(case, authorization):
    case.call_and_validate(headers=authorization, checks=CHECKS)
