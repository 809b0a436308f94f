"""`/metrics` for Prometheus (KAKEHASHI_METRICS=true, docs/operations.md): requests, latency
and responses per view from django-prometheus, summed over every gunicorn worker, and what
the platform itself should be watched for — tasks waiting per queue and the oldest one's age,
tasks failed, scheduler runs under way, the last daily jobs. Answers only a scraper that
shows KAKEHASHI_METRICS_TOKEN as a bearer token."""

from __future__ import annotations

import hmac
import os
from datetime import timedelta

from django.conf import settings
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, CollectorRegistry, generate_latest
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.multiprocess import MultiProcessCollector

from kakehashi.common.health import database_queue, queue_figures
from kakehashi.common.models import DailyRun
from kakehashi.events.models import RUN_UNDER_WAY_STATUSES, ScheduleRun


class PlatformCollector:
    """Figures read from the database at each scrape."""

    def collect(self):
        runs = GaugeMetricFamily(
            "kakehashi_schedule_runs", "Scheduler runs queued or running", labels=["status"]
        )
        for status in RUN_UNDER_WAY_STATUSES:
            runs.add_metric([status.value], ScheduleRun.objects.filter(status=status).count())
        yield runs

        last = DailyRun.objects.exclude(finished_at=None).first()
        finished = GaugeMetricFamily(
            "kakehashi_daily_jobs_last_finished_timestamp_seconds",
            "When the daily jobs last finished (Unix time; 0: never)",
        )
        finished.add_metric([], last.finished_at.timestamp() if last else 0)
        yield finished
        failed = GaugeMetricFamily(
            "kakehashi_daily_jobs_last_failed", "Daily jobs that failed in their last run"
        )
        failed.add_metric([], len(last.failed_jobs) if last else 0)
        yield failed

        if not database_queue():
            return
        from django_tasks_db.models import DBTaskResult

        waiting = GaugeMetricFamily(
            "kakehashi_tasks_waiting", "Tasks due and waiting for a worker", labels=["queue"]
        )
        oldest = GaugeMetricFamily(
            "kakehashi_tasks_oldest_waiting_seconds",
            "How long the oldest due task has waited",
            labels=["queue"],
        )
        for queue, figures in queue_figures().items():
            waiting.add_metric([queue], figures["waiting"])
            oldest.add_metric([queue], figures["oldest_waiting_seconds"])
        yield waiting
        yield oldest
        failed_tasks = GaugeMetricFamily(
            "kakehashi_tasks_failed_last_day", "Tasks failed in the last 24 hours", labels=["queue"]
        )
        since = timezone.now() - timedelta(days=1)
        for queue in settings.TASK_QUEUES:
            count = DBTaskResult.objects.failed().filter(queue_name=queue, finished_at__gte=since)
            failed_tasks.add_metric([queue], count.count())
        yield failed_tasks


def _authorised(request) -> bool:
    given = request.headers.get("Authorization", "")
    expected = f"Bearer {settings.METRICS_TOKEN}"
    return hmac.compare_digest(given.encode(), expected.encode())


@never_cache
@require_GET
def metrics(request):
    if not settings.METRICS:
        raise Http404
    if not _authorised(request):
        return HttpResponse(status=401, headers={"WWW-Authenticate": "Bearer"})
    if "PROMETHEUS_MULTIPROC_DIR" in os.environ:
        # Each gunicorn worker writes its figures to files there; sum them all.
        served = CollectorRegistry()
        MultiProcessCollector(served)
    else:
        served = REGISTRY
    platform = CollectorRegistry()
    platform.register(PlatformCollector())
    body = generate_latest(served) + generate_latest(platform)
    return HttpResponse(body, content_type=CONTENT_TYPE_LATEST)
