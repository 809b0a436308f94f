"""Every API error has one shape: {"code", "message", "details": [{"field", "code", "message"}]}.

Codes are stable snake_case identifiers for programs; messages are whole sentences translated
into the language of the request (LocaleMiddleware reads Accept-Language). Bad input is always
a 4xx; the last-resort handler (500) is for our own bugs and logs them.
"""

import logging
import re
from functools import partial

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, SuspiciousOperation
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import InterfaceError, OperationalError
from django.http import Http404
from django.http.multipartparser import MultiPartParserError
from django.http.request import RawPostDataException
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError

from kakehashi.api.auth import CsrfFailed, InvalidToken
from kakehashi.common.errors import ErrorCode
from kakehashi.common.views import RETRY_AFTER_SECONDS

logger = logging.getLogger("kakehashi.api")


class ApiError(ErrorCode):
    """The codes the error handlers below answer with, whatever the operation."""

    MALFORMED_REQUEST = "malformed_request", "The request body is not valid JSON."
    BAD_REQUEST = "bad_request", "The request cannot be read (e.g. multipart without boundary)."
    HTTP_ERROR = "http_error", "The request could not be handled."
    NOT_AUTHENTICATED = "not_authenticated", "Sign in, or send a personal API token."
    INVALID_TOKEN = "invalid_token", "The API token is not valid, or it has been revoked."
    FORBIDDEN = "forbidden", "You are not allowed to do this."
    CSRF_FAILED = "csrf_failed", "A session without the X-CSRFToken header."
    NOT_FOUND = "not_found", "There is no such record or address, or you may not see it."
    INVALID_INPUT = "invalid_input", "The request does not follow its schema; see the details."
    INVALID = "invalid", "The data is refused (no more precise code)."
    UNAVAILABLE = "unavailable", "The service is briefly unavailable. Try again in a moment."
    SERVER_ERROR = "server_error", "Something went wrong on our side. The error has been logged."


# The status each of the handlers' codes comes with (INVALID comes with 422, as every refusal
# of the data).
API_STATUS = {
    ApiError.MALFORMED_REQUEST: 400,
    ApiError.BAD_REQUEST: 400,
    ApiError.NOT_AUTHENTICATED: 401,
    ApiError.INVALID_TOKEN: 401,
    ApiError.FORBIDDEN: 403,
    ApiError.CSRF_FAILED: 403,
    ApiError.NOT_FOUND: 404,
    ApiError.INVALID_INPUT: 422,
    ApiError.INVALID: 422,
    ApiError.UNAVAILABLE: 503,
    ApiError.SERVER_ERROR: 500,
}


class ApiInputError(ErrorCode):
    """Refusals of the API's own input lookups (ids, slugs, dates sent by a client)."""

    FORMER_LOCALITY = (
        "former_locality",
        "“%(slug)s” is a former unit; use “%(successor)s”, which took it over.",
    )
    INVALID_CHOICE = "invalid_choice", "There is no such choice."
    INVALID_DATE = "invalid_date", "The value is not a date: YYYY, YYYY-MM or YYYY-MM-DD."
    INVALID_URL = "invalid_url", "“%(url)s” is not a web address."
    NOT_ASKED = "not_asked", "This delegation has not been asked about this meeting yet."
    PARTY_BOTH = "party_both", "Choose a locality or an organisation for a party, not both."
    UNKNOWN_LOCALITY = "unknown_locality", "There is no locality “%(slug)s”."
    UNKNOWN_ORGANISATION = "unknown_organisation", "There is no organisation with the id %(id)s."
    UNKNOWN_PROPOSAL = "unknown_proposal", "There is no proposal with the id %(id)s."
    UNKNOWN_SECTOR = "unknown_sector", "There is no sector “%(key)s”."


class UnknownPath(Http404):
    """No operation of the API lives at this address."""


class SchemaError(ErrorCode):
    """The codes of `invalid_input`'s details: pydantic's error types that request schemas
    produce (a type not listed here keeps its pydantic name)."""

    MISSING = "missing", "This field is required."
    STRING_TOO_LONG = "string_too_long", "Ensure this text has at most %(max_length)s characters."
    STRING_TOO_SHORT = (
        "string_too_short",
        "Ensure this text has at least %(min_length)s characters.",
    )
    TOO_LONG = "too_long", "Give at most %(max_length)s items."
    TOO_SHORT = "too_short", "Give at least %(min_length)s items."
    ENUM = "enum", "Choose one of: %(expected)s."
    LITERAL_ERROR = "literal_error", "Choose one of: %(expected)s."
    INT_PARSING = "int_parsing", "Enter a whole number."
    INT_TYPE = "int_type", "Enter a whole number."
    INT_FROM_FLOAT = "int_from_float", "Enter a whole number."
    GREATER_THAN_EQUAL = (
        "greater_than_equal",
        "Ensure this value is greater than or equal to %(ge)s.",
    )
    LESS_THAN_EQUAL = "less_than_equal", "Ensure this value is less than or equal to %(le)s."
    GREATER_THAN = "greater_than", "Ensure this value is greater than %(gt)s."
    LESS_THAN = "less_than", "Ensure this value is less than %(lt)s."
    BOOL_PARSING = "bool_parsing", "Enter true or false."
    BOOL_TYPE = "bool_type", "Enter true or false."
    STRING_TYPE = "string_type", "Enter a text."
    LIST_TYPE = "list_type", "Enter a list."
    DICT_TYPE = "dict_type", "Enter an object."
    MODEL_TYPE = "model_type", "Enter an object."
    MODEL_ATTRIBUTES_TYPE = "model_attributes_type", "Enter an object."
    EXTRA_FORBIDDEN = "extra_forbidden", "This field is not expected."
    NULL_CHARACTER = "null_character", "Null characters are not allowed."
    INVALID_TEXT = "invalid_text", "The text contains characters that are not valid Unicode."


