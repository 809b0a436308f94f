"""A proposal's translations through the API: read with the proposal, written and deleted one
language at a time through the translation services, with who may not and bad input in the
API's error shape."""

import pytest
from django.test import Client

from kakehashi.common.models import AuditEntry
from kakehashi.proposals.models import ProposalTranslation, original_fingerprint
from kakehashi.proposals.translation_services import save_machine_translation, save_translation
from tests.api.client import ApiClient, key_for
from tests.factories import OrganisationFactory, UserFactory, locality, member_of
from tests.proposals.factories import ProposalFactory, moderator_of, published

pytestmark = pytest.mark.usefixtures("reference")

VI_TITLE = "Kho lạnh cho thủy sản xuất khẩu"
JA_TITLE = "輸出水産物向け冷凍倉庫"


def api(user=None, language="en"):
    return ApiClient(Client(), key_for(user) if user else None, language=language)


@pytest.fixture
def company():
    return OrganisationFactory(locality=locality("can-tho"))


@pytest.fixture
def author(company):
    return member_of(company)


@pytest.fixture
def proposal(company, author):
    return published(
        organisation=company,
        created_by=author,
        language="vi",
        title=VI_TITLE,
        summary="Cần đối tác Nhật Bản đầu tư kho lạnh.",
    )


def url(proposal, language=None):
    path = f"/proposals/{proposal.pk}/translations"
    return f"{path}/{language}" if language else path


def test_the_detail_returns_the_translations(proposal, author):
    row = save_translation(
        proposal=proposal, language="ja", title=JA_TITLE, summary="冷凍倉庫", by=author
    )
    body = api().get(f"/proposals/{proposal.pk}").json()
    assert body["translations"] == [
        {
            "language": "ja",
            "title": JA_TITLE,
            "summary": "冷凍倉庫",
            "description": "",
            "advantages": "",
            "sought": "",
            "partner_role": "",
            "source": "author",
            "made_at": row.made_at.isoformat(),
        }
    ]
    assert api().get(url(proposal)).json() == body["translations"]
    # The list stays as it was: its rows carry no translations.
    assert "translations" not in api().get("/proposals").json()["items"][0]


def test_the_author_writes_and_replaces_a_translation(proposal, author):
    response = api(author).put(url(proposal, "ja"), {"title": JA_TITLE, "summary": "概要"})
    assert response.status_code == 200, response.json()
    assert (response.json()["source"], response.json()["title"]) == ("author", JA_TITLE)
    response = api(author).put(url(proposal, "ja"), {"title": JA_TITLE + "（改訂）"})
    assert response.json()["summary"] == ""
    row = ProposalTranslation.objects.get()
    assert (row.title, row.made_by, row.made_from) == (
        JA_TITLE + "（改訂）",
        author,
        original_fingerprint(proposal),
    )


def test_a_moderator_translates_a_published_proposal(proposal):
    moderator = moderator_of("can-tho")
    response = api(moderator).put(url(proposal, "en"), {"title": "Cold storage"})
    assert response.status_code == 200
    assert response.json()["source"] == "moderator"


@pytest.mark.parametrize(
    ("who", "status", "code"),
    [
        ("anonymous", 401, "not_authenticated"),
        ("stranger", 403, "forbidden"),
        ("other_organisation", 403, "forbidden"),
        ("other_moderator", 403, "forbidden"),
    ],
)
def test_who_may_not_write_or_delete(proposal, author, who, status, code):
    save_translation(proposal=proposal, language="ja", title=JA_TITLE, summary="", by=author)
    user = {
        "anonymous": lambda: None,
        "stranger": UserFactory,
        "other_organisation": lambda: member_of(OrganisationFactory(locality=locality("hanoi"))),
        "other_moderator": lambda: moderator_of("hanoi"),
    }[who]()
    response = api(user).put(url(proposal, "en"), {"title": "Cold storage"})
    assert (response.status_code, response.json()["code"]) == (status, code)
    response = api(user).delete(url(proposal, "ja"))
    assert (response.status_code, response.json()["code"]) == (status, code)
    assert [row.language for row in ProposalTranslation.objects.all()] == ["ja"]


def test_a_draft_is_not_found_by_a_moderator(company, author):
    draft = ProposalFactory(organisation=company, created_by=author, language="vi")
    response = api(moderator_of("can-tho")).put(url(draft, "ja"), {"title": JA_TITLE})
    assert (response.status_code, response.json()["code"]) == (404, "not_found")


