"""Structured logs: one JSON object per line (KAKEHASHI_LOG_FORMAT=json), and one line per
request with its duration (KAKEHASHI_REQUEST_LOG=true), which log collectors (journald,
Loki, Elasticsearch) read without a parser of their own."""

from __future__ import annotations

import json
import logging
import time
import uuid
from datetime import UTC, datetime

from django.utils.functional import empty

request_logger = logging.getLogger("kakehashi.requests")

# What every LogRecord has; anything else on a record came as `extra=` and is logged too.
_STANDARD = set(logging.makeLogRecord({}).__dict__) | {"message", "asctime"}


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        for key, value in record.__dict__.items():
            if key not in _STANDARD and not key.startswith("_"):
                entry[key] = value if isinstance(value, (str, int, float, bool)) else str(value)
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


def _request_id(request) -> str:
    """The id nginx gave the request ($request_id in X-Request-ID), so that its line and the
    app's can be matched; otherwise a new one."""
    given = request.META.get("HTTP_X_REQUEST_ID", "")
    if given and len(given) <= 64 and given.replace("-", "").isalnum():
        return given
    return uuid.uuid4().hex


class RequestLogMiddleware:
    """One log line per request: method, path, status, duration, user, request id. First in
    the chain, so the time counts every other middleware. Also answers with X-Request-ID."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        request.id = _request_id(request)
        response = self.get_response(request)
        duration_ms = round((time.perf_counter() - started) * 1000, 1)
        response["X-Request-ID"] = request.id
        user = getattr(request, "user", None)
        if getattr(user, "_wrapped", None) is empty:
            user = None  # never looked at by the view: not worth a query here
        request_logger.info(
            "%s %s %s %.1fms",
            request.method,
            request.path,
            response.status_code,
            duration_ms,
            extra={
                "method": request.method,
                "path": request.path,
                "status": response.status_code,
                "duration_ms": duration_ms,
                "user_id": user.pk if user is not None and user.is_authenticated else None,
                "request_id": request.id,
            },
        )
        return response
