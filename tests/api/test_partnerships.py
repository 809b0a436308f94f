import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kakehashi.directory.models import Sector
from kakehashi.partnerships.models import Partnership, PartnershipParty, Renewal, Source
from tests.factories import UserFactory, locality, partnership_between

pytestmark = pytest.mark.django_db


def new_partnership(org_a, **changes) -> dict:
    """A valid body for POST /partnerships, recorded by org_a with Osaka Prefecture."""
    return {
        "title": "Robotics cooperation",
        "kind": "field_mou",
        "sectors": ["investment"],
        "signed_on": "2016-09",
        "parties": [{"organisation": org_a.pk}, {"locality": "osaka-prefecture"}],
    } | changes


def counts():
    return Partnership.objects.count(), PartnershipParty.objects.count()


def test_anonymous_sees_only_published_partnerships(anonymous, org_b):
    shown = partnership_between(org_b, locality("da-nang"), title="Shown")
    hidden = partnership_between(org_b, locality("hue"), title="Hidden", is_published=False)

    body = anonymous.get("/partnerships").json()

    assert body["count"] == 1
    assert [item["id"] for item in body["items"]] == [shown.pk]
    assert anonymous.get(f"/partnerships/{hidden.pk}").status_code == 404


def test_a_party_sees_its_unpublished_partnership(as_user, org_b, member_b):
    hidden = partnership_between(org_b, locality("hue"), title="Hidden", is_published=False)

    body = as_user(member_b).get("/partnerships").json()

    assert [item["id"] for item in body["items"]] == [hidden.pk]


def test_a_partnership_in_full(anonymous, org_b):
    partnership = partnership_between(
        org_b,
        locality("binh-duong-before-2025"),
        title="Osaka – Binh Duong",
        signed_on=dt.date(2016, 9, 1),
        signed_precision="month",
        type_as_stated="Memorandum of understanding",
        summary="Exchange of trainees.",
    )
    partnership.sectors.set([Sector.objects.get(key="investment")])
    Renewal.objects.create(
        partnership=partnership, renewed_on=dt.date(2021, 1, 1), precision="year", note="renewed"
    )
    Source.objects.create(partnership=partnership, url="https://example.org/mou")

    body = anonymous.get(f"/partnerships/{partnership.pk}").json()

    assert body == {
        "id": partnership.pk,
        "title": "Osaka – Binh Duong",
        "kind": "cooperation_mou",
        "type_as_stated": "Memorandum of understanding",
        "status": "active",
        "signed_on": "2016-09",
        "signed_precision": "month",
        "sectors": ["investment"],
        "parties": [
            {
                "name_as_signed": "大阪府",
                "locality": None,
                "organisation": org_b.pk,
                "current_locality": "osaka-prefecture",
            },
            {
                "name_as_signed": "Binh Duong",
                "locality": "binh-duong-before-2025",
                "organisation": None,
                "current_locality": "ho-chi-minh-city",
            },
        ],
        "renewals": [{"date": "2021", "precision": "year", "note": "renewed"}],
        "sources": ["https://example.org/mou"],
        "is_published": True,
        "is_demo": False,
        "summary": "Exchange of trainees.",
        "language": "en",
        "translations": [],
    }


def test_locality_filter_includes_the_former_units_it_took_over(anonymous, org_b):
    merged = partnership_between(org_b, locality("binh-duong-before-2025"), title="Merged")
    partnership_between(org_b, locality("hanoi"), title="Elsewhere")

    body = anonymous.get("/partnerships?locality=ho-chi-minh-city").json()

    assert [item["id"] for item in body["items"]] == [merged.pk]


def test_unknown_locality_filter_is_422(anonymous, reference):
    response = anonymous.get("/partnerships?locality=atlantis")

    assert response.status_code == 422
    assert response.json()["code"] == "unknown_locality"
    assert response.json()["details"] == [
        {
            "field": "locality",
            "code": "unknown_locality",
            "message": "There is no locality “atlantis”.",
        }
    ]


def test_the_list_costs_the_same_queries_for_one_or_many(anonymous, org_b):
    def queries_for_list():
        with CaptureQueriesContext(connection) as captured:
            assert anonymous.get("/partnerships").status_code == 200
        return len(captured)

    partnership_between(org_b, locality("hue"))
    one = queries_for_list()
    for slug in ("hanoi", "da-nang", "binh-duong-before-2025"):
        partnership_between(org_b, locality(slug))

    assert queries_for_list() == one


