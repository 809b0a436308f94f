"""`kakehashi serve`: the production web server (gunicorn) with sensible defaults.

    kakehashi serve                          # 127.0.0.1:8000, workers from the cores
    kakehashi serve --bind 0.0.0.0:8000 --workers 4

Behind nginx (docs/operations.md) on loopback; each worker holds the matching index (its
vectors and postings mapped from a shared snapshot, the rest its own), so workers are counted
from the cores, not the requests. Each worker runs a
few threads, which keeps slow clients from holding a whole worker. Access log on standard
output, one line per request with its duration in microseconds (or, with
KAKEHASHI_REQUEST_LOG=true, the app's own structured line instead).
"""

import os
import shutil
import sys
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

ACCESS_LOG_FORMAT = '%(h)s "%(r)s" %(s)s %(b)s %(D)sus "%(a)s"'
ACCESS_LOG = ["--access-logfile", "-", "--access-logformat", ACCESS_LOG_FORMAT]


def default_workers() -> int:
    return int(os.environ.get("KAKEHASHI_WEB_WORKERS", max(2, min(os.cpu_count() or 1, 8))))


class Command(BaseCommand):
    help = "Serve the platform with gunicorn (production)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--bind", default=os.environ.get("KAKEHASHI_BIND", "127.0.0.1:8000"), help="address"
        )
        parser.add_argument("--workers", type=int, default=default_workers())
        parser.add_argument(
            "--threads", type=int, default=int(os.environ.get("KAKEHASHI_WEB_THREADS", 4))
        )
        parser.add_argument(
            "--timeout",
            type=int,
            default=int(os.environ.get("KAKEHASHI_WEB_TIMEOUT", 60)),
            help="seconds before a stuck worker is restarted",
        )

    def arguments(self, options) -> list[str]:
        """gunicorn's command line for these options."""
        return [
            sys.executable,
            "-m",
            "gunicorn",
            "kakehashi.config.wsgi:application",
            "--bind",
            options["bind"],
            "--workers",
            str(options["workers"]),
            "--threads",
            str(options["threads"]),
            "--worker-class",
            "gthread",
            "--timeout",
            str(options["timeout"]),
            "--graceful-timeout",
            "30",
            "--config",
            "python:kakehashi.config.gunicorn",
            "--forwarded-allow-ips",
            os.environ.get("KAKEHASHI_FORWARDED_ALLOW_IPS", "127.0.0.1"),
            # The app's own request log (KAKEHASHI_REQUEST_LOG, common/logs.py) replaces it.
            *([] if settings.REQUEST_LOG else ACCESS_LOG),
        ]

    def metrics_folder(self) -> None:
        """With metrics on, each worker writes its figures into a folder of files that
        /metrics sums; emptied at each start, as prometheus_client asks."""
        if not settings.METRICS:
            return
        folder = Path(os.environ.get("PROMETHEUS_MULTIPROC_DIR", settings.VAR_DIR / "metrics"))
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        os.environ["PROMETHEUS_MULTIPROC_DIR"] = str(folder)

    def handle(self, *args, **options):
        command = self.arguments(options)
        self.metrics_folder()
        sys.stdout.flush()
        # The server replaces this process, so that signals (reload, stop) reach it directly.
        os.execv(command[0], command)
