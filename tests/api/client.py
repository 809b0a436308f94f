"""A JSON client for the API tests."""

import json

from django.test import Client

from kakehashi.accounts.services import create_api_token
from tests.api.documented import undocumented_code


class ApiClient:
    """The Django test client speaking JSON, optionally with a bearer token."""

    def __init__(self, client: Client, key: str | None = None, language: str = "en"):
        self.client = client
        self.headers = {"Accept-Language": language}
        if key:
            self.headers["Authorization"] = f"Bearer {key}"

    def _send(self, method, path, body=None, raw=None, **headers):
        data = raw if raw is not None else (json.dumps(body) if body is not None else None)
        kwargs = {"headers": {**self.headers, **headers}}
        if data is not None:
            kwargs.update(data=data, content_type="application/json")
        response = getattr(self.client, method)(f"/api/v1{path}", **kwargs)
        problem = undocumented_code(method, path, response)
        assert problem is None, problem
        return response

    def get(self, path, **headers):
        return self._send("get", path, **headers)

    def post(self, path, body=None, **kwargs):
        return self._send("post", path, body, **kwargs)

    def put(self, path, body=None, **kwargs):
        return self._send("put", path, body, **kwargs)

    def patch(self, path, body=None, **kwargs):
        return self._send("patch", path, body, **kwargs)

    def delete(self, path, **headers):
        return self._send("delete", path, **headers)


def key_for(user) -> str:
    _token, key = create_api_token(user=user, name="tests")
    return key
