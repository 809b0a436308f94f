"""The obstacles API reads a page of obstacles, and one obstacle, in a number of queries that
does not grow with the obstacles, their comments or their attachments, whoever reads: the
caller's organisations are read once per request, not once per obstacle and field."""

import pytest
import rules
from django.contrib.auth.models import AnonymousUser
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from kakehashi.obstacles import services
from kakehashi.obstacles.models import Obstacle
from kakehashi.obstacles.queries import Reader
from tests.api.client import key_for
from tests.factories import locality
from tests.obstacles.conftest import PDF

pytestmark = pytest.mark.django_db

READERS = ["reporter", "officer", "outsider", "platform_admin", None]


def add_obstacles(file, officer, reporter, number, start=0):
    """`number` obstacles, each with two comments and an attachment; every other one closed
    with a public summary (so outsiders and anonymous readers see some)."""
    for index in range(start, start + number):
        obstacle = file(title=f"Obstacle {index}")
        services.add_comment(obstacle=obstacle, body="Any news?", by=reporter)
        services.add_comment(obstacle=obstacle, body="We are on it.", by=officer)
        services.add_attachment(
            obstacle=obstacle,
            title="Scan",
            upload=SimpleUploadedFile("scan.pdf", PDF),
            by=reporter,
        )
        if index % 2:
            services.assign(obstacle=obstacle, owner=officer, by=officer)
            services.resolve(
                obstacle=obstacle, reason="Permit issued.", public_summary="Issued.", by=officer
            )


def queries_for(user, url) -> tuple[int, dict]:
    client = Client()
    headers = {"Authorization": f"Bearer {key_for(user)}"} if user else {}
    client.get(url, headers=headers)  # warm up (e.g. the token's last use)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, headers=headers)
    assert response.status_code == 200, response.json()
    return len(captured), response.json()


@pytest.mark.parametrize("reader", READERS)
def test_the_list_takes_as_many_queries_for_8_obstacles_as_for_2(
    request, reader, file, licence_rule, hcmc_admin, officer, reporter
):
    user = request.getfixturevalue(reader) if reader else None
    add_obstacles(file, officer, reporter, 2)
    few, few_body = queries_for(user, "/api/v1/obstacles?limit=50")
    add_obstacles(file, officer, reporter, 6, start=2)
    many, many_body = queries_for(user, "/api/v1/obstacles?limit=50")

    assert len(many_body["items"]) > len(few_body["items"]) > 0
    assert many == few


def test_the_queue_takes_as_many_queries_for_8_obstacles_as_for_2(
    file, licence_rule, hcmc_admin, officer, reporter
):
    add_obstacles(file, officer, reporter, 2)
    few, few_body = queries_for(officer, "/api/v1/obstacles?queue=true&limit=50")
    add_obstacles(file, officer, reporter, 6, start=2)
    many, many_body = queries_for(officer, "/api/v1/obstacles?queue=true&limit=50")

    assert (few_body["count"], many_body["count"]) == (2, 8)
    assert many == few


@pytest.mark.parametrize("reader", READERS)
def test_one_obstacle_takes_as_many_queries_with_8_comments_as_with_2(
    request, reader, obstacle, officer, reporter
):
    user = request.getfixturevalue(reader) if reader else None
    services.add_attachment(
        obstacle=obstacle, title="Scan", upload=SimpleUploadedFile("scan.pdf", PDF), by=reporter
    )
    services.assign(obstacle=obstacle, owner=officer, by=officer)
    services.resolve(
        obstacle=obstacle, reason="Permit issued.", public_summary="Issued.", by=officer
    )
    url = f"/api/v1/obstacles/{obstacle.pk}"
    for author in (reporter, officer):
        services.add_comment(obstacle=obstacle, body="Noted.", by=author)
    few, few_body = queries_for(user, url)
    for number in range(6):
        services.add_comment(obstacle=obstacle, body="Noted.", by=(reporter, officer)[number % 2])
    many, many_body = queries_for(user, url)

    shown = 8 if reader in ("reporter", "officer", "platform_admin") else 0
    assert (len(few_body["comments"]), len(many_body["comments"])) == (min(shown, 2), shown)
    assert many == few


def test_the_lists_queries_are_few(file, licence_rule, hcmc_admin, officer, reporter):
    add_obstacles(file, officer, reporter, 2)

    # The token and its last use, the caller's memberships, the count, the page, its
    # translations, comments, their authors and its attachments.
    assert queries_for(reporter, "/api/v1/obstacles")[0] == 9
    # One obstacle: the same less the count.
    obstacle_id = queries_for(reporter, "/api/v1/obstacles")[1]["items"][0]["id"]
    assert queries_for(reporter, f"/api/v1/obstacles/{obstacle_id}")[0] == 8


@pytest.mark.parametrize("reader", READERS)
def test_the_reader_answers_as_the_see_details_rule(
    request, reader, file, licence_rule, hcmc_admin, officer, reporter
):
    user = request.getfixturevalue(reader) if reader else AnonymousUser()
    add_obstacles(file, officer, reporter, 2)  # one open, one closed and public
    unrouted = file(title="Nobody answers for Hanoi", locality=locality("hanoi"))
    obstacles = [*Obstacle.objects.exclude(pk=unrouted.pk), unrouted]
    assert unrouted.authority_id is None

    reader_says = [Reader.of(user).takes_part_in(obstacle) for obstacle in obstacles]

    assert reader_says == [
        rules.has_perm("obstacles.see_details", user, obstacle) for obstacle in obstacles
    ]
    expected = {"reporter": True, "platform_admin": True, "outsider": False, None: False}
    if reader in expected:
        assert reader_says == [expected[reader]] * 3
    else:  # the authority's officer: not the unrouted one
        assert reader_says == [True, True, False]
