"""Odd query strings and unknown addresses get a page or a 404, never a server error."""

import pytest

from tests.factories import UserFactory

pytestmark = pytest.mark.usefixtures("reference")

ODD = [
    "/localities/?country=ZZ&former=maybe",
    "/organisations/?kind=<script>&country=1&sector=%00&page=-1",
    "/organisations/?page=99999999999999999999",
    "/partnerships/?kind=x&status=y&sector=z&page=abc",
    "/partnerships/999999999/",
    "/partnerships/1/documents/2/",
    "/organisations/999999999/",
    "/localities/%E2%9C%93/",
    "/accounts/confirm/%00/",
    "/transfer/imports/999999999/",
    "/transfer/templates/nonsense.csv",
    "/transfer/export/nonsense.pdf",
    "/api/v1/partnerships/abc",
]


@pytest.mark.parametrize("url", ODD)
@pytest.mark.parametrize("signed_in", [False, True])
def test_no_server_error(client, url, signed_in):
    if signed_in:
        client.force_login(UserFactory())
    response = client.get(url)
    assert response.status_code in {200, 302, 400, 403, 404, 422}, (url, response.status_code)
