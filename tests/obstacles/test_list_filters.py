"""One meaning per filter: the authority's queue page and the resolved page give the same
obstacles as the API's list for the same filters and the same reader (all go through
obstacles.queries.listed): the queue page is `queue=true`, the resolved page what an
anonymous caller gets."""

import pytest

from kakehashi.obstacles import services
from kakehashi.obstacles.models import Status
from tests.factories import locality
from tests.list_rows import api_rows, page_rows

pytestmark = pytest.mark.usefixtures("reference")


@pytest.fixture
def rows(file, licence_rule, hcmc_admin, officer):
    rows = {
        "received": file(title="Licence waiting"),
        "assigned": file(title="Licence assigned"),
        "land": file(title="Land", category="land"),
        "resolved": file(title="Licence resolved"),
        "closed_quietly": file(title="Licence closed without a summary"),
        "unrouted": file(title="Customs in Hue", category="customs", locality=locality("hue")),
    }
    services.assign(obstacle=rows["assigned"], owner=officer, by=officer)
    for name, summary in (("resolved", "Issued in two weeks."), ("closed_quietly", "")):
        services.assign(obstacle=rows[name], owner=officer, by=officer)
        services.resolve(obstacle=rows[name], reason="Done.", public_summary=summary, by=officer)
    return rows


def _queue_page_ids(client, user, filters) -> list[int]:
    client.force_login(user)
    return page_rows(client, "obstacles:queue", filters)


def _api_ids(user, filters) -> list[int]:
    return api_rows(user, "/obstacles", filters)


STATUSES = [{}, *({"status": status} for status in Status.values)]


@pytest.mark.parametrize("filters", STATUSES, ids=lambda f: f.get("status", "all"))
@pytest.mark.parametrize("who", ["officer", "platform_admin"])
def test_the_queue_page_and_the_api_queue_give_the_same_obstacles_in_the_same_order(
    client, rows, request, who, filters
):
    user = request.getfixturevalue(who)
    assert _queue_page_ids(client, user, filters) == _api_ids(user, {**filters, "queue": "true"})


def test_the_queue_holds_what_the_user_s_authority_must_answer(client, rows, officer):
    expected = {rows[name].pk for name in ("received", "assigned", "resolved", "closed_quietly")}
    assert set(_queue_page_ids(client, officer, {})) == expected


def test_a_platform_admin_s_queue_adds_the_unrouted_ones(client, rows, platform_admin):
    assert rows["unrouted"].pk in _queue_page_ids(client, platform_admin, {})
    assert rows["land"].pk not in _queue_page_ids(client, platform_admin, {})


def test_the_resolved_page_lists_what_an_anonymous_caller_of_the_api_gets(client, rows):
    page_ids = sorted(page_rows(client, "obstacles:resolved", {}))
    assert page_ids == sorted(_api_ids(None, {})) == [rows["resolved"].pk]
    assert sorted(_api_ids(None, {"status": Status.RESOLVED})) == page_ids


def test_status_and_category_narrow_what_a_reporter_sees(rows, reporter):
    assert _api_ids(reporter, {"category": "land"}) == [rows["land"].pk]
    assert sorted(_api_ids(reporter, {"status": Status.ASSIGNED})) == [rows["assigned"].pk]
    assert _api_ids(reporter, {"queue": "true"}) == []
