"""The rows a list page and the API's list give, for the page-versus-API filter tests
(tests/<app>/test_list_filters.py)."""

from django.test import Client
from django.urls import reverse

from tests.api.client import ApiClient, key_for


def page_rows(client, url_name: str, filters: dict, *, pages=("page",), field="pk") -> list:
    """The `field` of the rows the page lists (from the view's context: the paginated page,
    or the named lists), in the page's order."""
    response = client.get(reverse(url_name), filters)
    assert response.status_code == 200
    rows = []
    for name in pages:
        listed = response.context[name]
        rows += [getattr(row, field) for row in getattr(listed, "object_list", listed)]
    return rows


def api_rows(user, path: str, filters: dict, *, field="id") -> list:
    """The `field` of the items the API's list gives the user (anonymous if None) for the
    filters, in the API's order, up to 200."""
    api = ApiClient(Client(), key_for(user) if user else None)
    query = "".join(f"&{key}={value}" for key, value in filters.items())
    response = api.get(f"{path}?limit=200{query}")
    assert response.status_code == 200, response.content
    return [item[field] for item in response.json()["items"]]