# Messages for the pydantic error types that request schemas produce. %(name)s placeholders
# are filled from the error's context.
SCHEMA_MESSAGES = {
    SchemaError.MISSING: _("This field is required."),
    SchemaError.STRING_TOO_LONG: _("Ensure this text has at most %(max_length)s characters."),
    SchemaError.STRING_TOO_SHORT: _("Ensure this text has at least %(min_length)s characters."),
    SchemaError.TOO_LONG: _("Give at most %(max_length)s items."),
    SchemaError.TOO_SHORT: _("Give at least %(min_length)s items."),
    SchemaError.ENUM: _("Choose one of: %(expected)s."),
    SchemaError.LITERAL_ERROR: _("Choose one of: %(expected)s."),
    SchemaError.INT_PARSING: _("Enter a whole number."),
    SchemaError.INT_TYPE: _("Enter a whole number."),
    SchemaError.INT_FROM_FLOAT: _("Enter a whole number."),
    SchemaError.GREATER_THAN_EQUAL: _("Ensure this value is greater than or equal to %(ge)s."),
    SchemaError.LESS_THAN_EQUAL: _("Ensure this value is less than or equal to %(le)s."),
    SchemaError.GREATER_THAN: _("Ensure this value is greater than %(gt)s."),
    SchemaError.LESS_THAN: _("Ensure this value is less than %(lt)s."),
    SchemaError.BOOL_PARSING: _("Enter true or false."),
    SchemaError.BOOL_TYPE: _("Enter true or false."),
    SchemaError.STRING_TYPE: _("Enter a text."),
    SchemaError.LIST_TYPE: _("Enter a list."),
    SchemaError.DICT_TYPE: _("Enter an object."),
    SchemaError.MODEL_TYPE: _("Enter an object."),
    SchemaError.MODEL_ATTRIBUTES_TYPE: _("Enter an object."),
    SchemaError.EXTRA_FORBIDDEN: _("This field is not expected."),
    SchemaError.NULL_CHARACTER: _("Null characters are not allowed."),
    SchemaError.INVALID_TEXT: _("The text contains characters that are not valid Unicode."),
}
INVALID_VALUE = _("This value is not valid.")


def _error(api: NinjaAPI, request, status: int, code: ErrorCode, message, details=(), headers=None):
    body = {"code": code, "message": str(message), "details": list(details)}
    response = api.create_response(request, body, status=status)
    for name, value in (headers or {}).items():
        response[name] = value
    return response


def _schema_field(loc) -> str | None:
    """ninja's location -> the field as the client sent it.

    A JSON body's location names the view's parameter after "body" ("body", "payload",
    "parties", 0, "locality" -> "parties.0.locality"): that name is not part of the request,
    so it goes. Multipart locations already name the field the client sent ("file", "file" ->
    "file"; "form", "title" -> "title"), so nothing but the source is dropped there."""
    parts = list(loc)
    source = parts.pop(0) if parts else None
    if source == "body" and parts:
        parts.pop(0)
    return ".".join(str(part) for part in parts) or None


def _schema_message(error: dict) -> str:
    template = SCHEMA_MESSAGES.get(error.get("type"), INVALID_VALUE)
    context = dict(error.get("ctx") or {})
    if "expected" in context:
        # pydantic writes "'VN' or 'JP'" (or "1 or 3") in English; list the values without
        # the glue words.
        expected = str(context["expected"])
        values = re.findall(r"'([^']*)'", expected) or re.split(r",\s*|\s+or\s+", expected)
        context["expected"] = ", ".join(value for value in values if value)
    try:
        return str(template) % context
    except (KeyError, TypeError, ValueError):
        return str(INVALID_VALUE)


def on_schema_error(request, exc: NinjaValidationError, api: NinjaAPI):
    details = [
        {
            "field": _schema_field(error.get("loc", ())),
            "code": error.get("type", ApiError.INVALID),
            "message": _schema_message(error),
        }
        for error in exc.errors
    ]
    return _error(
        api,
        request,
        422,
        ApiError.INVALID_INPUT,
        gettext("The request is not valid; see the details."),
        details,
    )


