"""A web worker takes the matching index when it starts (gunicorn's post_worker_init, the hook
`kakehashi serve` configures) and freezes what it loaded out of the garbage collector's sight,
so that full collections no longer walk the index and Django on a search's time."""

import gc

import pytest

from kakehashi.config import gunicorn as serving
from kakehashi.matching import live
from kakehashi.matching.services import store_documents
from tests.matching.test_snapshots import documents


class Worker:
    """What the hook uses of gunicorn's worker: its heartbeat to the arbiter."""

    def notify(self):
        pass


@pytest.fixture
def collector():
    """The collector as the test found it, given back afterwards."""
    thresholds = gc.get_threshold()
    gc.unfreeze()
    yield
    gc.unfreeze()
    gc.set_threshold(*thresholds)


@pytest.mark.django_db(transaction=True)
def test_a_worker_takes_the_index_and_freezes_it_at_its_start(collector):
    store_documents(documents(0, 8))
    assert live._state["index"] is None and gc.get_freeze_count() == 0

    serving.post_worker_init(worker=Worker())

    index = live._state["index"]
    assert index is not None and len(index) == 8
    assert live.live_index() is index  # the first request finds it taken
    assert gc.get_freeze_count() > 10_000  # Django's objects and the index's
    assert gc.isenabled() and gc.get_threshold() == live.WORKER_GC_THRESHOLDS
    # What the index holds is out of the collector's sight, not merely alive.
    seen = {id(obj) for obj in gc.get_objects()}
    assert id(index) not in seen and id(index.get("proposal:3")) not in seen


@pytest.mark.django_db(transaction=True)
def test_a_worker_with_an_empty_index_starts_and_freezes_too(collector):
    assert live.prepare_worker() == 0
    assert gc.get_freeze_count() > 0 and gc.get_threshold() == live.WORKER_GC_THRESHOLDS
