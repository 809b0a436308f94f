"""An error answer's code must be one its operation documents (api/openapi.py lists them in
each error response's `x-error-codes`). Used by the API client of the tests and by the fuzz."""

import re
from functools import cache

from kakehashi.api.urls import api

PREFIX = "/api/v1"


@cache
def _schema() -> dict:
    """The OpenAPI document, built once: building it takes about half a second, and the fuzz
    asks for every answer."""
    return api.get_openapi_schema()


@cache
def _operations() -> list[tuple[re.Pattern, str, dict]]:
    schema = _schema()
    found = []
    for template, operations in schema["paths"].items():
        pattern = re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(template))
        for method, operation in operations.items():
            found.append((re.compile(f"^{pattern}$"), method.lower(), operation))
    # Literal paths before templated ones, as the router matches them.
    return sorted(found, key=lambda item: item[0].pattern.count("[^/]+"))


def documented_codes(method: str, path: str, status: int) -> list[str] | None:
    """The codes documented for this answer, or None when no operation lives at `path`."""
    path = path.split("?", 1)[0]
    for pattern, operation_method, operation in _operations():
        if operation_method == method.lower() and pattern.match(path):
            responses = operation.get("responses", {})
            response = responses.get(str(status)) or responses.get(status) or {}
            return response.get("x-error-codes", [])
    return None


def codes_of_operation(method: str, template: str, status: int) -> list[str] | None:
    """The codes documented for `status` by the operation at `template` (as the schema spells
    its path), or None when the schema has no such operation."""
    operation = _schema()["paths"].get(template, {}).get(method.lower())
    if operation is None:
        return None
    responses = operation.get("responses", {})
    return (responses.get(str(status)) or responses.get(status) or {}).get("x-error-codes", [])


def undocumented_code(method: str, path: str, response) -> str | None:
    """A sentence saying what is wrong when `response` carries an undocumented code; `path`
    is the one under /api/v1."""
    if response.status_code < 400 or response.status_code == 500:
        return None
    if not response.get("Content-Type", "").startswith("application/json"):
        return None
    code = response.json().get("code")
    documented = documented_codes(method, PREFIX + path, response.status_code)
    if documented is None or code in documented:
        return None
    return (
        f"{method.upper()} {path} answered {response.status_code} with the code {code!r}, "
        f"which its operation does not document ({', '.join(documented) or 'none'})."
    )