def _django_message(error: DjangoValidationError) -> str:
    message = error.message
    if error.params:
        message = message % error.params
    return str(message)


def _django_details(exc: DjangoValidationError):
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            for error in errors:
                yield {
                    "field": None if field == "__all__" else field,
                    "code": error.code or ApiError.INVALID,
                    "message": _django_message(error),
                }
    else:
        for error in exc.error_list:
            yield {
                "field": None,
                "code": error.code or ApiError.INVALID,
                "message": _django_message(error),
            }


def on_invalid(request, exc: DjangoValidationError, api: NinjaAPI):
    """A service (or an input lookup) refused the data: its first error gives the code."""
    details = list(_django_details(exc))
    first = details[0] if details else {"code": ApiError.INVALID, "message": str(INVALID_VALUE)}
    return _error(api, request, 422, first["code"], first["message"], details)


def on_not_found(request, exc, api: NinjaAPI):
    return _error(
        api,
        request,
        404,
        ApiError.NOT_FOUND,
        gettext("There is no such record, or you may not see it."),
    )


def on_unknown_path(request, exc, api: NinjaAPI):
    return _error(
        api, request, 404, ApiError.NOT_FOUND, gettext("There is no such address in this API.")
    )


def on_forbidden(request, exc, api: NinjaAPI):
    return _error(api, request, 403, ApiError.FORBIDDEN, gettext("You are not allowed to do this."))


def on_not_authenticated(request, exc, api: NinjaAPI):
    return _error(
        api,
        request,
        401,
        ApiError.NOT_AUTHENTICATED,
        gettext("Sign in, or send a personal API token as “Authorization: Bearer <key>”."),
        headers={"WWW-Authenticate": "Bearer"},
    )


def on_invalid_token(request, exc, api: NinjaAPI):
    return _error(
        api,
        request,
        401,
        ApiError.INVALID_TOKEN,
        gettext("The API token is not valid, or it has been revoked."),
        headers={"WWW-Authenticate": 'Bearer error="invalid_token"'},
    )


def on_csrf_failed(request, exc, api: NinjaAPI):
    return _error(
        api,
        request,
        403,
        ApiError.CSRF_FAILED,
        gettext(
            "The CSRF check failed. Send the csrftoken cookie's value in the X-CSRFToken header."
        ),
    )


def on_http_error(request, exc: HttpError, api: NinjaAPI):
    # ninja raises HttpError(400) for a body that is not JSON; other statuses are unexpected
    # here but keep their status.
    if exc.status_code == 400:
        return _error(
            api,
            request,
            400,
            ApiError.MALFORMED_REQUEST,
            gettext("The request body is not valid JSON."),
        )
    return _error(
        api,
        request,
        exc.status_code,
        ApiError.HTTP_ERROR,
        gettext("The request could not be handled."),
    )


def on_bad_request(request, exc, api: NinjaAPI):
    return _error(
        api, request, 400, ApiError.BAD_REQUEST, gettext("The request could not be read.")
    )


def on_database_unavailable(request, exc, api: NinjaAPI):
    """The database cannot be reached (a restart, a failover): 503, try again shortly."""
    logger.warning("Database unavailable in %s %s: %s", request.method, request.path, exc)
    return _error(
        api,
        request,
        503,
        ApiError.UNAVAILABLE,
        gettext("The service is briefly unavailable. Try again in a moment."),
        headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
    )


def on_server_error(request, exc: Exception, api: NinjaAPI):
    logger.exception("Unhandled error in %s %s", request.method, request.path, exc_info=exc)
    return _error(
        api,
        request,
        500,
        ApiError.SERVER_ERROR,
        gettext("Something went wrong on our side. The error has been logged."),
    )


HANDLERS = [
    (NinjaValidationError, on_schema_error),
    (DjangoValidationError, on_invalid),
    (UnknownPath, on_unknown_path),
    (Http404, on_not_found),
    (ObjectDoesNotExist, on_not_found),
    (PermissionDenied, on_forbidden),
    (InvalidToken, on_invalid_token),
    (AuthenticationError, on_not_authenticated),
    (CsrfFailed, on_csrf_failed),
    (HttpError, on_http_error),
    (SuspiciousOperation, on_bad_request),
    (RawPostDataException, on_bad_request),
    (MultiPartParserError, on_bad_request),  # e.g. a multipart body without its boundary
    (OperationalError, on_database_unavailable),
    (InterfaceError, on_database_unavailable),
    (Exception, on_server_error),
]


def install_error_handlers(api: NinjaAPI) -> None:
    """Replace ninja's default handlers; the most specific class of an exception wins."""
    for exception_class, handler in HANDLERS:
        api.add_exception_handler(exception_class, partial(handler, api=api))
