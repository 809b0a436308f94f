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


def filters_id(filters: dict) -> str:
    """A test id for a set of filters: `locality=hanoi&kind=sister_city` (empty: all rows)."""
    return "&".join(map("=".join, filters.items()))


def page_and_api_rows(
    client, user, url_name: str, path: str, filters: dict, api_filters: dict | None = None
) -> tuple[list, list]:
    """The ids the page (`url_name`) and the API's list (`path`) give `user` (anonymous if
    None) for the same filters, each sorted: the test asserts they are equal.
    `api_filters` are the API's names of the filters, where they differ from the page's."""
    if user is not None:
        client.force_login(user)
    page = sorted(page_rows(client, url_name, filters))
    return page, sorted(api_rows(user, path, filters if api_filters is None else api_filters))
