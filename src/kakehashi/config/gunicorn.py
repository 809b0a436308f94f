"""gunicorn's settings file for `kakehashi serve` (its command line gives the rest)."""

import os


def post_worker_init(worker):
    """Each worker takes the matching index before its first request and freezes what it
    loaded out of the garbage collector's sight (matching/live.py, prepare_worker)."""
    from kakehashi.matching.live import prepare_worker

    prepare_worker()


def child_exit(server, worker):
    """A worker's metrics files stop counting as live once it has gone (config/metrics.py)."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(worker.pid)
