"""When the index upkeep cannot be queued, the change is kept, the upkeep is tried once more,
and a record still missed is listed: /readyz counts it and the daily job indexes it."""

import pytest
from django.core.management import call_command
from django.db import connection
from django_tasks.backends.immediate import ImmediateBackend

from kakehashi.matching import live
from kakehashi.matching.models import MissedIndexUpdate
from kakehashi.matching.services import rebuild_index
from kakehashi.proposals.models import ProposalStatus
from tests.factories import OrganisationFactory, locality
from tests.matching.builders import COLD_CHAIN_JA, publish_proposal

pytestmark = pytest.mark.django_db


class UnreachableQueue(ImmediateBackend):
    """A queue that refuses the first `failures` tasks (a database queue that is down)."""

    failures = 0
    refused = 0

    def enqueue(self, task, args, kwargs):
        if UnreachableQueue.refused < UnreachableQueue.failures:
            UnreachableQueue.refused += 1
            raise ConnectionError("the queue is unreachable")
        return super().enqueue(task, args, kwargs)


@pytest.fixture
def queue(settings):
    settings.TASKS = {
        "default": {
            "BACKEND": f"{__name__}.UnreachableQueue",
            "QUEUES": settings.TASK_QUEUES,
        }
    }
    UnreachableQueue.refused = 0
    return UnreachableQueue


def found(text):
    return [match.id for match in live.live_index().search(text, k=10)]


def seller():
    return OrganisationFactory(country="JP", locality=locality("osaka-prefecture"))


def test_one_refusal_is_retried_and_leaves_nothing_listed(
    reference, queue, client, django_capture_on_commit_callbacks
):
    queue.failures = 1
    offer = publish_proposal(seller(), django_capture_on_commit_callbacks, **COLD_CHAIN_JA)
    assert queue.refused == 1
    assert f"proposal:{offer.pk}" in found("冷凍倉庫")
    assert not MissedIndexUpdate.objects.exists()
    report = client.get("/readyz").json()["checks"]["matching_index"]
    assert report == {"ok": True, "stale_records": 0, "stale_for_seconds": 0}


def test_a_record_missed_twice_is_listed_shown_and_indexed_by_the_daily_job(
    reference, queue, client, django_capture_on_commit_callbacks
):
    queue.failures = 100
    offer = publish_proposal(seller(), django_capture_on_commit_callbacks, **COLD_CHAIN_JA)
    offer.refresh_from_db()
    assert offer.status == ProposalStatus.PUBLISHED  # the change itself is kept
    assert f"proposal:{offer.pk}" not in found("冷凍倉庫")
    missed = MissedIndexUpdate.objects.get()
    assert missed.key == f"proposal:{offer.pk}"
    assert missed.error == "ConnectionError: the queue is unreachable"

    ready = client.get("/readyz")
    assert ready.status_code == 200  # the pages work; only search is behind
    report = ready.json()["checks"]["matching_index"]
    assert report["ok"] is True and report["stale_records"] == 1 and "warning" in report

    call_command("snapshot_index")  # the daily job
    assert f"proposal:{offer.pk}" in found("冷凍倉庫")
    assert not MissedIndexUpdate.objects.exists()
    assert client.get("/readyz").json()["checks"]["matching_index"]["stale_records"] == 0


def test_a_rebuild_clears_what_was_missed_before_it(
    reference, queue, django_capture_on_commit_callbacks
):
    queue.failures = 100
    offer = publish_proposal(seller(), django_capture_on_commit_callbacks, **COLD_CHAIN_JA)
    assert MissedIndexUpdate.objects.filter(key=f"proposal:{offer.pk}").exists()
    rebuild_index()
    assert not MissedIndexUpdate.objects.exists()
    assert f"proposal:{offer.pk}" in found("冷凍倉庫")


def test_readiness_stays_ready_when_the_list_cannot_be_read(client):
    """Before `migrate` has made the table (a deployment's first minutes), /readyz still
    answers, and says what it could not read."""
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE matching_missedindexupdate")
    ready = client.get("/readyz")
    assert ready.status_code == 200
    report = ready.json()["checks"]["matching_index"]
    assert report["ok"] is True and report["error"] in {"OperationalError", "ProgrammingError"}