def test_token_authenticated_post_creates_a_partnership(as_user, org_a, member_a):
    body = new_partnership(
        org_a,
        parties=[
            {"organisation": org_a.pk},
            {"locality": "binh-duong-before-2025", "name_as_signed": "Tỉnh Bình Dương"},
        ],
        renewals=[{"date": "2021-03-02", "note": "renewed for five years"}],
        sources=["https://example.org/news/1"],
    )

    response = as_user(member_a).post("/partnerships", body)

    assert response.status_code == 201
    created = Partnership.objects.get()
    assert created.recorded_by == org_a
    assert created.created_by == member_a
    result = response.json()
    assert result["id"] == created.pk
    assert result["signed_on"] == "2016-09"
    assert result["signed_precision"] == "month"
    assert result["parties"] == [
        {
            "name_as_signed": "Saigon Robotics",
            "locality": None,
            "organisation": org_a.pk,
            "current_locality": "ho-chi-minh-city",
        },
        {
            "name_as_signed": "Tỉnh Bình Dương",
            "locality": "binh-duong-before-2025",
            "organisation": None,
            "current_locality": "ho-chi-minh-city",
        },
    ]
    assert result["renewals"] == [
        {"date": "2021-03-02", "precision": "day", "note": "renewed for five years"}
    ]
    assert result["sources"] == ["https://example.org/news/1"]


@pytest.mark.parametrize("date", ["2016-13-45", "yesterday", "2016-02-30", "0000"])
def test_a_wrong_date_is_refused_and_nothing_is_written(as_user, org_a, member_a, date):
    before = counts()

    response = as_user(member_a).post("/partnerships", new_partnership(org_a, signed_on=date))

    assert response.status_code == 422
    assert response.json()["code"] == "invalid_date"
    assert [d["field"] for d in response.json()["details"]] == ["signed_on"]
    assert counts() == before


def test_unknown_locality_slug_is_named_in_the_error(as_user, org_a, member_a):
    before = counts()
    body = new_partnership(org_a, parties=[{"organisation": org_a.pk}, {"locality": "atlantis"}])

    response = as_user(member_a).post("/partnerships", body)

    assert response.status_code == 422
    assert response.json() == {
        "code": "unknown_locality",
        "message": "There is no locality “atlantis”.",
        "details": [
            {
                "field": "parties.1.locality",
                "code": "unknown_locality",
                "message": "There is no locality “atlantis”.",
            }
        ],
    }
    assert counts() == before


def test_unknown_sector_is_refused(as_user, org_a, member_a):
    before = counts()

    response = as_user(member_a).post(
        "/partnerships", new_partnership(org_a, sectors=["investment", "alchemy"])
    )

    assert response.status_code == 422
    assert response.json()["code"] == "unknown_sector"
    assert response.json()["details"][0]["field"] == "sectors.1"
    assert response.json()["message"] == "There is no sector “alchemy”."
    assert counts() == before


def test_every_bad_value_is_reported_at_once(as_user, org_a, member_a):
    body = new_partnership(
        org_a,
        signed_on="soon",
        sectors=["alchemy"],
        sources=["ftp://example.org/file"],
        parties=[{"organisation": org_a.pk}, {"locality": "atlantis"}],
    )

    response = as_user(member_a).post("/partnerships", body)

    assert response.status_code == 422
    assert [(d["field"], d["code"]) for d in response.json()["details"]] == [
        ("sectors.0", "unknown_sector"),
        ("signed_on", "invalid_date"),
        ("sources.0", "invalid_url"),
        ("parties.1.locality", "unknown_locality"),
    ]


def test_fewer_than_two_parties_is_refused(as_user, org_a, member_a):
    before = counts()

    response = as_user(member_a).post(
        "/partnerships", new_partnership(org_a, parties=[{"organisation": org_a.pk}])
    )

    assert response.status_code == 422
    assert response.json()["code"] == "too_few_parties"
    assert response.json()["message"] == "A partnership needs at least two parties."
    assert counts() == before


def test_a_party_is_a_locality_or_an_organisation_not_both(as_user, org_a, member_a):
    before = counts()
    body = new_partnership(
        org_a,
        parties=[{"organisation": org_a.pk, "locality": "hanoi"}, {"locality": "osaka-prefecture"}],
    )

    response = as_user(member_a).post("/partnerships", body)

    assert response.status_code == 422
    assert response.json()["code"] == "party_both"
    assert counts() == before


def test_recording_an_agreement_between_others_is_refused(as_user, org_a, member_a):
    before = counts()
    body = new_partnership(org_a, parties=[{"locality": "hanoi"}, {"locality": "osaka-prefecture"}])

    response = as_user(member_a).post("/partnerships", body)

    assert response.status_code == 422
    assert response.json()["code"] == "not_a_party"
    assert counts() == before


