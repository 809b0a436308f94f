"""Helpers for tests that start the platform's own processes (workers, servers) against the
test database."""

import os
import sys
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
