"""The API reads and writes translations of partnership records and of obstacles' public
texts: who may write them (and who may not), and bad input in the API's error shape."""

import datetime as dt

import pytest

from kakehashi.obstacles import services as obstacle_services
from kakehashi.obstacles.models import ObstacleTranslation, RoutingRule
from kakehashi.obstacles.services import ObstacleInput
from kakehashi.partnerships.models import PartnershipTranslation, Renewal
from tests.factories import OrganisationFactory, locality, member_of, partnership_between

pytestmark = pytest.mark.django_db

TITLE_JA = "大阪府とダナン市との交流に関する覚書"


@pytest.fixture
def agreement(org_b):
    partnership = partnership_between(org_b, locality("da-nang"), title="Osaka – Da Nang MoU")
    Renewal.objects.create(
        partnership=partnership, renewed_on=dt.date(2020, 1, 1), note="MoU renewed"
    )
    return partnership


def body(**changes):
    return {"title": TITLE_JA, "renewal_notes": {"MoU renewed": "覚書を更新"}} | changes


def test_a_party_writes_a_translation_and_everyone_reads_it(
    as_user, anonymous, agreement, member_b
):
    url = f"/partnerships/{agreement.pk}/translations/ja"
    response = as_user(member_b).put(url, body())
    assert response.status_code == 201
    assert response.json()["source"] == "colleague"
    assert as_user(member_b).put(url, body(title=TITLE_JA + "（改）")).status_code == 200

    listed = anonymous.get(f"/partnerships/{agreement.pk}/translations").json()
    assert [(row["language"], row["title"], row["source"]) for row in listed] == [
        ("ja", TITLE_JA + "（改）", "colleague")
    ]
    assert listed[0]["renewal_notes"] == {"MoU renewed": "覚書を更新"}
    assert listed[0]["made_at"]
    record = anonymous.get(f"/partnerships/{agreement.pk}").json()
    assert record["translations"][0]["title"] == TITLE_JA + "（改）"


def test_who_may_not_write_a_translation(as_user, anonymous, agreement, member_a):
    url = f"/partnerships/{agreement.pk}/translations/ja"
    assert anonymous.put(url, body()).status_code == 401
    response = as_user(member_a).put(url, body())
    assert response.status_code == 403 and response.json()["code"] == "forbidden"
    assert not PartnershipTranslation.objects.exists()


@pytest.mark.parametrize(
    ("language", "payload", "status", "code"),
    [
        ("en", body(), 422, "original_language"),
        ("fr", body(), 422, "invalid_input"),
        ("ja", body(title=""), 422, "invalid_input"),
        ("ja", body(title="題" * 201), 422, "invalid_input"),
        ("ja", body(renewal_notes={"Renewed": "更新"}), 422, "note_unknown"),
        ("ja", body(colour="red"), 422, "invalid_input"),
    ],
)
def test_bad_input_is_refused_in_the_apis_shape(
    as_user, agreement, member_b, language, payload, status, code
):
    response = as_user(member_b, language="ja").put(
        f"/partnerships/{agreement.pk}/translations/{language}", payload
    )
    assert response.status_code == status
    assert response.json()["code"] == code
    assert response.json()["message"]
    assert not PartnershipTranslation.objects.exists()


@pytest.fixture
def closed_obstacle(org_a, member_a, reference):
    authority = OrganisationFactory(
        name="Sở Tài chính", kind="local_government", locality=locality("ho-chi-minh-city")
    )
    officer = member_of(authority)
    RoutingRule.objects.create(
        locality=locality("ho-chi-minh-city"), country="VN", category="any", authority=authority
    )
    obstacle = obstacle_services.file_obstacle(
        data=ObstacleInput(
            title="Giấy phép bị chậm",
            category="licences",
            locality=locality("ho-chi-minh-city"),
            description="Chưa có trả lời.",
            language="vi",
        ),
        organisation=org_a,
        by=member_a,
    )
    obstacle_services.assign(obstacle=obstacle, owner=officer, by=officer)
    return obstacle_services.resolve(
        obstacle=obstacle, reason="Đã cấp.", public_summary="Giấy phép đã được cấp.", by=officer
    )


def test_obstacle_translations_through_the_api(as_user, anonymous, closed_obstacle, member_a):
    url = f"/obstacles/{closed_obstacle.pk}/translations/ja"
    assert anonymous.put(url, {"title": "許可の遅れ"}).status_code == 401
    outsider = member_of(OrganisationFactory(name="Another company"))
    assert as_user(outsider).put(url, {"title": "許可の遅れ"}).status_code == 403
    refused = as_user(member_a).put(url, {"title": "", "public_summary": "許可が発行されました。"})
    assert (refused.status_code, refused.json()["code"]) == (422, "title_missing")
    assert refused.json()["details"][0]["field"] == "title"
    assert not ObstacleTranslation.objects.exists()

    response = as_user(member_a).put(
        url, {"title": "許可の遅れ", "public_summary": "許可が発行されました。"}
    )
    assert response.status_code == 201
    assert response.json()["source"] == "author"
    shown = anonymous.get(f"/obstacles/{closed_obstacle.pk}").json()
    assert shown["summary_language"] == "vi"
    assert [
        (row["language"], row["title"], row["public_summary"]) for row in shown["translations"]
    ] == [("ja", "許可の遅れ", "許可が発行されました。")]
    assert anonymous.get(f"/obstacles/{closed_obstacle.pk}/translations").json()[0]["title"] == (
        "許可の遅れ"
    )
