"""The REST API at /api/v1/: one router per app, token or session authentication, one error
shape (see errors.py). OpenAPI at /api/v1/openapi.json, interactive docs at /api/v1/docs."""

from ninja import Router
from ninja.renderers import JSONRenderer

from kakehashi.api import (
    events,
    insights,
    localities,
    matching,
    messaging,
    obstacles,
    organisations,
    partnerships,
    proposal_translations,
    proposals,
    tokens,
    translations,
)
from kakehashi.api.auth import AUTHENTICATED
from kakehashi.api.errors import UnknownPath, install_error_handlers
from kakehashi.api.openapi import DocumentedAPI

DESCRIPTION = """
Reads are public: anonymous callers see published records. Writes need a personal API token,
sent as `Authorization: Bearer <key>` (create one on your profile page or with
`POST /api/v1/tokens` while signed in), or the session of a signed-in browser with its CSRF token.

Every error is `{"code": "...", "message": "...", "details": [{"field", "code", "message"}]}`;
messages follow `Accept-Language` (en, vi, ja).
"""


class Utf8JSONRenderer(JSONRenderer):
    """Vietnamese and Japanese as themselves, not as escaped code points."""

    json_dumps_params = {"ensure_ascii": False}


api = DocumentedAPI(
    renderer=Utf8JSONRenderer(),
    title="Kakehashi API",
    version="1",
    description=DESCRIPTION,
    urls_namespace="api",
    auth=AUTHENTICATED,
)
install_error_handlers(api)

api.add_router("", localities.router)
api.add_router("", organisations.router)
api.add_router("", partnerships.router)
api.add_router("", proposals.router)
api.add_router("", proposal_translations.router)
api.add_router("", matching.router)
api.add_router("", obstacles.router)
api.add_router("", tokens.router)
api.add_router("", messaging.router)
api.add_router("", insights.router)
api.add_router("", events.router)
api.add_router("", translations.router)

# Last: any other path under /api/v1/ answers 404 in the API's error shape, not the HTML page.
fallback = Router()


@fallback.api_operation(
    ["GET", "POST", "PUT", "PATCH", "DELETE"], "/{path:rest}", auth=None, include_in_schema=False
)
def unknown_path(request, rest: str):
    raise UnknownPath


api.add_router("", fallback)
