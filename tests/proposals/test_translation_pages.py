"""The proposal page in the reader's language: the translation with who made it and a link
to the original, or "no translation yet" with a link to add one for those who may; the page
where people translate, and who may not."""

import pytest
from django.urls import reverse

from kakehashi.common.translations import TranslationSource
from kakehashi.proposals.models import ProposalTranslation, original_fingerprint
from kakehashi.proposals.translation_services import save_machine_translation, save_translation
from tests.factories import OrganisationFactory, UserFactory, locality, member_of
from tests.proposals.factories import JA_TITLE, VI_TITLE, page

pytestmark = pytest.mark.usefixtures("reference")


def test_the_reader_sees_the_translation_marked_with_its_translator(client, proposal, author):
    save_translation(
        proposal=proposal,
        language="ja",
        title=JA_TITLE,
        summary="JAS規格のブラックタイガーを加工しています。",
        by=author,
    )
    html = page(client, proposal, "ja")
    assert f'<h1 lang="ja">{JA_TITLE}</h1>' in html
    assert "JAS規格のブラックタイガーを加工しています。" in html
    assert 'href="?original=1"' in html

    original = page(client, proposal, "ja", original="1")
    assert f'<h1 lang="vi">{VI_TITLE}</h1>' in original
    assert JA_TITLE not in original

    client.cookies["kakehashi_language"] = "en"
    english = client.get(proposal.get_absolute_url()).content.decode()
    assert "No translation into English yet." in english
    # The original, with the terms the glossary knows marked (common/gist.py).
    assert (
        '<h1 lang="vi"><mark class="gist" lang="vi">Tôm</mark>'
        '<span class="gist-term" lang="en"> (shrimp)</span> đông lạnh cho thị trường Nhật Bản</h1>'
    ) in english


def test_a_machine_translation_says_so(client, proposal):
    save_machine_translation(
        proposal=proposal,
        language="en",
        title="Frozen shrimp for the Japanese market",
        summary="We process black tiger shrimp.",
        made_from=original_fingerprint(proposal),
    )
    html = page(client, proposal, "en")
    assert '<h1 lang="en">Frozen shrimp for the Japanese market</h1>' in html
    assert "Machine translation from Vietnamese: it may contain mistakes." in html
    assert "Show the original" in html


def test_members_of_the_organisation_are_offered_to_add_a_translation(client, proposal, author):
    add = reverse("proposals:translate", args=[proposal.pk]) + "?language=en"
    client.force_login(member_of(proposal.organisation))
    assert add in page(client, proposal, "en")

    response = client.post(
        add,
        {
            "language": "en",
            "title": "Frozen shrimp",
            "summary": "Black tiger shrimp to JAS standards.",
            "description": "",
        },
    )
    assert response.status_code == 302
    row = ProposalTranslation.objects.get(proposal=proposal, language="en")
    assert (row.source, row.title) == (TranslationSource.COLLEAGUE, "Frozen shrimp")


def test_the_original_language_is_refused_with_a_message(client, proposal, author):
    client.force_login(author)
    response = client.post(
        reverse("proposals:translate", args=[proposal.pk]),
        {"language": "vi", "title": "Tôm", "summary": "Tôm", "description": ""},
    )
    assert response.status_code == 200
    assert "Select a valid choice." in response.content.decode()
    assert not ProposalTranslation.objects.exists()


@pytest.mark.parametrize("who", ["anonymous", "other_member", "stranger"])
def test_others_are_not_offered_and_may_not_add_one(client, proposal, who):
    if who == "other_member":
        client.force_login(member_of(OrganisationFactory(locality=locality("hanoi"))))
    elif who == "stranger":
        client.force_login(UserFactory())
    url = reverse("proposals:translate", args=[proposal.pk])
    html = page(client, proposal, "en")
    assert "No translation into English yet." in html
    assert url not in html

    response = client.post(
        url + "?language=en",
        {"language": "en", "title": "Frozen shrimp", "summary": "Shrimp", "description": ""},
    )
    if who == "anonymous":
        assert response.status_code == 302 and "/accounts/" in response["Location"]
    else:
        assert response.status_code == 403
        assert client.get(url).status_code == 403
    assert not ProposalTranslation.objects.exists()


def test_the_notes_are_in_the_readers_language(client, proposal):
    assert "日本語への翻訳はまだありません。" in page(client, proposal, "ja")
    save_machine_translation(
        proposal=proposal,
        language="ja",
        title=JA_TITLE,
        summary="",
        made_from=original_fingerprint(proposal),
    )
    html = page(client, proposal, "ja")
    assert "ベトナム語からの機械翻訳です。誤りを含む場合があります。" in html
    assert "原文を表示" in html
