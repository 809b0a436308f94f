"""The OpenAPI document as the API behaves: what every operation can answer besides what its
router declares. One place, so that a status the error handlers (errors.py) can produce is
documented wherever it can occur, with the error codes that come with it.

An operation's codes: the handlers' own (`ApiError`, by status) and, for 422, the enums its
module names in `ERROR_CODES` (`ErrorCode` classes, members, or groups such as
`common.errors.TEXT_CODES`): a module's operations share one list, a superset of what each
can answer, kept honest from below by the checks. Each error response lists its codes in its
description and, for programs, in `x-error-codes`; the API tests and the fuzz refuse an
answer whose code is not listed there (tests/api/documented.py)."""

import re
import sys
from collections.abc import Iterable

from ninja import NinjaAPI

from kakehashi.api.errors import API_STATUS
from kakehashi.common.errors import ErrorCode

ERROR = {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorOut"}}}
UNREADABLE_BODY = "The body could not be read."
PLACEHOLDER = re.compile(r"%\((\w+)\)s")


def members(codes: Iterable) -> list[ErrorCode]:
    found: dict[str, ErrorCode] = {}
    for item in codes:
        for member in [item] if isinstance(item, ErrorCode) else list(item):
            found.setdefault(member.value, member)
    return list(found.values())


def refusals_of(view) -> list[ErrorCode]:
    """The codes a view's 422 may carry besides the schema's own."""
    declared = getattr(sys.modules.get(view.__module__), "ERROR_CODES", ())
    return members(declared)


def codes_for(status: int, refusals: list[ErrorCode]) -> list[ErrorCode]:
    own = [code for code, code_status in API_STATUS.items() if code_status == status]
    return members([own, refusals]) if status == 422 else own


def _named(placeholder: re.Match) -> str:
    return f"<{placeholder.group(1)}>"


def describe(title: str, codes: list[ErrorCode]) -> str:
    """`title` — one of the codes, one line each; a placeholder of the message shows as <name>."""
    lines = [f"- `{code.value}`: {PLACEHOLDER.sub(_named, code.description)}" for code in codes]
    return "\n".join([f"{title.rstrip('.')} — one of:", "", *lines])


class DocumentedAPI(NinjaAPI):
    def get_openapi_schema(self, *, path_prefix=None, path_params=None):
        schema = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        views = self._views_by_operation_id()
        for operations in schema["paths"].values():
            for operation in operations.values():
                document_operation(operation, views.get(operation.get("operationId")))
        return schema

    def _views_by_operation_id(self) -> dict:
        views = {}
        for bound in self._get_bound_routers():
            for path_view in bound.path_operations.values():
                for operation in path_view.operations:
                    key = operation.operation_id or self.get_openapi_operation_id(operation)
                    views[key] = operation.view_func
        return views


def document_operation(operation: dict, view=None) -> None:
    responses = operation.setdefault("responses", {})
    body = operation.get("requestBody")
    if body is not None:
        if 400 not in responses and "400" not in responses:  # ninja keys statuses by int
            responses[400] = {"description": UNREADABLE_BODY, "content": ERROR}
        for media in body.get("content", {}).values():
            for field in media.get("schema", {}).get("properties", {}).values():
                if field.get("format") == "binary":
                    # Django reads an empty file part as no file: the field is then missing.
                    field.setdefault("minLength", 1)
    refusals = refusals_of(view) if view is not None else []
    for status, response in responses.items():
        status = int(status)
        if 400 <= status < 600 and status != 500:
            codes = codes_for(status, refusals)
            if codes:
                response["description"] = describe(response.get("description", ""), codes)
                response["x-error-codes"] = [code.value for code in codes]
