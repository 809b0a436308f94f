"""Who may translate a proposal, what the translation records, what is refused; a machine
draft never replaces a person's translation."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError

from kakehashi.common.models import AuditAction, AuditEntry
from kakehashi.common.translations import TranslationSource
from kakehashi.proposals.machine_drafts import languages_to_draft
from kakehashi.proposals.models import ProposalStatus, ProposalTranslation, original_fingerprint
from kakehashi.proposals.queries import translation_for
from kakehashi.proposals.translation_services import save_machine_translation
from tests.factories import OrganisationFactory, UserFactory, locality, member_of
from tests.proposals.factories import moderator_of, translate

pytestmark = pytest.mark.usefixtures("reference")


def test_the_author_a_colleague_and_a_moderator_translate_with_their_source(
    proposal, author, company
):
    colleague = member_of(company)
    moderator = moderator_of("ho-chi-minh-city")

    row = translate(proposal, author, "ja")
    assert (row.source, row.made_by, row.title) == (
        TranslationSource.AUTHOR,
        author,
        "日本市場向け冷凍エビ",
    )
    assert row.made_from == original_fingerprint(proposal)
    assert translate(proposal, colleague, "en", title="Frozen shrimp").source == (
        TranslationSource.COLLEAGUE
    )
    # A moderator's translation replaces the colleague's: one row per language.
    row = translate(proposal, moderator, "en", title="Frozen shrimp for Japan")
    assert (row.source, row.made_by) == (TranslationSource.MODERATOR, moderator)
    assert sorted(proposal.translations.values_list("language", "title")) == [
        ("en", "Frozen shrimp for Japan"),
        ("ja", "日本市場向け冷凍エビ"),
    ]
    entries = AuditEntry.objects.filter(owners=company).order_by("pk")
    assert [entry.action for entry in entries] == [
        AuditAction.CREATED,
        AuditAction.CREATED,
        AuditAction.CHANGED,
    ]
    assert entries.last().before["title"] == "Frozen shrimp"
    assert entries.last().after["title"] == "Frozen shrimp for Japan"


@pytest.mark.parametrize(
    "who", ["other_member", "other_moderator", "anonymous", "stranger", "moderator_of_a_draft"]
)
def test_others_may_not_translate(proposal, who):
    if who == "moderator_of_a_draft":
        proposal.status = ProposalStatus.DRAFT
        proposal.published_on = proposal.expires_on = None
        proposal.save()
    by = {
        "other_member": lambda: member_of(OrganisationFactory(locality=locality("hanoi"))),
        "other_moderator": lambda: moderator_of("hanoi"),
        "anonymous": AnonymousUser,
        "stranger": UserFactory,
        "moderator_of_a_draft": lambda: moderator_of("ho-chi-minh-city"),
    }[who]()
    with pytest.raises(PermissionDenied):
        translate(proposal, by)
    assert not ProposalTranslation.objects.exists()
    assert not AuditEntry.objects.exists()


@pytest.mark.parametrize(
    ("language", "texts", "code", "message"),
    [
        ("vi", {}, "original_language", "The proposal is written in Vietnamese"),
        ("fr", {}, "language_invalid", "Choose Vietnamese, Japanese or English."),
        ("ja", {"title": "   "}, "title_missing", "Give the translation into Japanese a title."),
        (
            "ja",
            {"summary": "x" * 501},
            "too_long",
            "The summary in Japanese can be at most 500 characters long (you entered 501).",
        ),
    ],
)
def test_bad_input_is_refused_and_writes_nothing(proposal, author, language, texts, code, message):
    with pytest.raises(ValidationError) as refused:
        translate(proposal, author, language, **texts)
    assert refused.value.code == code
    assert message in refused.value.messages[0]
    assert not ProposalTranslation.objects.exists()
    assert not AuditEntry.objects.exists()


def test_a_machine_draft_never_replaces_a_person_but_a_person_replaces_a_draft(proposal, author):
    made_from = original_fingerprint(proposal)
    draft = save_machine_translation(
        proposal=proposal, language="ja", title="冷凍エビ", summary="", made_from=made_from
    )
    assert (draft.source, draft.made_by) == (TranslationSource.MACHINE, None)
    assert languages_to_draft(proposal) == ["en"]

    human = translate(proposal, author, "ja", title="日本市場向け冷凍エビ")
    assert human.pk == draft.pk and human.source == TranslationSource.AUTHOR

    kept = save_machine_translation(
        proposal=proposal, language="ja", title="機械", summary="", made_from=made_from
    )
    assert kept is None
    assert translation_for(proposal, "ja").title == "日本市場向け冷凍エビ"


def test_a_draft_of_an_older_text_is_not_stored_and_is_redone(proposal):
    old = original_fingerprint(proposal)
    save_machine_translation(
        proposal=proposal, language="en", title="Shrimp", summary="", made_from=old
    )
    proposal.summary = "Chúng tôi chế biến tôm thẻ."
    proposal.save()
    assert languages_to_draft(proposal) == ["en", "ja"]
    stale = save_machine_translation(
        proposal=proposal, language="ja", title="エビ", summary="", made_from=old
    )
    assert stale is None
    assert not proposal.translations.filter(language="ja").exists()


def test_translation_for_the_reader(proposal, author):
    assert translation_for(proposal, "ja") is None
    translate(proposal, author, "ja")
    assert translation_for(proposal, "ja").title == "日本市場向け冷凍エビ"
    assert translation_for(proposal, "vi") is None
