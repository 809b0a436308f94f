"""Helpers for tests that start the platform's own processes (workers, servers) against the
test database."""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from django.db import connection

KAKEHASHI = Path(sys.executable).parent / "kakehashi"


def database_url() -> str:
    """DATABASE_URL of the test database this test runs on."""
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{settings['NAME']}"
    password = f":{settings['PASSWORD']}" if settings["PASSWORD"] else ""
    return (
        f"postgres://{settings['USER']}{password}@{settings['HOST']}:{settings['PORT']}"
        f"/{settings['NAME']}"
    )


def worker_env(**extra: str) -> dict:
    """The environment of a `kakehashi db_worker` on the test database."""
    environment = dict(os.environ)
    environment |= {
        "DATABASE_URL": database_url(),
        "KAKEHASHI_TASKS_BACKEND": "database",
        "PYTHONPATH": os.pathsep.join(sys.path),
        **extra,
    }
    # The browser tests allow async-unsafe calls for themselves; a worker must not.
    environment.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    return environment


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_answers(
    url: str, server: subprocess.Popen, *, seconds: float = 90, headers: dict | None = None
) -> None:
    """Poll `url` until the server answers (any status); fail early if it died."""
    deadline = time.monotonic() + seconds
    request = urllib.request.Request(url, headers=headers or {})
    while True:
        try:
            with urllib.request.urlopen(request, timeout=10):
                return
        except urllib.error.HTTPError:
            return
        except OSError:
            assert server.poll() is None, "the server ended before answering"
            assert time.monotonic() < deadline, f"{url} did not answer within {seconds} s"
            time.sleep(0.3)
