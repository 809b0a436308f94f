"""The demo proposals in all three languages: each is translated by a person into the two
languages it was not written in, a second load writes nothing, and a reader meets the
translation with a note and the original one click away."""

import pytest
from django.urls import reverse

from kakehashi.accounts.models import User
from kakehashi.common.models import AuditEntry
from kakehashi.common.translations import TranslationSource
from kakehashi.demo.loader import load_demo
from kakehashi.demo.people import demo_email
from kakehashi.demo.proposal_translations import PROPOSAL_TRANSLATIONS, Text
from kakehashi.demo.proposals import DEMO_PROPOSALS
from kakehashi.proposals.models import Proposal, ProposalStatus, ProposalTranslation
from kakehashi.proposals.translation_services import LIMITS

pytestmark = pytest.mark.django_db

LANGUAGES = {"vi", "ja", "en"}
DEMO_MARK = {"vi": " (demo)", "en": " (demo)", "ja": "（デモ）"}
COLD_CHAIN = "Tìm công nghệ kho lạnh tiết kiệm năng lượng cho thủy sản xuất khẩu (demo)"


@pytest.fixture
def demo():
    load_demo()


def translation_entries():
    return AuditEntry.objects.filter(model_label="proposals.proposaltranslation")


def test_the_table_translates_every_demo_proposal_and_nothing_else():
    assert set(PROPOSAL_TRANSLATIONS) == {fields["title"] for _, _, fields in DEMO_PROPOSALS}
    for title, texts in PROPOSAL_TRANSLATIONS.items():
        assert len(texts) == 2, title
        for language, text in texts.items():
            assert language in LANGUAGES
            # As the originals write it: " (demo)" in vi and en, "（デモ）" in ja.
            assert text.title.endswith(DEMO_MARK[language]), text.title
            assert text.title.count(DEMO_MARK[language].strip()) == 1, text.title
            for field, limit in LIMITS.items():
                value = getattr(text, field)
                assert value == value.strip() and len(value) <= limit, (title, field)


def test_every_demo_proposal_is_translated_by_a_person_into_both_other_languages(demo):
    proposals = Proposal.objects.filter(is_demo=True)
    assert proposals.count() == len(DEMO_PROPOSALS)
    assert proposals.filter(status=ProposalStatus.PUBLISHED).count() == 8
    for proposal in proposals:
        rows = {row.language: row for row in proposal.translations.all()}
        assert set(rows) == LANGUAGES - {proposal.language}, proposal.title
        for language, row in rows.items():
            assert row.is_human and row.made_by is not None, proposal.title
            expected = PROPOSAL_TRANSLATIONS[proposal.title][language]
            assert Text(row.title, row.summary, row.description) == expected
    assert {p.language for p in proposals} == LANGUAGES


def test_a_demo_member_translates_for_their_organisation_otherwise_the_administrator(demo):
    coldchain = User.objects.get(email=demo_email("coldchain"))
    admin = User.objects.get(email=demo_email("admin"))
    request = Proposal.objects.get(title=COLD_CHAIN)
    assert {(row.source, row.made_by) for row in request.translations.all()} == {
        (TranslationSource.COLLEAGUE, coldchain)
    }
    # Hanoi's department has no demo account: its proposal is translated by the administrator.
    waste = Proposal.objects.get(organisation__name__startswith="Sở Tài chính Hà Nội")
    assert {(row.source, row.made_by) for row in waste.translations.all()} == {
        (TranslationSource.MODERATOR, admin)
    }
    # The Kansai association's request, by the robotics company's head, a member of it.
    kansai = Proposal.objects.get(organisation__name__startswith="Kansai–Vietnam")
    assert {row.made_by.email for row in kansai.translations.all()} == {demo_email("robotics")}


def test_the_japanese_translation_of_the_cold_chain_request_uses_the_glossary_term(demo):
    japanese = ProposalTranslation.objects.get(proposal__title=COLD_CHAIN, language="ja")
    assert "冷凍倉庫" in japanese.title and "冷凍倉庫" in japanese.summary
    english = ProposalTranslation.objects.get(proposal__title=COLD_CHAIN, language="en")
    assert "cold storage" in english.title


def test_a_second_load_writes_no_translation(demo):
    rows = ProposalTranslation.objects.count()
    entries = translation_entries().count()
    stamps = list(ProposalTranslation.objects.order_by("pk").values_list("pk", "updated_at"))
    assert rows == 18 and entries == 18

    load_demo()

    assert ProposalTranslation.objects.count() == rows
    assert translation_entries().count() == entries
    assert list(ProposalTranslation.objects.order_by("pk").values_list("pk", "updated_at")) == (
        stamps
    )


def test_a_load_restores_a_missing_or_changed_translation_and_only_that(demo):
    japanese = ProposalTranslation.objects.get(proposal__title=COLD_CHAIN, language="ja")
    japanese.title = "別の題名（デモ）"
    japanese.save()
    ProposalTranslation.objects.filter(proposal__title=COLD_CHAIN, language="en").delete()
    entries = translation_entries().count()

    load_demo()

    assert translation_entries().count() == entries + 2
    japanese.refresh_from_db()
    assert japanese.title == PROPOSAL_TRANSLATIONS[COLD_CHAIN]["ja"].title
    assert ProposalTranslation.objects.filter(proposal__title=COLD_CHAIN, language="en").exists()


def test_a_japanese_reader_sees_the_translation_with_its_note_and_the_original(client, demo):
    request = Proposal.objects.get(title=COLD_CHAIN)
    japanese = PROPOSAL_TRANSLATIONS[COLD_CHAIN]["ja"]
    url = reverse("proposals:detail", args=[request.pk])
    client.cookies["kakehashi_language"] = "ja"

    html = client.get(url).content.decode()
    assert japanese.title in html and japanese.summary in html
    assert COLD_CHAIN not in html
    assert "ベトナム語から作成者と同じ団体のメンバーが翻訳しました。" in html
    assert '<a href="?original=1">原文を表示</a>' in html

    original = client.get(url, {"original": "1"}).content.decode()
    assert COLD_CHAIN in original and "ベトナム語の原文です。" in original


def test_a_japanese_search_in_the_demo_finds_the_cold_chain_request_in_japanese(client, demo):
    from kakehashi.matching.services import rebuild_index

    rebuild_index()  # the test's transaction never commits: the upkeep tasks did not run
    japanese = PROPOSAL_TRANSLATIONS[COLD_CHAIN]["ja"]
    client.cookies["kakehashi_language"] = "ja"
    response = client.get(reverse("matching:search"), {"q": "冷凍倉庫"})
    html = response.content.decode()
    assert japanese.title in html and COLD_CHAIN not in html
    assert "ベトナム語から翻訳" in html
