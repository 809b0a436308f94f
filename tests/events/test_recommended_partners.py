"""A delegation sees which other delegations of the event fit it best, with the matching's
reasons; an anonymous proposal never leads to its owner."""

import pytest

from kakehashi.events.services import answer_request, send_request
from kakehashi.matching import live
from kakehashi.matching.services import rebuild_index
from tests.events.builders import build_conference
from tests.proposals.factories import published

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_index():
    live.forget()
    yield
    live.forget()


def describe(registration, name, text, language):
    organisation = registration.organisation
    organisation.name, organisation.description, organisation.language = name, text, language
    organisation.save()


def test_recommended_partners_with_reasons(client, reference):
    event, _organiser, delegations = build_conference()
    (danang, danang_user), (osaka, _), (aichi, _), (hue, _) = (
        delegations[key] for key in ("danang", "osaka", "aichi", "hue")
    )
    describe(
        danang,
        "Cảng Đà Nẵng",
        "Cảng Đà Nẵng cần công nghệ kho lạnh để bảo quản thủy sản xuất khẩu.",
        "vi",
    )
    describe(
        osaka,
        "大阪水産物流協会",
        "水産物の冷凍倉庫と低温物流の省エネ技術を提供する企業の団体です。",
        "ja",
    )
    describe(aichi, "愛知機械工業会", "自動車部品と工作機械のメーカーの団体です。", "ja")
    describe(hue, "Hợp tác xã Du lịch Huế", "", "vi")
    # Hue's anonymous offer on the same subject must not point to Hue.
    published(
        organisation=hue.organisation,
        kind="technology_offer",
        title="Giải pháp kho lạnh thủy sản",
        summary="Kho lạnh bảo quản tôm, cá tra xuất khẩu.",
        language="vi",
        is_anonymous=True,
    )
    rebuild_index()

    client.force_login(danang_user)
    response = client.get(f"/events/{event.slug}/meetings/")
    assert response.status_code == 200
    recommended = response.context["recommended"]
    partners = [partner.organisation for _delegation, partner in recommended]
    assert partners[0] == osaka.organisation
    assert hue.organisation not in partners
    assert recommended[0][1].reasons
    assert f"recipient={osaka.pk}" in response.content.decode()


@pytest.mark.parametrize("status", ["pending", "accepted"])
@pytest.mark.parametrize("direction", ["sent", "received"])
def test_partners_with_a_request_already_are_left_out_and_counted(
    client, reference, status, direction
):
    event, _organiser, delegations = build_conference()
    (danang, danang_user), (osaka, osaka_user), (aichi, _) = (
        delegations[key] for key in ("danang", "osaka", "aichi")
    )
    describe(danang, "Cảng Đà Nẵng", "Cảng Đà Nẵng cần công nghệ kho lạnh thủy sản.", "vi")
    describe(osaka, "大阪水産物流協会", "水産物の冷凍倉庫と低温物流の技術を提供します。", "ja")
    describe(aichi, "愛知冷凍倉庫協会", "冷凍倉庫と水産物の低温物流を手がける団体です。", "ja")
    rebuild_index()
    if direction == "sent":
        sent = send_request(sender=danang, recipient=osaka, by=danang_user)
        answerer = osaka_user
    else:
        sent = send_request(sender=osaka, recipient=danang, by=osaka_user)
        answerer = danang_user
    if status == "accepted":
        answer_request(meeting_request=sent, accept=True, by=answerer)

    client.force_login(danang_user)
    response = client.get(f"/events/{event.slug}/meetings/")
    partners = [partner.organisation for _delegation, partner in response.context["recommended"]]
    assert osaka.organisation not in partners
    assert partners[0] == aichi.organisation
    assert response.context["already_requested"] == 1
    assert "1 delegation you already have a request with is not shown." in response.content.decode()


def test_declined_requests_do_not_hide_a_partner(client, reference):
    event, _organiser, delegations = build_conference()
    (danang, danang_user), (osaka, osaka_user) = (delegations[k] for k in ("danang", "osaka"))
    describe(danang, "Cảng Đà Nẵng", "Cảng Đà Nẵng cần công nghệ kho lạnh thủy sản.", "vi")
    describe(osaka, "大阪水産物流協会", "水産物の冷凍倉庫と低温物流の技術を提供します。", "ja")
    rebuild_index()
    sent = send_request(sender=danang, recipient=osaka, by=danang_user)
    answer_request(meeting_request=sent, accept=False, by=osaka_user)

    client.force_login(danang_user)
    response = client.get(f"/events/{event.slug}/meetings/")
    partners = [partner.organisation for _delegation, partner in response.context["recommended"]]
    assert partners[0] == osaka.organisation
    assert response.context["already_requested"] == 0
    assert 'id="already-requested"' not in response.content.decode()
