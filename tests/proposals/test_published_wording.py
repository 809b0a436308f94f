"""The word "Published" means three things on the marketplace: a proposal's status (vi
"Đã công bố", not the verb "Công bố"), the date column of a list and the period on a
proposal's page."""

import pytest
from django.urls import reverse

from tests.proposals.factories import page, published

pytestmark = pytest.mark.usefixtures("reference")


def test_the_status_is_a_state_not_a_verb(client):
    html = page(client, published(title="Cold storage"), "vi")
    assert '<span class="badge published">Đã công bố</span>' in html
    assert "<dt>Thời hạn công bố</dt>" in html


def test_the_list_names_the_date_column_and_each_card_on_a_phone(client):
    published(title="Cold storage")
    client.cookies["kakehashi_language"] = "ja"
    html = client.get(reverse("proposals:list")).content.decode()
    assert "<th>公開日</th>" in html
    assert 'data-label="公開日"' in html
    assert 'class="table-scroll stack-on-phone"' in html
