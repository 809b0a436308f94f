"""Wording a Vietnamese or Japanese reader sees on the registry's pages: a date known only to
the year or month starts its cell with a capital, and an untitled source is "Nguồn 1", one
translated sentence rather than a word and a number glued together."""

import datetime

import pytest
from django.urls import reverse

from kakehashi.partnerships.models import Source
from tests.factories import locality, partnership_between

pytestmark = pytest.mark.usefixtures("reference")


def read(client, url: str, language: str) -> str:
    client.cookies["kakehashi_language"] = language
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def agreement():
    partnership = partnership_between(
        locality("osaka-prefecture"),
        locality("ho-chi-minh-city"),
        title="Osaka MoU",
        signed_on=datetime.date(1995, 1, 1),
        signed_precision="year",
    )
    Source.objects.create(partnership=partnership, url="https://example.org/osaka")
    return partnership


def test_a_year_only_date_starts_its_cell_with_a_capital_in_vietnamese(client, agreement):
    place = read(client, reverse("locality", args=["osaka-prefecture"]), "vi")
    listing = read(client, reverse("partnerships:list"), "vi")
    detail = read(client, agreement.get_absolute_url(), "vi")
    for html in (place, listing, detail):
        assert "Năm 1995" in html
        assert ">năm 1995" not in html


def test_a_year_only_date_stays_as_written_in_japanese(client, agreement):
    assert "1995年" in read(client, reverse("locality", args=["osaka-prefecture"]), "ja")


@pytest.mark.parametrize(
    ("language", "label"), [("vi", "Nguồn 1"), ("ja", "出典1"), ("en", "Source 1")]
)
def test_an_untitled_source_is_numbered_in_one_sentence(client, agreement, language, label):
    html = read(client, reverse("locality", args=["osaka-prefecture"]), language)
    assert f'target="_blank">{label}</a>' in html
