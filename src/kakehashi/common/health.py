"""Health checks for load balancers and process supervisors.

- `/healthz` (liveness): the process answers; nothing else is touched, so a database outage
  does not get healthy web processes restarted.
- `/readyz` (readiness): the database answers a query; 503 otherwise, with what failed, so
  that a load balancer sends no traffic here until it does. Where tasks wait in the database
  (KAKEHASHI_TASKS_BACKEND=database) it also says, per queue, how many wait and how long the
  oldest has waited: for monitoring; a slow queue does not make the web unready. The apps
  to the right add their own figures with `register_readiness_report` (matching: records
  whose index upkeep could not be queued, so the index is stale for them).
"""

import time
from collections.abc import Callable

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

# name -> a function returning {"ok": bool, ...figures}; called once the database answered.
_reports: dict[str, Callable[[], dict]] = {}


def register_readiness_report(name: str, report: Callable[[], dict]) -> None:
    """Add `checks[name]` to /readyz (an extension point for the apps to the right, filled
    from their AppConfig.ready). A report with "ok": False makes the process unready."""
    _reports[name] = report


@never_cache
@require_GET
def liveness(request):
    return JsonResponse({"status": "ok"})


@never_cache
@require_GET
def readiness(request):
    checks = {}
    started = time.monotonic()
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        checks["database"] = {"ok": True, "ms": round((time.monotonic() - started) * 1000, 1)}
    except DatabaseError as error:
        checks["database"] = {"ok": False, "error": error.__class__.__name__}
    if checks["database"]["ok"] and database_queue():
        checks["queues"] = {"ok": True, **queue_figures()}
    if checks["database"]["ok"]:
        for name, report in _reports.items():
            try:
                checks[name] = report()
            except DatabaseError as error:  # e.g. its table not migrated yet: say so, stay ready
                checks[name] = {"ok": True, "error": error.__class__.__name__}
    ready = all(check.get("ok", True) for check in checks.values())
    return JsonResponse(
        {"status": "ok" if ready else "unavailable", "checks": checks}, status=200 if ready else 503
    )


def database_queue() -> bool:
    return settings.TASKS["default"]["BACKEND"] == "django_tasks_db.DatabaseBackend"


def queue_figures() -> dict:
    from django_tasks_db.models import DBTaskResult

    now = timezone.now()
    figures = {}
    for queue in settings.TASK_QUEUES:
        waiting = DBTaskResult.objects.ready().filter(queue_name=queue)
        oldest = waiting.order_by("enqueued_at").values_list("enqueued_at", flat=True).first()
        figures[queue] = {
            "waiting": waiting.count(),
            "oldest_waiting_seconds": round((now - oldest).total_seconds()) if oldest else 0,
        }
    return figures
