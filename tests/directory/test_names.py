"""Names are stored as they read: invisible and direction-changing characters go, a name of
nothing is refused, and a name that reads like another organisation's waits unpublished for a
platform administrator (so nobody passes for someone else)."""

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from kakehashi.common.names import clean_name, comparison_key, is_empty_looking
from kakehashi.directory import services
from kakehashi.directory.models import HeldReason, Organisation, OrganisationKind
from tests.api.client import ApiClient, key_for
from tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("  Sở  Ngoại vụ\u200b TP.HCM ", "Sở Ngoại vụ TP.HCM"),
        ("ＪＥＴＲＯ Hanoi", "JETRO Hanoi"),
        ("ﾅﾆﾜ ﾛﾎﾞﾃｨｸｽ", "ナニワ ロボティクス"),
        ("Osaka\u202e Trade\u2066 Office\u2069", "Osaka Trade Office"),
        ("Line\nbreak", "Line break"),
    ],
)
def test_names_are_stored_as_they_read(typed, stored):
    assert clean_name(typed) == stored


@pytest.mark.parametrize("typed", ["\u200b", " \u200b\u200c\ufeff ", "---", "\u202e\u202c", ""])
def test_a_name_of_nothing_looks_empty(typed):
    assert is_empty_looking(typed)


def test_names_a_reader_takes_for_the_same_share_a_key():
    assert comparison_key("Sở Ngoại vụ TP.HCM") == comparison_key("SO NGOAI VU TP HCM")
    assert comparison_key("Đà Nẵng") == comparison_key("da nang")
    assert comparison_key("ガス") != comparison_key("カス")  # a voiced mark is a difference


def _fields(name, **extra):
    return {"name": name, "kind": OrganisationKind.COMPANY, "country": "VN", **extra}


def test_an_invisible_name_is_refused_and_nothing_is_written(reference):
    user = UserFactory()
    with pytest.raises(ValidationError) as raised:
        services.create_organisation(by=user, **_fields("\u200b\u200d"))
    assert raised.value.code == "name_empty"
    assert not Organisation.objects.exists()


def test_a_name_like_another_is_held_unpublished(reference):
    OrganisationFactory(name="Saigon Cold Chain Logistics", is_published=True)
    user = UserFactory()
    copy = services.create_organisation(
        by=user, **_fields("SAIGON  cold-chain\u200b logistics", is_published=True)
    )
    assert (copy.is_published, copy.held_reason) == (False, HeldReason.SIMILAR_NAME)
    # Its own administrator cannot publish it past the review...
    services.update_organisation(organisation=copy, by=user, is_published=True)
    copy.refresh_from_db()
    assert (copy.is_published, copy.held_reason) == (False, HeldReason.SIMILAR_NAME)
    # ...a platform administrator can.
    admin = UserFactory(is_superuser=True, is_staff=True)
    services.update_organisation(organisation=copy, by=admin, is_published=True)
    copy.refresh_from_db()
    assert (copy.is_published, copy.held_reason) == (True, "")


def test_a_different_name_is_published_at_once(reference):
    OrganisationFactory(name="Saigon Cold Chain Logistics")
    other = services.create_organisation(
        by=UserFactory(), **_fields("Saigon Seafood Export", is_published=True)
    )
    assert (other.is_published, other.held_reason) == (True, "")


def test_the_api_refuses_an_invisible_name_and_holds_a_copy(reference):
    OrganisationFactory(name="JETRO Hanoi", is_published=True)
    api = ApiClient(Client(), key_for(UserFactory()))
    refused = api.post("/organisations", {"name": "\u200b", "kind": "company", "country": "VN"})
    assert refused.status_code == 422
    assert Organisation.objects.count() == 1
    held = api.post(
        "/organisations", {"name": "ＪＥＴＲＯ  hanoi", "kind": "company", "country": "VN"}
    )
    assert held.status_code == 201, held.json()
    body = held.json()
    assert (body["name"], body["is_published"], body["held_reason"]) == (
        "JETRO hanoi",
        False,
        "similar_name",
    )
