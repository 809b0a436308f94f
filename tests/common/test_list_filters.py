"""A list page whose link holds a value its filter does not know (a place not in the
directory, a sector or kind that does not exist) lists what the form then shows, every row
for that filter, and says in the reader's language what it left out (common/list_filters.py).
"""

import pytest
from django.urls import reverse

from tests.factories import OrganisationFactory, locality, partnership_between
from tests.proposals.factories import published

pytestmark = pytest.mark.usefixtures("reference")

LISTS = ["directory:organisations", "proposals:list", "partnerships:list"]
NOTICES = {
    "locality": "Đường dẫn yêu cầu một địa phương không có trong danh bạ (“atlantis”)",
    "sector": "Đường dẫn yêu cầu một lĩnh vực không tồn tại (“atlantis”)",
    "kind": "Đường dẫn yêu cầu một loại hình không tồn tại (“atlantis”)",
}


@pytest.fixture
def rows():
    organisation = OrganisationFactory(locality=locality("hanoi"))
    published(organisation=organisation)
    partnership_between(locality("hanoi"), locality("osaka-prefecture"))


def listed(client, url_name, query):
    response = client.get(reverse(url_name), query, HTTP_ACCEPT_LANGUAGE="vi")
    assert response.status_code == 200
    return response, [row.pk for row in response.context["page"].object_list]


@pytest.mark.parametrize("url_name", LISTS)
@pytest.mark.parametrize("key", sorted(NOTICES))
def test_an_unknown_value_is_left_out_and_said_so(client, rows, url_name, key):
    _response, everything = listed(client, url_name, {})
    assert everything
    response, found = listed(client, url_name, {key: "atlantis"})
    assert found == everything
    html = response.content.decode()
    assert NOTICES[key] in html
    assert 'value="atlantis"' not in html and "selected>atlantis" not in html


@pytest.mark.parametrize("url_name", LISTS)
def test_a_known_value_filters_without_a_notice(client, rows, url_name):
    response, found = listed(client, url_name, {"sector": "healthcare"})
    assert found == []
    assert "Đường dẫn yêu cầu" not in response.content.decode()


def test_a_long_unknown_value_is_cut_in_the_notice(client, rows):
    response, _found = listed(client, "proposals:list", {"locality": "x" * 500})
    assert "x" * 60 + "”" in response.content.decode()
    assert "x" * 61 + "”" not in response.content.decode()
