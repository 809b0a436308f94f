"""gunicorn's settings file for `kakehashi serve` (its command line gives the rest)."""

import os


def child_exit(server, worker):
    """A worker's metrics files stop counting as live once it has gone (config/metrics.py)."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(worker.pid)
