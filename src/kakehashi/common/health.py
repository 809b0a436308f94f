"""Health checks for load balancers and process supervisors.

- `/healthz` (liveness): the process answers; nothing else is touched, so a database outage
  does not get healthy web processes restarted.
- `/readyz` (readiness): the database answers a query; 503 otherwise, with what failed, so
  that a load balancer sends no traffic here until it does.
"""

import time

from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET


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
    ready = all(check["ok"] for check in checks.values())
    return JsonResponse(
        {"status": "ok" if ready else "unavailable", "checks": checks}, status=200 if ready else 503
    )
