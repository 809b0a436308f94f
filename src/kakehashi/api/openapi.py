"""The OpenAPI document as the API behaves: what every operation can answer besides what its
router declares. One place, so that a status the error handlers (errors.py) can produce is
documented wherever it can occur."""

from ninja import NinjaAPI

ERROR = {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorOut"}}}
UNREADABLE_BODY = (
    "The body could not be read: `malformed_request` (not JSON) or `bad_request` (e.g. a "
    "multipart body without its boundary)."
)


class DocumentedAPI(NinjaAPI):
    def get_openapi_schema(self, *, path_prefix=None, path_params=None):
        schema = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        for operations in schema["paths"].values():
            for operation in operations.values():
                document_operation(operation)
        return schema


def document_operation(operation: dict) -> None:
    body = operation.get("requestBody")
    if body is None:
        return
    responses = operation.setdefault("responses", {})
    if 400 not in responses and "400" not in responses:  # ninja keys statuses by int
        responses[400] = {"description": UNREADABLE_BODY, "content": ERROR}
    for media in body.get("content", {}).values():
        for field in media.get("schema", {}).get("properties", {}).values():
            if field.get("format") == "binary":
                # Django reads an empty file part as no file: the field is then missing.
                field.setdefault("minLength", 1)
