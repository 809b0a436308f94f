"""Personal API tokens: created by a signed-in person (the key is shown once), listed and
revoked by their owner."""

import datetime as dt

from django.shortcuts import get_object_or_404
from ninja import Field, Path, Router, Schema, Status

from kakehashi.accounts import services
from kakehashi.accounts.errors import AccountError
from kakehashi.accounts.models import ApiToken
from kakehashi.api.auth import SESSION_ONLY
from kakehashi.api.schemas import MAX_ID, InputSchema, error_responses, text

# The codes this module's operations refuse data with (api/openapi.py documents them).
ERROR_CODES = (AccountError.NAME_MISSING,)


router = Router(tags=["tokens"])


class TokenOut(Schema):
    id: int
    name: str
    prefix: str = Field(..., description="The first characters of the key, to recognise it")
    created_at: dt.datetime
    last_used_at: dt.datetime | None
    revoked_at: dt.datetime | None
    is_active: bool


class TokenCreated(TokenOut):
    key: str = Field(..., description="Send as `Authorization: Bearer <key>`. Shown only now.")


class TokenList(Schema):
    count: int
    items: list[TokenOut]


class TokenIn(InputSchema):
    name: text(100, min_length=1) = Field(..., description="What the token is for")


@router.post(
    "/tokens",
    response={201: TokenCreated, **error_responses(401, 403, 422)},
    auth=SESSION_ONLY,
)
def create_token(request, payload: TokenIn):
    """Create a token for the signed-in user (session only, with the CSRF token)."""
    token, key = services.create_api_token(user=request.user, name=payload.name)
    token.key = key
    return Status(201, token)


@router.get("/tokens", response={200: TokenList, **error_responses(401)})
def list_tokens(request):
    """The caller's own tokens, newest first, without their keys."""
    tokens = list(ApiToken.objects.filter(user=request.user).order_by("-created_at", "-pk"))
    return {"count": len(tokens), "items": tokens}


@router.delete("/tokens/{token_id}", response={204: None, **error_responses(401, 404, 422)})
def revoke_token(request, token_id: int = Path(..., ge=1, le=MAX_ID)):
    """Revoke one of the caller's tokens (revoking twice is harmless)."""
    token = get_object_or_404(ApiToken, pk=token_id, user=request.user)
    services.revoke_api_token(token=token)
    return Status(204, None)