def test_someone_acting_for_no_organisation_may_not_record(as_user, org_a):
    response = as_user(UserFactory()).post("/partnerships", new_partnership(org_a))

    assert response.status_code == 403
    assert response.json()["code"] == "forbidden"
    assert Partnership.objects.count() == 0


def test_a_party_can_patch_and_omitted_fields_keep_their_values(as_user, org_b, member_b):
    partnership = partnership_between(
        org_b, locality("da-nang"), title="Old title", is_demo=True, summary="Kept."
    )
    partnership.sectors.set([Sector.objects.get(key="trade")])

    response = as_user(member_b).patch(
        f"/partnerships/{partnership.pk}", {"title": "New title", "signed_on": "2016-09-13"}
    )

    assert response.status_code == 200
    partnership.refresh_from_db()
    assert partnership.title == "New title"
    assert (partnership.signed_on, partnership.signed_precision) == (dt.date(2016, 9, 13), "day")
    assert partnership.summary == "Kept."
    assert partnership.is_demo is True
    assert [s.key for s in partnership.sectors.all()] == ["trade"]
    assert [p.name_as_signed for p in partnership.parties.all()] == ["大阪府", "Da Nang"]


def test_patch_replaces_the_parties_with_the_ones_sent(as_user, org_b, member_b):
    partnership = partnership_between(org_b, locality("da-nang"))

    response = as_user(member_b).patch(
        f"/partnerships/{partnership.pk}",
        {"parties": [{"organisation": org_b.pk}, {"locality": "hue"}, {"locality": "hanoi"}]},
    )

    assert response.status_code == 200
    assert [party["current_locality"] for party in response.json()["parties"]] == [
        "osaka-prefecture",
        "hue",
        "hanoi",
    ]
    assert partnership.parties.count() == 3


def test_patch_cannot_remove_the_editors_own_party(as_user, org_b, member_b):
    partnership = partnership_between(org_b, locality("da-nang"))

    response = as_user(member_b).patch(
        f"/partnerships/{partnership.pk}", {"parties": [{"locality": "hue"}, {"locality": "hanoi"}]}
    )

    assert response.status_code == 422
    assert response.json()["code"] == "not_a_party"
    assert [p.organisation_id for p in partnership.parties.all()] == [org_b.pk, None]


def test_patch_with_a_wrong_date_changes_nothing(as_user, org_b, member_b):
    partnership = partnership_between(org_b, locality("da-nang"), title="Old title")

    response = as_user(member_b).patch(
        f"/partnerships/{partnership.pk}", {"title": "New title", "signed_on": "2016-13-45"}
    )

    assert response.status_code == 422
    assert response.json()["code"] == "invalid_date"
    partnership.refresh_from_db()
    assert partnership.title == "Old title"


def test_a_member_of_another_organisation_cannot_patch_or_delete(as_user, org_b, member_a):
    partnership = partnership_between(org_b, locality("da-nang"), title="Theirs")
    client = as_user(member_a)

    patched = client.patch(f"/partnerships/{partnership.pk}", {"title": "Mine now"})
    deleted = client.delete(f"/partnerships/{partnership.pk}")

    assert (patched.status_code, patched.json()["code"]) == (403, "forbidden")
    assert (deleted.status_code, deleted.json()["code"]) == (403, "forbidden")
    partnership.refresh_from_db()
    assert partnership.title == "Theirs"
    assert partnership.parties.count() == 2


def test_an_unpublished_partnership_of_others_is_404_for_writes(as_user, org_b, member_a):
    partnership = partnership_between(org_b, locality("da-nang"), is_published=False)
    client = as_user(member_a)

    assert client.patch(f"/partnerships/{partnership.pk}", {"title": "x"}).status_code == 404
    assert client.delete(f"/partnerships/{partnership.pk}").status_code == 404
    assert Partnership.objects.filter(pk=partnership.pk).exists()


def test_a_party_can_delete(as_user, org_b, member_b):
    partnership = partnership_between(org_b, locality("da-nang"))

    response = as_user(member_b).delete(f"/partnerships/{partnership.pk}")

    assert response.status_code == 204
    assert response.content == b""
    assert not Partnership.objects.filter(pk=partnership.pk).exists()


def test_anonymous_writes_are_401(anonymous, org_b):
    partnership = partnership_between(org_b, locality("da-nang"))

    for response in (
        anonymous.post("/partnerships", {"title": "x"}),
        anonymous.patch(f"/partnerships/{partnership.pk}", {"title": "x"}),
        anonymous.delete(f"/partnerships/{partnership.pk}"),
    ):
        assert response.status_code == 401
        assert response.json()["code"] == "not_authenticated"
    assert Partnership.objects.count() == 1
