"""gunicorn's settings file for `kakehashi serve` (its command line gives the rest)."""

import os
import threading

_HEARTBEAT_SECONDS = 5  # not a gunicorn setting (those have no leading underscore)


def post_worker_init(worker):
    """Each worker takes the matching index before its first request and freezes what it
    loaded out of the garbage collector's sight (matching/live.py, prepare_worker). Meanwhile
    it tells the arbiter it is alive: without a snapshot, reading 100,000 entries from the
    database takes longer than the timeout after which a silent worker is restarted."""
    from kakehashi.matching.live import prepare_worker

    done = threading.Event()

    def heartbeat():
        while not done.wait(_HEARTBEAT_SECONDS):
            worker.notify()

    threading.Thread(target=heartbeat, name="worker-start-heartbeat", daemon=True).start()
    try:
        prepare_worker()
    finally:
        done.set()


def child_exit(server, worker):
    """A worker's metrics files stop counting as live once it has gone (config/metrics.py)."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(worker.pid)