@pytest.mark.parametrize(
    ("language", "body", "code", "field", "message"),
    [
        (
            "fr",
            {"title": "Entrepôt"},
            "language_invalid",
            "language",
            "Choose Vietnamese, Japanese or English.",
        ),
        (
            "vi",
            {"title": "Kho lạnh"},
            "original_language",
            "title",
            "The proposal is written in Vietnamese: leave its translation into Vietnamese empty.",
        ),
        (
            "ja",
            {"title": "   "},
            "invalid_input",
            "title",
            "Ensure this text has at least 1 characters.",
        ),
        (
            "ja",
            {"title": "x" * 201},
            "invalid_input",
            "title",
            "Ensure this text has at most 200 characters.",
        ),
        (
            "ja",
            {"title": "x", "notes": "?"},
            "invalid_input",
            "notes",
            "This field is not expected.",
        ),
    ],
)
def test_bad_input_is_a_422_in_the_error_shape_and_writes_nothing(
    proposal, author, language, body, code, field, message
):
    response = api(author).put(url(proposal, language), body)
    assert response.status_code == 422
    error = response.json()
    assert error["code"] == code
    assert [(d["field"], d["message"]) for d in error["details"]] == [(field, message)]
    assert not ProposalTranslation.objects.exists()
    assert not AuditEntry.objects.exists()


def test_the_refusal_follows_accept_language(proposal, author):
    response = api(author, language="vi").put(url(proposal, "vi"), {"title": "Kho lạnh"})
    assert response.json()["message"] == (
        "Đề xuất được viết bằng tiếng Việt: hãy để trống phần bản dịch sang tiếng Việt."
    )
    response = api(author, language="ja").put(url(proposal, "vi"), {"title": "x"})
    assert response.json()["message"] == (
        "この案件はベトナム語で書かれています。ベトナム語訳の欄は空欄にしてください。"
    )


def test_delete_removes_a_persons_translation_not_a_machine_draft(proposal, author):
    save_translation(proposal=proposal, language="ja", title=JA_TITLE, summary="", by=author)
    save_machine_translation(
        proposal=proposal,
        language="en",
        title="Cold storage",
        summary="",
        made_from=original_fingerprint(proposal),
    )
    response = api(author).delete(url(proposal, "en"))
    assert (response.status_code, response.json()["code"]) == (422, "machine_translation")
    assert response.json()["message"] == (
        "The translation into English is a machine translation: write one to replace it."
    )
    assert api(author).delete(url(proposal, "ja")).status_code == 204
    assert [row.language for row in ProposalTranslation.objects.all()] == ["en"]
    assert AuditEntry.objects.filter(action="deleted").count() == 1
    response = api(author).delete(url(proposal, "ja"))
    assert (response.status_code, response.json()["code"]) == (404, "not_found")


@pytest.fixture
def request_proposal(company, author):
    return published(
        organisation=company,
        created_by=author,
        kind="business_request",
        language="vi",
        title=VI_TITLE,
        summary="Cần đối tác Nhật Bản.",
        sought="Công nghệ máy nén hiệu suất cao.",
        partner_role="Chuyển giao công nghệ.",
    )


def test_the_kinds_texts_are_written_and_read_one_language_at_a_time(request_proposal, author):
    body = {"title": JA_TITLE, "sought": "高効率の冷凍機技術。", "partner_role": "技術移転。"}
    response = api(author).put(url(request_proposal, "ja"), body)
    assert response.status_code == 200, response.json()
    read = api().get(url(request_proposal, "ja"))
    assert read.status_code == 200
    assert {name: read.json()[name] for name in ("sought", "partner_role", "advantages")} == {
        "sought": "高効率の冷凍機技術。",
        "partner_role": "技術移転。",
        "advantages": "",
    }
    assert api().get(url(request_proposal, "en")).status_code == 404


@pytest.mark.parametrize(
    ("body", "code", "field", "message"),
    [
        (
            {"title": JA_TITLE, "advantages": "強み"},
            "not_of_kind",
            "advantages",
            "This kind of proposal has no advantages and innovation: leave their translation "
            "into Japanese empty.",
        ),
        (
            {"title": JA_TITLE, "sought": "求" * 2001},
            "invalid_input",
            "sought",
            "Ensure this text has at most 2000 characters.",
        ),
    ],
)
def test_a_kind_text_refused_is_a_422_and_writes_nothing(
    request_proposal, author, body, code, field, message
):
    response = api(author).put(url(request_proposal, "ja"), body)
    assert response.status_code == 422
    error = response.json()
    assert error["code"] == code
    assert [(d["field"], d["message"]) for d in error["details"]] == [(field, message)]
    assert not ProposalTranslation.objects.exists()
    assert not AuditEntry.objects.exists()
