"""The embedded task backend: each task runs in a background thread of the web process.

Long work (a scheduler run) then neither holds up the request nor needs a worker process, which
suits one machine with SQLite. A deployment with several app servers uses a database-backed
queue and workers instead (set KAKEHASHI_TASKS_BACKEND). Tests run tasks immediately."""

import logging
import threading

from django.db import connections
from django_tasks import task
from django_tasks.backends.immediate import ImmediateBackend
from django_tasks.base import TaskResult, TaskResultStatus
from django_tasks.utils import get_random_id

logger = logging.getLogger(__name__)


class ThreadBackend(ImmediateBackend):
    def enqueue(self, task, args, kwargs):
        self.validate_task(task)
        task_result = TaskResult(
            task=task,
            id=get_random_id(),
            status=TaskResultStatus.READY,
            enqueued_at=None,
            started_at=None,
            last_attempted_at=None,
            finished_at=None,
            args=args,
            kwargs=kwargs,
            backend=self.alias,
            errors=[],
            worker_ids=[],
        )
        threading.Thread(target=self._run, args=(task_result,), daemon=True).start()
        return task_result

    def _run(self, task_result: TaskResult) -> None:
        try:
            self._execute_task(task_result)
            if task_result.status == TaskResultStatus.FAILED:
                logger.error("Task %s failed: %s", task_result.task.name, task_result.errors)
        finally:
            connections.close_all()


@task()
def run_daily_jobs() -> None:
    """The daily jobs, once a day (common/daily.py); queues the next day's run itself."""
    from kakehashi.common import daily

    try:
        run = daily.claim_today()
        if run is not None:
            daily.run_jobs(run)
        else:
            logger.info("Daily jobs already ran today; skipped")
    finally:
        daily.ensure_scheduled()
